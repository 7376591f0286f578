// The engagements list: one row per engagement as it stands now (its details, a task's due time, priority and
// status, the records it is tied to). Every time is the events' business time: createdAt and updatedAt are when
// the first and the latest event happened, so imported history reads the same as history written live.
import { assertNever } from '#domain/shared';
import type { EngagementEvent, EngagementKind, TaskPriority } from '#domain/engagement';

export type TaskStatus = 'open' | 'completed';

export type EngagementListRow = Readonly<{
  engagementId: string;
  kind: EngagementKind;
  ownerId: string;
  subject: string | null;
  body: string | null;
  outcome: string | null;
  durationMinutes: number | null;
  /** ISO instants in UTC. */
  occurredAt: string;
  dueAt: string | null;
  priority: TaskPriority | null;
  /** Tasks only; null for the other kinds. */
  status: TaskStatus | null;
  completedAt: string | null;
  completedBy: string | null;
  contactIds: readonly string[];
  companyIds: readonly string[];
  dealIds: readonly string[];
  ticketIds: readonly string[];
  createdAt: string;
  updatedAt: string;
}>;

export const ENGAGEMENT_LIST_EVENT_TYPES: readonly EngagementEvent['type'][] = [
  'EngagementLogged',
  'EngagementUpdated',
  'TaskRescheduled',
  'TaskCompleted',
  'TaskReopened',
];

/** The task queue's order among tasks due at the same time: high first, none last. */
export const priorityRank = (priority: TaskPriority | null): number => (priority === null ? 3 : { high: 0, medium: 1, low: 2 }[priority]);

/** One event as the reducer reads it: business time and store time. */
export type TimedEngagementEvent = Readonly<{ event: EngagementEvent; occurredAt: string }>;

const toInstant = (at: string): string => new Date(at).toISOString();

/** The row after `event`; events for an engagement never logged leave nothing (its stream always starts so). */
export const evolveEngagement = (row: EngagementListRow | undefined, { event, occurredAt }: TimedEngagementEvent): EngagementListRow | undefined => {
  const updatedAt = toInstant(occurredAt);
  if (event.type === 'EngagementLogged') {
    if (row) return row;
    const { engagementId, kind, ownerId, subject, body, outcome, durationMinutes, dueAt, priority, contactIds, companyIds, dealIds, ticketIds } = event.data;
    return {
      engagementId,
      kind,
      ownerId,
      subject,
      body,
      outcome,
      durationMinutes,
      occurredAt: toInstant(occurredAt),
      dueAt,
      priority,
      status: kind === 'task' ? 'open' : null,
      completedAt: null,
      completedBy: null,
      contactIds,
      companyIds,
      dealIds,
      ticketIds,
      createdAt: updatedAt,
      updatedAt,
    };
  }
  if (!row) return undefined;
  switch (event.type) {
    case 'EngagementUpdated':
      return event.data.changes.reduce<EngagementListRow>((changed, change) => ({ ...changed, [change.field]: change.value }), { ...row, updatedAt });
    case 'TaskRescheduled':
      return { ...row, dueAt: event.data.dueAt, updatedAt };
    case 'TaskCompleted':
      return { ...row, status: 'completed', completedAt: toInstant(occurredAt), completedBy: event.data.completedBy, updatedAt };
    case 'TaskReopened':
      return { ...row, status: 'open', completedAt: null, completedBy: null, updatedAt };
    default:
      return assertNever(event);
  }
};

/** Applies a batch to the rows it touches (loaded beforehand); answers the rows it changed, in their final state. */
export const reduceEngagementList = (
  rows: ReadonlyMap<string, EngagementListRow>,
  events: readonly TimedEngagementEvent[],
): EngagementListRow[] => {
  const current = new Map(rows);
  const changed = new Map<string, EngagementListRow>();
  for (const timed of events) {
    const before = current.get(timed.event.data.engagementId);
    const after = evolveEngagement(before, timed);
    if (after && after !== before) {
      current.set(after.engagementId, after);
      changed.set(after.engagementId, after);
    }
  }
  return [...changed.values()];
};
