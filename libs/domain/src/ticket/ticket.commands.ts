import type { Command } from '../shared/index.js';
import type { Pipeline } from '../pipeline/index.js';
import type { TicketPriority } from './ticket.events.js';

// Commands that need stages carry the ticket's pipeline, read by the handler (see requirePipeline).
export type CreateTicket = Command<
  'CreateTicket',
  Readonly<{
    ticketId: string;
    subject: string;
    pipeline: Pipeline;
    /** Omitted: the pipeline's first open stage. */
    stageId?: string;
    priority: TicketPriority;
    ownerId?: string;
    contactId?: string;
    dealId?: string;
  }>
>;
export type MoveTicketToStage = Command<'MoveTicketToStage', Readonly<{ ticketId: string; stageId: string; pipeline: Pipeline }>>;
/** ownerId null unassigns. */
export type AssignTicketOwner = Command<'AssignTicketOwner', Readonly<{ ticketId: string; ownerId: string | null }>>;
export type ChangeTicketPriority = Command<'ChangeTicketPriority', Readonly<{ ticketId: string; priority: TicketPriority }>>;

export type TicketCommand = CreateTicket | MoveTicketToStage | AssignTicketOwner | ChangeTicketPriority;
