import { Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DEFAULT_TICKET_SORT, listTickets, TICKET_LIST, TICKET_SORT_KEYS, ticketPropertyDefinitions, type TicketListPage } from '#projections/ticket-list';
import { listSortOf } from '#read-models';
import { TicketListItemDto, TicketListQueryDto } from './deal-ticket-owner-lists.dto.js';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { PROPERTY_FILTER_DOC, propertyFilters, PropertyFilterParams, RecordListInterceptor } from './record-lists.dto.js';

const DESCRIPTION = '`q` matches a substring of the subject or of a text or number custom property, case-insensitively. ' + PROPERTY_FILTER_DOC;

// GET /v1/tickets/:id stays with the ticket commands in tickets/tickets.controller.ts; the ticket reports are
// /v1/read-models/tickets.
@ReadModelRoutes('v1/tickets')
export class TicketListController extends ReadModelController {
  @Get()
  @UseInterceptors(RecordListInterceptor)
  @ApiOperation({ summary: 'Tickets, filtered, sorted and paged, with stage label and owner name', description: DESCRIPTION })
  @ReadModelAnswer({ row: TicketListItemDto, many: true, paged: true })
  async list(@Query() query: TicketListQueryDto, @PropertyFilterParams() propertyParams: Record<string, unknown>): Promise<TicketListPage> {
    await this.gate.reach(TICKET_LIST, query.minPosition);
    const { minPosition: _minPosition, sort, limit, ...filters } = query;
    return listTickets(this.readModels, {
      ...filters,
      properties: await propertyFilters(propertyParams, () => ticketPropertyDefinitions(this.readModels)),
      sort: listSortOf(TICKET_SORT_KEYS, sort, DEFAULT_TICKET_SORT),
      limit: limit ?? 50,
    });
  }
}
