// Engagements are activities. Every one is tied to at least one record (HubSpot practice: an activity nobody can
// find from a contact, company, deal or ticket is lost). Its details can be corrected afterwards; only tasks have a
// lifecycle: a due time that can move, completed and reopened.
import { alreadyExists, assertNever, changedFields, INSTANT_RULE, notFound, parseInstant, ruleViolated, withFieldChanges, type Decider } from '../shared/index.js';
import type { EngagementCommand, LogEngagement, UpdateEngagement } from './engagement.commands.js';
import { isPlaybookRunRecorded } from './engagement-playbook-run.js';
import {
  ENGAGEMENT_FIELDS,
  ENGAGEMENT_KINDS,
  TASK_PRIORITIES,
  type EngagementDetails,
  type EngagementEvent,
  type EngagementField,
  type EngagementKind,
  type TaskPriority,
} from './engagement.events.js';

export type Engagement = Readonly<{
  engagementId: string;
  kind: EngagementKind;
  ownerId: string;
  details: EngagementDetails;
  dueAt: string | null;
  taskCompleted: boolean;
}>;

/** null until EngagementLogged. */
export type EngagementState = Engagement | null;

// Stored in UTC so that due dates compare as strings in read models, whatever offset the client sent.
const toUtcDateTime = (dueAt: string): string => {
  const ms = parseInstant(dueAt, { secondsRequired: true });
  if (ms === null) throw ruleViolated('invalid-due-at', `dueAt is ${INSTANT_RULE}, with seconds`, { dueAt });
  return new Date(ms).toISOString();
};

// Blank optional text is the same as none.
const optionalText = (value: string | null | undefined): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

const uniqueIds = (values: readonly string[] | undefined): readonly string[] => [...new Set(values ?? [])];

const hasDuration = (kind: EngagementKind): boolean => kind === 'call' || kind === 'meeting';

/** The fields an engagement of `kind` has: durations and outcomes are for calls and meetings, priorities for tasks. */
export const fieldsOf = (kind: EngagementKind): readonly EngagementField[] =>
  ENGAGEMENT_FIELDS.filter((field) => {
    if (field === 'durationMinutes' || field === 'outcome') return hasDuration(kind);
    if (field === 'priority') return kind === 'task';
    return true;
  });

const checkedDuration = (durationMinutes: number | null): number | null => {
  if (durationMinutes !== null && !(Number.isInteger(durationMinutes) && durationMinutes >= 0))
    throw ruleViolated('invalid-duration', 'durationMinutes is a whole number >= 0', { durationMinutes });
  return durationMinutes;
};

const checkedPriority = (priority: TaskPriority | null): TaskPriority | null => {
  if (priority !== null && !TASK_PRIORITIES.includes(priority)) throw ruleViolated('invalid-priority', `priority is one of ${TASK_PRIORITIES.join(', ')}`, { priority });
  return priority;
};

// A task is its title; without one it cannot be listed.
const checkedSubject = (kind: EngagementKind, subject: string | null | undefined): string | null => {
  const checked = optionalText(subject?.trim());
  if (kind === 'task' && checked === null) throw ruleViolated('task-subject-required', 'a task needs a subject');
  return checked;
};

const log = (command: LogEngagement, state: EngagementState): readonly EngagementEvent[] => {
  const { engagementId, kind, ownerId, durationMinutes, dueAt, priority } = command.data;
  if (state !== null) throw alreadyExists('engagement', { engagementId });
  if (!ENGAGEMENT_KINDS.includes(kind)) throw ruleViolated('invalid-engagement-kind', `kind is one of ${ENGAGEMENT_KINDS.join(', ')}`, { kind });
  if (typeof ownerId !== 'string' || ownerId.trim() === '') throw ruleViolated('engagement-owner-required', 'an engagement needs an owner');
  if (durationMinutes !== undefined && !hasDuration(kind))
    throw ruleViolated('duration-only-for-calls-and-meetings', 'only calls and meetings have a duration', { kind });
  const outcome = optionalText(command.data.outcome);
  if (outcome !== null && !hasDuration(kind))
    throw ruleViolated('outcome-only-for-calls-and-meetings', 'only calls and meetings have an outcome', { kind });
  if (dueAt !== undefined && kind !== 'task') throw ruleViolated('due-at-only-for-tasks', 'only tasks have a due date', { kind });
  if (priority !== undefined && kind !== 'task') throw ruleViolated('priority-only-for-tasks', 'only tasks have a priority', { kind });
  const subject = checkedSubject(kind, command.data.subject);
  const associations = {
    contactIds: uniqueIds(command.data.contactIds),
    companyIds: uniqueIds(command.data.companyIds),
    dealIds: uniqueIds(command.data.dealIds),
    ticketIds: uniqueIds(command.data.ticketIds),
  };
  if (Object.values(associations).every((associated) => associated.length === 0))
    throw ruleViolated('engagement-needs-association', 'an engagement is tied to at least one contact, company, deal or ticket');
  return [
    {
      type: 'EngagementLogged',
      data: {
        engagementId,
        kind,
        ownerId,
        subject,
        body: optionalText(command.data.body),
        durationMinutes: checkedDuration(durationMinutes ?? null),
        outcome,
        dueAt: dueAt === undefined ? null : toUtcDateTime(dueAt),
        priority: checkedPriority(priority ?? null),
        ...associations,
      },
    },
  ];
};

