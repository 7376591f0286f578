import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import {
  ACTIVITY_STREAM_EMAIL_EVENT_KINDS,
  CONTACT_STREAM_EMAIL_EVENT_KINDS,
  LIFECYCLE_STAGES,
  type ContactProperties,
  type EmailEventKind,
  type LifecycleStage,
} from '#domain/contact';
import { CONTACT_SOURCES, MARKETING_STATUSES, type ContactSource, type MarketingStatus } from '#domain/marketing-policy';
import { MAX_ID_LENGTH, MAX_URL_LENGTH } from '#domain/shared';
import { NullableText, OneOf, OptionalText, OptionalUuid, OwnerIdOrNull, stacked, Text, Uuid } from '../http/dto-fields.js';
import { IsEmailAddress, IsInstant, IsOmittable } from '../http/validators.js';
import { PropertyValuesField } from '../properties/properties.dto.js';

const MAX_ENTRIES = 200;
const MAX_NAME_LENGTH = 100;
const MAX_TEXT_LENGTH = 10_000;

const isFlatObject = (value: unknown, isAllowedValue: (entry: unknown) => boolean): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length <= MAX_ENTRIES &&
  Object.entries(value).every(([name, entry]) => name.trim() !== '' && name.length <= MAX_NAME_LENGTH && isAllowedValue(entry));

const IsFormFields = () =>
  ValidateBy({
    name: 'isFormFields',
    validator: {
      validate: (value) => isFlatObject(value, (entry) => typeof entry === 'string' && entry.length <= MAX_TEXT_LENGTH),
      defaultMessage: () => `fields must be a flat object (up to ${MAX_ENTRIES} names) of string values`,
    },
  });

const OccurredAt = () =>
  stacked(
    ApiPropertyOptional({
      example: '2026-01-15T10:00:00Z',
      description: 'When it happened (RFC 3339 with a time zone, 1900 to 2200); defaults to now, at most 5 minutes ahead; stored in UTC',
    }),
    IsOmittable(),
    IsInstant(),
  );

export class CreateContactDto {
  @ApiProperty({
    example: 'ada@example.com',
    description:
      'Unique across contacts; stored normalized: trimmed, NFC, lower-cased, without zero-width characters or soft hyphens',
  })
  @IsEmailAddress()
  email!: string;

  @OptionalText(200, { example: 'Ada' })
  firstName?: string;

  @OptionalText(200, { example: 'Lovelace' })
  lastName?: string;

  @OptionalText(50, { example: '+44 20 7946 0000' })
  phone?: string;

  @OptionalText(200, { example: 'Analyst' })
  jobTitle?: string;

  @OptionalText(100, { example: 'GB' })
  country?: string;

  @OptionalUuid()
  companyId?: string;

  @OptionalUuid()
  ownerId?: string;

  @PropertyValuesField('Custom properties, each defined for contacts (GET /v1/properties/contacts); a unique one must be free')
  properties?: ContactProperties;

  @OneOf(CONTACT_SOURCES, { description: 'How the contact came in; sets its marketing status by policy' })
  source!: ContactSource;
}

export class UpdateContactDto {
  @ApiPropertyOptional({ example: 'ada@example.org', description: 'A new email must not belong to another contact' })
  @IsOmittable()
  @IsEmailAddress()
  email?: string;

  @NullableText(200, 'Ada')
  firstName?: string | null;

  @NullableText(200, 'Lovelace')
  lastName?: string | null;

  @NullableText(50, '+44 20 7946 0000')
  phone?: string | null;

  @NullableText(200, 'Analyst')
  jobTitle?: string | null;

  @NullableText(100, 'GB')
  country?: string | null;

  @PropertyValuesField('Only the custom properties to set; null clears one')
  properties?: ContactProperties;
}

export class ChangeLifecycleStageDto {
  @OneOf(LIFECYCLE_STAGES)
  stage!: LifecycleStage;
}

export class AssignContactOwnerDto {
  @OwnerIdOrNull()
  ownerId!: string | null;
}

export class ChangeMarketingStatusDto {
  @OneOf(MARKETING_STATUSES)
  status!: MarketingStatus;

  @Text(500, { example: 'Asked for product updates at the booth', description: 'Why; kept on record for billing' })
  reason!: string;
}

export class AssociateCompanyDto {
  @Uuid()
  companyId!: string;
}

export class MergeContactDto {
  @Uuid({ description: 'The contact merged away into the one in the path' })
  duplicateId!: string;
}

export class RecordPageViewDto {
  @Text(MAX_URL_LENGTH, { example: 'https://example.com/pricing' })
  url!: string;

  @OptionalText(500, { example: 'Pricing' })
  title?: string;

  @OptionalText(MAX_URL_LENGTH, { example: 'https://www.google.com/' })
  referrer?: string;

  @OccurredAt()
  occurredAt?: string;
}

export class RecordFormSubmissionDto {
  @Text(MAX_ID_LENGTH, { example: 'newsletter-signup' })
  formId!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { company: 'Acme', seats: '12' } })
  @IsFormFields()
  fields!: Readonly<Record<string, string>>;

  @OccurredAt()
  occurredAt?: string;
}

export const EMAIL_EVENT_KINDS: readonly EmailEventKind[] = [...ACTIVITY_STREAM_EMAIL_EVENT_KINDS, ...CONTACT_STREAM_EMAIL_EVENT_KINDS];

export class RecordEmailEventDto {
  @Text(MAX_ID_LENGTH, { example: 'campaign-2026-01' })
  emailId!: string;

  @OneOf(EMAIL_EVENT_KINDS, { description: 'unsubscribed records the opt-out; the default workflow marketing-unsubscribed then makes the contact non-marketing' })
  kind!: EmailEventKind;

  @OptionalText(MAX_URL_LENGTH, { example: 'https://example.com/offer', description: "The link clicked, for 'clicked'" })
  url?: string;

  @OccurredAt()
  occurredAt?: string;
}
