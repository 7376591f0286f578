// Decides goals: set once, then a new target or removal. Every rule on the input is here (checkGoal), so the api,
// an import and the CLI refuse the same goals; a refusal names the field at fault.
import { alreadyExists, assertNever, checkAmount, compareAmounts, CURRENCY_RULE, decideByType, isCurrencyCode, notFound, ruleViolated, type Decider } from '../shared/index.js';
import type { ChangeGoalTarget, GoalCommand, RemoveGoal, SetGoal } from './goal.commands.js';
import { GOAL_PERIOD_RULE, parseGoalPeriod } from './goal-period.js';
import { GOAL_METRICS, REPORTING_CURRENCY, type GoalDefinition, type GoalEvent, type GoalMetric } from './goal.events.js';

export type GoalState =
  | Readonly<{ status: 'absent' }>
  | Readonly<{ status: 'active'; goalId: string; goal: GoalDefinition }>
  | Readonly<{ status: 'removed'; goalId: string }>;

export type GoalProblem = Readonly<{ field: string; reason: string }>;
export type GoalCheck<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; problems: readonly GoalProblem[] }>;

export const MAX_TEAM_LENGTH = 200;
export const MAX_COUNT_TARGET = 1_000_000_000;
export const COUNT_TARGET_RULE = `a whole number from 1 to ${MAX_COUNT_TARGET}, as a number or a string`;
export const NO_REPORTING_CURRENCY = 'no reporting currency is set: PUT /v1/settings/reporting-currency first, or name a currency';

const isMetric = (value: unknown): value is GoalMetric => typeof value === 'string' && (GOAL_METRICS as readonly string[]).includes(value);

const countTarget = (value: unknown): string | null => {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value : null;
  return text !== null && /^[1-9]\d{0,9}$/.test(text) && Number(text) <= MAX_COUNT_TARGET ? text : null;
};

/** The target in its canonical form for a goal of `metric` in `currency`, or the problem to report. */
export const checkGoalTarget = (
  metric: GoalMetric,
  currency: string | null,
  target: unknown,
  reportingCurrency: string | null | undefined,
): GoalCheck<string> => {
  if (metric !== 'won-amount') {
    const count = countTarget(target);
    return count === null ? { ok: false, problems: [{ field: 'target', reason: `must be ${COUNT_TARGET_RULE}` }] } : { ok: true, value: count };
  }
  const measuredIn = currency === REPORTING_CURRENCY ? (reportingCurrency ?? null) : currency;
  if (measuredIn === null) return { ok: false, problems: [{ field: 'currency', reason: NO_REPORTING_CURRENCY }] };
  const checked = checkAmount(target, measuredIn);
  if (!checked.ok) return { ok: false, problems: [{ field: 'target', reason: `must be ${checked.rule}` }] };
  // A zero target has no attainment.
  if (compareAmounts(checked.amount, '0') <= 0) return { ok: false, problems: [{ field: 'target', reason: 'must be greater than 0' }] };
  return { ok: true, value: checked.amount };
};

const trimmedTeam = (team: unknown): string | null | undefined => (typeof team === 'string' ? team.trim() : (team as null | undefined));

/** The goal a SetGoal asks for, canonical, or every field at fault. */
export const checkGoal = (data: SetGoal['data']): GoalCheck<GoalDefinition> => {
  const problems: GoalProblem[] = [];
  const ownerId = data.ownerId ?? null;
  const team = trimmedTeam(data.team) ?? null;
  if ((ownerId === null) === (team === null)) {
    const reason = 'give exactly one of ownerId (one owner) and team (every owner of that team)';
    problems.push({ field: ownerId === null ? 'ownerId' : 'team', reason });
  } else if (team !== null && (team === '' || team.length > MAX_TEAM_LENGTH)) {
    problems.push({ field: 'team', reason: `must be a team name of 1 to ${MAX_TEAM_LENGTH} characters` });
  }
  const period = parseGoalPeriod(data.period);
  if (period === null) problems.push({ field: 'period', reason: `must be ${GOAL_PERIOD_RULE}` });
  if (!isMetric(data.metric)) {
    problems.push({ field: 'metric', reason: `must be one of ${GOAL_METRICS.join(', ')}` });
    return { ok: false, problems };
  }
  const currency = data.currency ?? null;
  if (data.metric === 'won-amount') {
    if (currency === null || !(currency === REPORTING_CURRENCY || isCurrencyCode(currency))) {
      problems.push({ field: 'currency', reason: `must be ${CURRENCY_RULE} (only deals in it count), or ${REPORTING_CURRENCY} (every deal converted)` });
      return { ok: false, problems };
    }
  } else if (currency !== null) {
    problems.push({ field: 'currency', reason: `applies to won-amount goals only; leave it out for ${data.metric}` });
  }
  const target = checkGoalTarget(data.metric, currency, data.target, data.reportingCurrency);
  if (!target.ok) problems.push(...target.problems);
  if (problems.length > 0 || !target.ok) return { ok: false, problems };
  return { ok: true, value: { ownerId, team, period: data.period, metric: data.metric, currency, target: target.value } };
};

/** The refusal of a goal's input: RULE_VIOLATED naming the fields, which the service answers as a 400. */
const invalid = (problems: readonly GoalProblem[]) =>
  ruleViolated('goal-invalid', problems.map(({ field, reason }) => `${field}: ${reason}`).join('; '), { field: problems[0].field, fields: problems });

const set = ({ data }: SetGoal, state: GoalState): readonly GoalEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('goal', { id: data.goalId });
  const checked = checkGoal(data);
  if (!checked.ok) throw invalid(checked.problems);
  return [{ type: 'GoalSet', data: { goalId: data.goalId, ...checked.value } }];
};

const changeTarget = ({ data }: ChangeGoalTarget, state: GoalState): readonly GoalEvent[] => {
  if (state.status !== 'active') throw notFound('goal', data.goalId);
  const { metric, currency, target: previous } = state.goal;
  const checked = checkGoalTarget(metric, currency, data.target, data.reportingCurrency);
  if (!checked.ok) throw invalid(checked.problems);
  return checked.value === previous ? [] : [{ type: 'GoalTargetChanged', data: { goalId: data.goalId, previous, target: checked.value } }];
};

const remove = ({ data }: RemoveGoal, state: GoalState): readonly GoalEvent[] => {
  if (state.status !== 'active') throw notFound('goal', data.goalId);
  return [{ type: 'GoalRemoved', data: { goalId: data.goalId } }];
};

export const goalDecider: Decider<GoalCommand, GoalEvent, GoalState> = {
  decide: decideByType({ SetGoal: set, ChangeGoalTarget: changeTarget, RemoveGoal: remove }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'GoalSet': {
        const { goalId, ...goal } = event.data;
        return { status: 'active', goalId, goal };
      }
      case 'GoalTargetChanged':
        return state.status === 'active' ? { ...state, goal: { ...state.goal, target: event.data.target } } : state;
      case 'GoalRemoved':
        return { status: 'removed', goalId: event.data.goalId };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
