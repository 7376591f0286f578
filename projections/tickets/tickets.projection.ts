// Tickets: one row per ticket as it stands now, and each ticket pipeline's stages (labels, display order) so
// queries can show stages by name and in the order the pipeline lists them.
import type {
  PipelineCreated,
  PipelineRenamed,
  PipelineStageAdded,
  PipelineStageArchived,
  PipelineStageRenamed,
  PipelineStagesReordered,
} from '#domain/pipeline';
import { assertNever } from '#domain/shared';
import type { TicketEvent, TicketPriority } from '#domain/ticket';

export type TicketStatus = 'open' | 'closed';

export type TicketRow = Readonly<{
  ticketId: string;
  pipelineId: string;
  stageId: string;
  priority: TicketPriority;
  ownerId: string | null;
  status: TicketStatus;
  /** ISO instants (UTC), from the events' business time. */
  createdAt: string;
  closedAt: string | null;
  enteredStageAt: string;
}>;

export type TicketPipelineStage = Readonly<{ stageId: string; label: string; closed: boolean; archived: boolean }>;

/** stages: the live stages in display order, then the archived ones (they keep their tickets). */
export type TicketPipeline = Readonly<{ pipelineId: string; name: string; stages: readonly TicketPipelineStage[] }>;

export type TicketPipelineEvent =
  | PipelineCreated
  | PipelineRenamed
  | PipelineStageAdded
  | PipelineStageRenamed
  | PipelineStagesReordered
  | PipelineStageArchived;

export const TICKET_EVENT_TYPES: readonly TicketEvent['type'][] = [
  'TicketCreated',
  'TicketStageChanged',
  'TicketClosed',
  'TicketReopened',
  'TicketOwnerAssigned',
  'TicketPriorityChanged',
];

export const TICKET_PIPELINE_EVENT_TYPES: readonly TicketPipelineEvent['type'][] = [
  'PipelineCreated',
  'PipelineRenamed',
  'PipelineStageAdded',
  'PipelineStageRenamed',
  'PipelineStagesReordered',
  'PipelineStageArchived',
];

/** Business time in one format (UTC, milliseconds), whatever offset it was written with. */
export const toInstant = (occurredAt: string): string => new Date(occurredAt).toISOString();

/** The ticket after `event`; events for a ticket never created leave nothing (its stream always starts so). */
export const evolveTicket = (ticket: TicketRow | undefined, event: TicketEvent, occurredAt: string): TicketRow | undefined => {
  const at = toInstant(occurredAt);
  if (event.type === 'TicketCreated') {
    if (ticket) return ticket;
    const { ticketId, pipelineId, stageId, priority, ownerId } = event.data;
    return { ticketId, pipelineId, stageId, priority, ownerId, status: 'open', createdAt: at, closedAt: null, enteredStageAt: at };
  }
  if (!ticket) return undefined;
  switch (event.type) {
    case 'TicketStageChanged':
      return enterStage(ticket, event.data.pipelineId, event.data.toStageId, at);
    case 'TicketClosed':
      return { ...enterStage(ticket, event.data.pipelineId, event.data.stageId, at), status: 'closed', closedAt: at };
    case 'TicketReopened':
      return { ...enterStage(ticket, event.data.pipelineId, event.data.stageId, at), status: 'open', closedAt: null };
    case 'TicketOwnerAssigned':
      return { ...ticket, ownerId: event.data.ownerId };
    case 'TicketPriorityChanged':
      return { ...ticket, priority: event.data.priority };
    // Not subscribed (see TICKET_EVENT_TYPES): a row holds no custom properties.
    case 'TicketPropertiesChanged':
      return ticket;
    default:
      return assertNever(event);
  }
};

// Closing and reopening name the stage the preceding stage change already entered: the clock does not restart.
const enterStage = (ticket: TicketRow, pipelineId: string, stageId: string, at: string): TicketRow =>
  ticket.stageId === stageId && ticket.pipelineId === pipelineId ? ticket : { ...ticket, pipelineId, stageId, enteredStageAt: at };

