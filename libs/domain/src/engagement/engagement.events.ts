// Engagement events: the activities (emails, calls, meetings, notes, tasks) logged against CRM records.
import {
  defineEvent,
  fieldChangeSchema,
  type DomainEvent,
  type EventDefinition,
  type FieldChange,
  type JsonSchema,
  type Upcaster,
  dataSchema,
  idSchema as id,
  optionalTextSchema as optionalText,
} from '../shared/index.js';

export const engagementStream = (engagementId: string): string => `engagement-${engagementId}`;

export type EngagementKind = 'email' | 'call' | 'meeting' | 'note' | 'task';
export const ENGAGEMENT_KINDS: readonly EngagementKind[] = ['email', 'call', 'meeting', 'note', 'task'];

export type TaskPriority = 'low' | 'medium' | 'high';
export const TASK_PRIORITIES: readonly TaskPriority[] = ['low', 'medium', 'high'];

/** What an update may change; which of them apply depends on the kind (engagement.decider.ts, fieldsOf). */
export type EngagementDetails = Readonly<{
  subject: string | null;
  body: string | null;
  /** Calls and meetings only; free text because portals define their own outcomes. */
  outcome: string | null;
  /** Calls and meetings only. */
  durationMinutes: number | null;
  /** Tasks only. */
  priority: TaskPriority | null;
}>;
export type EngagementField = keyof EngagementDetails;
export const ENGAGEMENT_FIELDS: readonly EngagementField[] = ['subject', 'body', 'outcome', 'durationMinutes', 'priority'];
export type EngagementFieldChange = FieldChange<EngagementDetails>;

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
    /** Tasks only (schema version 2; older tasks read as null). */
    priority: TaskPriority | null;
    contactIds: readonly string[];
    companyIds: readonly string[];
    dealIds: readonly string[];
    ticketIds: readonly string[];
  }>
>;
export type EngagementUpdated = DomainEvent<'EngagementUpdated', Readonly<{ engagementId: string; changes: readonly EngagementFieldChange[] }>>;
/** previous: null when the task had no due date. */
export type TaskRescheduled = DomainEvent<'TaskRescheduled', Readonly<{ engagementId: string; previous: string | null; dueAt: string }>>;
export type TaskCompleted = DomainEvent<'TaskCompleted', Readonly<{ engagementId: string; ownerId: string; completedBy: string }>>;
/** ownerId: the task's owner, as on TaskCompleted. */
export type TaskReopened = DomainEvent<'TaskReopened', Readonly<{ engagementId: string; ownerId: string }>>;

export type EngagementEvent = EngagementLogged | EngagementUpdated | TaskRescheduled | TaskCompleted | TaskReopened;

/** EngagementLogged v1 had no priority. */
export const engagementLoggedV1ToV2: Upcaster = {
  fromVersion: 1,
  upcast: (data) => ({ ...data, priority: null }),
};

const ids: JsonSchema = { type: 'array', items: id, uniqueItems: true };
// The pattern tells readers without a format plugin the shape; the format adds a real day within range.
const utcDateTime: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', format: 'date-time' };
const optionalUtcDateTime: JsonSchema = { ...utcDateTime, type: ['string', 'null'] };
const durationMinutes: JsonSchema = { type: ['integer', 'null'], minimum: 0 };
const priority: JsonSchema = { enum: [...TASK_PRIORITIES, null] };

export const engagementEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'EngagementLogged',
    schemaVersion: 2,
    description: 'An activity was logged against at least one contact, company, deal or ticket.',
    schema: dataSchema({
      engagementId: id,
      kind: { enum: [...ENGAGEMENT_KINDS] },
      ownerId: id,
      subject: optionalText,
      body: optionalText,
      durationMinutes,
      outcome: optionalText,
      dueAt: optionalUtcDateTime,
      priority,
      contactIds: ids,
      companyIds: ids,
      dealIds: ids,
      ticketIds: ids,
    }),
    upcasters: [engagementLoggedV1ToV2],
  }),
  defineEvent({
    type: 'EngagementUpdated',
    schemaVersion: 1,
    description: "An engagement's subject, body, outcome, duration or priority changed; only fields whose value changed are listed.",
    schema: dataSchema({
      engagementId: id,
      changes: {
        type: 'array',
        minItems: 1,
        items: {
          oneOf: [
            fieldChangeSchema('subject', optionalText),
            fieldChangeSchema('body', optionalText),
            fieldChangeSchema('outcome', optionalText),
            fieldChangeSchema('durationMinutes', durationMinutes),
            fieldChangeSchema('priority', priority),
          ],
        },
      },
    }),
  }),
  defineEvent({
    type: 'TaskRescheduled',
    schemaVersion: 1,
    description: "A task's due time moved (UTC); previous is null when it had none.",
    schema: dataSchema({ engagementId: id, previous: optionalUtcDateTime, dueAt: utcDateTime }),
  }),
  defineEvent({
    type: 'TaskCompleted',
    schemaVersion: 1,
    description: 'A task was marked done; ownerId is the task owner, completedBy who ticked it off.',
    schema: dataSchema({ engagementId: id, ownerId: id, completedBy: id }),
  }),
  defineEvent({
    type: 'TaskReopened',
    schemaVersion: 1,
    description: 'A completed task is open again; ownerId is the task owner.',
    schema: dataSchema({ engagementId: id, ownerId: id }),
  }),
];
