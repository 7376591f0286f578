import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { resolveDayRange, type DayRange } from '#read-models';
import {
  GRANULARITIES,
  REP_ACTIVITY,
  repActivity,
  type Granularity,
  type RepActivityRow,
} from '#projections/rep-activity';
import { IsCalendarDate, IsInstant } from '../http/validators.js';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { RepActivityRowDto } from './read-model-rows.dto.js';
import { ReadModelQuery } from './read-model.dto.js';

export class DayRangeQuery extends ReadModelQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First UTC day, inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-31', description: 'Last UTC day, inclusive; default: the day of asOf' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'ISO date-time the default range ends at; default: now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

export class RepActivityQueryDto extends DayRangeQuery {
  @ApiPropertyOptional({ description: 'One owner only' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'ownerId must be an owner id: 1-100 letters, digits, - or _' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ownerId?: string;

  @ApiPropertyOptional({ enum: GRANULARITIES, default: 'day' })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;
}

/** The range a day-range answer reports on, beside its data. */
export const DAY_RANGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['from', 'to'],
  properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
};

export const DEFAULT_REPORT_DAYS = 30;
export const MAX_DAILY_REPORT_DAYS = 366;
// Weeks and months roll days up, so a longer range stays a modest answer; ten years bounds it.
export const MAX_REPORT_DAYS = 3660;

@ReadModelRoutes('v1/read-models/rep-activity')
export class RepActivityReadModelController extends ReadModelController {
  @Get()
  @ApiOperation({
    summary: 'Activity per owner per day, ISO week (by its Monday) or month: engagements, tasks, deals, won amounts, tickets closed',
  })
  @ReadModelAnswer({
    row: RepActivityRowDto,
    many: true,
    keys: { wonAmounts: ['currency'] },
    extra: { range: DAY_RANGE_SCHEMA, granularity: { type: 'string', enum: [...GRANULARITIES] } },
  })
  async list(
    @Query() query: RepActivityQueryDto,
  ): Promise<{ position: string | null; range: DayRange; granularity: Granularity; data: RepActivityRow[] }> {
    const granularity = query.granularity ?? 'day';
    const range = resolveDayRange(query, query.asOf ?? new Date().toISOString(), {
      defaultDays: DEFAULT_REPORT_DAYS,
      maxDays: granularity === 'day' ? MAX_DAILY_REPORT_DAYS : MAX_REPORT_DAYS,
    });
    const position = await this.gate.positionFor(REP_ACTIVITY, query.minPosition);
    const data = await repActivity(this.readModels, { range, granularity, ownerId: query.ownerId });
    return { position, range, granularity, data };
  }
}
