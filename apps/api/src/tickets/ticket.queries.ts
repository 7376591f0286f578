import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '#application';
import { notFound } from '#domain/shared';
import { ticketDecider, ticketStream } from '#domain/ticket';
import type { TicketView } from './tickets.dto.js';

/** One ticket as its stream says now: the write side's view, with the revision for If-Match. */
export class GetTicket extends Query<TicketView> {
  constructor(readonly ticketId: string) {
    super();
  }
}

@QueryHandler(GetTicket)
export class GetTicketHandler implements IQueryHandler<GetTicket> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ ticketId }: GetTicket): Promise<TicketView> {
    const { state, revision } = await this.executor.load(ticketStream(ticketId), ticketDecider);
    if (state === null) throw notFound('ticket', ticketId);
    // contactId and dealId as before tickets had lists: the first of each.
    const { contactIds, companyIds, dealIds } = state;
    return {
      ...state,
      contactIds: [...contactIds],
      companyIds: [...companyIds],
      dealIds: [...dealIds],
      contactId: contactIds[0] ?? null,
      dealId: dealIds[0] ?? null,
      revision,
    };
  }
}
