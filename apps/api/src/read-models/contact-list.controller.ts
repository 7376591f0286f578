import { Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CONTACT_LIST, CONTACT_LIST_SORT_KEYS, contactPropertyDefinitions, listContacts, type ContactListPage } from '#projections/contact-list';
import { listSortOf } from '#read-models';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import {
  ContactListItemDto,
  ContactListQueryDto,
  fromInstant,
  PROPERTY_FILTER_DOC,
  propertyFilters,
  PropertyFilterParams,
  RecordListInterceptor,
  toInstant,
} from './record-lists.dto.js';

@ReadModelRoutes('v1/contacts')
export class ContactListController extends ReadModelController {
  @Get()
  @UseInterceptors(RecordListInterceptor)
  @ApiOperation({ summary: 'Contacts, filtered, sorted and paged (merged duplicates hidden)', description: PROPERTY_FILTER_DOC })
  @ReadModelAnswer({ row: ContactListItemDto, many: true, paged: true })
  async list(@Query() query: ContactListQueryDto, @PropertyFilterParams() propertyParams: Record<string, unknown>): Promise<ContactListPage> {
    await this.gate.reach(CONTACT_LIST, query.minPosition);
    const { minPosition: _minPosition, createdFrom, createdTo, sort, limit, ...filters } = query;
    return listContacts(this.readModels, {
      ...filters,
      createdFrom: createdFrom === undefined ? undefined : fromInstant(createdFrom),
      createdTo: createdTo === undefined ? undefined : toInstant(createdTo),
      properties: await propertyFilters(propertyParams, () => contactPropertyDefinitions(this.readModels)),
      sort: listSortOf(CONTACT_LIST_SORT_KEYS, sort, '-createdAt'),
      limit: limit ?? 50,
    });
  }
}
