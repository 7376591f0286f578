// GET pipeline health: open deals, amounts per currency and their weighting, ages and stuck deals per stage, win
// rate and forecast per pipeline; and the stuck deals themselves, longest in stage first. Amounts are decimal
// strings in their currency's digits, never summed across currencies.
import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { notFound } from '#domain/shared';
import { DEAL_HISTORY, pipelineHealthAsOf } from '#projections/deal-history';
import { PIPELINE_HEALTH, pipelineHealth, stuckDeals } from '#projections/pipeline-health';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { IsInstant } from '../http/validators.js';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { PipelineHealthDto, StuckDealDto } from './read-model-rows.dto.js';
import { OptionalPipelineId, ReadModelQuery } from './read-model.dto.js';

export class PipelineHealthQuery extends ReadModelQuery {
  @OptionalPipelineId('One pipeline (data is then one object); all deal pipelines when omitted')
  pipelineId?: string;

  @ApiPropertyOptional({
    description:
      'The pipeline as it stood at this instant (ISO date-time): a past instant answers from the deal history (stages, ' +
      'probabilities, amounts and outcomes as they were then); default: now',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Only deals in this currency (ISO 4217)', example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;
}

export class StuckDealsQuery extends ReadModelQuery {
  @OptionalPipelineId()
  pipelineId?: string;

  @ApiPropertyOptional({ description: 'Stuck as of this instant (ISO date-time); default: now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @PageLimit(500, 50)
  limit?: number;

  @PageCursor(1000)
  cursor?: string;
}

// CSV columns name a stage by its id, an amount by its currency, a forecast by its month and currency.
const PIPELINE_HEALTH_CSV_KEYS = { stages: ['stageId'], amounts: ['currency'], forecast: ['month', 'currency'] };

@ReadModelRoutes('v1/read-models/pipeline-health')
export class PipelineHealthController extends ReadModelController {
  @Get()
  @ApiOperation({
    summary: 'Open deals, amounts per currency, weighted amounts, ages and stuck deals per stage; win rate and forecast',
    description:
      'Amounts are decimal strings with their currency\'s digits (JPY "150000", USD "0.59", BHD "1.250"), per currency, never ' +
      'summed across currencies. A weighted amount is the exact sum times the stage probability, rounded once, half to ' +
      "even, to the currency's digits. The forecast counts an open deal in the month of its expected close date and a " +
      'won deal in full in the month it was won (lost deals not at all).',
  })
  @ReadModelAnswer({ row: PipelineHealthDto, oneOrMany: true, keys: PIPELINE_HEALTH_CSV_KEYS })
  async health(@Query() query: PipelineHealthQuery) {
    const now = Date.now();
    const asOf = new Date(query.asOf ?? now).toISOString();
    const filter = { pipelineId: query.pipelineId, asOf, currency: query.currency };
    // The live read model holds today's state only; a past instant is rebuilt from the deal history.
    const past = Date.parse(asOf) < now;
    await this.gate.reach(past ? DEAL_HISTORY : PIPELINE_HEALTH, query.minPosition);
    const { position, pipelines } = past ? await pipelineHealthAsOf(this.readModels, filter) : await pipelineHealth(this.readModels, filter);
    if (query.pipelineId === undefined) return { position, data: pipelines };
    if (pipelines.length === 0) throw notFound('pipeline', query.pipelineId);
    return { position, data: pipelines[0] };
  }

  @Get('stuck-deals')
  @ApiOperation({ summary: "Open deals in their stage longer than the stage's stuckAfterDays, longest first" })
  @ReadModelAnswer({ row: StuckDealDto, many: true, paged: true })
  async stuck(@Query() query: StuckDealsQuery) {
    const asOf = new Date(query.asOf ?? Date.now()).toISOString();
    const position = await this.gate.positionFor(PIPELINE_HEALTH, query.minPosition);
    const page = await stuckDeals(this.readModels, { pipelineId: query.pipelineId, asOf, limit: query.limit ?? 50, cursor: query.cursor });
    return { position, data: page.rows, nextCursor: page.nextCursor };
  }
}
