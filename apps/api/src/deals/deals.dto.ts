import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { BILLING_PERIODS, REVENUE_TYPES, type BillingPeriod, type DealOutcome, type RevenueType } from '#domain/deal';
import { OptionalNonEmptyText, OptionalText, OptionalUuid, OptionalUuids, OwnerIdOrNull, stacked, Text, Uuid } from '../http/dto-fields.js';
import { IsAmount, IsCalendarDate, IsCurrencyCode, IsOmittable } from '../http/validators.js';
import { OptionalPipelineIdField, StageIdField } from '../pipelines/pipelines.dto.js';
import { PropertyValuesField } from '../properties/properties.dto.js';
import type { PropertyValues } from '#domain/shared';

// Creating a deal and changing one take the same values; `property` says whether the field is required.
type Property = (api: ApiPropertyOptions) => PropertyDecorator;
const optional: Property = (api) => stacked(ApiPropertyOptional(api), IsOmittable());
const required: Property = (api) => ApiProperty(api);

/** How every deal answer spells an amount: the exact decimal, in its currency's minor-unit digits. */
export const DECIMAL_AMOUNT_DOC = 'A decimal string with exactly the currency\'s minor-unit digits: JPY "150000", USD "1200.50", BHD "1.250"';
const DECIMAL_PATTERN = '^(0|[1-9]\\d{0,11})(\\.\\d{1,3})?$';

const Amount = (property: Property, api: ApiPropertyOptions) =>
  stacked(
    property({
      type: 'string',
      pattern: DECIMAL_PATTERN,
      ...api,
      description:
        'A decimal string, from 0 to 999999999999, with at most the currency\'s minor-unit digits (JPY 0, USD 2, BHD 3): "1200.50". ' +
        'A JSON number is accepted too (taken at its shortest text); answers carry the canonical string.',
    }),
    IsAmount(),
  );
const Currency = (property: Property, api: ApiPropertyOptions) => stacked(property(api), IsCurrencyCode());
const ContractTermMonths = (api: ApiPropertyOptions) => stacked(optional({ minimum: 1, maximum: 120, ...api }), IsInt(), Min(1), Max(120));
const RevenueTypeField = (api: ApiPropertyOptions) => stacked(optional({ enum: REVENUE_TYPES, ...api }), IsIn(REVENUE_TYPES));
// null is "no billing period", which only a one-off deal has: the decider says so when the deal is recurring.
const BillingPeriodField = (api: ApiPropertyOptions) =>
  stacked(
    ApiPropertyOptional({ enum: BILLING_PERIODS, nullable: true, ...api }),
    ValidateIf((_: object, value: unknown) => value !== undefined && value !== null),
    IsIn(BILLING_PERIODS),
  );
const CloseDate = (api: ApiPropertyOptions) => stacked(optional(api), IsCalendarDate());
const LostReason = () => OptionalText(500, { description: 'Required when stageId is a lost stage' });

export class CreateDealDto {
  @Text(200, { example: 'Acme, 50 seats' })
  name!: string;

  @OptionalPipelineIdField({ example: 'default', description: "The deal pipeline; default 'default'" })
  pipelineId?: string;

  @StageIdField({ example: 'qualifiedtobuy', description: "Default: the pipeline's first open stage" }, { optional: true })
  stageId?: string;

  @Amount(required, { example: '12000.00' })
  amount!: string | number;

  @Currency(required, { example: 'USD', description: 'ISO 4217' })
  currency!: string;

  @RevenueTypeField({ default: 'one-off', description: 'recurring: amount is the contract value over contractTermMonths (MRR = amount / term)' })
  revenueType?: RevenueType;

  @BillingPeriodField({ description: "How a recurring deal is invoiced; default 'month'; absent or null for a one-off deal" })
  billingPeriod?: BillingPeriod | null;

  @ContractTermMonths({ default: 12 })
  contractTermMonths?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The earlier recurring deal this one renews (its MRR replaces that deal\'s)' })
  @ValidateIf((_: object, value: unknown) => value !== undefined && value !== null)
  @IsUUID()
  renewsDealId?: string | null;

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

  @Amount(optional, { example: '15000.00' })
  amount?: string | number;

  @Currency(optional, { example: 'EUR' })
  currency?: string;

  @RevenueTypeField({})
  revenueType?: RevenueType;

  @BillingPeriodField({ description: "Recurring deals only; becoming recurring without one: 'month' (or the one it had)" })
  billingPeriod?: BillingPeriod | null;

  @ContractTermMonths({ description: 'Whole months; for a recurring deal MRR is amount / contractTermMonths' })
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
  @ApiProperty({ type: 'string', example: '12000.00', description: DECIMAL_AMOUNT_DOC }) amount!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: REVENUE_TYPES }) revenueType!: RevenueType;
  @ApiProperty({ enum: BILLING_PERIODS, nullable: true, description: 'null for a one-off deal' }) billingPeriod!: BillingPeriod | null;
  @ApiProperty() contractTermMonths!: number;
  @ApiProperty({ type: 'string', nullable: true, example: '1000.00', description: 'amount / contractTermMonths of a recurring deal (half to even); null for one-off' })
  mrr!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '12000.00', description: 'mrr × 12; null for one-off' }) arr!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The deal this one renews' }) renewsDealId!: string | null;
  @ApiProperty({ example: '2026-03-31', description: 'The expected close' }) closeDate!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was last won or lost (business time); null while open' })
  closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerId!: string | null;
  @ApiProperty({ type: [String] }) contactIds!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'The primary company' }) companyId!: string | null;
  @ApiProperty({ type: [String], description: 'The other companies' }) companyIds!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Custom properties with a value' }) properties!: PropertyValues;
  @ApiProperty() revision!: number;
}
