// Goals' bodies, query and answer. The DTOs check shapes; the rules across fields (exactly one of ownerId and team,
// a currency only for won-amount, the target's digits) are the domain's (checkGoal) and answer 400 naming the field.
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { GOAL_METRICS, GOAL_PERIOD_RULE, MAX_TEAM_LENGTH, REPORTING_CURRENCY, type GoalMetric } from '#domain/goal';
import { IsInstant, IsOmittable } from '../http/validators.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

const TARGET_DESCRIPTION =
  'won-amount: a decimal in the currency\'s digits (USD "10000.00", JPY "1500000"; for `reporting`, the reporting currency\'s), ' +
  'as a string or a number, greater than 0; the counts: a whole number from 1';

/** A string or a number: the domain reads either exactly (checkAmount). */
const IsStringOrNumber = () =>
  ValidateBy({
    name: 'isStringOrNumber',
    validator: {
      validate: (value: unknown) => (typeof value === 'string' && value.length <= 40) || (typeof value === 'number' && Number.isFinite(value)),
      defaultMessage: () => 'target must be a decimal as a string or a number',
    },
  });

const isPresent = (_: object, value: unknown) => value !== null && value !== undefined;

export class SetGoalDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The owner the goal is for; give exactly one of ownerId and team' })
  @ValidateIf(isPresent)
  @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'EMEA', description: 'The team the goal is for (every owner credited to it); give exactly one of ownerId and team' })
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(MAX_TEAM_LENGTH)
  team?: string | null;

  @ApiProperty({ example: '2026-Q4', description: GOAL_PERIOD_RULE })
  @IsString()
  @Matches(PERIOD, { message: `period must be ${GOAL_PERIOD_RULE}` })
  period!: string;

  @ApiProperty({ enum: GOAL_METRICS })
  @IsIn(GOAL_METRICS)
  metric!: GoalMetric;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'USD',
    description: `won-amount only: an ISO 4217 code (only deals in it count) or \`${REPORTING_CURRENCY}\` (each won deal converted to the reporting currency at its win date)`,
  })
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(9)
  currency?: string | null;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: '10000.00', description: TARGET_DESCRIPTION })
  @IsStringOrNumber()
  target!: string | number;
}

export class ChangeGoalTargetDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: '12000.00', description: TARGET_DESCRIPTION })
  @IsStringOrNumber()
  target!: string | number;
}

export class GoalsQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ example: '2026-Q4', description: `Only the goals of this period: ${GOAL_PERIOD_RULE}` })
  @IsOptional()
  @Matches(PERIOD, { message: `period must be ${GOAL_PERIOD_RULE}` })
  period?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this owner's goals" })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ description: "Only this team's goals" })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEAM_LENGTH)
  team?: string;

  @ApiPropertyOptional({ description: 'The instant pace is measured at (the share of the period elapsed); default: now' })
  @IsOmittable()
  @IsInstant()
  asOf?: string;
}

