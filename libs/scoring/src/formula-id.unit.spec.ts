import { DEFAULT_FORMULA, canonicalJson, formulaId, parseFormula, type Formula } from './index.js';

// Rebuilds a value with every object's keys in reverse order: same content, different serialisation.
const reversedKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reversedKeys(member)]));
};

describe('canonicalJson', () => {
  it('sorts keys recursively, keeps array order and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 'é"' }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":"é\\"","z":1}]},"b":1}');
  });

  it('leaves out members that are undefined, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ limit: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ limit: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ limit: 1n })).toThrow(TypeError);
  });
});

describe('formulaId', () => {
  it('is the SHA-256 of the canonical JSON, pinned for the default formula', () => {
    // A stored score names its formula by this id: a change here orphans every stored score.
    expect(formulaId(DEFAULT_FORMULA)).toBe('4e9aadbfefe06e9860d8932e85ece504a9c9aa961e5d6e51fb7fc0b5e737e6c0');
  });

  it('does not depend on key order', () => {
    const reordered = reversedKeys(DEFAULT_FORMULA) as Formula;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(DEFAULT_FORMULA));
    expect(formulaId(reordered)).toBe(formulaId(DEFAULT_FORMULA));
  });

  it('is the same for JSON and YAML of the same content', () => {
    const json = JSON.stringify(reversedKeys(DEFAULT_FORMULA), null, 4);
    const yaml = 'limit: 100\nname: Q4 scoring\nthresholds: {sql: 70, mql: 40}\ngroups: ' + JSON.stringify(DEFAULT_FORMULA.groups);
    expect(formulaId(parseFormula(json))).toBe(formulaId(DEFAULT_FORMULA));
    expect(formulaId(parseFormula(yaml))).toBe(formulaId(DEFAULT_FORMULA));
  });

  it('changes when the content changes', () => {
    const changed: Formula = { ...DEFAULT_FORMULA, thresholds: { mql: 41, sql: 70 } };
    expect(formulaId(changed)).toMatch(/^[0-9a-f]{64}$/);
    expect(formulaId(changed)).not.toBe(formulaId(DEFAULT_FORMULA));
  });
});
