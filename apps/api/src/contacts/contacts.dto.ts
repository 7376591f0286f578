import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import {
  ACTIVITY_STREAM_EMAIL_EVENT_KINDS,
  CONTACT_STREAM_EMAIL_EVENT_KINDS,
  LIFECYCLE_STAGES,
  type ContactProperties,
  type EmailEventKind,
  type LifecycleStage,
} from '#domain/contact';
import {
  CONTACT_SOURCES,
  MARKETING_STATUSES,
  type ContactSource,
  type MarketingStatus,
} from '#domain/marketing-policy';
import { MAX_ID_LENGTH, MAX_URL_LENGTH } from '#domain/shared';
import { IsEmailAddress, IsInstant, IsOmittable } from '../http/validators.js';

const MAX_ENTRIES = 200;
const MAX_NAME_LENGTH = 100;
const MAX_TEXT_LENGTH = 10_000;

const isFlatObject = (value: unknown, isAllowedValue: (entry: unknown) => boolean): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length <= MAX_ENTRIES &&
  Object.entries(value).every(([name, entry]) => name.trim() !== '' && name.length <= MAX_NAME_LENGTH && isAllowedValue(entry));

const isPropertyValue = (value: unknown): boolean =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length <= MAX_TEXT_LENGTH);

const IsContactProperties = () =>
  ValidateBy({
    name: 'isContactProperties',
    validator: {
      validate: (value) => isFlatObject(value, isPropertyValue),
      defaultMessage: () =>
        `properties must be a flat object (up to ${MAX_ENTRIES} names) of string, number, boolean or null values`,
    },
  });

const IsFormFields = () =>
  ValidateBy({
    name: 'isFormFields',
    validator: {
      validate: (value) => isFlatObject(value, (entry) => typeof entry === 'string' && entry.length <= MAX_TEXT_LENGTH),
      defaultMessage: () => `fields must be a flat object (up to ${MAX_ENTRIES} names) of string values`,
    },
  });

const OCCURRED_AT_DESCRIPTION =
  'When it happened (RFC 3339 with a time zone, 1900 to 2200); defaults to now, at most 5 minutes ahead; stored in UTC';

const propertiesSchema: ApiPropertyOptions = {
  type: 'object',
  // null clears a property; OpenAPI 3.0 lets only a typed schema be nullable.
  additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] },
  example: { favouriteColour: 'teal', seats: 12 },
};

export class CreateContactDto {
  @ApiProperty({
    example: 'ada@example.com',
    description:
      'Unique across contacts; stored normalized: trimmed, NFC, lower-cased, without zero-width characters or soft hyphens',
  })
  @IsEmailAddress()
  email!: string;

  @ApiPropertyOptional({ example: 'Ada' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  firstName?: string;

  @ApiPropertyOptional({ example: 'Lovelace' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  lastName?: string;

  @ApiPropertyOptional({ example: '+44 20 7946 0000' })
  @IsOmittable()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @ApiPropertyOptional({ example: 'Analyst' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  jobTitle?: string;

  @ApiPropertyOptional({ example: 'GB' })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  country?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ ...propertiesSchema, description: 'Custom properties; names may not be built-in fields' })
  @IsOmittable()
  @IsContactProperties()
  properties?: ContactProperties;

  @ApiProperty({ enum: CONTACT_SOURCES, description: 'How the contact came in; sets its marketing status by policy' })
  @IsIn(CONTACT_SOURCES)
  source!: ContactSource;
}

const NullableText = (maxLength: number, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, example, nullable: true, description: 'null or blank clears it' }),
    ValidateIf((_: object, value: unknown) => value !== null && value !== undefined),
    IsString(),
    MaxLength(maxLength),
  );

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

  @ApiPropertyOptional({ ...propertiesSchema, description: 'Only the properties to set; null clears one' })
  @IsOmittable()
  @IsContactProperties()
  properties?: ContactProperties;
}

export class ChangeLifecycleStageDto {
  @ApiProperty({ enum: LIFECYCLE_STAGES })
  @IsIn(LIFECYCLE_STAGES)
  stage!: LifecycleStage;
}

export class AssignContactOwnerDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null unassigns' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  ownerId!: string | null;
}

export class ChangeMarketingStatusDto {
  @ApiProperty({ enum: MARKETING_STATUSES })
  @IsIn(MARKETING_STATUSES)
  status!: MarketingStatus;

  @ApiProperty({ example: 'Asked for product updates at the booth', description: 'Why; kept on record for billing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class AssociateCompanyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  companyId!: string;
}

export class MergeContactDto {
  @ApiProperty({ format: 'uuid', description: 'The contact merged away into the one in the path' })
  @IsUUID()
  duplicateId!: string;
}

export class RecordPageViewDto {
  @ApiProperty({ example: 'https://example.com/pricing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_URL_LENGTH)
  url!: string;

  @ApiPropertyOptional({ example: 'Pricing' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 'https://www.google.com/' })
  @IsOmittable()
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  referrer?: string;

  @ApiPropertyOptional({ example: '2026-01-15T10:00:00Z', description: OCCURRED_AT_DESCRIPTION })
  @IsOmittable()
  @IsInstant()
  occurredAt?: string;
}

export class RecordFormSubmissionDto {
  @ApiProperty({ example: 'newsletter-signup' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ID_LENGTH)
  formId!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { company: 'Acme', seats: '12' } })
  @IsFormFields()
  fields!: Readonly<Record<string, string>>;

  @ApiPropertyOptional({ example: '2026-01-15T10:00:00Z', description: OCCURRED_AT_DESCRIPTION })
  @IsOmittable()
  @IsInstant()
  occurredAt?: string;
}

export const EMAIL_EVENT_KINDS: readonly EmailEventKind[] = [...ACTIVITY_STREAM_EMAIL_EVENT_KINDS, ...CONTACT_STREAM_EMAIL_EVENT_KINDS];

export class RecordEmailEventDto {
  @ApiProperty({ example: 'campaign-2026-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ID_LENGTH)
  emailId!: string;

  @ApiProperty({ enum: EMAIL_EVENT_KINDS, description: 'unsubscribed makes the contact non-marketing' })
  @IsIn(EMAIL_EVENT_KINDS)
  kind!: EmailEventKind;

  @ApiPropertyOptional({ example: 'https://example.com/offer', description: "The link clicked, for 'clicked'" })
  @IsOmittable()
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  url?: string;

  @ApiPropertyOptional({ example: '2026-01-15T10:00:00Z', description: OCCURRED_AT_DESCRIPTION })
  @IsOmittable()
  @IsInstant()
  occurredAt?: string;
}
