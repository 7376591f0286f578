// What the forecast routes take and answer: a month's forecast as it stood at a date (per currency, converted when
// asked, with each deal behind it) and its accuracy against what closed. Amounts are decimal strings with the
// currency's digits; a converted figure names its rate and rate date; a missing rate is a gap, never a 0.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { CALENDAR_DATE_RULE, CURRENCY_RULE, INSTANT_RULE, isCalendarDate, isCurrencyCode, isInstant } from '#domain/shared';
import { OptionalPipelineId, ReadModelQuery } from './read-model.dto.js';

const AMOUNT = (description: string) =>
  ({ type: 'string', example: '1200.50', description: `${description}: a decimal string with the currency's minor-unit digits` }) as const;
const NULLABLE_AMOUNT = (description: string) => ({ ...AMOUNT(description), nullable: true }) as const;
const nullableString = (description: string) => ({ type: 'string', nullable: true, description }) as const;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const isMonth = (value: unknown): boolean => {
  const match = typeof value === 'string' ? MONTH.exec(value) : null;
  return match !== null && Number(match[1]) >= 1900 && Number(match[1]) <= 2199;
};
const IsMonth = () =>
  ValidateBy({ name: 'isMonth', validator: { validate: isMonth, defaultMessage: () => 'month must be a month YYYY-MM between 1900-01 and 2199-12' } });

/** A calendar day (read as of its end) or an instant. */
export const isDayOrInstant = (value: unknown): boolean => isCalendarDate(value) || isInstant(value);
export const DAY_OR_INSTANT_RULE = `${CALENDAR_DATE_RULE} (as of the end of that UTC day), or ${INSTANT_RULE}`;

export const MAX_ACCURACY_DATES = 12;
const isDayOrInstantList = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  const items = value.split(',');
  return items.length <= MAX_ACCURACY_DATES && items.every(isDayOrInstant);
};

const isTargetCurrency = (value: unknown): boolean => value === 'reporting' || isCurrencyCode(value);
const IsTargetCurrency = () =>
  ValidateBy({
    name: 'isTargetCurrency',
    validator: { validate: isTargetCurrency, defaultMessage: () => `currency must be 'reporting' or ${CURRENCY_RULE}` },
  });

const CURRENCY_DESCRIPTION =
  "Also convert every deal's figures into this currency (ISO 4217), or 'reporting' for the workspace's reporting currency, " +
  'at the rate in force on the figure\'s date: the expected close date of an open deal, the close date of a won one';

class ForecastBaseQuery extends ReadModelQuery {
  @ApiProperty({ example: '2026-10', description: 'The UTC month forecast (YYYY-MM)' })
  @IsMonth()
  month!: string;

  @OptionalPipelineId('Only deals in this pipeline')
  pipelineId?: string;

  @ApiPropertyOptional({ example: 'USD', description: CURRENCY_DESCRIPTION })
  @IsOptional()
  @IsTargetCurrency()
  currency?: string;
}

export class ForecastQueryDto extends ForecastBaseQuery {
  @ApiPropertyOptional({
    example: '2026-09-01',
    description: 'The forecast as it stood then: a day (as of its end: everything that occurred on it counts) or an instant; default: now',
  })
  @IsOptional()
  @ValidateBy({ name: 'isDayOrInstant', validator: { validate: isDayOrInstant, defaultMessage: () => `asOf must be ${DAY_OR_INSTANT_RULE}` } })
  asOf?: string;
}

export class ForecastAccuracyQueryDto extends ForecastBaseQuery {
  @ApiProperty({
    example: '2026-09-01,2026-10-01,2026-10-15',
    description: `The dates compared, comma-separated, in the order to chain them (1 to ${MAX_ACCURACY_DATES}); each a day (as of its end) or an instant`,
  })
  @ValidateBy({
    name: 'isDayOrInstantList',
    validator: { validate: isDayOrInstantList, defaultMessage: () => `asOf must be 1 to ${MAX_ACCURACY_DATES} comma-separated values, each ${DAY_OR_INSTANT_RULE}` },
  })
  asOf!: string;
}

