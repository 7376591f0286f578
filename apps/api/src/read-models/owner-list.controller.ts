import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DEFAULT_OWNER_SORT, listOwners, OWNER_LIST, OWNER_SORT_KEYS, type OwnerListPage } from '#projections/owner-list';
import { listSortOf } from '#read-models';
import { OwnerListItemDto, OwnerListQueryDto } from './deal-ticket-owner-lists.dto.js';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';

// Owners have no custom properties: every query parameter is the DTO's, so an unknown one is a 400 by itself.
@ReadModelRoutes('v1/owners')
export class OwnerListController extends ReadModelController {
  @Get()
  @ApiOperation({
    summary: 'Owners (reps), filtered by team and role, sorted by name and paged',
    description: '`q` matches a substring of the name, email or team, case-insensitively.',
  })
  @ReadModelAnswer({ row: OwnerListItemDto, many: true, paged: true })
  async list(@Query() query: OwnerListQueryDto): Promise<OwnerListPage> {
    await this.gate.reach(OWNER_LIST, query.minPosition);
    const { minPosition: _minPosition, sort, limit, ...filters } = query;
    return listOwners(this.readModels, { ...filters, sort: listSortOf(OWNER_SORT_KEYS, sort, DEFAULT_OWNER_SORT), limit: limit ?? 50 });
  }
}
