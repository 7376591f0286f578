import { Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DEAL_LIST, DEAL_SORT_KEYS, DEFAULT_DEAL_SORT, dealPropertyDefinitions, listDeals, type DealListPage } from '#projections/deal-list';
import { listSortOf } from '#read-models';
import { checkRange, DealListItemDto, DealListQueryDto } from './deal-ticket-owner-lists.dto.js';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { PROPERTY_FILTER_DOC, propertyFilters, PropertyFilterParams, RecordListInterceptor } from './record-lists.dto.js';

const DESCRIPTION =
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
    checkRange('amountMax', query.amountMin, query.amountMax, 'amountMin');
    checkRange('closeTo', query.closeFrom, query.closeTo, 'closeFrom');
    await this.gate.reach(DEAL_LIST, query.minPosition);
    const { minPosition: _minPosition, sort, limit, ...filters } = query;
    return listDeals(this.readModels, {
      ...filters,
      properties: propertyFilters(propertyParams, await dealPropertyDefinitions(this.readModels)),
      sort: listSortOf(DEAL_SORT_KEYS, sort, DEFAULT_DEAL_SORT),
      limit: limit ?? 50,
    });
  }
}
