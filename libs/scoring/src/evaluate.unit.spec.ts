import {
  DEFAULT_FORMULA,
  ScoringInputInvalid,
  eventTypesUsed,
  fitRuleMatches,
  formulaId,
  ruleMatchesEvent,
  scoreContact,
  scoreTotal,
  validateFormula,
  type EngagementRule,
  type FitRule,
  type Formula,
  type FormulaGroup,
  type PropertyCondition,
  type ScoreBreakdown,
  type ScoringEvent,
} from './index.js';

const AS_OF = '2024-06-30T00:00:00.000Z';
const DAY_MS = 86_400_000;
const daysBefore = (days: number): string => new Date(Date.parse(AS_OF) - days * DAY_MS).toISOString();

const event = (id: string, type: string, occurredAt: string, data: unknown = {}, revision = 0): ScoringEvent => ({
  id,
  type,
  streamName: `contact-${id}`,
  revision,
  position: String(revision),
  occurredAt,
  data,
});

// Every formula a test scores must pass validation, so the tests exercise formulas users can actually save.
const valid = (formula: Formula): Formula => {
  const { errors } = validateFormula(formula);
  if (errors.length > 0) throw new Error(`test formula invalid: ${JSON.stringify(errors)}`);
  return formula;
};

const formulaOf = (groups: readonly FormulaGroup[], overrides: Partial<Formula> = {}): Formula =>
  valid({ name: 'test', thresholds: { mql: 40, sql: 70 }, limit: 100, groups, ...overrides });
const fitGroup = (rules: readonly FitRule[], limit = 100, id = 'fit'): FormulaGroup => ({ id, kind: 'fit', limit, rules });
const engagementGroup = (rules: readonly EngagementRule[], limit = 100, id = 'engagement'): FormulaGroup => ({
  id,
  kind: 'engagement',
  limit,
  rules,
});

const score = (formula: Formula, properties: Record<string, unknown> = {}, events: readonly ScoringEvent[] = []) =>
  scoreContact(formula, { properties, events, asOf: AS_OF });

const holdsOn = (when: PropertyCondition, properties: Record<string, unknown>): boolean =>
  score(formulaOf([fitGroup([{ id: 'rule', points: 10, when }])]), properties).total === 10;

const hundredths = (value: number): number => Math.round(value * 100);
const countedOf = (breakdown: ScoreBreakdown, ruleId: string): number[] =>
  breakdown.contributions.filter((contribution) => contribution.ruleId === ruleId).map((contribution) => contribution.counted);

