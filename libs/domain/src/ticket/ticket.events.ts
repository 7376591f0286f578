// Ticket events. Ticket pipelines mark closed stages with closed: 'won'; entering one closes the ticket.
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema, dataSchema, idSchema as id, optionalIdSchema as optionalId } from '../shared/index.js';

export const ticketStream = (ticketId: string): string => `ticket-${ticketId}`;

export type TicketPriority = 'low' | 'medium' | 'high' | 'urgent';
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'medium', 'high', 'urgent'];

export type TicketCreated = DomainEvent<
  'TicketCreated',
  Readonly<{
    ticketId: string;
    subject: string;
    pipelineId: string;
    stageId: string;
    priority: TicketPriority;
    ownerId: string | null;
    contactId: string | null;
    dealId: string | null;
  }>
>;
export type TicketStageChanged = DomainEvent<
  'TicketStageChanged',
  Readonly<{ ticketId: string; pipelineId: string; fromStageId: string; toStageId: string }>
>;
/** Follows TicketStageChanged (or TicketCreated) into a closed stage from an open one. */
export type TicketClosed = DomainEvent<'TicketClosed', Readonly<{ ticketId: string; pipelineId: string; stageId: string; ownerId: string | null }>>;
/** Follows TicketStageChanged out of a closed stage; stageId is the open stage entered. */
export type TicketReopened = DomainEvent<'TicketReopened', Readonly<{ ticketId: string; pipelineId: string; stageId: string }>>;
/** ownerId null: unassigned. */
export type TicketOwnerAssigned = DomainEvent<
  'TicketOwnerAssigned',
  Readonly<{ ticketId: string; previous: string | null; ownerId: string | null }>
>;
export type TicketPriorityChanged = DomainEvent<
  'TicketPriorityChanged',
  Readonly<{ ticketId: string; previous: TicketPriority; priority: TicketPriority }>
>;

export type TicketEvent = TicketCreated | TicketStageChanged | TicketClosed | TicketReopened | TicketOwnerAssigned | TicketPriorityChanged;

const priority: JsonSchema = { enum: [...TICKET_PRIORITIES] };

export const ticketEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'TicketCreated',
    schemaVersion: 1,
    description: 'A ticket was opened in a stage of a ticket pipeline.',
    schema: dataSchema({
      ticketId: id,
      subject: { type: 'string', minLength: 1 },
      pipelineId: id,
      stageId: id,
      priority,
      ownerId: optionalId,
      contactId: optionalId,
      dealId: optionalId,
    }),
  }),
  defineEvent({
    type: 'TicketStageChanged',
    schemaVersion: 1,
    description: 'A ticket moved to another stage of its pipeline.',
    schema: dataSchema({ ticketId: id, pipelineId: id, fromStageId: id, toStageId: id }),
  }),
  defineEvent({
    type: 'TicketClosed',
    schemaVersion: 1,
    description: 'A ticket entered a closed stage; the owner as it was at that moment.',
    schema: dataSchema({ ticketId: id, pipelineId: id, stageId: id, ownerId: optionalId }),
  }),
  defineEvent({
    type: 'TicketReopened',
    schemaVersion: 1,
    description: 'A closed ticket moved back to an open stage.',
    schema: dataSchema({ ticketId: id, pipelineId: id, stageId: id }),
  }),
  defineEvent({
    type: 'TicketOwnerAssigned',
    schemaVersion: 1,
    description: 'A ticket got another owner (null: unassigned).',
    schema: dataSchema({ ticketId: id, previous: optionalId, ownerId: optionalId }),
  }),
  defineEvent({
    type: 'TicketPriorityChanged',
    schemaVersion: 1,
    description: 'The priority of a ticket changed.',
    schema: dataSchema({ ticketId: id, previous: priority, priority }),
  }),
];