const AMOUNT = (description: string) =>
  ({ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', example: '3750.50', description: `${description}: a decimal string (amounts in the currency's digits)` }) as const;
const NULLABLE_AMOUNT = (description: string) => ({ ...AMOUNT(description), nullable: true }) as const;
const EVENT_IDS: ApiPropertyOptions = { type: [String], description: 'The events behind this line' };

export class GoalRateUsedDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ example: '1.0842', description: 'Units of `to` per 1 `from`' }) rate!: string;
  @ApiProperty({ format: 'date', description: 'The publication date of the rate used' }) rateDate!: string;
  @ApiPropertyOptional({ enum: ['direct', 'inverse', 'cross'] }) method?: string;
}

export class GoalConvertedDto {
  @ApiProperty(AMOUNT('The amount in the reporting currency')) amount!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: () => GoalRateUsedDto, nullable: true, description: 'null: the deal was already in the reporting currency' })
  rateUsed!: GoalRateUsedDto | null;
}

export class GoalDealDto {
  @ApiProperty() dealId!: string;
  @ApiProperty({ description: 'The owner the win was credited to' }) ownerId!: string;
  @ApiProperty({ type: String, nullable: true, description: "The owner's team at the win" }) team!: string | null;
  @ApiProperty({ format: 'date-time' }) wonAt!: string;
  @ApiProperty({ format: 'date', description: 'The UTC day of the win: the date a conversion uses' }) wonOn!: string;
  @ApiProperty(AMOUNT('The amount as won (or as changed after the win)')) amount!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: () => GoalConvertedDto, nullable: true, description: '`reporting` goals only' }) converted!: GoalConvertedDto | null;
  @ApiProperty(EVENT_IDS) eventIds!: string[];
}

export class GoalEngagementDto {
  @ApiProperty() engagementId!: string;
  @ApiProperty({ enum: ['call', 'meeting'] }) kind!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ type: String, nullable: true }) team!: string | null;
  @ApiProperty({ format: 'date-time' }) loggedAt!: string;
  @ApiProperty(EVENT_IDS) eventIds!: string[];
}

export class GoalGapDto {
  @ApiProperty() dealId!: string;
  @ApiProperty(AMOUNT('The amount as won')) amount!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ format: 'date' }) wonOn!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The reporting currency (null: none is set)' }) to!: string | null;
  @ApiProperty({ description: 'Why it could not be converted; it is not in actual' }) reason!: string;
  @ApiProperty(EVENT_IDS) eventIds!: string[];
}

export class GoalPaceDto {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ example: '0.5', description: 'The share of the period elapsed at asOf, 0 to 1' }) elapsed!: string;
  @ApiProperty(AMOUNT('The target prorated by the share elapsed')) expectedToDate!: string;
  @ApiProperty({ type: String, nullable: true, example: '75.01', description: 'actual ÷ expectedToDate in percent; null before the period starts' })
  percent!: string | null;
  @ApiProperty(AMOUNT('actual − expectedToDate; negative when behind')) difference!: string;
}

export class GoalAttainmentDto {
  @ApiProperty({ format: 'uuid' }) goalId!: string;
  @ApiProperty({ type: String, nullable: true }) ownerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) team!: string | null;
  @ApiProperty({ example: '2026-Q4' }) period!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date', description: 'The last day of the period, inclusive' }) periodEnd!: string;
  @ApiProperty({ enum: GOAL_METRICS }) metric!: string;
  @ApiProperty({ type: String, nullable: true, description: 'As set: an ISO code, `reporting`, or null for the counts' }) currency!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The currency target and actual are in; null for the counts' }) measuredIn!: string | null;
  @ApiProperty(AMOUNT('The target')) target!: string;
  @ApiProperty(NULLABLE_AMOUNT('What the goal counts so far (null: a `reporting` goal with no reporting currency set)')) actual!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.37505', description: 'actual ÷ target' }) attainment!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '37.505', description: 'actual ÷ target in percent' }) attainmentPercent!: string | null;
  @ApiProperty(NULLABLE_AMOUNT('What is left to reach the target, never below 0')) remaining!: string | null;
  @ApiProperty({ type: () => GoalPaceDto, nullable: true }) pace!: GoalPaceDto | null;
  @ApiProperty({ type: [String], description: 'The events that set the goal and its current target' }) goalEventIds!: string[];
  @ApiProperty({ type: () => GoalDealDto, isArray: true, description: 'Drill-down: the won deals counted (won-amount, deals-won)' }) deals!: GoalDealDto[];
  @ApiProperty({ type: () => GoalEngagementDto, isArray: true, description: 'Drill-down: the calls or meetings counted' }) engagements!: GoalEngagementDto[];
  @ApiProperty({ type: () => GoalGapDto, isArray: true, description: 'Won deals a `reporting` goal could not convert: not counted, never as 0' })
  gaps!: GoalGapDto[];
}