describe('conditions on contact properties', () => {
  it.each([
    ['equals ignores case', { property: 'country', op: 'equals', value: 'Germany' }, { country: 'GERMANY' }, true],
    ['equals needs the whole value', { property: 'country', op: 'equals', value: 'Germany' }, { country: 'Germany ' }, false],
    ['equals compares numbers', { property: 'employees', op: 'equals', value: 42 }, { employees: 42 }, true],
    ['equals compares a number with its text', { property: 'employees', op: 'equals', value: 42 }, { employees: '42' }, true],
    ['equals on a missing property', { property: 'country', op: 'equals', value: 'Germany' }, {}, false],
    ['notEquals ignores case', { property: 'country', op: 'notEquals', value: 'us' }, { country: 'US' }, false],
    ['notEquals on another value', { property: 'country', op: 'notEquals', value: 'us' }, { country: 'DE' }, true],
    ['notEquals on a missing property', { property: 'country', op: 'notEquals', value: 'us' }, {}, true],
    ['contains ignores case', { property: 'jobTitle', op: 'contains', value: 'STUDENT' }, { jobTitle: 'PhD Student' }, true],
    ['contains without the text', { property: 'jobTitle', op: 'contains', value: 'student' }, { jobTitle: 'Engineer' }, false],
    ['contains on a non-text value', { property: 'jobTitle', op: 'contains', value: 'a' }, { jobTitle: { a: 1 } }, false],
    ['startsWith ignores case', { property: 'jobTitle', op: 'startsWith', value: 'vp' }, { jobTitle: 'VP Sales' }, true],
    ['startsWith needs the prefix', { property: 'jobTitle', op: 'startsWith', value: 'vp' }, { jobTitle: 'SVP Sales' }, false],
    ['matches is case-sensitive without flags', { property: 'jobTitle', op: 'matches', value: '\\bvp\\b' }, { jobTitle: 'VP Sales' }, false],
    ['matches with flag i', { property: 'jobTitle', op: 'matches', value: '\\bvp\\b', flags: 'i' }, { jobTitle: 'VP Sales' }, true],
    ['matches with flag m', { property: 'bio', op: 'matches', value: '^head', flags: 'im' }, { bio: 'Intern\nHead of IT' }, true],
    ['matches without flag m', { property: 'bio', op: 'matches', value: '^head', flags: 'i' }, { bio: 'Intern\nHead of IT' }, false],
    ['matches with flag s', { property: 'bio', op: 'matches', value: 'a.b', flags: 's' }, { bio: 'a\nb' }, true],
    ['matches on a missing property', { property: 'jobTitle', op: 'matches', value: '.*' }, {}, false],
    ['in ignores case', { property: 'country', op: 'in', value: ['DE', 'FR'] }, { country: 'fr' }, true],
    ['in without the value', { property: 'country', op: 'in', value: ['DE', 'FR'] }, { country: 'US' }, false],
    ['in with numbers', { property: 'tier', op: 'in', value: [1, 2] }, { tier: 2 }, true],
    ['gt above', { property: 'employees', op: 'gt', value: 100 }, { employees: 101 }, true],
    ['gt at the bound', { property: 'employees', op: 'gt', value: 100 }, { employees: 100 }, false],
    ['gte at the bound', { property: 'employees', op: 'gte', value: 100 }, { employees: 100 }, true],
    ['gte below', { property: 'employees', op: 'gte', value: 100 }, { employees: 99.99 }, false],
    ['lt below', { property: 'employees', op: 'lt', value: 10 }, { employees: 9.99 }, true],
    ['lt at the bound', { property: 'employees', op: 'lt', value: 10 }, { employees: 10 }, false],
    ['lte at the bound', { property: 'employees', op: 'lte', value: 10 }, { employees: 10 }, true],
    ['lte above', { property: 'employees', op: 'lte', value: 10 }, { employees: 10.01 }, false],
    ['gt on numeric text', { property: 'employees', op: 'gt', value: 100 }, { employees: ' 150 ' }, true],
    ['gt on non-numeric text', { property: 'employees', op: 'gt', value: 100 }, { employees: '150 people' }, false],
    ['gt on text beyond any number', { property: 'employees', op: 'gt', value: 100 }, { employees: '1e999' }, false],
    ['lt on a missing property', { property: 'employees', op: 'lt', value: 100 }, {}, false],
    ['exists on a value', { property: 'website', op: 'exists' }, { website: 'https://acme.example' }, true],
    ['exists on zero', { property: 'score', op: 'exists' }, { score: 0 }, true],
    ['exists on false', { property: 'optedIn', op: 'exists' }, { optedIn: false }, true],
    ['exists on empty text', { property: 'website', op: 'exists' }, { website: '' }, false],
    ['exists on null', { property: 'website', op: 'exists' }, { website: null }, false],
    ['exists on a missing property', { property: 'website', op: 'exists' }, {}, false],
    ['exists ignores inherited members', { property: 'toString', op: 'exists' }, {}, false],
  ] as const)('%s', (_name, when, properties, expected) => {
    expect(holdsOn(when as PropertyCondition, properties)).toBe(expected);
  });
});

