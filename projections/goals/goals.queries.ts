// Goals with their attainment and pace, computed when asked: the read model holds the goals and what they count
// (won deals, logged calls and meetings, each with its event ids), and the query sums, converts and measures pace
// for the asOf it is given, the only instant involved. Amounts stay decimal strings, summed exactly; a won deal
// a `reporting` goal cannot convert (no rate on or before its win date) is listed under gaps, never counted as 0.
import { Big } from 'big.js';
import { elapsedShare, parseGoalPeriod, REPORTING_CURRENCY, type GoalMetric } from '#domain/goal';
import { currencyDigits, divideHalfEven, sumAmounts } from '#domain/shared';
import { Parameters, preparedQuery, type ReadSource } from '#read-models';
import { loadRateBook, reportingCurrencyOf, type RateBook, type RateUsed } from '#projections/exchange-rates';
import { GOALS_TABLES as T } from './goals.tables.js';

export type GoalsQuery = Readonly<{
  /** Only the goals of this period (`YYYY-MM` or `YYYY-Qn`). */
  period?: string;
  ownerId?: string;
  team?: string;
  /** The instant pace is measured at (ISO 8601). */
  asOf: string;
}>;

/** A won deal a goal counts, as won (and, for a `reporting` goal, as converted). */
export type GoalDeal = Readonly<{
  dealId: string;
  ownerId: string;
  team: string | null;
  wonAt: string;
  /** The UTC day of the win: the date a conversion uses. */
  wonOn: string;
  amount: string;
  currency: string;
  /** `reporting` goals: the amount in the reporting currency and the rate used (rateUsed null: same currency). */
  converted: Readonly<{ amount: string; currency: string; rateUsed: RateUsed | null }> | null;
  /** The DealWon, and the DealAmountChanged after it that set the amount, if any. */
  eventIds: readonly string[];
}>;

export type GoalEngagement = Readonly<{
  engagementId: string;
  kind: 'call' | 'meeting';
  ownerId: string;
  team: string | null;
  loggedAt: string;
  eventIds: readonly string[];
}>;

/** A won deal a `reporting` goal could not convert: not in actual, named here. */
export type GoalGap = Readonly<{
  dealId: string;
  amount: string;
  currency: string;
  wonOn: string;
  to: string | null;
  reason: string;
  eventIds: readonly string[];
}>;

export type GoalPace = Readonly<{
  asOf: string;
  /** The share of the period passed at asOf, 0 to 1 (to 6 decimals). */
  elapsed: string;
  /** The target prorated by that share: what a steady pace would have reached by asOf. */
  expectedToDate: string;
  /** actual ÷ expectedToDate in percent (to 4 decimals); null before the period starts. */
  percent: string | null;
  /** actual − expectedToDate: ahead when positive, behind when negative. */
  difference: string;
}>;

export type GoalAttainment = Readonly<{
  goalId: string;
  ownerId: string | null;
  team: string | null;
  period: string;
  periodStart: string;
  /** The last day of the period, inclusive. */
  periodEnd: string;
  metric: GoalMetric;
  /** As set: an ISO code, `reporting`, or null for the counts. */
  currency: string | null;
  /** The currency target and actual are in (the reporting currency for `reporting`); null for the counts. */
  measuredIn: string | null;
  target: string;
  /** null: a `reporting` goal while no reporting currency is set. */
  actual: string | null;
  /** actual ÷ target (to 6 decimals) and the same in percent (to 4 decimals). */
  attainment: string | null;
  attainmentPercent: string | null;
  /** What is left to reach the target, never below 0. */
  remaining: string | null;
  pace: GoalPace | null;
  /** The events that set the goal and its current target. */
  goalEventIds: readonly string[];
  /** The drill-down: what actual counts. */
  deals: readonly GoalDeal[];
  engagements: readonly GoalEngagement[];
  gaps: readonly GoalGap[];
}>;

type GoalRecord = Readonly<{
  goalId: string;
  ownerId: string | null;
  team: string | null;
  period: string;
  metric: GoalMetric;
  currency: string | null;
  target: string;
  setEventId: string;
  targetEventId: string;
}>;

type WonRecord = Readonly<{
  dealId: string; ownerId: string; team: string | null; currency: string; amount: string; wonAt: string; wonOn: string;
  wonEventId: string; amountEventId: string | null;
}>;

type EngagementRecord = Readonly<{ engagementId: string; kind: 'call' | 'meeting'; ownerId: string; team: string | null; loggedAt: string; eventId: string }>;

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const PERCENT_DIGITS = 4;
const SHARE_DIGITS = 6;
const COUNT_PACE_DIGITS = 2;

