// GET stage durations: per stage the median and 90th percentile time and the conversion to the next stage; one
// deal's visits and time per stage; and the visits themselves, paged.
import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { notFound } from '../../../../libs/domain/src/shared/index.js';
import { dealStageDurations, STAGE_DURATION, stageDurationStats, stageVisits } from '../../../../projections/stage-duration/index.js';
import { IsInstant } from '../http/validators.js';
import { READ_MODELS } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { ReadModelGate } from './read-model-gate.js';
import { PIPELINE_ID, PIPELINE_ID_RULE, STAGE_ID, STAGE_ID_RULE } from '../pipelines/id-param.pipe.js';
import { ReadModelQuery } from './read-model.dto.js';

export class StageDurationsQuery extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'One pipeline; every deal pipeline when omitted' })
  @IsOptional()
  @Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  pipelineId?: string;
}

export class DealStageDurationsQuery extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'A visit still in progress counts up to this instant (ISO date-time); default: now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

export class StageVisitsQuery extends StageDurationsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  stageId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}

@ApiTags('read-models')
@Controller('v1/read-models/stage-durations')
@UseInterceptors(CsvInterceptor)
export class StageDurationsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Per stage: visits, median and p90 time in stage (completed visits), conversion to the next stage' })
  async stats(@Query() query: StageDurationsQuery) {
    const position = await this.gate.positionFor(STAGE_DURATION, query.minPosition);
    const data = await stageDurationStats(this.readModels, { pipelineId: query.pipelineId });
    if (query.pipelineId !== undefined && data.length === 0) throw notFound('pipeline', query.pipelineId);
    return { position, data };
  }

  @Get('visits')
  @ApiOperation({ summary: 'Stage visits, oldest entry first, cursor-paginated' })
  async visits(@Query() query: StageVisitsQuery) {
    const position = await this.gate.positionFor(STAGE_DURATION, query.minPosition);
    const page = await stageVisits(this.readModels, {
      pipelineId: query.pipelineId,
      stageId: query.stageId,
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
    return { position, data: page.rows, nextCursor: page.nextCursor };
  }

  @Get('deals/:dealId')
  @ApiOperation({ summary: "A deal's stage visits, and its latest and cumulative time in each stage" })
  async deal(@Param('dealId', new ParseUUIDPipe()) dealId: string, @Query() query: DealStageDurationsQuery) {
    const asOf = new Date(query.asOf ?? Date.now()).toISOString();
    const position = await this.gate.positionFor(STAGE_DURATION, query.minPosition);
    const data = await dealStageDurations(this.readModels, dealId, asOf);
    if (data === null) throw notFound('deal', dealId);
    return { position, data };
  }
}