const live = (stages: readonly TicketPipelineStage[]) => stages.filter((s) => !s.archived);
const archived = (stages: readonly TicketPipelineStage[]) => stages.filter((s) => s.archived);

const renameStage = (stages: readonly TicketPipelineStage[], stageId: string, label: string) =>
  stages.map((s) => (s.stageId === stageId ? { ...s, label } : s));

/** The pipeline after `event`; deal pipelines (and events for them) leave nothing. */
export const evolveTicketPipeline = (
  pipeline: TicketPipeline | undefined,
  event: TicketPipelineEvent,
): TicketPipeline | undefined => {
  if (event.type === 'PipelineCreated') {
    if (pipeline || event.data.objectType !== 'ticket') return pipeline;
    const stages = event.data.stages.map((s) => ({ stageId: s.id, label: s.label, closed: s.closed !== null, archived: false }));
    return { pipelineId: event.data.pipelineId, name: event.data.name, stages };
  }
  if (!pipeline) return undefined;
  switch (event.type) {
    case 'PipelineRenamed':
      return { ...pipeline, name: event.data.name };
    case 'PipelineStageAdded': {
      const { stage, position } = event.data;
      const added = { stageId: stage.id, label: stage.label, closed: stage.closed !== null, archived: false };
      const stages = live(pipeline.stages);
      return { ...pipeline, stages: [...stages.slice(0, position), added, ...stages.slice(position), ...archived(pipeline.stages)] };
    }
    case 'PipelineStageRenamed':
      return { ...pipeline, stages: renameStage(pipeline.stages, event.data.stageId, event.data.label) };
    case 'PipelineStagesReordered': {
      const byId = new Map(pipeline.stages.map((s) => [s.stageId, s]));
      const ordered = event.data.stageIds.flatMap((id) => byId.get(id) ?? []);
      return { ...pipeline, stages: [...ordered, ...archived(pipeline.stages)] };
    }
    case 'PipelineStageArchived': {
      const stage = pipeline.stages.find((s) => s.stageId === event.data.stageId);
      if (!stage || stage.archived) return pipeline;
      const rest = pipeline.stages.filter((s) => s !== stage);
      return { ...pipeline, stages: [...live(rest), { ...stage, archived: true }, ...archived(rest)] };
    }
    default:
      return assertNever(event);
  }
};

export type TicketsState = Readonly<{
  tickets: ReadonlyMap<string, TicketRow>;
  pipelines: ReadonlyMap<string, TicketPipeline>;
}>;

export type TicketsEvent = TicketEvent | TicketPipelineEvent;

const isTicketEvent = (event: TicketsEvent): event is TicketEvent => event.type.startsWith('Ticket');

/** The rows a batch changed, each in its final state; persistence writes only these. */
export type TicketsChanges = Readonly<{ tickets: readonly TicketRow[]; pipelines: readonly TicketPipeline[] }>;

/** Applies a batch to the rows it touches (loaded beforehand: the others are absent from `state`). */
export const reduceTickets = (
  state: TicketsState,
  events: readonly Readonly<{ event: TicketsEvent; occurredAt: string }>[],
): TicketsChanges => {
  const tickets = new Map(state.tickets);
  const pipelines = new Map(state.pipelines);
  const changedTickets = new Map<string, TicketRow>();
  const changedPipelines = new Map<string, TicketPipeline>();
  for (const { event, occurredAt } of events) {
    if (isTicketEvent(event)) {
      const before = tickets.get(event.data.ticketId);
      const after = evolveTicket(before, event, occurredAt);
      if (after && after !== before) {
        tickets.set(after.ticketId, after);
        changedTickets.set(after.ticketId, after);
      }
    } else {
      const before = pipelines.get(event.data.pipelineId);
      const after = evolveTicketPipeline(before, event);
      if (after && after !== before) {
        pipelines.set(after.pipelineId, after);
        changedPipelines.set(after.pipelineId, after);
      }
    }
  }
  return { tickets: [...changedTickets.values()], pipelines: [...changedPipelines.values()] };
};
