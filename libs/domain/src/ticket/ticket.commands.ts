import type { Command, PropertyValues } from '../shared/index.js';
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
    contactIds?: readonly string[];
    companyIds?: readonly string[];
    dealIds?: readonly string[];
    /** Custom properties; nulls are left out. */
    properties?: PropertyValues;
  }>
>;
export type MoveTicketToStage = Command<'MoveTicketToStage', Readonly<{ ticketId: string; stageId: string; pipeline: Pipeline }>>;
/** ownerId null unassigns. */
export type AssignTicketOwner = Command<'AssignTicketOwner', Readonly<{ ticketId: string; ownerId: string | null }>>;
export type ChangeTicketPriority = Command<'ChangeTicketPriority', Readonly<{ ticketId: string; priority: TicketPriority }>>;

/** properties: only the ones to set; null clears one. */
export type ChangeTicketProperties = Command<'ChangeTicketProperties', Readonly<{ ticketId: string; properties: PropertyValues }>>;

export type TicketCommand = CreateTicket | MoveTicketToStage | AssignTicketOwner | ChangeTicketPriority | ChangeTicketProperties;
