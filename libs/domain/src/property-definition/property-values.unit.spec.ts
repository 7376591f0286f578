import {
  normalizedPropertyValues,
  propertyDefinitionDecider,
  validatePropertyValues,
  type PropertyDefinitionEvent,
  type PropertyType,
} from './index.js';

const defined = (name: string, type: PropertyType, options: { value: string; label: string }[] = []): PropertyDefinitionEvent => ({
  type: 'PropertyDefined',
  data: { objectType: 'company', name, label: name, type, options, unique: false },
});
const history: PropertyDefinitionEvent[] = [
  defined('note', 'string'),
  defined('seats', 'number'),
  defined('renewal_on', 'date'),
  defined('signed_at', 'datetime'),
  defined('active', 'boolean'),
  defined('tier', 'enum', [
    { value: 'gold', label: 'Gold' },
    { value: 'silver', label: 'Silver' },
  ]),
  defined('legacy', 'string'),
  { type: 'PropertyDefinitionRemoved', data: { objectType: 'company', name: 'legacy' } },
];
const definitions = history.reduce(propertyDefinitionDecider.evolve, propertyDefinitionDecider.initialState());

const problems = (values: Record<string, string | number | boolean | null>) => validatePropertyValues('company', definitions, values);

describe('validatePropertyValues', () => {
  it('accepts a value of each type, and null for any defined property', () => {
    expect(
      problems({ note: 'hello', seats: -1.5, renewal_on: '2028-02-29', signed_at: '2026-01-15T10:00:00+01:00', active: false, tier: 'gold' }),
    ).toEqual([]);
    expect(problems({ note: null, seats: null, renewal_on: null, signed_at: null, active: null, tier: null })).toEqual([]);
  });

  it.each([
    ['note', 12, 'must be a string'],
    ['note', 'x'.repeat(10_001), 'must be at most 10000 characters'],
    ['note', 'a\u0000b', 'must be text without NUL characters or lone surrogates'],
    ['note', '\ud800', 'must be text without NUL characters or lone surrogates'],
    ['seats', '12', 'must be a finite number'],
    ['seats', Number.POSITIVE_INFINITY, 'must be a finite number'],
    ['seats', Number.NaN, 'must be a finite number'],
    ['renewal_on', '2027-02-29', expect.stringMatching(/^must be a calendar date/)],
    ['renewal_on', '2026-01-15T10:00:00Z', expect.stringMatching(/^must be a calendar date/)],
    ['renewal_on', 20260115, expect.stringMatching(/^must be a calendar date/)],
    ['signed_at', '2026-01-15', expect.stringMatching(/^must be an RFC 3339 date-time/)],
    ['signed_at', '2026-02-30T10:00:00Z', expect.stringMatching(/^must be an RFC 3339 date-time/)],
    ['signed_at', '2026-01-15T10:00:00', expect.stringMatching(/^must be an RFC 3339 date-time/)],
    ['active', 'true', 'must be true or false'],
    ['active', 1, 'must be true or false'],
    ['tier', 'Gold', 'must be one of gold, silver'],
    ['tier', 1, 'must be one of gold, silver'],
  ] as const)('names properties.%s for %j', (name, value, reason) => {
    expect(problems({ [name]: value })).toEqual([{ field: `properties.${name}`, reason }]);
  });

  it('names a property that is not defined, or was removed, for the type', () => {
    expect(problems({ colour: 'teal', legacy: 'x', constructor: 'x' })).toEqual([
      { field: 'properties.colour', reason: 'property colour is not defined for companies' },
      { field: 'properties.legacy', reason: 'property legacy is not defined for companies' },
      { field: 'properties.constructor', reason: 'property constructor is not defined for companies' },
    ]);
  });

  it('lists every problem at once', () => {
    expect(problems({ seats: 'many', active: 'yes', note: 'fine' }).map((problem) => problem.field)).toEqual(['properties.seats', 'properties.active']);
  });
});

describe('normalizedPropertyValues', () => {
  it('trims text, clears blank text and stores instants in UTC', () => {
    expect(
      normalizedPropertyValues(definitions, { note: '  hi ', tier: 'gold', signed_at: '2026-01-15T10:00:00+01:00', seats: 3, active: true, legacy: null }),
    ).toEqual({ note: 'hi', tier: 'gold', signed_at: '2026-01-15T09:00:00.000Z', seats: 3, active: true, legacy: null });
    expect(normalizedPropertyValues(definitions, { note: '   ' })).toEqual({ note: null });
  });
});
