// Goals, the pure part: the goal definitions, and what goals count, each row naming the event it came from. A won
// deal is credited to the owner its DealWon names and to that owner's team at that moment (a later reassignment or
// team change never moves credit already given); a reopen takes the win out, and a win again counts at its new
// date. Calls and meetings count for the owner who logged them, on the event's business time. Nothing here reads
// the clock: pace and attainment are computed when asked, for the asOf the query is given.
import type { DealAmountChanged, DealReopened, DealWon } from '#domain/deal';
import type { EngagementLogged } from '#domain/engagement';
import { parseGoalPeriod, type GoalEvent, type GoalMetric } from '#domain/goal';
import type { OwnerCreated, OwnerUpdated } from '#domain/owner';
import { amountFromLegacyNumber, assertNever } from '#domain/shared';
import { storedInstant } from '../pg-values.js';

export type GoalsEvent = OwnerCreated | OwnerUpdated | DealWon | DealReopened | DealAmountChanged | EngagementLogged | GoalEvent;

export const GOALS_EVENT_TYPES: readonly GoalsEvent['type'][] = [
  'OwnerCreated',
  'OwnerUpdated',
  'DealWon',
  'DealReopened',
  'DealAmountChanged',
  'EngagementLogged',
  'GoalSet',
  'GoalTargetChanged',
  'GoalRemoved',
];

/** An event as the reducer reads it: its id (for drill-downs) and business time beside type and data. */
export type GoalsSourceEvent = Readonly<{ id: string; occurredAt: string; event: GoalsEvent }>;

export type GoalRow = Readonly<{
  goalId: string;
  ownerId: string | null;
  team: string | null;
  period: string;
  /** First day of the period and the first day after it (UTC). */
  startsOn: string;
  endsOn: string;
  metric: GoalMetric;
  currency: string | null;
  target: string;
  setEventId: string;
  /** The event that set the current target: GoalSet's, or the latest GoalTargetChanged's. */
  targetEventId: string;
}>;

export type WonDealRow = Readonly<{
  dealId: string;
  ownerId: string;
  team: string | null;
  currency: string;
  /** Decimal string as the deal carries it. */
  amount: string;
  wonAt: string;
  wonEventId: string;
  /** The amount change after the win that set the counted amount, if any. */
  amountEventId: string | null;
}>;

export type CountedEngagement = 'call' | 'meeting';

export type EngagementRow = Readonly<{
  engagementId: string;
  kind: CountedEngagement;
  ownerId: string;
  team: string | null;
  loggedAt: string;
  eventId: string;
}>;

/** What a batch needs to know before it starts: the touched owners' teams, deals' wins and goals (absent: none). */
export type GoalsState = Readonly<{
  teams: ReadonlyMap<string, string | null>;
  wonDeals: ReadonlyMap<string, WonDealRow>;
  goals: ReadonlyMap<string, GoalRow>;
}>;

/** What a batch changes; null: the row goes. */
export type GoalsChanges = Readonly<{
  teams: ReadonlyMap<string, string | null>;
  wonDeals: ReadonlyMap<string, WonDealRow | null>;
  goals: ReadonlyMap<string, GoalRow | null>;
  engagements: readonly EngagementRow[];
}>;

/** The keys a batch reads before reducing. */
export const touchedKeys = (events: readonly GoalsEvent[]): { ownerIds: string[]; dealIds: string[]; goalIds: string[] } => {
  const ownerIds = new Set<string>();
  const dealIds = new Set<string>();
  const goalIds = new Set<string>();
  for (const event of events) {
    switch (event.type) {
      case 'OwnerCreated':
      case 'OwnerUpdated':
        break;
      case 'DealWon':
        if (event.data.ownerId !== null) ownerIds.add(event.data.ownerId);
        dealIds.add(event.data.dealId);
        break;
      case 'DealReopened':
      case 'DealAmountChanged':
        dealIds.add(event.data.dealId);
        break;
      case 'EngagementLogged':
        ownerIds.add(event.data.ownerId);
        break;
      case 'GoalSet':
      case 'GoalTargetChanged':
      case 'GoalRemoved':
        goalIds.add(event.data.goalId);
        break;
      default:
        assertNever(event);
    }
  }
  return { ownerIds: [...ownerIds], dealIds: [...dealIds], goalIds: [...goalIds] };
};

