// What the read-model routes answer, row by row, for the OpenAPI document and for the CSV header of an empty page.
// Fields are declared in the order the queries return them: that order is the CSV's column order.
import { ApiProperty, OmitType } from '@nestjs/swagger';

const nullableString = (description?: string) => ({ type: 'string', nullable: true, ...(description ? { description } : {}) }) as const;
const nullableNumber = (description?: string) => ({ type: 'number', nullable: true, ...(description ? { description } : {}) }) as const;
const CLOSED = { type: 'string', enum: ['won', 'lost', null], nullable: true, description: 'won or lost for a closing stage' } as const;
const QUALIFICATION = { enum: ['none', 'mql', 'sql'] } as const;
const POSITION = { description: 'Log position of the last event applied for this row' } as const;
// Money is a decimal string with exactly its currency's minor-unit digits, never a JSON number (no float rounding).
const AMOUNT = (description: string, example = '1200.50') =>
  ({ type: 'string', pattern: '^\\d+(\\.\\d+)?$', example, description: `${description}: a decimal string with the currency's digits (JPY "150000", USD "1200.50", BHD "1.250")` }) as const;

export class TimelineEntryDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'DealWon' }) eventType!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ example: 'Deal 6f1c... won (5000.00 EUR)' }) summary!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data, as stored" }) data!: Record<string, unknown>;
  @ApiProperty(nullableString('On entries taken over from a merged duplicate: the contact the event happened to')) mergedFrom!: string | null;
}

export class LeadScoreSummaryDto {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() fit!: number;
  @ApiProperty() engagement!: number;
  @ApiProperty() total!: number;
  @ApiProperty(QUALIFICATION) qualification!: string;
  @ApiProperty({ description: 'SHA-256 of the formula the score was computed with' }) formulaId!: string;
  @ApiProperty({ format: 'date-time', description: "The contact's latest activity the score is computed at" }) asOf!: string;
  @ApiProperty(POSITION) position!: string;
}

export class LeadScoreDetailDto extends LeadScoreSummaryDto {
  @ApiProperty(nullableString('The primary this contact was merged into')) mergedInto!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'The contact properties the formula reads',
  })
  properties!: Record<string, string | number | boolean>;
}

export class DerivedLeadScoreDto extends OmitType(LeadScoreSummaryDto, ['position']) {
  @ApiProperty({ enum: ['event-log'], description: 'Derived from the event log as of asOf, not read from the read model' }) derivedFrom!: string;
}

export class LeadScoreContributionDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() groupId!: string;
  @ApiProperty(nullableString('null for fit rules, as are the other event fields')) eventId!: string | null;
  @ApiProperty(nullableString()) eventType!: string | null;
  @ApiProperty(nullableString()) streamName!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) revision!: number | null;
  @ApiProperty(nullableString()) position!: string | null;
  @ApiProperty({ ...nullableString(), format: 'date-time' }) occurredAt!: string | null;
  @ApiProperty() rawPoints!: number;
  @ApiProperty() decayFactor!: number;
  @ApiProperty() points!: number;
  @ApiProperty() cutByRuleCap!: number;
  @ApiProperty() cutByGroupLimit!: number;
  @ApiProperty() cutByTotalLimit!: number;
  @ApiProperty({ description: 'points minus every cut: the counted points add up to the total' }) counted!: number;
}

export class LeadScoreContributionRowDto extends LeadScoreContributionDto {
  @ApiProperty({ type: 'integer', description: "The scorer's order" }) ordinal!: number;
}

export class ExplainedContributionDto extends LeadScoreContributionDto {
  @ApiProperty() formulaId!: string;
}

export class LeadScoreExplanationDto {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() formulaId!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() fit!: number;
  @ApiProperty() engagement!: number;
  @ApiProperty() total!: number;
  @ApiProperty(QUALIFICATION) qualification!: string;
  @ApiProperty({ enum: ['read-model', 'event-log'] }) derivedFrom!: string;
  @ApiProperty({ type: () => ExplainedContributionDto, isArray: true }) contributions!: ExplainedContributionDto[];
}

export class ScoreMismatchDto {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ enum: ['total', 'fit', 'engagement', 'qualification', 'formulaId', 'missing'] }) field!: string;
  @ApiProperty({ oneOf: [{ type: 'string', nullable: true }, { type: 'number' }] }) stored!: string | number | null;
  @ApiProperty({ oneOf: [{ type: 'string', nullable: true }, { type: 'number' }] }) derived!: string | number | null;
}

export class VerifyReportDto {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() formulaId!: string;
  @ApiProperty(nullableString('The log was read up to this position')) position!: string | null;
  @ApiProperty({ type: 'integer' }) checked!: number;
  @ApiProperty({ type: () => ScoreMismatchDto, isArray: true }) mismatches!: ScoreMismatchDto[];
}

export class MarketingContactCountDto {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: 'integer' }) marketingContacts!: number;
}

export class MarketingContactChangeDto {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ format: 'date-time' }) effectiveAt!: string;
  @ApiProperty({ enum: ['marketing', 'non-marketing'] }) status!: string;
  @ApiProperty({ type: 'string', enum: ['marketing', 'non-marketing', null], nullable: true }) previous!: string | null;
  @ApiProperty({ example: 'unsubscribed' }) reason!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: 'integer', description: 'What the change did to the count: +1, -1 or 0' }) countDelta!: number;
}

export class CurrencyAmountDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty(AMOUNT("The open deals' amounts in this currency, summed exactly")) total!: string;
  @ApiProperty(AMOUNT("total × the stage probability, rounded half to even to the currency's digits", '240.10')) weighted!: string;
}

