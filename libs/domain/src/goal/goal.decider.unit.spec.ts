import { DeciderSpecification } from '../shared/decider-specification.js';
import { DomainError } from '../shared/index.js';
import { elapsedShare, goalDecider, parseGoalPeriod, type GoalRemoved, type GoalSet, type SetGoal } from './index.js';

const metadata = { now: '2026-10-01T10:00:00.000Z' };
const given = DeciderSpecification.for(goalDecider);

const setGoal = (data: Partial<SetGoal['data']> = {}): SetGoal => ({
  type: 'SetGoal',
  data: { goalId: 'g1', ownerId: 'o1', period: '2026-Q4', metric: 'won-amount', currency: 'USD', target: '10000', ...data },
  metadata,
});
const goalSet: GoalSet = {
  type: 'GoalSet',
  data: { goalId: 'g1', ownerId: 'o1', team: null, period: '2026-Q4', metric: 'won-amount', currency: 'USD', target: '10000.00' },
};
const removed: GoalRemoved = { type: 'GoalRemoved', data: { goalId: 'g1' } };
const changeTarget = (target: unknown, reportingCurrency: string | null = null) =>
  ({ type: 'ChangeGoalTarget', data: { goalId: 'g1', target, reportingCurrency }, metadata }) as const;

/** The fields a refused command names, in order. */
const fieldsOf = (command: SetGoal): string[] => {
  try {
    goalDecider.decide(command, goalDecider.initialState());
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.rule).toBe('goal-invalid');
    return ((error as DomainError).details.fields as { field: string }[]).map((problem) => problem.field);
  }
  throw new Error('the command was accepted');
};

