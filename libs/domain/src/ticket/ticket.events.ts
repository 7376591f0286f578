// Ticket events. Ticket pipelines mark closed stages with closed: 'won'; entering one closes the ticket.
import {
  customPropertyNameSchema,
  defineEvent,
  type DomainEvent,
  type EventDefinition,
  type JsonSchema,
  type PropertyChange,
  type PropertyValues,
  type Upcaster,
  dataSchema,
  idSchema as id,
  optionalIdSchema as optionalId,
  propertiesSchema,
  propertyChangesSchema,
} from '../shared/index.js';

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
    contactIds: readonly string[];
    companyIds: readonly string[];
    dealIds: readonly string[];
    /** Custom properties with a value (nulls are left out). */
    properties: PropertyValues;
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

export type TicketPropertiesChanged = DomainEvent<'TicketPropertiesChanged', Readonly<{ ticketId: string; changes: readonly PropertyChange[] }>>;

export type TicketEvent =
  | TicketCreated
  | TicketStageChanged
  | TicketClosed
  | TicketReopened
  | TicketOwnerAssigned
  | TicketPriorityChanged
  | TicketPropertiesChanged;

// Custom property names may not shadow a built-in field (nor v1's single contactId and dealId): readers tell them
// apart by name.
export const TICKET_RESERVED_PROPERTY_NAMES: readonly string[] = [
  'ticketId',
  'subject',
  'pipelineId',
  'stageId',
  'priority',
  'ownerId',
  'status',
  'contactId',
  'contactIds',
  'companyId',
  'companyIds',
  'dealId',
  'dealIds',
];

const listOf = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);

/** TicketCreated v1 pointed at one contact and one deal at most, and had no custom properties. */
export const ticketCreatedV1ToV2: Upcaster = {
  fromVersion: 1,
  upcast: ({ contactId, dealId, ...data }) => ({ ...data, contactIds: listOf(contactId), companyIds: [], dealIds: listOf(dealId), properties: {} }),
};

const priority: JsonSchema = { enum: [...TICKET_PRIORITIES] };
const ids: JsonSchema = { type: 'array', items: id, uniqueItems: true };

export const ticketEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'TicketCreated',
    schemaVersion: 2,
    description: 'A ticket was opened in a stage of a ticket pipeline, with the contacts, companies and deals it concerns.',
    schema: dataSchema({
      ticketId: id,
      subject: { type: 'string', minLength: 1 },
      pipelineId: id,
      stageId: id,
      priority,
      ownerId: optionalId,
      contactIds: ids,
      companyIds: ids,
      dealIds: ids,
      properties: propertiesSchema(TICKET_RESERVED_PROPERTY_NAMES),
    }),
    upcasters: [ticketCreatedV1ToV2],
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
  defineEvent({
    type: 'TicketPropertiesChanged',
    schemaVersion: 1,
    description: "A ticket's custom properties changed; only values that changed are listed (null: cleared).",
    schema: dataSchema({ ticketId: id, changes: propertyChangesSchema(customPropertyNameSchema(TICKET_RESERVED_PROPERTY_NAMES)) }),
  }),
];