const update = (command: UpdateEngagement, state: EngagementState): readonly EngagementEvent[] => {
  const { engagementId, subject, body, outcome, durationMinutes, priority } = command.data;
  if (state === null) throw notFound('engagement', engagementId);
  const applies = fieldsOf(state.kind);
  for (const field of ENGAGEMENT_FIELDS) {
    // The field is named so that the edge can answer 400 naming it.
    if (command.data[field] !== undefined && !applies.includes(field))
      throw ruleViolated('field-not-for-kind', `a ${state.kind} has no ${field}`, { field, kind: state.kind });
  }
  const requested: Partial<EngagementDetails> = {
    ...(subject === undefined ? {} : { subject: checkedSubject(state.kind, subject) }),
    ...(body === undefined ? {} : { body: optionalText(body) }),
    ...(outcome === undefined ? {} : { outcome: optionalText(outcome) }),
    ...(durationMinutes === undefined ? {} : { durationMinutes: checkedDuration(durationMinutes) }),
    ...(priority === undefined ? {} : { priority: checkedPriority(priority) }),
  };
  const changes = changedFields(ENGAGEMENT_FIELDS, state.details, requested);
  return changes.length === 0 ? [] : [{ type: 'EngagementUpdated', data: { engagementId, changes } }];
};

/** The engagement as a task: it must exist and be one. */
const requireTask = (state: EngagementState, engagementId: string): Engagement => {
  if (state === null) throw notFound('engagement', engagementId);
  if (state.kind !== 'task') throw ruleViolated('not-a-task', `engagement ${engagementId} is a ${state.kind}`, { kind: state.kind });
  return state;
};

const decide = (command: EngagementCommand, state: EngagementState): readonly EngagementEvent[] => {
  switch (command.type) {
    case 'LogEngagement':
      return log(command, state);
    case 'UpdateEngagement':
      return update(command, state);
    case 'RescheduleTask': {
      const { engagementId } = command.data;
      const task = requireTask(state, engagementId);
      if (task.taskCompleted) throw ruleViolated('task-already-completed', `task ${engagementId} is completed; reopen it first`);
      const dueAt = toUtcDateTime(command.data.dueAt);
      return dueAt === task.dueAt ? [] : [{ type: 'TaskRescheduled', data: { engagementId, previous: task.dueAt, dueAt } }];
    }
    case 'CompleteTask': {
      const { engagementId, completedBy } = command.data;
      const task = requireTask(state, engagementId);
      if (task.taskCompleted) throw ruleViolated('task-already-completed', `task ${engagementId} is already completed`);
      return [{ type: 'TaskCompleted', data: { engagementId, ownerId: task.ownerId, completedBy } }];
    }
    case 'ReopenTask': {
      const { engagementId } = command.data;
      const task = requireTask(state, engagementId);
      if (!task.taskCompleted) throw ruleViolated('task-not-completed', `task ${engagementId} is open`);
      return [{ type: 'TaskReopened', data: { engagementId, ownerId: task.ownerId } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: EngagementState, event: EngagementEvent): EngagementState => {
  if (event.type === 'EngagementLogged') {
    const { engagementId, kind, ownerId, subject, body, outcome, durationMinutes, priority, dueAt } = event.data;
    return { engagementId, kind, ownerId, details: { subject, body, outcome, durationMinutes, priority }, dueAt, taskCompleted: false };
  }
  if (state === null) return state;
  // A playbook run shares the stream (engagement-playbook-run.ts) and changes nothing these commands decide on.
  if (isPlaybookRunRecorded(event as Readonly<{ type: string }>)) return state;
  switch (event.type) {
    case 'EngagementUpdated':
      return { ...state, details: withFieldChanges(state.details, event.data.changes) };
    case 'TaskRescheduled':
      return { ...state, dueAt: event.data.dueAt };
    case 'TaskCompleted':
      return { ...state, taskCompleted: true };
    case 'TaskReopened':
      return { ...state, taskCompleted: false };
    default:
      return assertNever(event);
  }
};

export const engagementDecider: Decider<EngagementCommand, EngagementEvent, EngagementState> = {
  decide,
  evolve,
  initialState: () => null,
};