// Amounts are strings since DealWon v2; a number can only be an older payload the store did not lift.
const amountText = (amount: string | number, currency: string): string =>
  typeof amount === 'number' ? amountFromLegacyNumber(amount, currency) : amount;

const isCounted = (kind: EngagementLogged['data']['kind']): kind is CountedEngagement => kind === 'call' || kind === 'meeting';

/** Applies a batch in order to the state it touches. */
export const reduceGoals = (state: GoalsState, events: readonly GoalsSourceEvent[]): GoalsChanges => {
  const teams = new Map(state.teams);
  const changedTeams = new Map<string, string | null>();
  const wonDeals = new Map<string, WonDealRow | null>(state.wonDeals);
  const changedDeals = new Map<string, WonDealRow | null>();
  const goals = new Map<string, GoalRow | null>(state.goals);
  const changedGoals = new Map<string, GoalRow | null>();
  const engagements: EngagementRow[] = [];
  const setTeam = (ownerId: string, team: string | null) => {
    teams.set(ownerId, team);
    changedTeams.set(ownerId, team);
  };
  const setDeal = (dealId: string, row: WonDealRow | null) => {
    wonDeals.set(dealId, row);
    changedDeals.set(dealId, row);
  };
  const setGoal = (goalId: string, row: GoalRow | null) => {
    goals.set(goalId, row);
    changedGoals.set(goalId, row);
  };
  for (const { id, occurredAt, event } of events) {
    switch (event.type) {
      case 'OwnerCreated':
        setTeam(event.data.ownerId, event.data.team);
        break;
      case 'OwnerUpdated':
        for (const change of event.data.changes) if (change.field === 'team') setTeam(event.data.ownerId, change.value as string | null);
        break;
      case 'DealWon': {
        const { dealId, ownerId, currency } = event.data;
        // A win with no owner credits nobody.
        setDeal(
          dealId,
          ownerId === null
            ? null
            : {
                dealId,
                ownerId,
                team: teams.get(ownerId) ?? null,
                currency,
                amount: amountText(event.data.amount, currency),
                wonAt: storedInstant(occurredAt),
                wonEventId: id,
                amountEventId: null,
              },
        );
        break;
      }
      case 'DealReopened':
        // Not a win any more: taken out as if never won; a later win counts at its own date.
        setDeal(event.data.dealId, null);
        break;
      case 'DealAmountChanged': {
        // A won deal's amount corrected after the win: the goal counts what the deal is worth now.
        const won = wonDeals.get(event.data.dealId);
        if (won) setDeal(won.dealId, { ...won, currency: event.data.currency, amount: amountText(event.data.amount, event.data.currency), amountEventId: id });
        break;
      }
      case 'EngagementLogged': {
        const { engagementId, kind, ownerId } = event.data;
        if (isCounted(kind)) engagements.push({ engagementId, kind, ownerId, team: teams.get(ownerId) ?? null, loggedAt: storedInstant(occurredAt), eventId: id });
        break;
      }
      case 'GoalSet': {
        const { goalId, ...goal } = event.data;
        // The schema admits only periods parseGoalPeriod reads; a goal it cannot place is left out, never a park.
        const period = parseGoalPeriod(goal.period);
        if (period) setGoal(goalId, { goalId, ...goal, startsOn: period.start, endsOn: period.end, setEventId: id, targetEventId: id });
        break;
      }
      case 'GoalTargetChanged': {
        const goal = goals.get(event.data.goalId);
        if (goal) setGoal(goal.goalId, { ...goal, target: event.data.target, targetEventId: id });
        break;
      }
      case 'GoalRemoved':
        setGoal(event.data.goalId, null);
        break;
      default:
        assertNever(event);
    }
  }
  return { teams: changedTeams, wonDeals: changedDeals, goals: changedGoals, engagements };
};
