// Engagements are activities. Every one is tied to at least one record (HubSpot practice: an activity nobody can
// find from a contact, company, deal or ticket is lost). Only tasks have a lifecycle: they get completed once.
import { alreadyExists, assertNever, INSTANT_RULE, notFound, parseInstant, ruleViolated, type Decider } from '../shared/index.js';
import type { EngagementCommand } from './engagement.commands.js';
import { ENGAGEMENT_KINDS, type EngagementEvent, type EngagementKind } from './engagement.events.js';

export type Engagement = Readonly<{
  engagementId: string;
  kind: EngagementKind;
  ownerId: string;
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
const optionalText = (value: string | undefined): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

const uniqueIds = (values: readonly string[] | undefined): readonly string[] => [...new Set(values ?? [])];

const hasDuration = (kind: EngagementKind): boolean => kind === 'call' || kind === 'meeting';

const decide = (command: EngagementCommand, state: EngagementState): readonly EngagementEvent[] => {
  switch (command.type) {
    case 'LogEngagement': {
      const { engagementId, kind, ownerId, durationMinutes, dueAt } = command.data;
      if (state !== null) throw alreadyExists('engagement', { engagementId });
      if (!ENGAGEMENT_KINDS.includes(kind)) throw ruleViolated('invalid-engagement-kind', `kind is one of ${ENGAGEMENT_KINDS.join(', ')}`, { kind });
      if (typeof ownerId !== 'string' || ownerId.trim() === '') throw ruleViolated('engagement-owner-required', 'an engagement needs an owner');
      if (durationMinutes !== undefined && !hasDuration(kind))
        throw ruleViolated('duration-only-for-calls-and-meetings', 'only calls and meetings have a duration', { kind });
      if (durationMinutes !== undefined && !(Number.isInteger(durationMinutes) && durationMinutes >= 0))
        throw ruleViolated('invalid-duration', 'durationMinutes is a whole number >= 0', { durationMinutes });
      const outcome = optionalText(command.data.outcome);
      if (outcome !== null && !hasDuration(kind))
        throw ruleViolated('outcome-only-for-calls-and-meetings', 'only calls and meetings have an outcome', { kind });
      if (dueAt !== undefined && kind !== 'task') throw ruleViolated('due-at-only-for-tasks', 'only tasks have a due date', { kind });
      const subject = optionalText(command.data.subject?.trim());
      // A task is its title; without one it cannot be listed.
      if (kind === 'task' && subject === null) throw ruleViolated('task-subject-required', 'a task needs a subject');
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
            durationMinutes: durationMinutes ?? null,
            outcome,
            dueAt: dueAt === undefined ? null : toUtcDateTime(dueAt),
            ...associations,
          },
        },
      ];
    }
    case 'CompleteTask': {
      const { engagementId, completedBy } = command.data;
      if (state === null) throw notFound('engagement', engagementId);
      if (state.kind !== 'task') throw ruleViolated('not-a-task', `engagement ${engagementId} is a ${state.kind}`, { kind: state.kind });
      if (state.taskCompleted) throw ruleViolated('task-already-completed', `task ${engagementId} is already completed`);
      return [{ type: 'TaskCompleted', data: { engagementId, ownerId: state.ownerId, completedBy } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: EngagementState, event: EngagementEvent): EngagementState => {
  switch (event.type) {
    case 'EngagementLogged': {
      const { engagementId, kind, ownerId } = event.data;
      return { engagementId, kind, ownerId, taskCompleted: false };
    }
    case 'TaskCompleted':
      return state === null ? state : { ...state, taskCompleted: true };
    default:
      return assertNever(event);
  }
};

export const engagementDecider: Decider<EngagementCommand, EngagementEvent, EngagementState> = {
  decide,
  evolve,
  initialState: () => null,
};
