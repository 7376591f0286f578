import { BadRequestException, Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { InvalidDayRange, resolveDayRange, type DayRange } from '../../../../libs/read-models/src/index.js';
import {
  GRANULARITIES,
  REP_ACTIVITY,
  repActivity,
  type Granularity,
  type RepActivityRow,
} from '../../../../projections/rep-activity/index.js';
import { IsCalendarDate, IsInstant } from '../http/validators.js';
import { READ_MODELS } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { ReadModelGate } from './read-model-gate.js';
import { ReadModelQuery } from './read-model.dto.js';

/** Ranges of report days: defaults from asOf, 400 when `to` is before `from` or the range is too long. */
export const dayRangeOrBadRequest = (...args: Parameters<typeof resolveDayRange>): DayRange => {
  try {
    return resolveDayRange(...args);
  } catch (error) {
    if (error instanceof InvalidDayRange) throw new BadRequestException({ error: error.code, message: error.message });
    throw error;
  }
};

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

export const DEFAULT_REPORT_DAYS = 30;
export const MAX_DAILY_REPORT_DAYS = 366;
// Weeks and months roll days up, so a longer range stays a modest answer; ten years bounds it.
export const MAX_REPORT_DAYS = 3660;

@ApiTags('read-models')
@Controller('v1/read-models/rep-activity')
@UseInterceptors(CsvInterceptor)
export class RepActivityReadModelController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Activity per owner per day, ISO week (by its Monday) or month: engagements, tasks, deals, won amounts, tickets closed',
  })
  async list(
    @Query() query: RepActivityQueryDto,
  ): Promise<{ position: string | null; range: DayRange; granularity: Granularity; data: RepActivityRow[] }> {
    const granularity = query.granularity ?? 'day';
    const range = dayRangeOrBadRequest(query, query.asOf ?? new Date().toISOString(), {
      defaultDays: DEFAULT_REPORT_DAYS,
      maxDays: granularity === 'day' ? MAX_DAILY_REPORT_DAYS : MAX_REPORT_DAYS,
    });
    const position = await this.gate.positionFor(REP_ACTIVITY, query.minPosition);
    const data = await repActivity(this.readModels, { range, granularity, ownerId: query.ownerId });
    return { position, range, granularity, data };
  }
}
