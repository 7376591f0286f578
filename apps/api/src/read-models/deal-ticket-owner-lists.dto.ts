// What the deals, tickets and owners lists (GET /v1/deals, /v1/tickets, /v1/owners) and the deals' totals (GET
// /v1/deals/totals) take and answer. Paging, `q`, minPosition and `property.<name>` filters are the record lists' own
// (record-lists.dto.ts).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { validationFailed } from '#application';
import { BILLING_PERIODS, REVENUE_TYPES } from '#domain/deal';
import { OWNER_ROLES } from '#domain/owner';
import { CALENDAR_DATE_RULE, compareAmounts, isCalendarDate, isDecimalAmount } from '#domain/shared';
import { TICKET_PRIORITIES } from '#domain/ticket';
import { DEAL_LIST_OUTCOMES as DEAL_OUTCOMES, DEAL_SORT_KEYS, DEFAULT_DEAL_SORT } from '#projections/deal-list';
import { DEFAULT_OWNER_SORT, OWNER_SORT_KEYS } from '#projections/owner-list';
import { DEFAULT_TICKET_SORT, TICKET_SORT_KEYS } from '#projections/ticket-list';
import { stacked } from '../http/dto-fields.js';
import { PIPELINE_ID, PIPELINE_ID_RULE, STAGE_ID, STAGE_ID_RULE } from '../pipelines/id-param.pipe.js';
import { ReadModelQuery } from './read-model.dto.js';
import { nullable, OptionalUuidFilter, OWNER_NAME, PROPERTIES, RecordListQuery, Sort } from './record-lists.dto.js';

// The rules of the routes that create these ids: any other value cannot name a pipeline or stage.
const OptionalPipelineId = (description: string) =>
  stacked(ApiPropertyOptional({ pattern: PIPELINE_ID.source, description }), IsOptional(), Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` }));
const OptionalStageId = (description: string) =>
  stacked(ApiPropertyOptional({ pattern: STAGE_ID.source, description }), IsOptional(), Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` }));

const OptionalDay = (description: string) =>
  stacked(
    ApiPropertyOptional({ format: 'date', description }),
    IsOptional(),
    ValidateBy({
      name: 'isCalendarDate',
      validator: { validate: isCalendarDate, defaultMessage: (args) => `${args?.property ?? 'value'} must be ${CALENDAR_DATE_RULE}` },
    }),
  );

// Amounts in different currencies do not compare: a bound on the amount needs the currency it is in.
const RequiresCurrency = () =>
  ValidateBy({
    name: 'requiresCurrency',
    validator: {
      validate: (_, args) => typeof (args?.object as { currency?: unknown } | undefined)?.currency === 'string',
      defaultMessage: (args) => `${args?.property ?? 'value'} needs currency: amounts in different currencies do not compare`,
    },
  });

