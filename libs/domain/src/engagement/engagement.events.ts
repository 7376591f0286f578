// Engagement events: the activities (emails, calls, meetings, notes, tasks) logged against CRM records.
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema, dataSchema, idSchema as id, optionalTextSchema as optionalText } from '../shared/index.js';

export const engagementStream = (engagementId: string): string => `engagement-${engagementId}`;

export type EngagementKind = 'email' | 'call' | 'meeting' | 'note' | 'task';
export const ENGAGEMENT_KINDS: readonly EngagementKind[] = ['email', 'call', 'meeting', 'note', 'task'];

export type EngagementLogged = DomainEvent<
  'EngagementLogged',
  Readonly<{
    engagementId: string;
    kind: EngagementKind;
    ownerId: string;
    subject: string | null;
    body: string | null;
    /** Calls and meetings only. */
    durationMinutes: number | null;
    /** Calls and meetings only; free text because portals define their own outcomes. */
    outcome: string | null;
    /** Tasks only; an ISO date-time in UTC. */
    dueAt: string | null;
    contactIds: readonly string[];
    companyIds: readonly string[];
    dealIds: readonly string[];
    ticketIds: readonly string[];
  }>
>;
export type TaskCompleted = DomainEvent<'TaskCompleted', Readonly<{ engagementId: string; ownerId: string; completedBy: string }>>;

export type EngagementEvent = EngagementLogged | TaskCompleted;

const ids: JsonSchema = { type: 'array', items: id, uniqueItems: true };

export const engagementEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'EngagementLogged',
    schemaVersion: 1,
    description: 'An activity was logged against at least one contact, company, deal or ticket.',
    schema: dataSchema({
      engagementId: id,
      kind: { enum: [...ENGAGEMENT_KINDS] },
      ownerId: id,
      subject: optionalText,
      body: optionalText,
      durationMinutes: { type: ['integer', 'null'], minimum: 0 },
      outcome: optionalText,
      // The pattern tells readers without a format plugin the shape; the format adds a real day within range.
      dueAt: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', format: 'date-time' },
      contactIds: ids,
      companyIds: ids,
      dealIds: ids,
      ticketIds: ids,
    }),
  }),
  defineEvent({
    type: 'TaskCompleted',
    schemaVersion: 1,
    description: 'A task was marked done; ownerId is the task owner, completedBy who ticked it off.',
    schema: dataSchema({ engagementId: id, ownerId: id, completedBy: id }),
  }),
];
