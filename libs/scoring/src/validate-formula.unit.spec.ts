import { DEFAULT_FORMULA, validateFormula, type Comparison, type Formula } from './index.js';

// A deep, mutable copy of the default formula to break in one place per test.
const defaultCopy = (): Record<string, unknown> & { groups: Record<string, unknown>[] } => JSON.parse(JSON.stringify(DEFAULT_FORMULA));
const ruleAt = (formula: ReturnType<typeof defaultCopy>, group: number, rule: number): Record<string, unknown> =>
  (formula.groups[group].rules as Record<string, unknown>[])[rule];

describe('validateFormula', () => {
  it('accepts the default formula without warnings and returns it', () => {
    expect(validateFormula(DEFAULT_FORMULA)).toEqual({ formula: DEFAULT_FORMULA, errors: [], warnings: [] });
  });

  it('lists every error with its path, in document order, and returns no formula', () => {
    const result = validateFormula({
      name: '',
      thresholds: { mql: 80, sql: 70 },
      limit: 60,
      colour: 'blue',
      groups: [
        {
          id: 'fit',
          kind: 'fit',
          limit: 40,
          rules: [
            { id: 'title', points: 1.234, when: { property: 'jobTitle', op: 'exists', value: 'x' } },
            { id: 'title', points: 5, when: { event: 'PageViewed' } },
            { id: 'regex', points: 5, when: { property: 'jobTitle', op: 'matches', value: '(vp', flags: 'g' } },
          ],
        },
        {
          id: 'fit',
          kind: 'behaviour',
          limit: 0,
          rules: [{ id: 'views', points: '5', when: { property: 'employees', op: 'gt', value: 'many' } }],
        },
        { id: 'engagement', kind: 'engagement', limit: 10, rules: [{ id: 'country', points: 5, when: { property: 'country', op: 'in', value: [] } }] },
      ],
    });
    expect(result.formula).toBeUndefined();
    expect(result.errors).toEqual([
      { path: '/colour', reason: 'is not a known member' },
      { path: '/groups/0/rules/0/points', reason: 'must have at most two decimals' },
      { path: '/groups/0/rules/0/when/value', reason: 'is not allowed with this op' },
      { path: '/groups/0/rules/1/id', reason: 'duplicate rule id "title" (first at /groups/0/rules/0/id)' },
      { path: '/groups/0/rules/1/when', reason: 'a fit group holds property rules (when.property), not event rules' },
      { path: '/groups/0/rules/2/when/flags', reason: 'must match pattern "^[imsu]*$"' },
      { path: '/groups/0/rules/2/when/value', reason: expect.stringMatching(/^does not compile: .*Unterminated group/) },
      { path: '/groups/1/id', reason: 'duplicate group id "fit" (first at /groups/0/id)' },
      { path: '/groups/1/kind', reason: 'must be one of "fit", "engagement"' },
      { path: '/groups/1/limit', reason: 'must be > 0' },
      { path: '/groups/1/rules/0/points', reason: 'must be number' },
      { path: '/groups/1/rules/0/when/value', reason: 'must be number' },
      { path: '/groups/2/rules/0/when', reason: 'an engagement group holds event rules (when.event), not property rules' },
      { path: '/groups/2/rules/0/when/value', reason: 'must NOT have fewer than 1 items' },
      { path: '/name', reason: 'must NOT have fewer than 1 characters' },
      { path: '/thresholds/mql', reason: 'must be <= thresholds.sql (70)' },
      { path: '/thresholds/sql', reason: 'must be <= limit (60)' },
    ]);
  });

  it('names each missing member', () => {
    expect(validateFormula({ groups: [{ rules: [{ when: { property: 'jobTitle' } }] }] }).errors).toEqual([
      { path: '/groups/0/id', reason: 'is required' },
      { path: '/groups/0/kind', reason: 'is required' },
      { path: '/groups/0/limit', reason: 'is required' },
      { path: '/groups/0/rules/0/id', reason: 'is required' },
      { path: '/groups/0/rules/0/points', reason: 'is required' },
      { path: '/groups/0/rules/0/when/op', reason: 'is required' },
      { path: '/limit', reason: 'is required' },
      { path: '/name', reason: 'is required' },
      { path: '/thresholds', reason: 'is required' },
    ]);
  });

  it('rejects a document that is not an object', () => {
    expect(validateFormula(null).errors).toEqual([{ path: '', reason: 'must be object' }]);
    expect(validateFormula([DEFAULT_FORMULA]).errors).toEqual([{ path: '', reason: 'must be object' }]);
  });

  it('rejects numbers that are not finite', () => {
    const formula = defaultCopy();
    formula.limit = Infinity;
    ruleAt(formula, 1, 0).points = Number.NaN;
    expect(validateFormula(formula).errors).toEqual([
      { path: '/groups/1/rules/0/points', reason: 'must be number' },
      { path: '/limit', reason: 'must be number' },
    ]);
  });

  it('requires a value for comparisons and no flags outside matches', () => {
    const formula = defaultCopy();
    ruleAt(formula, 0, 1).when = { property: 'jobTitle', op: 'contains', flags: 'i' };
    expect(validateFormula(formula).errors).toEqual([
      { path: '/groups/0/rules/1/when/flags', reason: 'is not allowed with this op' },
      { path: '/groups/0/rules/1/when/value', reason: 'is required' },
    ]);
  });

  it('rejects an unknown op and a malformed where path', () => {
    const formula = defaultCopy();
    ruleAt(formula, 1, 1).when = { event: 'PageViewed', where: [{ field: 'utm..source', op: 'like', value: 'de' }] };
    expect(validateFormula(formula).errors).toEqual([
      { path: '/groups/1/rules/1/when/where/0/field', reason: 'must match pattern "^[^.]+(\\.[^.]+)*$"' },
      {
        path: '/groups/1/rules/1/when/where/0/op',
        reason: 'must be one of "equals", "notEquals", "contains", "startsWith", "matches", "in", "gt", "gte", "lt", "lte", "exists"',
      },
    ]);
  });

  it('keeps caps and windows to engagement rules and positive', () => {
    const formula = defaultCopy();
    ruleAt(formula, 0, 0).maxPoints = 10;
    ruleAt(formula, 1, 0).decay = { halfLifeDays: 0 };
    ruleAt(formula, 1, 2).withinDays = -1;
    ruleAt(formula, 1, 2).maxPoints = 0;
    expect(validateFormula(formula).errors).toEqual([
      { path: '/groups/0/rules/0/maxPoints', reason: 'is not a known member' },
      { path: '/groups/1/rules/0/decay/halfLifeDays', reason: 'must be > 0' },
      { path: '/groups/1/rules/2/maxPoints', reason: 'must be > 0' },
      { path: '/groups/1/rules/2/withinDays', reason: 'must be > 0' },
    ]);
  });

  it('warns about an unknown event type but accepts the formula', () => {
    const formula = defaultCopy();
    ruleAt(formula, 1, 2).when = { event: 'WebinarAttended' };
    const result = validateFormula(formula);
    expect(result.errors).toEqual([]);
    expect(result.formula).toBe(formula);
    expect(result.warnings).toEqual([{ path: '/groups/1/rules/2/when/event', reason: '"WebinarAttended" is not a known event type' }]);
  });

  it('warns about unknown properties only when the caller lists the custom properties', () => {
    const formula = defaultCopy();
    ruleAt(formula, 0, 0).when = { property: 'industry', op: 'equals', value: 'saas' };
    ruleAt(formula, 0, 1).when = { property: 'favouriteColour', op: 'exists' };
    expect(validateFormula(formula).warnings).toEqual([]);
    expect(validateFormula(formula, { customProperties: ['industry'] }).warnings).toEqual([
      { path: '/groups/0/rules/1/when/property', reason: '"favouriteColour" is not a known property' },
    ]);
  });

  it('refuses rules on personal data erasure redacts, naming the rule and the field, and keeps jobTitle, country, source', () => {
    const formula = defaultCopy();
    ruleAt(formula, 0, 0).when = { property: 'phone', op: 'exists' };
    ruleAt(formula, 0, 1).when = { property: 'email', op: 'contains', value: '@acme.com' };
    ruleAt(formula, 1, 0).when = { event: 'FormSubmitted', where: [{ field: 'fields.budget', op: 'gt', value: 1000 }] };
    ruleAt(formula, 1, 1).when = { event: 'EngagementLogged', where: [{ field: 'body', op: 'contains', value: 'budget' }, { field: 'kind', op: 'equals', value: 'call' }] };
    const result = validateFormula(formula);
    expect(result.formula).toBeUndefined();
    const ids = [ruleAt(formula, 0, 0).id, ruleAt(formula, 0, 1).id, ruleAt(formula, 1, 0).id, ruleAt(formula, 1, 1).id];
    expect(result.errors.map((issue) => [issue.path, issue.reason.slice(0, issue.reason.indexOf(', personal'))])).toEqual([
      ['/groups/0/rules/0/when/property', `rule "${String(ids[0])}" reads phone`],
      ['/groups/0/rules/1/when/property', `rule "${String(ids[1])}" reads email`],
      ['/groups/1/rules/0/when/where/0/field', `rule "${String(ids[2])}" reads FormSubmitted.fields.budget`],
      ['/groups/1/rules/1/when/where/0/field', `rule "${String(ids[3])}" reads EngagementLogged.body`],
    ]);
    expect(result.errors[0].reason).toMatch(/would change after an erasure/);
    for (const property of ['jobTitle', 'country', 'source']) {
      const kept = defaultCopy();
      ruleAt(kept, 0, 0).when = { property, op: 'exists' };
      expect(validateFormula(kept).errors).toEqual([]);
    }
  });

  it('accepts every operator in its documented form', () => {
    const comparisons: readonly Comparison[] = [
      { op: 'equals', value: 'x' },
      { op: 'notEquals', value: 3 },
      { op: 'contains', value: 'x' },
      { op: 'startsWith', value: 'x' },
      { op: 'matches', value: '^x$', flags: 'imsu' },
      { op: 'in', value: ['x', 1, true] },
      { op: 'gt', value: 1 },
      { op: 'gte', value: 1.5 },
      { op: 'lt', value: -1 },
      { op: 'lte', value: 0 },
      { op: 'exists' },
    ];
    const formula: Formula = {
      name: 'all ops',
      thresholds: { mql: 0, sql: 0 },
      limit: 1,
      groups: [
        {
          id: 'fit',
          kind: 'fit',
          limit: 1,
          rules: comparisons.map((comparison, index) => ({ id: `r${index}`, points: 1, when: { property: 'source', ...comparison } })),
        },
      ],
    };
    expect(validateFormula(formula).errors).toEqual([]);
  });
});
