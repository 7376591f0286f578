import { Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { normalizeDomain } from '#domain/company';
import { COMPANY_LIST, COMPANY_LIST_SORT_KEYS, companyPropertyDefinitions, listCompanies, type CompanyListPage } from '#projections/company-list';
import { listSortOf } from '#read-models';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { CompanyListItemDto, CompanyListQueryDto, PROPERTY_FILTER_DOC, propertyFilters, PropertyFilterParams, RecordListInterceptor } from './record-lists.dto.js';

@ReadModelRoutes('v1/companies')
export class CompanyListController extends ReadModelController {
  @Get()
  @UseInterceptors(RecordListInterceptor)
  @ApiOperation({ summary: 'Companies, filtered, sorted and paged (merged duplicates hidden)', description: PROPERTY_FILTER_DOC })
  @ReadModelAnswer({ row: CompanyListItemDto, many: true, paged: true })
  async list(@Query() query: CompanyListQueryDto, @PropertyFilterParams() propertyParams: Record<string, unknown>): Promise<CompanyListPage> {
    await this.gate.reach(COMPANY_LIST, query.minPosition);
    return listCompanies(this.readModels, {
      q: query.q,
      domain: query.domain === undefined ? undefined : normalizeDomain(query.domain),
      industry: query.industry,
      properties: await propertyFilters(propertyParams, () => companyPropertyDefinitions(this.readModels)),
      sort: listSortOf(COMPANY_LIST_SORT_KEYS, query.sort, '-createdAt'),
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }
}