describe('conditions on events', () => {
  const rule = (where: EngagementRule['when']['where']): EngagementRule => ({
    id: 'rule',
    points: 1,
    when: { event: 'FormSubmitted', where },
  });

  it('addresses nested data with dotted paths, ignoring case', () => {
    const matching = event('e1', 'FormSubmitted', AS_OF, { fields: { country: 'de' } });
    expect(ruleMatchesEvent(rule([{ field: 'fields.country', op: 'equals', value: 'DE' }]), matching)).toBe(true);
    expect(ruleMatchesEvent(rule([{ field: 'fields.country', op: 'equals', value: 'FR' }]), matching)).toBe(false);
    expect(ruleMatchesEvent(rule([{ field: 'fields.city', op: 'exists' }]), matching)).toBe(false);
  });

  it('needs every where condition and the event type', () => {
    const where = [
      { field: 'formId', op: 'equals', value: 'demo' },
      { field: 'fields.employees', op: 'gte', value: 50 },
    ] as const;
    expect(ruleMatchesEvent(rule(where), event('e1', 'FormSubmitted', AS_OF, { formId: 'demo', fields: { employees: 80 } }))).toBe(true);
    expect(ruleMatchesEvent(rule(where), event('e2', 'FormSubmitted', AS_OF, { formId: 'demo', fields: { employees: 10 } }))).toBe(false);
    expect(ruleMatchesEvent(rule(where), event('e3', 'PageViewed', AS_OF, { formId: 'demo', fields: { employees: 80 } }))).toBe(false);
  });

  it("compares a deal's amount (a decimal string) with a formula's number exactly", () => {
    const dealRule = (where: EngagementRule['when']['where']): EngagementRule => ({ id: 'deal', points: 1, when: { event: 'DealCreated', where } });
    const created = (amount: string) => event('d', 'DealCreated', AS_OF, { amount, currency: 'EUR' });
    expect(ruleMatchesEvent(dealRule([{ field: 'amount', op: 'gte', value: 1000 }]), created('1000.00'))).toBe(true);
    expect(ruleMatchesEvent(dealRule([{ field: 'amount', op: 'gte', value: 1000 }]), created('999.99'))).toBe(false);
    expect(ruleMatchesEvent(dealRule([{ field: 'amount', op: 'lt', value: 0.3 }]), created('0.29'))).toBe(true);
    // Both are the same float; as decimals the text is more than 0.3.
    expect(ruleMatchesEvent(dealRule([{ field: 'amount', op: 'gt', value: 0.3 }]), created('0.30000000000000001'))).toBe(true);
    // As a number it equalled 1000 when amounts were numbers; as "1000.00" it still does.
    expect(ruleMatchesEvent(dealRule([{ field: 'amount', op: 'equals', value: 1000 }]), created('1000.00'))).toBe(true);
    expect(ruleMatchesEvent(dealRule([{ field: 'amount', op: 'in', value: [150000, 2] }]), created('150000'))).toBe(true);
    expect(ruleMatchesEvent(dealRule([{ field: 'amount', op: 'notEquals', value: 1.25 }]), created('1.250'))).toBe(false);
  });

  it('does not read inherited members through a path', () => {
    expect(ruleMatchesEvent(rule([{ field: 'constructor', op: 'exists' }]), event('e1', 'FormSubmitted', AS_OF, {}))).toBe(false);
    expect(ruleMatchesEvent(rule([{ field: 'url.length', op: 'exists' }]), event('e2', 'FormSubmitted', AS_OF, { url: 'x' }))).toBe(false);
  });

  it('lists the event types a formula can score', () => {
    expect(eventTypesUsed(DEFAULT_FORMULA)).toEqual(['FormSubmitted', 'MarketingEmailClicked', 'PageViewed']);
  });
});

