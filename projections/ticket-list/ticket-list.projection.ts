// The tickets list, the pure part: one row per ticket as it stands now (subject, where it stands, priority, owner,
// custom properties), and the ticket pipelines' stages so a page shows stage labels. The existing `tickets` slice
// is a report (open tickets by stage, created per week); this one is what a person finds a ticket in.
import type { Pipeline } from '#domain/pipeline';
import { assertNever, withPropertyChanges, type PropertyValues } from '#domain/shared';
import type { TicketEvent, TicketPriority } from '#domain/ticket';
import type { RecordedEvent } from '#event-store';
import { searchKey } from '#read-models';
import { searchableValues } from '../deal-list/deal-list.projection.js';
import { PROPERTY_DEFINITION_EVENT_TYPES } from '../record-lists/list-properties.projection.js';
import { evolvePipelines, isPipelineEvent, PIPELINE_EVENT_TYPES } from '../pipeline-health/pipeline-stages.projection.js';

export const TICKET_LIST_TICKET_EVENT_TYPES = [
  'TicketCreated',
  'TicketStageChanged',
  'TicketClosed',
  'TicketReopened',
  'TicketOwnerAssigned',
  'TicketPriorityChanged',
  'TicketPropertiesChanged',
] as const satisfies readonly TicketEvent['type'][];

export const TICKET_LIST_EVENT_TYPES: readonly string[] = [...TICKET_LIST_TICKET_EVENT_TYPES, ...PIPELINE_EVENT_TYPES, ...PROPERTY_DEFINITION_EVENT_TYPES];

export type TicketListStatus = 'open' | 'closed';

export type TicketListRow = Readonly<{
  ticketId: string;
  subject: string;
  pipelineId: string;
  stageId: string;
  priority: TicketPriority;
  status: TicketListStatus;
  ownerId: string | null;
  properties: PropertyValues;
  /** Business time of TicketCreated, ISO (UTC, milliseconds). */
  createdAt: string;
}>;

/** Priorities in the order `sort=priority` lists them: urgent last, first with `-priority`. */
export const PRIORITY_RANK: Readonly<Record<TicketPriority, number>> = { low: 1, medium: 2, high: 3, urgent: 4 };

export const isTicketListTicketEvent = (event: Pick<RecordedEvent, 'type'>): boolean =>
  (TICKET_LIST_TICKET_EVENT_TYPES as readonly string[]).includes(event.type);

export const ticketIdOf = (event: RecordedEvent): string => (event.data as { ticketId: string }).ticketId;

/** What `q` matches: the subject and the searchable property values, folded here (searchKey). */
export const ticketSearchText = (ticket: Pick<TicketListRow, 'subject' | 'properties'>): string =>
  searchKey([ticket.subject, ...searchableValues(ticket.properties)].join(' '));

/** The ticket after one event; events of a ticket never created leave nothing (its stream always starts so). */
export const evolveTicket = (ticket: TicketListRow | undefined, event: TicketEvent, occurredAt: string): TicketListRow | undefined => {
  if (event.type === 'TicketCreated') {
    if (ticket) return ticket;
    const { ticketId, subject, pipelineId, stageId, priority, ownerId, properties } = event.data;
    return { ticketId, subject, pipelineId, stageId, priority, status: 'open', ownerId, properties, createdAt: new Date(occurredAt).toISOString() };
  }
  if (!ticket) return undefined;
  switch (event.type) {
    case 'TicketStageChanged':
      return { ...ticket, pipelineId: event.data.pipelineId, stageId: event.data.toStageId };
    case 'TicketClosed':
      return { ...ticket, stageId: event.data.stageId, status: 'closed' };
    case 'TicketReopened':
      return { ...ticket, stageId: event.data.stageId, status: 'open' };
    case 'TicketOwnerAssigned':
      return { ...ticket, ownerId: event.data.ownerId };
    case 'TicketPriorityChanged':
      return { ...ticket, priority: event.data.priority };
    case 'TicketPropertiesChanged':
      return { ...ticket, properties: withPropertyChanges(ticket.properties, event.data.changes) };
    default:
      return assertNever(event);
  }
};

export type TicketListState = Readonly<{ pipelines: ReadonlyMap<string, Pipeline>; tickets: ReadonlyMap<string, TicketListRow> }>;

export type TicketListChanges = Readonly<{ changedPipelines: readonly Pipeline[]; changedTickets: readonly TicketListRow[] }>;

/** Applies a batch in order; answers the pipelines and tickets it changed, each once, in first-touched order. */
export const reduceTicketList = (state: TicketListState, events: readonly RecordedEvent[]): TicketListChanges => {
  const pipelines = new Map(state.pipelines);
  const tickets = new Map(state.tickets);
  const changedPipelineIds = new Set<string>();
  const changedTicketIds = new Set<string>();
  for (const event of events) {
    if (isPipelineEvent(event)) {
      const changed = evolvePipelines(pipelines, event);
      if (changed) changedPipelineIds.add(changed.pipelineId);
    } else if (isTicketListTicketEvent(event)) {
      const before = tickets.get(ticketIdOf(event));
      const after = evolveTicket(before, { type: event.type, data: event.data } as TicketEvent, event.metadata.occurredAt);
      if (after === undefined || after === before) continue;
      tickets.set(after.ticketId, after);
      changedTicketIds.add(after.ticketId);
    }
  }
  return {
    changedPipelines: [...changedPipelineIds].map((id) => pipelines.get(id)!),
    changedTickets: [...changedTicketIds].map((id) => tickets.get(id)!),
  };
};
