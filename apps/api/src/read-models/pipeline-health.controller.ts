// GET pipeline health: open deals, amounts per currency and their weighting, ages and stuck deals per stage, win
// rate and forecast per pipeline; and the stuck deals themselves, longest in stage first.
import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { notFound } from '../../../../libs/domain/src/shared/index.js';
import { PIPELINE_HEALTH, pipelineHealth, stuckDeals } from '../../../../projections/pipeline-health/index.js';
import { IsInstant } from '../http/validators.js';
import { READ_MODELS } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { ReadModelGate } from './read-model-gate.js';
import { PIPELINE_ID, PIPELINE_ID_RULE } from '../pipelines/id-param.pipe.js';
import { ReadModelQuery } from './read-model.dto.js';

export class PipelineHealthQuery extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'One pipeline (data is then one object); all deal pipelines when omitted' })
  @IsOptional()
  @Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  pipelineId?: string;

  @ApiPropertyOptional({ description: 'Ages and stuck deals as of this instant (ISO date-time); default: now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Only deals in this currency (ISO 4217)', example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;
}

export class StuckDealsQuery extends ReadModelQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  pipelineId?: string;

  @ApiPropertyOptional({ description: 'Stuck as of this instant (ISO date-time); default: now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;

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
@Controller('v1/read-models/pipeline-health')
@UseInterceptors(CsvInterceptor)
export class PipelineHealthController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Open deals, amounts per currency, weighted amounts, ages and stuck deals per stage; win rate and forecast' })
  async health(@Query() query: PipelineHealthQuery) {
    const asOf = new Date(query.asOf ?? Date.now()).toISOString();
    await this.gate.reach(PIPELINE_HEALTH, query.minPosition);
    const { position, pipelines } = await pipelineHealth(this.readModels, { pipelineId: query.pipelineId, asOf, currency: query.currency });
    if (query.pipelineId === undefined) return { position, data: pipelines };
    if (pipelines.length === 0) throw notFound('pipeline', query.pipelineId);
    return { position, data: pipelines[0] };
  }

  @Get('stuck-deals')
  @ApiOperation({ summary: "Open deals in their stage longer than the stage's stuckAfterDays, longest first" })
  async stuck(@Query() query: StuckDealsQuery) {
    const asOf = new Date(query.asOf ?? Date.now()).toISOString();
    const position = await this.gate.positionFor(PIPELINE_HEALTH, query.minPosition);
    const page = await stuckDeals(this.readModels, { pipelineId: query.pipelineId, asOf, limit: query.limit ?? 50, cursor: query.cursor });
    return { position, data: page.rows, nextCursor: page.nextCursor };
  }
}
