// Tickets move through the stages of one ticket pipeline; entering a closed stage closes the ticket and leaving
// it reopens the ticket, each recorded as its own fact next to the stage change.
import { alreadyExists, assertNever, notFound, ruleViolated, type Decider } from '../shared/index.js';
import { firstOpenStage, requireEnterableStage, type PipelineStage } from '../pipeline/index.js';
import type { TicketCommand } from './ticket.commands.js';
import { TICKET_PRIORITIES, type TicketEvent, type TicketPriority } from './ticket.events.js';

export type TicketStatus = 'open' | 'closed';

export type Ticket = Readonly<{
  ticketId: string;
  subject: string;
  pipelineId: string;
  stageId: string;
  status: TicketStatus;
  priority: TicketPriority;
  ownerId: string | null;
  contactId: string | null;
  dealId: string | null;
}>;

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

const isClosed = (stage: PipelineStage): boolean => stage.closed !== null;

const decide = (command: TicketCommand, state: TicketState): readonly TicketEvent[] => {
  switch (command.type) {
    case 'CreateTicket': {
      const { ticketId, pipeline, priority } = command.data;
      if (state !== null) throw alreadyExists('ticket', { ticketId });
      if (pipeline.objectType !== 'ticket')
        throw ruleViolated('not-a-ticket-pipeline', `pipeline ${pipeline.pipelineId} is a ${pipeline.objectType} pipeline`, { pipelineId: pipeline.pipelineId });
      const subject = typeof command.data.subject === 'string' ? command.data.subject.trim() : '';
      if (subject === '') throw ruleViolated('ticket-subject-required', 'a ticket subject must not be empty');
      const stage =
        command.data.stageId === undefined ? firstOpenStage(pipeline) : requireEnterableStage(pipeline, pipeline.pipelineId, command.data.stageId);
      // A valid pipeline always keeps an open stage; this guards a hand-built one.
      if (stage === undefined) throw ruleViolated('stage-not-in-pipeline', `pipeline ${pipeline.pipelineId} has no open stage`);
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
          contactId: command.data.contactId ?? null,
          dealId: command.data.dealId ?? null,
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
    default:
      return assertNever(event);
  }
};

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  decide,
  evolve,
  initialState: () => null,
};
