// What the funnel routes take and answer. Counts are integers, conversion a share to 4 decimals, times whole
// milliseconds, amounts decimal strings with their currency's digits (never summed across currencies).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ATTRIBUTION_MODELS, FUNNEL_GROUP_BYS, FUNNEL_STAGES, type AttributionModel, type FunnelGroupBy, type FunnelStage } from '#projections/funnel';
import { IsCalendarDate, IsInstant } from '../http/validators.js';
import { ReadModelQuery } from './read-model.dto.js';

const AMOUNT = { type: 'string', example: '1200.50', description: "Decimal string with the currency's minor-unit digits" } as const;
const NULLABLE_INSTANT = { type: 'string', format: 'date-time', nullable: true } as const;

export class FunnelRangeQuery extends ReadModelQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First UTC day contacts and deals were created on, inclusive; default: 365 days ending at to' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last UTC day contacts and deals were created on, inclusive; default: the day of asOf' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'The funnel as it stood at this instant (ISO date-time): later facts are left out; default: now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

export class FunnelQueryDto extends FunnelRangeQuery {
  @ApiPropertyOptional({ enum: FUNNEL_GROUP_BYS, default: 'source', description: "source: the contact's original source (first touch); cohort: the month it was created" })
  @IsOptional()
  @IsIn(FUNNEL_GROUP_BYS)
  groupBy?: FunnelGroupBy;
}

export class FunnelContactsQueryDto extends FunnelQueryDto {
  @ApiPropertyOptional({ enum: FUNNEL_STAGES, default: 'subscriber', description: 'The contacts counted at this stage (reached it or passed it)' })
  @IsOptional()
  @IsIn(FUNNEL_STAGES)
  stage?: FunnelStage;

  @ApiPropertyOptional({ description: 'One group of the answer (a source, or a cohort YYYY-MM)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  group?: string;
}

export class FunnelDealsQueryDto extends FunnelRangeQuery {
  @ApiPropertyOptional({ enum: ATTRIBUTION_MODELS, default: 'first-touch' })
  @IsOptional()
  @IsIn(ATTRIBUTION_MODELS)
  model?: AttributionModel;

  @ApiPropertyOptional({ description: 'One source of the attribution table ((none): deals without a touch before creation)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  source?: string;
}

export class FunnelStageDto {
  @ApiProperty({ enum: FUNNEL_STAGES }) stage!: string;
  @ApiProperty({ type: 'integer', description: 'Contacts that reached this stage or a later one (a skipped stage counts as passed)' }) reached!: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'reached of the next stage / reached of this one, 4 decimals; null for customer or when 0 reached this one' })
  conversionToNext!: number | null;
  @ApiProperty({ type: 'integer', description: 'Contacts that entered this stage and later the next one: what the times are over' }) timedToNext!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Median time from first entering this stage to first entering the next' }) medianMsToNext!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '90th percentile of the same (interpolated, as percentile_cont)' }) p90MsToNext!: number | null;
}

export class FunnelGroupDto {
  @ApiProperty({ description: 'The original source, or the cohort month YYYY-MM' }) group!: string;
  @ApiProperty({ type: 'integer', description: 'Contacts created in the range in this group, merged duplicates left out' }) contacts!: number;
  @ApiProperty({ type: () => FunnelStageDto, isArray: true }) stages!: FunnelStageDto[];
}

export class FunnelWonAmountDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ ...AMOUNT, description: 'The won amounts in this currency, summed exactly' }) amount!: string;
}

export class FunnelAttributionRowDto {
  @ApiProperty({ enum: ATTRIBUTION_MODELS }) model!: string;
  @ApiProperty({ description: 'The touch source credited; (none) when no contact of the deal had a touch by its creation' }) source!: string;
  @ApiProperty({ type: 'integer', description: 'Deals created in the range credited to this source' }) deals!: number;
  @ApiProperty({ type: 'integer', description: 'Of those, the ones won as of asOf' }) wonDeals!: number;
  @ApiProperty({ type: () => FunnelWonAmountDto, isArray: true, description: 'Per currency; never added across currencies' }) won!: FunnelWonAmountDto[];
}

export class FunnelContactDto {
  @ApiProperty() contactId!: string;
  @ApiProperty() group!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The ContactCreated event' }) createdEventId!: string;
  @ApiProperty() originalSource!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The first touch event' }) originalSourceEventId!: string | null;
  @ApiProperty({ enum: FUNNEL_STAGES }) furthestStage!: string;
  @ApiProperty({ enum: FUNNEL_STAGES }) stage!: string;
  @ApiProperty({ format: 'date-time', description: 'When it reached or passed the stage' }) reachedAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The event by which it reached or passed it (a skip: the event that jumped past it)' }) reachedEventId!: string;
  @ApiProperty({ ...NULLABLE_INSTANT, description: 'When it entered exactly this stage; null when skipped' }) enteredAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Time to the next stage, as counted in the median and p90' }) msToNext!: number | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: "The next stage's entry event" }) nextEventId!: string | null;
}

export class FunnelDealDto {
  @ApiProperty() dealId!: string;
  @ApiProperty({ enum: ATTRIBUTION_MODELS }) model!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The DealCreated event' }) createdEventId!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The contact whose touch is credited' }) touchContactId!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The touch event credited' }) touchEventId!: string | null;
  @ApiProperty(NULLABLE_INSTANT) touchedAt!: string | null;
  @ApiProperty({ enum: ['won', 'lost', 'open'], description: 'As of asOf' }) outcome!: string;
  @ApiProperty({ ...AMOUNT, nullable: true, description: 'The won amount; null unless won' }) amount!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) currency!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The DealWon or DealLost event' }) outcomeEventId!: string | null;
}
