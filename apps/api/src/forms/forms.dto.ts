// Forms' bodies and answers. The DTOs describe the shapes for the document; every rule on a definition is the
// domain's (checkForm) and answers 400 naming the field (`fields[1].validation.options`).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { FORM_CONSENT_POLICIES, FORM_CONTACT_FIELDS, FORM_FIELD_TYPES, FORM_NAME_PATTERN, UTM_KEYS } from '#domain/form';

export class FormFieldValidationDto {
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'text, textarea, hidden: the longest value accepted (1 to 10000)' }) maxLength?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'text, textarea, hidden: a regular expression the whole value must match' }) pattern?: string | null;
  @ApiPropertyOptional({ type: [String], nullable: true, description: 'select: the values offered (1 to 100)' }) options?: string[] | null;
}

export class FormFieldDto {
  @ApiProperty({ pattern: FORM_NAME_PATTERN, example: 'email', description: 'The key the value is sent under' }) name!: string;
  @ApiProperty({ enum: FORM_FIELD_TYPES }) type!: string;
  @ApiPropertyOptional({ description: 'Shown to the visitor; default: the name', example: 'Work email' }) label?: string;
  @ApiPropertyOptional({ type: Boolean, default: false }) required?: boolean;
  @ApiPropertyOptional({ type: () => FormFieldValidationDto }) validation?: FormFieldValidationDto;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'property.teamSize',
    description: `The contact field it fills in (${FORM_CONTACT_FIELDS.join(', ')}) or property.<name> (a custom contact property); default: the field's own name if it is a contact field; null: kept with the submission only`,
  })
  mapsTo?: string | null;
}

export class FormSettingsDto {
  @ApiPropertyOptional({ default: 'Submit' }) submitText?: string;
  @ApiPropertyOptional({ description: 'Shown after a submission when there is no redirectUrl' }) thankYouMessage?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Where a browser is sent (303) after a submission' }) redirectUrl?: string | null;
  @ApiPropertyOptional({ type: [String], example: ['https://www.example.com'], description: 'Origins whose pages may post the form from a browser (CORS)' })
  allowedOrigins?: string[];
  @ApiPropertyOptional({
    enum: FORM_CONSENT_POLICIES,
    default: 'policy',
    description: "policy: a new contact's marketing status follows the marketing policy for forms; consent: and only when the consent field is ticked",
  })
  consentPolicy?: string;
}

export class CreateFormDto {
  @ApiProperty({ type: String, example: 'Demo request', maxLength: 200 }) @Allow() name!: unknown;
  @ApiProperty({ type: () => [FormFieldDto], description: 'One field must fill in the contact email and be required' }) @Allow() fields!: unknown;
  @ApiPropertyOptional({ type: () => FormSettingsDto }) @Allow() settings?: unknown;
}

export class UpdateFormDto {
  @ApiPropertyOptional({ type: String, maxLength: 200 }) @Allow() name?: unknown;
  @ApiPropertyOptional({ type: () => [FormFieldDto], description: 'Replaces the list of fields' }) @Allow() fields?: unknown;
  @ApiPropertyOptional({ type: () => FormSettingsDto, description: 'Merged into the current settings' }) @Allow() settings?: unknown;
}

export class FormView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The definition version: 1, then one more for each change' }) version!: number;
  @ApiProperty({ description: 'The stream revision; send it back as If-Match' }) revision!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: () => [FormFieldDto] }) fields!: FormFieldDto[];
  @ApiProperty({ type: () => FormSettingsDto }) settings!: FormSettingsDto;
  @ApiProperty({ description: 'The hosted page: open it in a browser, or link to it' }) hostedUrl!: string;
}

export class FormSubmissionDto {
  @ApiProperty({ type: 'object', additionalProperties: true, example: { email: 'ada@example.com', firstName: 'Ada' }, description: 'Values by field name' })
  fields!: Record<string, unknown>;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.example.com/demo?utm_source=ads', description: 'The page the form was on; its utm_* parameters are recorded' })
  pageUrl?: string | null;
}

export class SubmissionUtmDto {
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
  @ApiProperty({ type: String, nullable: true }) medium!: string | null;
  @ApiProperty({ type: String, nullable: true }) campaign!: string | null;
  @ApiProperty({ type: String, nullable: true }) term!: string | null;
  @ApiProperty({ type: String, nullable: true }) content!: string | null;
}

export class FormSubmissionResponse {
  @ApiProperty({ format: 'uuid', description: 'The contact the submission created or updated' }) id!: string;
  @ApiProperty({ description: 'true: a new contact (201); false: an existing one, found by its email (200)' }) created!: boolean;
  @ApiProperty({ format: 'uuid' }) formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty({ description: "The form's thank-you message" }) message!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Where the form sends the visitor next' }) redirectUrl!: string | null;
  @ApiProperty({ type: () => SubmissionUtmDto, description: `The ${UTM_KEYS.map((key) => `utm_${key}`).join(', ')} of pageUrl` }) utm!: SubmissionUtmDto;
  @ApiProperty({ type: String, nullable: true, description: 'Global position of FormSubmitted; pass as minPosition to read your write' })
  position!: string | null;
}

export class FormListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
  @ApiProperty() fieldCount!: number;
  @ApiProperty({ enum: FORM_CONSENT_POLICIES }) consentPolicy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'FormSubmitted events for this form' }) submissions!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSubmittedAt!: string | null;
}
