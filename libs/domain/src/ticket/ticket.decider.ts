// Tickets move through the stages of one ticket pipeline; entering a closed stage closes the ticket and leaving
// it reopens the ticket, each recorded as its own fact next to the stage change.
import {
  alreadyExists,
  assertNever,
  checkedPropertyNames,
  notFound,
  propertyChanges,
  requiredText,
  ruleViolated,
  withoutNullValues,
  withPropertyChanges,
  type Decider,
  type PropertyValues,
} from '../shared/index.js';
import { requireEnterableStage, requirePipelineFor, startingStage, type PipelineStage } from '../pipeline/index.js';
import type { TicketCommand } from './ticket.commands.js';
import { TICKET_PRIORITIES, TICKET_RESERVED_PROPERTY_NAMES, type TicketCreated, type TicketEvent, type TicketPriority } from './ticket.events.js';

export type TicketStatus = 'open' | 'closed';

// A ticket is what TicketCreated recorded, as later events changed it, plus whether it is open.
export type Ticket = Readonly<TicketCreated['data'] & { status: TicketStatus }>;

/** null until TicketCreated. */
export type TicketState = Ticket | null;

const requireTicket = (state: TicketState, ticketId: string): Ticket => {
  if (state === null) throw notFound('ticket', ticketId);
  return state;
};

const assertPriority = (priority: TicketPriority): void => {
  if (!TICKET_PRIORITIES.includes(priority))
    throw ruleViolated('invalid-priority', `priority is one of ${TICKET_PRIORITIES.join(', ')}`, { priority });
};

const checkedProperties = (properties: PropertyValues): PropertyValues => checkedPropertyNames(properties, TICKET_RESERVED_PROPERTY_NAMES, 'ticket');

const distinct = (ids: readonly string[] | undefined): readonly string[] => [...new Set(ids ?? [])];

const isClosed = (stage: PipelineStage): boolean => stage.closed !== null;

const decide = (command: TicketCommand, state: TicketState): readonly TicketEvent[] => {
  switch (command.type) {
    case 'CreateTicket': {
      const { ticketId, pipeline, priority } = command.data;
      if (state !== null) throw alreadyExists('ticket', { ticketId });
      requirePipelineFor(pipeline, 'ticket');
      const subject = requiredText(command.data.subject, 'ticket-subject-required', 'a ticket subject');
      const stage = startingStage(pipeline, command.data.stageId);
      assertPriority(priority);
      const ownerId = command.data.ownerId ?? null;
      const created: TicketEvent = {
        type: 'TicketCreated',
        data: {
          ticketId,
          subject,
          pipelineId: pipeline.pipelineId,
          stageId: stage.id,
          priority,
          ownerId,
          contactIds: distinct(command.data.contactIds),
          companyIds: distinct(command.data.companyIds),
          dealIds: distinct(command.data.dealIds),
          properties: withoutNullValues(checkedProperties(command.data.properties ?? {})),
        },
      };
      if (!isClosed(stage)) return [created];
      return [created, { type: 'TicketClosed', data: { ticketId, pipelineId: pipeline.pipelineId, stageId: stage.id, ownerId } }];
    }
    case 'MoveTicketToStage': {
      const ticket = requireTicket(state, command.data.ticketId);
      if (command.data.stageId === ticket.stageId) return [];
      const stage = requireEnterableStage(command.data.pipeline, ticket.pipelineId, command.data.stageId);
      const { ticketId, pipelineId } = ticket;
      const changed: TicketEvent = { type: 'TicketStageChanged', data: { ticketId, pipelineId, fromStageId: ticket.stageId, toStageId: stage.id } };
      if (ticket.status === 'open' && isClosed(stage))
        return [changed, { type: 'TicketClosed', data: { ticketId, pipelineId, stageId: stage.id, ownerId: ticket.ownerId } }];
      if (ticket.status === 'closed' && !isClosed(stage)) return [changed, { type: 'TicketReopened', data: { ticketId, pipelineId, stageId: stage.id } }];
      return [changed];
    }
    case 'AssignTicketOwner': {
      const ticket = requireTicket(state, command.data.ticketId);
      const { ownerId } = command.data;
      if (ownerId === ticket.ownerId) return [];
      return [{ type: 'TicketOwnerAssigned', data: { ticketId: ticket.ticketId, previous: ticket.ownerId, ownerId } }];
    }
    case 'ChangeTicketPriority': {
      const ticket = requireTicket(state, command.data.ticketId);
      const { priority } = command.data;
      assertPriority(priority);
      if (priority === ticket.priority) return [];
      return [{ type: 'TicketPriorityChanged', data: { ticketId: ticket.ticketId, previous: ticket.priority, priority } }];
    }
    case 'ChangeTicketProperties': {
      const ticket = requireTicket(state, command.data.ticketId);
      const changes = propertyChanges(ticket.properties, checkedProperties(command.data.properties));
      return changes.length === 0 ? [] : [{ type: 'TicketPropertiesChanged', data: { ticketId: ticket.ticketId, changes } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: TicketState, event: TicketEvent): TicketState => {
  if (event.type === 'TicketCreated') return { ...event.data, status: 'open' };
  if (state === null) return state;
  switch (event.type) {
    case 'TicketStageChanged':
      return { ...state, stageId: event.data.toStageId };
    case 'TicketClosed':
      return { ...state, status: 'closed' };
    case 'TicketReopened':
      return { ...state, status: 'open' };
    case 'TicketOwnerAssigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'TicketPriorityChanged':
      return { ...state, priority: event.data.priority };
    case 'TicketPropertiesChanged':
      return { ...state, properties: withPropertyChanges(state.properties, event.data.changes) };
    default:
      return assertNever(event);
  }
};

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  decide,
  evolve,
  initialState: () => null,
};
