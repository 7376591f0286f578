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
    return { ...state, revision };
  }
}