// A bound is any decimal amount (a query string is text: "1200.5" and "1200.50" are the same bound).
const OptionalAmount = (description: string) =>
  stacked(
    ApiPropertyOptional({ type: 'string', pattern: '^(0|[1-9]\\d{0,11})(\\.\\d{1,3})?$', example: '1000.00', description }),
    IsOptional(),
    ValidateBy({
      name: 'isDecimalAmount',
      validator: {
        validate: isDecimalAmount,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a decimal from 0 to 999999999999 with at most 3 decimals, such as 1200.50`,
      },
    }),
    RequiresCurrency(),
  );

export class DealListQueryDto extends RecordListQuery {
  @OptionalPipelineId('Deals in this pipeline') pipelineId?: string;
  @OptionalStageId('Deals in this stage') stageId?: string;
  @OptionalUuidFilter('Deals this owner owns') ownerId?: string;

  @ApiPropertyOptional({ enum: DEAL_OUTCOMES })
  @IsOptional()
  @IsIn(DEAL_OUTCOMES)
  outcome?: (typeof DEAL_OUTCOMES)[number];

  @ApiPropertyOptional({ example: 'EUR', description: 'Deals in this currency (ISO 4217); amountMin and amountMax need it' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be three capital letters (ISO 4217)' })
  currency?: string;

  @OptionalAmount('Deals worth at least this, in currency') amountMin?: string;
  @OptionalAmount('Deals worth at most this, in currency') amountMax?: string;
  @OptionalDay('Expected to close on or after this day') closeFrom?: string;
  @OptionalDay('Expected to close on or before this day') closeTo?: string;

  @Sort(DEAL_SORT_KEYS, DEFAULT_DEAL_SORT, '- for descending; name case-insensitively; ties by deal id')
  sort?: string;
}

export class DealTotalsQueryDto extends ReadModelQuery {
  // Matches refuses a missing, repeated or non-text value too: one reason, not one per rule.
  @ApiProperty({ pattern: PIPELINE_ID.source, description: 'The deal pipeline whose stages are totalled' })
  @Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` })
  pipelineId!: string;
}

export class TicketListQueryDto extends RecordListQuery {
  @OptionalPipelineId('Tickets in this pipeline') pipelineId?: string;
  @OptionalStageId('Tickets in this stage') stageId?: string;
  @OptionalUuidFilter('Tickets this owner owns') ownerId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: (typeof TICKET_PRIORITIES)[number];

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @Sort(TICKET_SORT_KEYS, DEFAULT_TICKET_SORT, '- for descending; priority from low to urgent; subject case-insensitively; ties by ticket id')
  sort?: string;
}

export class OwnerListQueryDto extends RecordListQuery {
  @ApiPropertyOptional({ description: 'Owners in this team' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  team?: string;

  @ApiPropertyOptional({ enum: OWNER_ROLES })
  @IsOptional()
  @IsIn(OWNER_ROLES)
  role?: (typeof OWNER_ROLES)[number];

  @Sort(OWNER_SORT_KEYS, DEFAULT_OWNER_SORT, '- for descending; case-insensitively; ties by owner id')
  sort?: string;
}

/** Amount bounds the wrong way round, compared as decimals (never as text or floats): a 400 naming the upper one. */
export const checkAmountRange = (field: string, from: string | undefined, to: string | undefined, lower: string): void => {
  if (from !== undefined && to !== undefined && compareAmounts(to, from) < 0) throw validationFailed([{ field, reason: `must not be below ${lower}` }]);
};

/** A range's bounds the wrong way round: a 400 naming its upper bound. */
export const checkRange = <T extends string | number>(field: string, from: T | undefined, to: T | undefined, lower: string): void => {
  if (from !== undefined && to !== undefined && to < from) throw validationFailed([{ field, reason: `must not be below ${lower}` }]);
};

const DEAL_AMOUNT = 'A decimal string with exactly the currency\'s minor-unit digits: JPY "150000", USD "1200.50", BHD "1.250"';

// A row's pipeline name and stage label: this list's copy of its pipelines, which may not have caught up yet.
const UNTIL_PIPELINE_KNOWN = nullable('null until the pipeline is known');

// Fields in the order the queries return them: that order is the CSV's column order.
export class DealListItemDto {
  @ApiProperty() dealId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty(UNTIL_PIPELINE_KNOWN) pipelineName!: string | null;
  @ApiProperty() stageId!: string;
  @ApiProperty(UNTIL_PIPELINE_KNOWN) stageLabel!: string | null;
  @ApiProperty({ type: 'string', example: '12000.00', description: DEAL_AMOUNT }) amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ enum: REVENUE_TYPES }) revenueType!: string;
  @ApiProperty({ enum: BILLING_PERIODS, nullable: true, description: 'null for a one-off deal' }) billingPeriod!: string | null;
  @ApiProperty({ type: 'integer' }) contractTermMonths!: number;
  @ApiProperty(nullable('amount / contractTermMonths of a recurring deal, a decimal string (half to even); null for one-off')) mrr!: string | null;
  @ApiProperty(nullable('mrr × 12, a decimal string; null for one-off')) arr!: string | null;
  @ApiProperty(nullable('The deal this one renews')) renewsDealId!: string | null;
  @ApiProperty({ format: 'date', description: 'The expected close' }) closeDate!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was last won or lost (business time); null while open' })
  closedAt!: string | null;
  @ApiProperty(nullable()) ownerId!: string | null;
  @ApiProperty(OWNER_NAME) ownerName!: string | null;
  @ApiProperty({ enum: DEAL_OUTCOMES }) outcome!: string;
  @ApiProperty(nullable('The primary company')) companyId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty(PROPERTIES) properties!: Record<string, string | number | boolean>;
  @ApiProperty({ type: 'integer', description: "The revision of the last event in the deal's stream as of this page's position: send it as If-Match" })
  revision!: number;
}

export class DealStageTotalDto {
  @ApiProperty() stageId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: 'integer', description: 'The deals in this stage and currency, whatever their outcome' }) deals!: number;
  @ApiProperty({ type: 'string', example: '12000.00', description: `Their exact sum. ${DEAL_AMOUNT}` }) total!: string;
}

export class TicketListItemDto {
  @ApiProperty() ticketId!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty(UNTIL_PIPELINE_KNOWN) pipelineName!: string | null;
  @ApiProperty() stageId!: string;
  @ApiProperty(UNTIL_PIPELINE_KNOWN) stageLabel!: string | null;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty(nullable()) ownerId!: string | null;
  @ApiProperty(OWNER_NAME) ownerName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty(PROPERTIES) properties!: Record<string, string | number | boolean>;
}

export class OwnerListItemDto {
  @ApiProperty() ownerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty(nullable()) team!: string | null;
  @ApiProperty({ enum: OWNER_ROLES }) role!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