export class CurrencyForecastDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: 'integer' }) openDeals!: number;
  @ApiProperty(AMOUNT('Open deals expected to close in the month')) openAmount!: string;
  @ApiProperty(AMOUNT("The open deals weighted by their stage's probability then (half-even, per deal)")) weighted!: string;
  @ApiProperty({ type: 'integer' }) wonDeals!: number;
  @ApiProperty(AMOUNT('Won in the month (by close date) by then')) wonAmount!: string;
  @ApiProperty(AMOUNT('weighted + wonAmount')) forecast!: string;
}

export class RateUsedDto {
  @ApiProperty({ example: 'JPY' }) from!: string;
  @ApiProperty({ example: 'USD' }) to!: string;
  @ApiProperty({ example: '0.0067', description: 'Units of `to` per 1 `from`' }) rate!: string;
  @ApiProperty({ format: 'date', description: 'The publication date of the rate (the latest on or before the figure\'s date)' }) rateDate!: string;
  @ApiPropertyOptional({ enum: ['direct', 'inverse', 'cross'], description: 'How the rate was found among the published ones' }) method?: string;
}

export class ForecastGapDto {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty({ example: 'THB' }) from!: string;
  @ApiProperty({ example: 'USD' }) to!: string;
  @ApiProperty({ format: 'date', description: 'The date a rate was needed for' }) date!: string;
  @ApiProperty() reason!: string;
}

export class ConvertedForecastDto extends CurrencyForecastDto {
  @ApiProperty({ description: 'false when some deal had no rate: it is left out of these figures and listed in gaps' }) complete!: boolean;
  @ApiProperty({ type: () => RateUsedDto, isArray: true }) ratesUsed!: RateUsedDto[];
  @ApiProperty({ type: () => ForecastGapDto, isArray: true }) gaps!: ForecastGapDto[];
}

export class ConvertedFigureDto {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty(AMOUNT('The amount converted')) amount!: string;
  @ApiProperty(AMOUNT('The weighted amount converted')) weighted!: string;
  @ApiProperty(nullableString('The rate used; null when the deal is in that currency already')) rate!: string | null;
  @ApiProperty({ ...nullableString('The date of the rate used'), format: 'date' }) rateDate!: string | null;
}

export class ForecastDealDto {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty(nullableString('The owner then')) ownerId!: string | null;
  @ApiProperty({ enum: ['open', 'won'] }) outcome!: string;
  @ApiProperty(AMOUNT('The amount then')) amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ format: 'date', description: 'The expected close date then' }) closeDate!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When it was won' }) closedAt!: string | null;
  @ApiProperty(nullableString("The stage's probability then (decimal)")) probability!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The event of the deal version used' }) eventId!: string;
  @ApiProperty({ format: 'date-time', description: 'When that version took effect' }) validFrom!: string;
  @ApiProperty({ ...nullableString('The event of the pipeline version whose probability was used'), format: 'uuid' }) stageEventId!: string | null;
  @ApiProperty({ format: 'date', description: "The figure's date: the expected close date when open, the close date when won" }) figureDate!: string;
  @ApiProperty(AMOUNT('amount × probability when open; the amount when won')) weighted!: string;
  @ApiProperty({ type: () => ConvertedFigureDto, nullable: true }) converted!: ConvertedFigureDto | null;
  @ApiProperty(nullableString('Why it could not be converted')) gap!: string | null;
}

export class ForecastDto {
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ example: '2026-09-01', description: 'As asked' }) asOf!: string;
  @ApiProperty({ format: 'date-time', description: 'The instant the history was read at' }) asOfInstant!: string;
  @ApiProperty({ type: 'string', nullable: true }) pipelineId!: string | null;
  @ApiProperty({ type: () => CurrencyForecastDto, isArray: true, description: 'Per currency; never added across currencies' }) currencies!: CurrencyForecastDto[];
  @ApiProperty({ type: () => ConvertedForecastDto, nullable: true, description: 'With currency=: every deal converted' }) converted!: ConvertedForecastDto | null;
  @ApiProperty({ type: () => ForecastDealDto, isArray: true, description: 'The drill-down: the deals behind every figure' }) deals!: ForecastDealDto[];
}