export class StageHealthDto {
  @ApiProperty() stageId!: string;
  @ApiProperty() label!: string;
  @ApiProperty() probability!: number;
  @ApiProperty(CLOSED) closed!: string | null;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) stuckAfterDays!: number | null;
  @ApiProperty({ type: 'integer' }) openDeals!: number;
  @ApiProperty({ type: () => CurrencyAmountDto, isArray: true }) amounts!: CurrencyAmountDto[];
  @ApiProperty(nullableNumber()) averageAgeDays!: number | null;
  @ApiProperty({ type: 'integer' }) stuckDeals!: number;
}

export class ForecastMonthDto {
  @ApiProperty({ example: '2026-04', description: "Open deals by their expected close date's month, won deals by the month they were won" })
  month!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty(AMOUNT('Won amounts in full plus open amounts × their stage probability, rounded half to even once', '3240.10')) weighted!: string;
  @ApiProperty(AMOUNT('Won and open amounts, unweighted')) total!: string;
}

export class PipelineHealthDto {
  @ApiProperty() pipelineId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: () => StageHealthDto, isArray: true }) stages!: StageHealthDto[];
  @ApiProperty(nullableNumber('won / (won + lost); null before the first closed deal')) winRate!: number | null;
  @ApiProperty({ type: 'integer' }) won!: number;
  @ApiProperty({ type: 'integer' }) lost!: number;
  @ApiProperty({ type: () => ForecastMonthDto, isArray: true }) forecast!: ForecastMonthDto[];
}

export class StuckDealDto {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty(nullableString()) ownerId!: string | null;
  @ApiProperty({ format: 'date-time' }) enteredStageAt!: string;
  @ApiProperty() daysInStage!: number;
  @ApiProperty({ type: 'integer' }) stuckAfterDays!: number;
  @ApiProperty(AMOUNT("The deal's amount")) amount!: string;
  @ApiProperty() currency!: string;
}

export class WonAmountDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: 'integer' }) dealsWon!: number;
  @ApiProperty(AMOUNT('The won amounts in this currency, summed exactly')) amount!: string;
}

export class RepActivityRowDto {
  @ApiProperty() ownerId!: string;
  @ApiProperty({ description: 'YYYY-MM-DD for a day, the Monday for a week, YYYY-MM for a month' }) period!: string;
  @ApiProperty({ type: 'integer' }) emails!: number;
  @ApiProperty({ type: 'integer' }) calls!: number;
  @ApiProperty({ type: 'integer' }) meetings!: number;
  @ApiProperty({ type: 'integer' }) notes!: number;
  @ApiProperty({ type: 'integer' }) tasksCreated!: number;
  @ApiProperty({ type: 'integer' }) tasksCompleted!: number;
  @ApiProperty({ type: 'integer' }) dealsCreated!: number;
  @ApiProperty({ type: 'integer' }) dealsWon!: number;
  @ApiProperty({ type: 'integer' }) ticketsClosed!: number;
  @ApiProperty({ type: () => WonAmountDto, isArray: true, description: 'Per currency; never added across currencies' }) wonAmounts!: WonAmountDto[];
}

export class StageDurationStatsDto {
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty() label!: string;
  @ApiProperty(CLOSED) closed!: string | null;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ type: 'integer', description: 'Every visit, those in progress included' }) visits!: number;
  @ApiProperty({ type: 'integer' }) completedVisits!: number;
  @ApiProperty({ type: 'integer', nullable: true }) medianMs!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) p90Ms!: number | null;
  @ApiProperty(nullableNumber('Share of entries that went on to the next open stage or straight to won')) conversionToNext!: number | null;
}

export class StageVisitDto {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty({ type: 'integer', description: "The deal's n-th visit to this stage, from 1" }) visit!: number;
  @ApiProperty({ format: 'date-time' }) enteredAt!: string;
  @ApiProperty({ ...nullableString(), format: 'date-time' }) exitedAt!: string | null;
  @ApiProperty(nullableString('The stage entered on leaving')) exitedTo!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) durationMs!: number | null;
}

export class DealStageTimeDto {
  @ApiProperty() stageId!: string;
  @ApiProperty({ type: 'integer' }) visits!: number;
  @ApiProperty({ type: 'integer', description: 'The latest visit; one in progress counts up to asOf' }) latestMs!: number;
  @ApiProperty({ type: 'integer' }) cumulativeMs!: number;
  @ApiProperty() inStageNow!: boolean;
}

export class DealStageDurationsDto {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() currentStageId!: string;
  @ApiProperty({ type: () => StageVisitDto, isArray: true }) visits!: StageVisitDto[];
  @ApiProperty({ type: () => DealStageTimeDto, isArray: true }) stages!: DealStageTimeDto[];
}

export class OpenTicketsByStageDto {
  @ApiProperty() pipelineId!: string;
  @ApiProperty(nullableString()) pipelineName!: string | null;
  @ApiProperty() stageId!: string;
  @ApiProperty(nullableString()) stageLabel!: string | null;
  @ApiProperty({ type: 'integer' }) openTickets!: number;
  @ApiProperty(nullableNumber('Days since creation as of asOf; null when the stage holds no open ticket')) averageAgeDays!: number | null;
  @ApiProperty(nullableNumber()) oldestAgeDays!: number | null;
}

export class TicketsCreatedInWeekDto {
  @ApiProperty() pipelineId!: string;
  @ApiProperty(nullableString()) pipelineName!: string | null;
  @ApiProperty({ format: 'date', description: 'The Monday of the ISO week' }) week!: string;
  @ApiProperty({ type: 'integer' }) created!: number;
}

