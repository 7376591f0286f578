import { Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { notFound } from '#domain/shared';
import { DEAL_LIST, DEAL_SORT_KEYS, DEFAULT_DEAL_SORT, dealPropertyDefinitions, dealTotals, listDeals, type DealListPage } from '#projections/deal-list';
import { listSortOf } from '#read-models';
import { checkAmountRange, checkRange, DealListItemDto, DealListQueryDto, DealStageTotalDto, DealTotalsQueryDto } from './deal-ticket-owner-lists.dto.js';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { PROPERTY_FILTER_DOC, propertyFilters, PropertyFilterParams, RecordListInterceptor } from './record-lists.dto.js';

const DESCRIPTION =
  'Amounts, mrr and arr are decimal strings in the currency\'s digits (JPY "150000", USD "1200.50", BHD "1.250"); mrr and arr are null for ' +
  'a one-off deal; closeDate is the expected close, closedAt when it was won or lost (null while open). ' +
  '`q` matches a substring of the name or of a text or number custom property (an advertiser id), case-insensitively. ' +
  PROPERTY_FILTER_DOC;

// GET /v1/deals/:id (the deal as its stream says) stays with the deal commands in deals/deals.controller.ts.
@ReadModelRoutes('v1/deals')
export class DealListController extends ReadModelController {
  @Get()
  @UseInterceptors(RecordListInterceptor)
  @ApiOperation({ summary: 'Deals, filtered, sorted and paged, with stage label and owner name', description: DESCRIPTION })
  @ReadModelAnswer({ row: DealListItemDto, many: true, paged: true })
  async list(@Query() query: DealListQueryDto, @PropertyFilterParams() propertyParams: Record<string, unknown>): Promise<DealListPage> {
    checkAmountRange('amountMax', query.amountMin, query.amountMax, 'amountMin');
    checkRange('closeTo', query.closeFrom, query.closeTo, 'closeFrom');
    await this.gate.reach(DEAL_LIST, query.minPosition);
    const { minPosition: _minPosition, sort, limit, ...filters } = query;
    return listDeals(this.readModels, {
      ...filters,
      properties: await propertyFilters(propertyParams, () => dealPropertyDefinitions(this.readModels)),
      sort: listSortOf(DEAL_SORT_KEYS, sort, DEFAULT_DEAL_SORT),
      limit: limit ?? 50,
    });
  }
}

// Its own controller so that modules.ts can register it before DealsController: Express tries routes in the order
// they were added, and GET /v1/deals/:id (a uuid) would otherwise take /v1/deals/totals and refuse it.
@ReadModelRoutes('v1/deals')
export class DealTotalsController extends ReadModelController {
  @Get('totals')
  @ApiOperation({
    summary: "Per stage and currency of a deal pipeline: its deals and their exact total (every deal, not a page's)",
    description:
      'One row per stage and currency that has deals, in stage order, whatever the deals\' outcome. Totals are decimal strings in the ' +
      'currency\'s digits, never summed across currencies. A weighted total is the total times the stage\'s probability ' +
      '(GET /v1/pipelines/{id}), rounded once, half to even. 404 when the deals list does not know the deal pipeline.',
  })
  @ReadModelAnswer({ row: DealStageTotalDto, many: true })
  async totals(@Query() query: DealTotalsQueryDto) {
    await this.gate.reach(DEAL_LIST, query.minPosition);
    const { position, totals } = await dealTotals(this.readModels, query.pipelineId);
    if (totals === null) throw notFound('pipeline', query.pipelineId);
    return { position, data: totals };
  }
}