describe('engagement over time', () => {
  const pageViews = (rule: Partial<EngagementRule>): Formula =>
    formulaOf([engagementGroup([{ id: 'views', points: 5, when: { event: 'PageViewed' }, ...rule }])]);

  it('counts events up to and including asOf, never later ones', () => {
    const events = [event('now', 'PageViewed', AS_OF), event('later', 'PageViewed', '2024-06-30T00:00:00.001Z')];
    const breakdown = score(pageViews({}), {}, events);
    expect(breakdown.total).toBe(5);
    expect(breakdown.contributions.map((contribution) => contribution.eventId)).toEqual(['now']);
  });

  it('halves an event exactly one half-life old', () => {
    const breakdown = score(pageViews({ decay: { halfLifeDays: 30 } }), {}, [
      event('fresh', 'PageViewed', AS_OF),
      event('one', 'PageViewed', daysBefore(30)),
      event('two', 'PageViewed', daysBefore(60)),
    ]);
    expect(breakdown.contributions.map(({ eventId, decayFactor, points }) => [eventId, decayFactor, points])).toEqual([
      ['two', 0.25, 1.25],
      ['one', 0.5, 2.5],
      ['fresh', 1, 5],
    ]);
    expect(breakdown.total).toBe(8.75);
  });

  it('counts an event exactly withinDays old and not one a millisecond older', () => {
    const edge = daysBefore(90);
    const justOlder = new Date(Date.parse(edge) - 1).toISOString();
    const breakdown = score(pageViews({ withinDays: 90 }), {}, [
      event('edge', 'PageViewed', edge),
      event('older', 'PageViewed', justOlder),
    ]);
    expect(breakdown.contributions.map((contribution) => contribution.eventId)).toEqual(['edge']);
  });

  it('reads asOf and occurredAt with their time zones', () => {
    const breakdown = scoreContact(pageViews({ decay: { halfLifeDays: 1 } }), {
      properties: {},
      events: [event('e1', 'PageViewed', '2024-06-29T02:00:00+02:00')],
      asOf: '2024-06-30T00:00:00Z',
    });
    expect(breakdown.contributions[0].decayFactor).toBe(0.5);
  });

  it('rejects an asOf or a scorable occurredAt that is not an instant with a time zone', () => {
    expect(() => scoreContact(pageViews({}), { properties: {}, events: [], asOf: '2024-06-30T00:00:00' })).toThrow(ScoringInputInvalid);
    expect(() =>
      scoreContact(pageViews({}), { properties: {}, events: [event('e1', 'PageViewed', 'yesterday')], asOf: AS_OF }),
    ).toThrow(ScoringInputInvalid);
    const unrelated = event('e2', 'DealCreated', 'yesterday');
    expect(scoreContact(pageViews({}), { properties: {}, events: [unrelated], asOf: AS_OF }).total).toBe(0);
  });
});

describe('rounding', () => {
  it('reports two decimals', () => {
    // 10 x 0.5^(1/3) = 7.937005...
    const formula = formulaOf([engagementGroup([{ id: 'views', points: 10, decay: { halfLifeDays: 3 }, when: { event: 'PageViewed' } }])]);
    expect(score(formula, {}, [event('e1', 'PageViewed', daysBefore(1))]).total).toBe(7.94);
  });

  it('rounds a rule once, from its exact sum, and spreads the hundredths over its events', () => {
    const formula = formulaOf([engagementGroup([{ id: 'views', points: 10, decay: { halfLifeDays: 3 }, when: { event: 'PageViewed' } }])]);
    const events = ['a', 'b', 'c'].map((id, revision) => event(id, 'PageViewed', daysBefore(1), {}, revision));
    const breakdown = score(formula, {}, events);
    // Exact sum 23.811...: rounding each event first would report 23.82.
    expect(breakdown.total).toBe(23.81);
    expect(breakdown.contributions.map((contribution) => contribution.points)).toEqual([7.94, 7.94, 7.93]);
  });
});