/** `value` rounded half to even to `digits` decimals, without trailing zeros: 37.5050 -> "37.505". */
const decimal = (value: Big, digits: number): string => value.round(digits, Big.roundHalfEven).toFixed(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

const ratio = (numerator: string, denominator: string, scale: number, digits: number): string | null =>
  new Big(denominator).eq(0) ? null : decimal(new Big(numerator).times(scale).div(denominator), digits);

const loadGoals = async (db: ReadSource, query: GoalsQuery): Promise<GoalRecord[]> => {
  const params = new Parameters();
  const where = `true${params.equals('g.period', query.period)}${params.equals('g.owner_id', query.ownerId)}${params.equals('g.team', query.team)}`;
  return preparedQuery<GoalRecord>(
    db,
    `SELECT g.goal_id AS "goalId", g.owner_id AS "ownerId", g.team, g.period, g.metric, g.currency, g.target,
            g.set_event_id AS "setEventId", g.target_event_id AS "targetEventId"
       FROM ${T.goals} g WHERE ${where}
      ORDER BY g.period, g.owner_id NULLS LAST, g.team, g.metric, g.goal_id`,
    params.values,
  );
};

// Whose work a goal counts: its owner's, or its team's (the team each row was credited to). Fixed column names.
const scopeOf = (goal: GoalRecord): Readonly<{ column: string; value: string }> =>
  goal.ownerId !== null ? { column: 'owner_id', value: goal.ownerId } : { column: 'team', value: goal.team as string };

const wonDealsOf = async (db: ReadSource, goal: GoalRecord, start: string, end: string, currency: string | null): Promise<WonRecord[]> => {
  const scope = scopeOf(goal);
  const params = new Parameters();
  const where = `w.${scope.column} = ${params.add(scope.value)} AND w.won_at >= ${params.add(start)}::timestamptz AND w.won_at < ${params.add(end)}::timestamptz${
    currency === null ? '' : params.equals('w.currency', currency)
  }`;
  return preparedQuery<WonRecord>(
    db,
    `SELECT w.deal_id AS "dealId", w.owner_id AS "ownerId", w.team, w.currency, w.amount::text AS amount,
            to_char(w.won_at AT TIME ZONE 'UTC', ${ISO}) AS "wonAt", to_char(w.won_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "wonOn",
            w.won_event_id AS "wonEventId", w.amount_event_id AS "amountEventId"
       FROM ${T.wonDeals} w WHERE ${where}
      ORDER BY w.won_at, w.deal_id`,
    params.values,
  );
};

const engagementsOf = async (db: ReadSource, goal: GoalRecord, kind: 'call' | 'meeting', start: string, end: string): Promise<EngagementRecord[]> => {
  const scope = scopeOf(goal);
  const params = new Parameters();
  return preparedQuery<EngagementRecord>(
    db,
    `SELECT e.engagement_id AS "engagementId", e.kind, e.owner_id AS "ownerId", e.team,
            to_char(e.logged_at AT TIME ZONE 'UTC', ${ISO}) AS "loggedAt", e.event_id AS "eventId"
       FROM ${T.engagements} e
      WHERE e.${scope.column} = ${params.add(scope.value)} AND e.kind = ${params.add(kind)}
        AND e.logged_at >= ${params.add(start)}::timestamptz AND e.logged_at < ${params.add(end)}::timestamptz
      ORDER BY e.logged_at, e.engagement_id`,
    params.values,
  );
};

const eventIdsOf = (won: WonRecord): string[] => (won.amountEventId === null ? [won.wonEventId] : [won.wonEventId, won.amountEventId]);

const dealOf = (won: WonRecord, converted: GoalDeal['converted']): GoalDeal => ({
  dealId: won.dealId,
  ownerId: won.ownerId,
  team: won.team,
  wonAt: won.wonAt,
  wonOn: won.wonOn,
  amount: won.amount,
  currency: won.currency,
  converted,
  eventIds: eventIdsOf(won),
});

type Counted = Readonly<{ actual: string | null; measuredIn: string | null; deals: GoalDeal[]; engagements: GoalEngagement[]; gaps: GoalGap[] }>;

/** What feeds the rate book and reporting currency: read once per answer, and only when a goal needs them. */
type Conversions = Readonly<{ reportingCurrency: string | null; rates: RateBook }>;

const counted = async (db: ReadSource, goal: GoalRecord, start: string, end: string, conversions: () => Promise<Conversions>): Promise<Counted> => {
  switch (goal.metric) {
    case 'calls-logged':
    case 'meetings-logged': {
      const rows = await engagementsOf(db, goal, goal.metric === 'calls-logged' ? 'call' : 'meeting', start, end);
      const engagements = rows.map(({ eventId, ...row }) => ({ ...row, eventIds: [eventId] }));
      return { actual: String(engagements.length), measuredIn: null, deals: [], engagements, gaps: [] };
    }
    case 'deals-won': {
      const deals = (await wonDealsOf(db, goal, start, end, null)).map((won) => dealOf(won, null));
      return { actual: String(deals.length), measuredIn: null, deals, engagements: [], gaps: [] };
    }
    case 'won-amount': {
      if (goal.currency !== REPORTING_CURRENCY) {
        const currency = goal.currency as string;
        const deals = (await wonDealsOf(db, goal, start, end, currency)).map((won) => dealOf(won, null));
        return { actual: sumAmounts(deals.map((d) => d.amount), currency), measuredIn: currency, deals, engagements: [], gaps: [] };
      }
      const { reportingCurrency, rates } = await conversions();
      const rows = await wonDealsOf(db, goal, start, end, null);
      if (reportingCurrency === null) {
        const reason = 'no reporting currency is set';
        const gaps = rows.map((won) => ({ dealId: won.dealId, amount: won.amount, currency: won.currency, wonOn: won.wonOn, to: null, reason, eventIds: eventIdsOf(won) }));
        return { actual: null, measuredIn: null, deals: [], engagements: [], gaps };
      }
      const deals: GoalDeal[] = [];
      const gaps: GoalGap[] = [];
      for (const won of rows) {
        const conversion = rates.convert(won.amount, won.currency, reportingCurrency, won.wonOn);
        if (conversion.ok) {
          deals.push(dealOf(won, { amount: conversion.amount, currency: conversion.currency, rateUsed: conversion.rateUsed }));
        } else {
          gaps.push({ dealId: won.dealId, amount: won.amount, currency: won.currency, wonOn: won.wonOn, to: reportingCurrency, reason: conversion.gap.reason, eventIds: eventIdsOf(won) });
        }
      }
      const actual = sumAmounts(deals.map((d) => (d.converted as NonNullable<GoalDeal['converted']>).amount), reportingCurrency);
      return { actual, measuredIn: reportingCurrency, deals, engagements: [], gaps };
    }
    default:
      return goal.metric satisfies never;
  }
};

const paceOf = (target: string, actual: string, digits: number, share: { elapsedMs: number; totalMs: number }, asOf: string): GoalPace => {
  const expectedToDate = divideHalfEven(new Big(target).times(share.elapsedMs).toFixed(), String(share.totalMs), digits);
  return {
    asOf,
    elapsed: decimal(new Big(share.elapsedMs).div(share.totalMs), SHARE_DIGITS),
    expectedToDate,
    percent: ratio(actual, expectedToDate, 100, PERCENT_DIGITS),
    difference: new Big(actual).minus(expectedToDate).toFixed(digits),
  };
};

/** What is left to reach the target: never below 0. */
const remainingOf = (target: string, actual: string, digits: number): string => {
  const left = new Big(target).minus(actual);
  return (left.lt(0) ? new Big(0) : left).toFixed(digits);
};

/** Every goal the query selects, with what it counts, its attainment and its pace at asOf. */
export const goalAttainments = async (db: ReadSource, query: GoalsQuery): Promise<GoalAttainment[]> => {
  const goals = await loadGoals(db, query);
  const asOfMs = Date.parse(query.asOf);
  let loaded: Promise<Conversions> | undefined;
  const conversions = () => (loaded ??= Promise.all([reportingCurrencyOf(db), loadRateBook(db)]).then(([reportingCurrency, rates]) => ({ reportingCurrency, rates })));
  const answers: GoalAttainment[] = [];
  for (const goal of goals) {
    const period = parseGoalPeriod(goal.period);
    if (period === null) continue;
    const start = `${period.start}T00:00:00.000Z`;
    const end = `${period.end}T00:00:00.000Z`;
    const { actual, measuredIn, deals, engagements, gaps } = await counted(db, goal, start, end, conversions);
    const isAmount = goal.metric === 'won-amount';
    // Amounts in the currency's digits; counts whole, with the prorated count to cents.
    const digits = measuredIn === null ? 0 : currencyDigits(measuredIn);
    const measured = actual === null ? null : { actual, digits: isAmount ? digits : COUNT_PACE_DIGITS };
    answers.push({
      goalId: goal.goalId,
      ownerId: goal.ownerId,
      team: goal.team,
      period: goal.period,
      periodStart: period.start,
      periodEnd: period.last,
      metric: goal.metric,
      currency: goal.currency,
      measuredIn,
      target: goal.target,
      actual,
      attainment: actual === null ? null : ratio(actual, goal.target, 1, SHARE_DIGITS),
      attainmentPercent: actual === null ? null : ratio(actual, goal.target, 100, PERCENT_DIGITS),
      remaining: actual === null ? null : remainingOf(goal.target, actual, isAmount ? digits : 0),
      pace: measured === null ? null : paceOf(goal.target, measured.actual, measured.digits, elapsedShare(period, asOfMs), query.asOf),
      goalEventIds: goal.setEventId === goal.targetEventId ? [goal.setEventId] : [goal.setEventId, goal.targetEventId],
      deals,
      engagements,
      gaps,
    });
  }
  return answers;
};
