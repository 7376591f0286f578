// GET stage durations: per stage the median and 90th percentile time and the conversion to the next stage; one
// deal's visits and time per stage; and the visits themselves, paged.
import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { notFound } from '#domain/shared';
import { dealStageDurations, STAGE_DURATION, stageDurationStats, stageVisits } from '#projections/stage-duration';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { IdParam } from '../http/routes.js';
import { IsInstant } from '../http/validators.js';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { STAGE_ID, STAGE_ID_RULE } from '../pipelines/id-param.pipe.js';
import { DealStageDurationsDto, StageDurationStatsDto, StageVisitDto } from './read-model-rows.dto.js';
import { OptionalPipelineId, ReadModelQuery } from './read-model.dto.js';

export class StageDurationsQuery extends ReadModelQuery {
  @OptionalPipelineId('One pipeline; every deal pipeline when omitted')
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

  @PageLimit(500, 50)
  limit?: number;

  @PageCursor(1000)
  cursor?: string;
}

@ReadModelRoutes('v1/read-models/stage-durations')
export class StageDurationsController extends ReadModelController {
  @Get()
  @ApiOperation({ summary: 'Per stage: visits, median and p90 time in stage (completed visits), conversion to the next stage' })
  @ReadModelAnswer({ row: StageDurationStatsDto, many: true })
  async stats(@Query() query: StageDurationsQuery) {
    const position = await this.gate.positionFor(STAGE_DURATION, query.minPosition);
    const data = await stageDurationStats(this.readModels, { pipelineId: query.pipelineId });
    if (query.pipelineId !== undefined && data.length === 0) throw notFound('pipeline', query.pipelineId);
    return { position, data };
  }

  @Get('visits')
  @ApiOperation({ summary: 'Stage visits, oldest entry first, cursor-paginated' })
  @ReadModelAnswer({ row: StageVisitDto, many: true, paged: true })
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
  @ReadModelAnswer({ row: DealStageDurationsDto, keys: { visits: ['stageId', 'visit'], stages: ['stageId'] } })
  async deal(@IdParam('dealId') dealId: string, @Query() query: DealStageDurationsQuery) {
    const asOf = new Date(query.asOf ?? Date.now()).toISOString();
    const position = await this.gate.positionFor(STAGE_DURATION, query.minPosition);
    const data = await dealStageDurations(this.readModels, dealId, asOf);
    if (data === null) throw notFound('deal', dealId);
    return { position, data };
  }
}