describe('caps, limits and clamps', () => {
  it('caps a rule at maxPoints, sharing the cut across its events in proportion', () => {
    const formula = formulaOf([engagementGroup([{ id: 'views', points: 5, maxPoints: 20, when: { event: 'PageViewed' } }])]);
    const events = [1, 2, 3, 4, 5, 6].map((n) => event(`e${n}`, 'PageViewed', daysBefore(n)));
    const breakdown = score(formula, {}, events);
    expect(breakdown.total).toBe(20);
    expect(breakdown.contributions.map((contribution) => contribution.cutByRuleCap)).toEqual([1.67, 1.67, 1.67, 1.67, 1.66, 1.66]);
    expect(breakdown.groups[0]).toMatchObject({ points: 30, cutByRuleCap: 10, score: 20 });
  });

  it('floors a negative rule at -maxPoints', () => {
    const formula = formulaOf([
      fitGroup([{ id: 'senior', points: 40, when: { property: 'jobTitle', op: 'contains', value: 'vp' } }]),
      engagementGroup([{ id: 'bounces', points: -10, maxPoints: 15, when: { event: 'MarketingEmailBounced' } }]),
    ]);
    const events = [1, 2, 3].map((n) => event(`b${n}`, 'MarketingEmailBounced', daysBefore(n)));
    const breakdown = score(formula, { jobTitle: 'VP' }, events);
    expect(breakdown.total).toBe(25);
    expect(breakdown.engagement).toBe(-15);
    expect(countedOf(breakdown, 'bounces')).toEqual([-5, -5, -5]);
    expect(breakdown.contributions.filter((c) => c.ruleId === 'bounces').map((c) => c.cutByRuleCap)).toEqual([-5, -5, -5]);
  });

  it('clamps a group to its limit, cutting in proportion to each rule', () => {
    const formula = formulaOf([
      fitGroup(
        [
          { id: 'senior', points: 30, when: { property: 'jobTitle', op: 'contains', value: 'vp' } },
          { id: 'target-country', points: 25, when: { property: 'country', op: 'in', value: ['DE', 'AT'] } },
        ],
        40,
      ),
    ]);
    const breakdown = score(formula, { jobTitle: 'VP', country: 'de' });
    expect(breakdown.fit).toBe(40);
    expect(breakdown.contributions.map((contribution) => contribution.cutByGroupLimit)).toEqual([8.18, 6.82]);
  });

  it('clamps a negative group at -limit, cutting only the negative rules', () => {
    const formula = formulaOf([
      fitGroup(
        [
          { id: 'student', points: -20, when: { property: 'jobTitle', op: 'contains', value: 'student' } },
          { id: 'has-country', points: 5, when: { property: 'country', op: 'exists' } },
        ],
        10,
      ),
      engagementGroup([{ id: 'demo', points: 50, when: { event: 'FormSubmitted' } }]),
    ]);
    const breakdown = score(formula, { jobTitle: 'Student', country: 'DE' }, [event('f1', 'FormSubmitted', AS_OF)]);
    expect([breakdown.fit, breakdown.engagement, breakdown.total]).toEqual([-10, 50, 40]);
    expect(breakdown.contributions.map(({ ruleId, cutByGroupLimit }) => [ruleId, cutByGroupLimit])).toEqual([
      ['student', -5],
      ['has-country', 0],
      ['demo', 0],
    ]);
  });

  it('clamps the total to the formula limit', () => {
    const formula = formulaOf([
      fitGroup([{ id: 'senior', points: 60, when: { property: 'jobTitle', op: 'exists' } }]),
      engagementGroup([{ id: 'demo', points: 60, when: { event: 'FormSubmitted' } }]),
    ]);
    const breakdown = score(formula, { jobTitle: 'VP' }, [event('f1', 'FormSubmitted', AS_OF)]);
    expect([breakdown.fit, breakdown.engagement, breakdown.total]).toEqual([50, 50, 100]);
    expect(breakdown.contributions.map((contribution) => contribution.cutByTotalLimit)).toEqual([10, 10]);
  });

  it('never reports a total below zero', () => {
    const formula = formulaOf([fitGroup([{ id: 'student', points: -20, when: { property: 'jobTitle', op: 'contains', value: 'student' } }])]);
    const breakdown = score(formula, { jobTitle: 'student' });
    expect([breakdown.fit, breakdown.total, breakdown.qualification]).toEqual([0, 0, 'none']);
    expect(breakdown.contributions[0]).toMatchObject({ points: -20, cutByTotalLimit: -20, counted: 0 });
  });
});

describe('qualification', () => {
  it.each([
    [39.99, 'none'],
    [40, 'mql'],
    [69.99, 'mql'],
    [70, 'sql'],
    [100, 'sql'],
  ] as const)('a total of %d is %s', (points, qualification) => {
    const formula = formulaOf([fitGroup([{ id: 'points', points, when: { property: 'country', op: 'exists' } }])]);
    const breakdown = score(formula, { country: 'DE' });
    expect([breakdown.total, breakdown.qualification]).toEqual([points, qualification]);
  });
});

describe('the default formula', () => {
  it('scores a senior contact who asked for a demo as sql, explaining each point', () => {
    const events = [
      event('v1', 'PageViewed', daysBefore(30), { url: 'https://tally.example/pricing' }),
      event('v2', 'PageViewed', daysBefore(2), { url: 'https://tally.example/blog' }),
      event('f1', 'FormSubmitted', daysBefore(1), { formId: 'Demo' }),
      event('c1', 'MarketingEmailClicked', daysBefore(91)),
      event('c2', 'MarketingEmailClicked', daysBefore(3)),
    ];
    const breakdown = score(DEFAULT_FORMULA, { jobTitle: 'Head of Growth' }, events);
    expect(breakdown).toMatchObject({
      formulaId: formulaId(DEFAULT_FORMULA),
      asOf: AS_OF,
      fit: 15,
      engagement: 35.5,
      total: 50.5,
      qualification: 'mql',
    });
    expect(breakdown.contributions.map(({ ruleId, eventId, counted }) => [ruleId, eventId, counted])).toEqual([
      ['senior-title', null, 15],
      ['pricing-page', 'v1', 2.5],
      ['demo-request', 'f1', 30],
      ['email-click', 'c2', 3],
    ]);
  });
});

