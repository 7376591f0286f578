// GET recurring revenue for a month: per currency (optionally per owner or pipeline) the new, expansion, contraction
// and churn MRR, net new, the MRR in force and ARR; and the drill-down: the deals and events behind any figure.
import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { MRR, MRR_DRILL_KINDS, MRR_GROUP_BYS, mrrDrillDown, mrrMonth } from '#projections/mrr';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { MrrDrillQueryDto, MrrDrillRowDto, MrrQueryDto, MrrRowDto } from './mrr.dto.js';

const MONTH = { type: 'string', example: '2026-01' } as const;

// The default month is the caller's present; the read model itself never reads the clock.
const currentMonth = (): string => new Date().toISOString().slice(0, 7);

@ReadModelRoutes('v1/read-models/mrr')
export class MrrReadModelController extends ReadModelController {
  @Get()
  @ApiOperation({
    summary: 'Recurring revenue of a month per currency: new, expansion, contraction, churn, net new, MRR in force (total) and ARR',
    description:
      'A recurring deal\'s MRR is its amount over its contract term (half-even to the currency\'s digits), in force from the month ' +
      'it was won for contractTermMonths months; churn shows in the first month after the term unless a won deal with renewsDealId ' +
      'renewed it by then (the difference is expansion or contraction) or the term was extended. Reopening a won deal takes its MRR ' +
      'out as if it was never won. Currencies are never summed together. Each figure\'s deals and events: ' +
      'GET /v1/read-models/mrr/deals?month=&kind=new|expansion|contraction|churn|total (with currency, ownerId, pipelineId to ' +
      'explain one row).',
  })
  @ReadModelAnswer({ row: MrrRowDto, many: true, extra: { month: MONTH, groupBy: { type: 'string', enum: [...MRR_GROUP_BYS], nullable: true } } })
  async month(@Query() query: MrrQueryDto) {
    const month = query.month ?? currentMonth();
    await this.gate.reach(MRR, query.minPosition);
    const { position, rows } = await mrrMonth(this.readModels, { month, groupBy: query.groupBy });
    return { position, month, groupBy: query.groupBy ?? null, data: rows };
  }

  @Get('deals')
  @ApiOperation({
    summary: 'The drill-down of a recurring-revenue figure: each deal, its MRR movement and the event behind it',
    description:
      'new and expansion equal the sum of the rows\' mrr; contraction and churn minus that sum; total the sum of the deals\' MRR in ' +
      'force. A renewal lists both sides under the figure its net falls in.',
  })
  @ReadModelAnswer({ row: MrrDrillRowDto, many: true, paged: true, extra: { month: MONTH, kind: { type: 'string', enum: [...MRR_DRILL_KINDS] } } })
  async deals(@Query() query: MrrDrillQueryDto) {
    const month = query.month ?? currentMonth();
    await this.gate.reach(MRR, query.minPosition);
    const { position, rows, nextCursor } = await mrrDrillDown(this.readModels, {
      month,
      kind: query.kind,
      currency: query.currency,
      ownerId: query.ownerId,
      pipelineId: query.pipelineId,
      limit: query.limit ?? 200,
      cursor: query.cursor,
    });
    return { position, month, kind: query.kind, data: rows, nextCursor };
  }
}