describe('goal decider', () => {
  describe('SetGoal', () => {
    it("sets an owner's won-amount goal with the target in its currency's digits", () => {
      given([]).when(setGoal()).then([goalSet]);
    });

    it('keeps a JPY target whole and a BHD target to three decimals, from a string or a number', () => {
      given([]).when(setGoal({ currency: 'JPY', target: 1500000 })).then([{ ...goalSet, data: { ...goalSet.data, currency: 'JPY', target: '1500000' } }]);
      given([]).when(setGoal({ currency: 'BHD', target: '1.25' })).then([{ ...goalSet, data: { ...goalSet.data, currency: 'BHD', target: '1.250' } }]);
    });

    it("sets a team's goal, the team name trimmed", () => {
      given([])
        .when(setGoal({ ownerId: undefined, team: ' EMEA ', metric: 'deals-won', currency: undefined, target: 12 }))
        .then([{ type: 'GoalSet', data: { goalId: 'g1', ownerId: null, team: 'EMEA', period: '2026-Q4', metric: 'deals-won', currency: null, target: '12' } }]);
    });

    it('takes calls and meetings goals for a month, as whole numbers', () => {
      given([])
        .when(setGoal({ period: '2026-11', metric: 'calls-logged', currency: null, target: '40' }))
        .then([{ type: 'GoalSet', data: { ...goalSet.data, period: '2026-11', metric: 'calls-logged', currency: null, target: '40' } }]);
      given([])
        .when(setGoal({ metric: 'meetings-logged', currency: null, target: 8 }))
        .then([{ type: 'GoalSet', data: { ...goalSet.data, metric: 'meetings-logged', currency: null, target: '8' } }]);
    });

    it('measures a reporting-currency goal in the reporting currency of the moment: its digits hold the target', () => {
      given([])
        .when(setGoal({ currency: 'reporting', target: '5000', reportingCurrency: 'EUR' }))
        .then([{ type: 'GoalSet', data: { ...goalSet.data, currency: 'reporting', target: '5000.00' } }]);
      expect(fieldsOf(setGoal({ currency: 'reporting', target: '5000.5', reportingCurrency: 'JPY' }))).toEqual(['target']);
      expect(fieldsOf(setGoal({ currency: 'reporting', reportingCurrency: null }))).toEqual(['currency']);
    });

    it.each([
      ['neither owner nor team', { ownerId: undefined }, ['ownerId']],
      ['both an owner and a team', { team: 'EMEA' }, ['team']],
      ['a blank team', { ownerId: null, team: '   ' }, ['team']],
      ['an over-long team', { ownerId: null, team: 'x'.repeat(201) }, ['team']],
      ['a period that is neither month nor quarter', { period: '2026-Q5' }, ['period']],
      ['a month 13', { period: '2026-13' }, ['period']],
      ['a week', { period: '2026-W01' }, ['period']],
      ['a year out of range', { period: '2200-01' }, ['period']],
      ['an unknown metric', { metric: 'revenue' }, ['metric']],
      ['a won amount without a currency', { currency: null }, ['currency']],
      ['an unknown currency', { currency: 'XYZ' }, ['currency']],
      ['a currency on a count', { metric: 'deals-won', target: 3 }, ['currency']],
      ['too many decimals for USD', { target: '10.001' }, ['target']],
      ['a zero target', { target: '0.00' }, ['target']],
      ['a negative target', { target: -5 }, ['target']],
      ['a target past 1e12', { target: '1000000000000' }, ['target']],
      ['a target that is no number', { target: '1e5' }, ['target']],
      ['a fractional count', { metric: 'calls-logged', currency: null, target: 2.5 }, ['target']],
      ['a zero count', { metric: 'calls-logged', currency: null, target: '0' }, ['target']],
      ['a count as an object', { metric: 'calls-logged', currency: null, target: { n: 1 } }, ['target']],
      ['everything wrong at once', { ownerId: null, period: 'soon', target: 'lots' }, ['ownerId', 'period', 'target']],
    ] as const)('refuses %s, naming the field', (_case, data, fields) => {
      expect(fieldsOf(setGoal(data as Partial<SetGoal['data']>))).toEqual(fields);
    });

    it('refuses a second goal under the same id, even once removed', () => {
      given([goalSet]).when(setGoal()).thenThrows('ALREADY_EXISTS');
      given([goalSet, removed]).when(setGoal()).thenThrows('ALREADY_EXISTS');
    });
  });

  describe('ChangeGoalTarget', () => {
    it('records the previous and the new target, in the goal currency', () => {
      given([goalSet])
        .when(changeTarget(12000.5))
        .then([{ type: 'GoalTargetChanged', data: { goalId: 'g1', previous: '10000.00', target: '12000.50' } }]);
    });

    it('records nothing when the target is the same amount', () => {
      given([goalSet]).when(changeTarget('10000.0')).then([]);
    });

    it("holds the new target to the goal's metric", () => {
      given([goalSet]).when(changeTarget('12.345')).thenThrows('RULE_VIOLATED', 'goal-invalid');
      given([{ type: 'GoalSet', data: { ...goalSet.data, metric: 'deals-won', currency: null, target: '3' } }])
        .when(changeTarget('3.5'))
        .thenThrows('RULE_VIOLATED', 'goal-invalid');
    });

    it('refuses an unknown or removed goal', () => {
      given([]).when(changeTarget('1')).thenThrows('NOT_FOUND');
      given([goalSet, removed]).when(changeTarget('1')).thenThrows('NOT_FOUND');
    });
  });

  describe('RemoveGoal', () => {
    const remove = { type: 'RemoveGoal', data: { goalId: 'g1' }, metadata } as const;

    it('removes a goal once', () => {
      given([goalSet]).when(remove).then([removed]);
      given([goalSet, removed]).when(remove).thenThrows('NOT_FOUND');
      given([]).when(remove).thenThrows('NOT_FOUND');
    });
  });
});

describe('goal periods', () => {
  it('reads months and quarters as UTC days, the last day inclusive and the end exclusive', () => {
    expect(parseGoalPeriod('2026-Q4')).toEqual({ period: '2026-Q4', kind: 'quarter', start: '2026-10-01', last: '2026-12-31', end: '2027-01-01' });
    expect(parseGoalPeriod('2024-02')).toEqual({ period: '2024-02', kind: 'month', start: '2024-02-01', last: '2024-02-29', end: '2024-03-01' });
    expect(parseGoalPeriod('2026-Q1')?.last).toBe('2026-03-31');
    for (const bad of ['2026-Q0', '2026-00', '2026-1', '26-01', '2026-01-01', ' 2026-01', 1, null]) expect(parseGoalPeriod(bad)).toBeNull();
  });

  it('measures the share elapsed at an instant, from nothing before the period to all of it after', () => {
    const q4 = parseGoalPeriod('2026-Q4')!;
    const day = 86_400_000;
    expect(elapsedShare(q4, Date.parse('2026-11-16T00:00:00Z'))).toEqual({ elapsedMs: 46 * day, totalMs: 92 * day });
    expect(elapsedShare(q4, Date.parse('2026-09-30T00:00:00Z'))).toEqual({ elapsedMs: 0, totalMs: 92 * day });
    expect(elapsedShare(q4, Date.parse('2027-02-01T00:00:00Z'))).toEqual({ elapsedMs: 92 * day, totalMs: 92 * day });
  });
});