describe('determinism', () => {
  const events = [
    event('v1', 'PageViewed', daysBefore(10), { url: '/pricing' }, 1),
    event('v2', 'PageViewed', daysBefore(10), { url: '/pricing' }, 2),
    event('f1', 'FormSubmitted', daysBefore(5), { formId: 'demo' }),
    event('c1', 'MarketingEmailClicked', daysBefore(1)),
  ];

  it('gives the same breakdown for the same inputs, in any event order', () => {
    const first = score(DEFAULT_FORMULA, { jobTitle: 'VP' }, events);
    expect(score(DEFAULT_FORMULA, { jobTitle: 'VP' }, events)).toEqual(first);
    expect(score(DEFAULT_FORMULA, { jobTitle: 'VP' }, [...events].reverse())).toEqual(first);
  });

  it('scores an event delivered twice once', () => {
    expect(score(DEFAULT_FORMULA, {}, [...events, events[2]])).toEqual(score(DEFAULT_FORMULA, {}, events));
  });
});

// Property-style check: random formulas and contacts from a fixed seed, so a failure always reproduces.
describe('contributions add up', () => {
  const mulberry32 = (seed: number) => {
    let state = seed >>> 0;
    return (): number => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  const random = mulberry32(20240630);
  const integer = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[integer(0, items.length - 1)];
  const maybe = <T>(value: () => T): T | undefined => (random() < 0.5 ? value() : undefined);
  const amount = (min: number, max: number): number => integer(min * 100, max * 100) / 100;
  const EVENT_TYPES = ['PageViewed', 'FormSubmitted', 'MarketingEmailClicked'] as const;
  const TITLES = ['VP Sales', 'Student', 'Head of IT', 'Engineer', undefined] as const;

  const randomFormula = (case_: number): Formula => {
    const groups = Array.from({ length: integer(1, 3) }, (_, groupIndex): FormulaGroup => {
      const id = `g${groupIndex}`;
      const limit = amount(1, 80);
      const rules = Array.from({ length: integer(1, 3) }, (__, ruleIndex) => ({
        id: `${id}-r${ruleIndex}`,
        points: amount(-40, 40),
      }));
      if (random() < 0.4) {
        return fitGroup(rules.map((rule) => ({ ...rule, when: { property: 'jobTitle', op: 'contains', value: pick(['vp', 'student', 'e']) } })), limit, id);
      }
      return engagementGroup(
        rules.map((rule) => ({
          ...rule,
          maxPoints: maybe(() => amount(1, 60)),
          withinDays: maybe(() => integer(1, 120)),
          decay: maybe(() => ({ halfLifeDays: amount(0.5, 60) })),
          when: { event: pick(EVENT_TYPES), where: maybe(() => [{ field: 'url', op: 'contains' as const, value: '/pricing' }]) },
        })),
        limit,
        id,
      );
    });
    const limit = amount(10, 150);
    const sql = amount(0, limit);
    return formulaOf(groups, { name: `case ${case_}`, limit, thresholds: { mql: amount(0, sql), sql } });
  };

  const randomEvents = (): ScoringEvent[] =>
    Array.from({ length: integer(0, 25) }, (_, index) => ({
      ...event(`e${index}`, pick(EVENT_TYPES), new Date(Date.parse(AS_OF) - integer(-5 * DAY_MS, 200 * DAY_MS)).toISOString(), {
        url: pick(['/pricing', '/blog']),
      }),
      revision: index,
    }));

  // An independent, straightforward total (matching aside): exact rule sums rounded to hundredths, then caps
  // and clamps.
  const referenceTotal = (formula: Formula, properties: Record<string, unknown>, events: readonly ScoringEvent[]): number => {
    const asOfMs = Date.parse(AS_OF);
    const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));
    const groupTotals = formula.groups.map((group) => {
      const ruleTotals =
        group.kind === 'fit'
          ? group.rules.map((rule) => (fitRuleMatches(rule, properties) ? hundredths(rule.points) : 0))
          : group.rules.map((rule) => {
              const exact = events
                .filter((candidate) => candidate.type === rule.when.event && ruleMatchesEvent(rule, candidate))
                .map((candidate) => asOfMs - Date.parse(candidate.occurredAt))
                .filter((ageMs) => ageMs >= 0 && (rule.withinDays === undefined || ageMs <= rule.withinDays * DAY_MS))
                .reduce((total, ageMs) => total + rule.points * (rule.decay ? 0.5 ** (ageMs / DAY_MS / rule.decay.halfLifeDays) : 1), 0);
              const rounded = Math.round(exact * 100);
              const cap = rule.maxPoints === undefined ? Infinity : hundredths(rule.maxPoints);
              return clamp(rounded, -cap, cap);
            });
      const limit = hundredths(group.limit);
      return clamp(ruleTotals.reduce((total, value) => total + value, 0), -limit, limit);
    });
    return clamp(groupTotals.reduce((total, value) => total + value, 0), 0, hundredths(formula.limit));
  };

  it('holds for 500 generated formulas and contacts', () => {
    const casesWithCut = { cutByRuleCap: 0, cutByGroupLimit: 0, cutByTotalLimit: 0 };
    for (let case_ = 0; case_ < 500; case_ += 1) {
      const formula = randomFormula(case_);
      const properties = { jobTitle: pick(TITLES) };
      const events = randomEvents();
      const breakdown = score(formula, properties, events);
      const total = hundredths(breakdown.total);
      const context = `case ${case_}`;

      expect([context, total]).toEqual([context, referenceTotal(formula, properties, events)]);
      expect([context, breakdown.contributions.reduce((sum, c) => sum + hundredths(c.counted), 0)]).toEqual([context, total]);
      expect([context, breakdown.groups.reduce((sum, group) => sum + hundredths(group.score), 0)]).toEqual([context, total]);
      expect([context, hundredths(breakdown.fit) + hundredths(breakdown.engagement)]).toEqual([context, total]);
      expect(total).toBeGreaterThanOrEqual(0);
      expect(total).toBeLessThanOrEqual(hundredths(formula.limit));
      for (const c of breakdown.contributions) {
        const cuts = hundredths(c.cutByRuleCap) + hundredths(c.cutByGroupLimit) + hundredths(c.cutByTotalLimit);
        expect([context, hundredths(c.points) - cuts]).toEqual([context, hundredths(c.counted)]);
        // A cut only takes back what a contribution gave: it never flips its sign.
        expect([context, c.points * c.counted >= 0, Math.abs(c.counted) <= Math.abs(c.points)]).toEqual([context, true, true]);
      }
      for (const [index, group] of breakdown.groups.entries()) {
        expect([context, Math.abs(group.score) <= formula.groups[index].limit]).toEqual([context, true]);
      }
      expect(score(formula, properties, [...events].reverse())).toEqual(breakdown);
      for (const cut of ['cutByRuleCap', 'cutByGroupLimit', 'cutByTotalLimit'] as const) {
        if (breakdown.groups.some((group) => group[cut] !== 0)) casesWithCut[cut] += 1;
      }
    }
    // The generator must keep reaching every kind of cut, or the checks above prove little.
    expect(Object.values(casesWithCut).every((count) => count >= 25)).toBe(true);
  });

  // The projection tells qualification changes from scoreTotal at every step but the last: it must agree to the
  // hundredth with the breakdown, an event given twice and events after asOf included.
  it("gives scoreTotal the breakdown's total and qualification for 500 generated formulas and contacts", () => {
    for (let case_ = 0; case_ < 500; case_ += 1) {
      const formula = randomFormula(case_);
      const properties = { jobTitle: pick(TITLES) };
      const events = randomEvents();
      const given = events.length > 0 && random() < 0.3 ? [...events, events[integer(0, events.length - 1)]] : events;
      const { formulaId: id, total, qualification } = score(formula, properties, given);
      expect([`case ${case_}`, scoreTotal(formula, { properties, events: given, asOf: AS_OF })]).toEqual([
        `case ${case_}`,
        { formulaId: id, total, qualification },
      ]);
    }
  });
});
