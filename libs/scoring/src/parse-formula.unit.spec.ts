import { DEFAULT_FORMULA, FormulaInvalid, formulaId, parseFormula, parseFormulaDocument } from './index.js';

const DEFAULT_YAML = `
name: Q4 scoring
thresholds: { mql: 40, sql: 70 }
limit: 100
groups:
  - id: fit
    kind: fit
    limit: 40
    rules:
      - id: senior-title
        points: 15
        when: { property: jobTitle, op: matches, value: '\\b(vp|director|head)\\b', flags: i }
      - id: student
        points: -20
        when: { property: jobTitle, op: contains, value: student }
  - id: engagement
    kind: engagement
    limit: 60
    rules:
      - id: pricing-page
        points: 5
        maxPoints: 20
        decay: { halfLifeDays: 30 }
        when:
          event: PageViewed
          where: [{ field: url, op: contains, value: /pricing }]
      - id: demo-request
        points: 30
        when:
          event: FormSubmitted
          where: [{ field: formId, op: equals, value: demo }]
      - id: email-click
        points: 3
        maxPoints: 15
        withinDays: 90
        when: { event: MarketingEmailClicked }
`;

const caught = (run: () => unknown): FormulaInvalid => {
  try {
    run();
  } catch (error) {
    if (error instanceof FormulaInvalid) return error;
    throw error;
  }
  throw new Error('expected FormulaInvalid');
};

describe('parseFormula', () => {
  it('reads JSON', () => {
    expect(parseFormula(JSON.stringify(DEFAULT_FORMULA, null, 2))).toEqual(DEFAULT_FORMULA);
  });

  it('reads YAML of the same content to the same formula and id', () => {
    const formula = parseFormula(DEFAULT_YAML);
    expect(formula).toEqual(DEFAULT_FORMULA);
    expect(formulaId(formula)).toBe(formulaId(DEFAULT_FORMULA));
  });

  it('reports a syntax error with its line and column', () => {
    const error = caught(() => parseFormula('{ "name": "x", "limit": 100,\n  "groups": [ }'));
    expect(error.code).toBe('FORMULA_INVALID');
    expect(error.errors.length).toBeGreaterThan(0);
    expect(error.errors[0].path).toBe('');
    expect(error.errors[0].reason).toMatch(/ at line 2, column \d+$/);
  });

  it('rejects duplicate keys instead of keeping one of them', () => {
    const error = caught(() => parseFormula('{ "name": "a", "name": "b" }'));
    expect(error.errors[0].reason).toMatch(/unique/);
  });

  it('rejects an alias bomb before expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 6; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(() => parseFormula(levels.join('\n'))).toThrow(FormulaInvalid);
  });

  it('throws every validation error at once', () => {
    const error = caught(() => parseFormula('name: x\nthresholds: { mql: 50, sql: 40 }\nlimit: .inf\ngroups: []'));
    expect(error.errors).toEqual([
      { path: '/groups', reason: 'must NOT have fewer than 1 items' },
      { path: '/limit', reason: 'must be number' },
      { path: '/thresholds/mql', reason: 'must be <= thresholds.sql (40)' },
    ]);
    expect(error.message).toContain('/limit must be number');
  });

  it('does not treat warnings as errors', () => {
    expect(parseFormula(DEFAULT_YAML.replace('MarketingEmailClicked', 'WebinarAttended')).groups[1].rules[2].when).toEqual({
      event: 'WebinarAttended',
    });
  });
});

describe('parseFormulaDocument', () => {
  it('returns the plain value without validating it', () => {
    expect(parseFormulaDocument('name: x\nextra: [1, 2]')).toEqual({ name: 'x', extra: [1, 2] });
  });
});
