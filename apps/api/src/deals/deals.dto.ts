import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { DealOutcome } from '#domain/deal';
import { MAX_AMOUNT } from '#domain/shared';
import { OptionalNonEmptyText, OptionalText, OptionalUuid, OptionalUuids, OwnerIdOrNull, stacked, Text, Uuid } from '../http/dto-fields.js';
import { IsAmount, IsCalendarDate, IsCurrencyCode, IsOmittable } from '../http/validators.js';
import { OptionalPipelineIdField, StageIdField } from '../pipelines/pipelines.dto.js';
import { PropertyValuesField } from '../properties/properties.dto.js';
import type { PropertyValues } from '#domain/shared';

// Creating a deal and changing one take the same values; `property` says whether the field is required.
type Property = (api: ApiPropertyOptions) => PropertyDecorator;
const optional: Property = (api) => stacked(ApiPropertyOptional(api), IsOmittable());
const required: Property = (api) => ApiProperty(api);

const Amount = (property: Property, api: ApiPropertyOptions) =>
  stacked(property({ minimum: 0, maximum: MAX_AMOUNT, ...api, description: 'At most 2 decimals' }), IsAmount());
const Currency = (property: Property, api: ApiPropertyOptions) => stacked(property(api), IsCurrencyCode());
const ContractTermMonths = (api: ApiPropertyOptions) => stacked(optional({ minimum: 1, maximum: 120, ...api }), IsInt(), Min(1), Max(120));
const CloseDate = (api: ApiPropertyOptions) => stacked(optional(api), IsCalendarDate());
const LostReason = () => OptionalText(500, { description: 'Required when stageId is a lost stage' });

export class CreateDealDto {
  @Text(200, { example: 'Acme, 50 seats' })
  name!: string;

  @OptionalPipelineIdField({ example: 'default', description: "The deal pipeline; default 'default'" })
  pipelineId?: string;

  @StageIdField({ example: 'qualifiedtobuy', description: "Default: the pipeline's first open stage" }, { optional: true })
  stageId?: string;

  @Amount(required, { example: 12000 })
  amount!: number;

  @Currency(required, { example: 'USD', description: 'ISO 4217' })
  currency!: string;

  @ContractTermMonths({ default: 12 })
  contractTermMonths?: number;

  @CloseDate({ example: '2026-03-31', description: 'Expected close; default: the end of this month' })
  closeDate?: string;

  @OptionalUuid()
  ownerId?: string;

  @OptionalUuids()
  contactIds?: string[];

  @OptionalUuid({ description: 'The primary company' })
  companyId?: string;

  @OptionalUuids()
  companyIds?: string[];

  @PropertyValuesField('Custom properties, each defined for deals (GET /v1/properties/deals); a unique one must be free')
  properties?: PropertyValues;

  @LostReason()
  lostReason?: string;
}

export class MoveDealToStageDto {
  @StageIdField({ example: 'contractsent' })
  stageId!: string;

  @LostReason()
  lostReason?: string;
}

export class ReopenDealDto {
  @StageIdField({ example: 'contractsent', description: 'The open stage the deal goes back to' })
  stageId!: string;
}

// Omitted leaves a field as it is; null is no value for these fields.
export class UpdateDealDto {
  @OptionalNonEmptyText(200)
  name?: string;

  @Amount(optional, {})
  amount?: number;

  @Currency(optional, { example: 'EUR' })
  currency?: string;

  @ContractTermMonths({ description: 'Whole months; MRR is amount / contractTermMonths' })
  contractTermMonths?: number;

  @CloseDate({ example: '2026-03-31' })
  closeDate?: string;

  @OwnerIdOrNull({ optional: true })
  ownerId?: string | null;

  @PropertyValuesField('Only the custom properties to set; null clears one')
  properties?: PropertyValues;
}

export class AssociateDealContactDto {
  @Uuid()
  contactId!: string;
}

export class AssociateDealCompanyDto {
  @Uuid()
  companyId!: string;
}

/** A deal folded from its stream, with the revision to send back as If-Match. */
export class DealView {
  @ApiProperty() dealId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty({ enum: ['open', 'won', 'lost'] }) outcome!: DealOutcome;
  @ApiProperty() amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() contractTermMonths!: number;
  @ApiProperty({ example: '2026-03-31' }) closeDate!: string;
  @ApiProperty({ nullable: true, type: String }) ownerId!: string | null;
  @ApiProperty({ type: [String] }) contactIds!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'The primary company' }) companyId!: string | null;
  @ApiProperty({ type: [String], description: 'The other companies' }) companyIds!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Custom properties with a value' }) properties!: PropertyValues;
  @ApiProperty() revision!: number;
}
