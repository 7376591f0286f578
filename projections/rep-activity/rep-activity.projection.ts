// Per-rep activity: what each owner did per UTC day of the event's business time. Credit goes to the owner the
// event names (the owner at that moment), so a later owner change never moves credit already given.
import type { DealCreated, DealWon } from '#domain/deal';
import type { EngagementLogged, TaskCompleted } from '#domain/engagement';
import { addAmounts, assertNever } from '#domain/shared';
import { storedInstant } from '../pg-values.js';
import type { TicketClosed } from '#domain/ticket';

export type RepActivityEvent = EngagementLogged | TaskCompleted | DealCreated | DealWon | TicketClosed;

export const REP_ACTIVITY_EVENT_TYPES: readonly RepActivityEvent['type'][] = [
  'EngagementLogged',
  'TaskCompleted',
  'DealCreated',
  'DealWon',
  'TicketClosed',
];

export const ACTIVITY_COUNTERS = [
  'emails',
  'calls',
  'meetings',
  'notes',
  'tasksCreated',
  'tasksCompleted',
  'dealsCreated',
  'dealsWon',
  'ticketsClosed',
] as const;
export type ActivityCounter = (typeof ACTIVITY_COUNTERS)[number];

/** One owner's counts on one UTC day (YYYY-MM-DD). */
export type DailyActivity = Readonly<{ ownerId: string; day: string } & Record<ActivityCounter, number>>;

/** Deals one owner won on one UTC day in one currency; the amount a decimal string, summed exactly (never a float). */
export type DailyWonAmount = Readonly<{ ownerId: string; day: string; currency: string; dealsWon: number; amount: string }>;

/** What a batch adds to the read model: increments per (owner, day) and per (owner, day, currency). */
export type ActivityIncrements = Readonly<{
  daily: ReadonlyMap<string, DailyActivity>;
  wonAmounts: ReadonlyMap<string, DailyWonAmount>;
}>;

export type TimedEvent<E> = Readonly<{ event: E; occurredAt: string }>;

/** The UTC calendar day of an ISO instant. */
export const utcDay = (instant: string): string => {
  // The store writes UTC (`...Z`); anything else (an offset, a year beyond 9999 as `+010000`) goes through Date,
  // clamped to the first day PostgreSQL holds, so two days before it are one key, as they are one row.
  if (instant.endsWith('Z') && instant[10] === 'T' && /^\d{4}-/.test(instant)) return instant.slice(0, 10);
  const iso = storedInstant(instant);
  return iso.slice(0, iso.indexOf('T'));
};

const KIND_COUNTER: Readonly<Record<EngagementLogged['data']['kind'], ActivityCounter>> = {
  email: 'emails',
  call: 'calls',
  meeting: 'meetings',
  note: 'notes',
  task: 'tasksCreated',
};

const creditOf = (event: RepActivityEvent): { ownerId: string | null; counter: ActivityCounter } => {
  switch (event.type) {
    case 'EngagementLogged':
      return { ownerId: event.data.ownerId, counter: KIND_COUNTER[event.data.kind] };
    case 'TaskCompleted':
      // Completion is credited to whoever ticked it off, which may not be the task's owner.
      return { ownerId: event.data.completedBy, counter: 'tasksCompleted' };
    case 'DealCreated':
      return { ownerId: event.data.ownerId, counter: 'dealsCreated' };
    case 'DealWon':
      return { ownerId: event.data.ownerId, counter: 'dealsWon' };
    case 'TicketClosed':
      return { ownerId: event.data.ownerId, counter: 'ticketsClosed' };
    default:
      return assertNever(event);
  }
};

// A day's row before its first event: every counter at zero.
const NO_ACTIVITY = Object.fromEntries(ACTIVITY_COUNTERS.map((counter) => [counter, 0])) as Readonly<Record<ActivityCounter, 0>>;

const emptyDay = (ownerId: string, day: string): DailyActivity => ({ ownerId, day, ...NO_ACTIVITY });

/** Folds events into increments; an event that names no owner credits nobody. */
export const activityIncrements = (events: readonly TimedEvent<RepActivityEvent>[]): ActivityIncrements => {
  const daily = new Map<string, DailyActivity>();
  const wonAmounts = new Map<string, DailyWonAmount>();
  for (const { event, occurredAt } of events) {
    const { ownerId, counter } = creditOf(event);
    if (ownerId === null) continue;
    const day = utcDay(occurredAt);
    const key = `${ownerId}|${day}`;
    const current = daily.get(key) ?? emptyDay(ownerId, day);
    daily.set(key, { ...current, [counter]: current[counter] + 1 });
    if (event.type === 'DealWon') {
      const { currency } = event.data;
      const amountKey = `${key}|${currency}`;
      const won = wonAmounts.get(amountKey);
      wonAmounts.set(
        amountKey,
        won === undefined
          ? { ownerId, day, currency, dealsWon: 1, amount: event.data.amount }
          : { ...won, dealsWon: won.dealsWon + 1, amount: addAmounts(won.amount, event.data.amount, currency) },
      );
    }
  }
  return { daily, wonAmounts };
};