export class SnapshotFiguresDto {
  @ApiProperty({ example: '2026-09-01' }) asOf!: string;
  @ApiProperty({ type: 'integer' }) openDeals!: number;
  @ApiProperty(AMOUNT('Open deals weighted')) weighted!: string;
  @ApiProperty({ type: 'integer' }) wonDeals!: number;
  @ApiProperty(AMOUNT('Won in the month by then')) won!: string;
  @ApiProperty(AMOUNT('weighted + won')) forecast!: string;
  @ApiProperty(AMOUNT('actual - forecast (negative: over-forecast)')) difference!: string;
}

export class WaterfallMoveDto {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty({ enum: ['added', 'removed', 'won', 'changed'] }) kind!: string;
  @ApiProperty(NULLABLE_AMOUNT('Its figure at the start')) before!: string | null;
  @ApiProperty(NULLABLE_AMOUNT('Its figure at the end')) after!: string | null;
  @ApiProperty(AMOUNT('after - before')) change!: string;
  @ApiProperty({ format: 'uuid', description: 'The deal version behind it' }) eventId!: string;
  @ApiPropertyOptional(nullableString('Converted moves only: the rate behind `before` (null without a before, or when the deal was in that currency already)'))
  beforeRate?: string | null;
  @ApiPropertyOptional({ ...nullableString('Converted moves only: the publication date of that rate'), format: 'date' }) beforeRateDate?: string | null;
  @ApiPropertyOptional(nullableString('Converted moves only: the rate behind `after` (null without an after, or when the deal was in that currency already)'))
  afterRate?: string | null;
  @ApiPropertyOptional({ ...nullableString('Converted moves only: the publication date of that rate'), format: 'date' }) afterRateDate?: string | null;
}

export class WaterfallStepDto {
  @ApiProperty({ example: '2026-09-01' }) from!: string;
  @ApiProperty({ example: '2026-10-01', description: "A date asked, or 'actual'" }) to!: string;
  @ApiProperty(AMOUNT('The forecast at `from`')) start!: string;
  @ApiProperty(AMOUNT('The forecast at `to` (or the actual)')) end!: string;
  @ApiProperty(AMOUNT('Deals new to the month')) added!: string;
  @ApiProperty(AMOUNT('Deals gone from the month: lost, moved out, or not won by the end')) removed!: string;
  @ApiProperty(AMOUNT('Open deals won in the month: amount less their weighted figure')) won!: string;
  @ApiProperty(AMOUNT('Amount, stage or probability changes')) changed!: string;
  @ApiProperty({ type: () => WaterfallMoveDto, isArray: true }) moves!: WaterfallMoveDto[];
}

export class CurrencyAccuracyDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty(AMOUNT('Won in the month, as the history stands now')) actual!: string;
  @ApiProperty({ type: 'integer' }) actualDeals!: number;
  @ApiProperty({ type: () => SnapshotFiguresDto, isArray: true }) snapshots!: SnapshotFiguresDto[];
  @ApiProperty({ type: () => WaterfallStepDto, isArray: true }) steps!: WaterfallStepDto[];
}

export class AccuracyGapDto extends ForecastGapDto {
  @ApiProperty({ example: '2026-09-01', description: "The date asked (or 'actual') whose figure lacks the rate" }) asOf!: string;
}

export class ConvertedAccuracyDto extends CurrencyAccuracyDto {
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: () => RateUsedDto, isArray: true }) ratesUsed!: RateUsedDto[];
  @ApiProperty({ type: () => AccuracyGapDto, isArray: true }) gaps!: AccuracyGapDto[];
}

export class ForecastAccuracyDto {
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ type: 'string', isArray: true, example: ['2026-09-01', '2026-10-01', 'actual'] }) asOf!: string[];
  @ApiProperty({ type: 'string', nullable: true }) pipelineId!: string | null;
  @ApiProperty({ type: () => CurrencyAccuracyDto, isArray: true }) currencies!: CurrencyAccuracyDto[];
  @ApiProperty({ type: () => ConvertedAccuracyDto, nullable: true }) converted!: ConvertedAccuracyDto | null;
}
