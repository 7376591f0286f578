import { InvalidCursor } from './cursor.js';
import { Parameters } from './prepared-query.js';
import { afterCursor, listSortOf, orderBy, pageOf, propertyConditions, propertyFiltersOf, searchCondition, sortKeyOf, type SortKey } from './record-list-query.js';

const KEYS: readonly SortKey[] = [
  { name: 'createdAt', sql: 'r.created_at', type: 'timestamptz' },
  { name: 'score', sql: 's.total', type: 'numeric', idOpposite: true },
];
const DEFINITIONS = new Map([
  ['seats', { type: 'number' as const }],
  ['vip', { type: 'boolean' as const }],
  ['plan', { type: 'enum' as const, options: ['free', 'pro'] }],
  ['renewal', { type: 'date' as const }],
]);

describe('record list query', () => {
  it('orders by the key, ties by id in its direction or, where the index says so, the other way', () => {
    expect(orderBy(listSortOf(KEYS, undefined, '-createdAt'), 'r.id')).toBe('r.created_at DESC, r.id DESC');
    expect(orderBy(listSortOf(KEYS, '-score', '-createdAt'), 's.id')).toBe('s.total DESC, s.id ASC');
    expect(orderBy(listSortOf(KEYS, 'score', '-createdAt'), 's.id')).toBe('s.total ASC, s.id DESC');
  });

  it('continues after the last row of a page, and refuses a cursor of another sort or a key it never issued', () => {
    const sort = listSortOf(KEYS, '-createdAt', '-createdAt');
    const { nextCursor } = pageOf(sort, [{ k: '1768035600123.000000', id: 'b' }, { k: '1', id: 'a' }], 1, (row) => ({ key: row.k, id: row.id }));
    const params = new Parameters();
    expect(afterCursor(sort, 'r.id', nextCursor!, params)).toBe(
      '(r.created_at <= to_timestamp($1::float8 / 1000) AND (r.created_at < to_timestamp($1::float8 / 1000) OR r.id < $2))',
    );
    expect(params.values).toEqual(['1768035600123.000000', 'b']);
    expect(() => afterCursor(listSortOf(KEYS, 'createdAt', '-createdAt'), 'r.id', nextCursor!, new Parameters())).toThrow(InvalidCursor);
    const forged = Buffer.from(JSON.stringify(['-createdAt', '2026-13-01', 'b'])).toString('base64url');
    expect(() => afterCursor(sort, 'r.id', forged, new Parameters())).toThrow(InvalidCursor);
    expect(pageOf(sort, [{ k: '1', id: 'a' }], 1, (row) => ({ key: row.k, id: row.id })).nextCursor).toBeNull();
  });

  it('finds q as a literal substring, and a phone-like q by its digits too', () => {
    const params = new Parameters();
    expect(searchCondition('r.search_text', ' 50%_Off ', params)).toBe('r.search_text LIKE $1');
    expect(params.values).toEqual(['%50\\%\\_off%']);
    const phone = new Parameters();
    expect(searchCondition('r.search_text', '+44 (20) 7946', phone)).toBe('(r.search_text LIKE $1 OR r.search_text LIKE $2)');
    expect(phone.values).toEqual(['%+44 (20) 7946%', '%44207946%']);
  });

  it('cuts sort keys to 200 code points, never inside a surrogate pair', () => {
    expect(Array.from(sortKeyOf('𝔘'.repeat(300)))).toHaveLength(200);
  });

  it('types property filters by their definitions and names each refused parameter', () => {
    const { filters, problems } = propertyFiltersOf(
      {
        'property.seats': '12.5', 'property.vip': 'false', 'property.plan': 'pro', 'property.renewal': '2026-03-01', limit: '5',
        'property.shoe_size': '42', 'property.plan ': 'x',
      },
      DEFINITIONS,
      /^[a-z][a-z0-9_]*$/,
    );
    expect(filters).toEqual([
      { name: 'seats', values: [12.5] },
      { name: 'vip', values: [false] },
      { name: 'plan', values: ['pro'] },
      { name: 'renewal', values: ['2026-03-01'] },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['property.shoe_size', 'property.plan ']);
    const bad = propertyFiltersOf({ 'property.seats': '1e400', 'property.vip': 'yes', 'property.plan': 'team', 'property.renewal': '2026-02-30x', 'property.seats ': ['1', '2'] }, DEFINITIONS, /./);
    expect(bad.problems.map((p) => p.field)).toEqual(['property.seats', 'property.vip', 'property.plan', 'property.renewal', 'property.seats ']);
  });

  it('reads a value by its JSON spelling when the definitions are unknown, and matches any of its readings', () => {
    const { filters } = propertyFiltersOf({ 'property.seats': '42', 'property.vip': 'true', 'property.tier': 'gold' }, null, /^[a-z]+$/);
    expect(filters).toEqual([
      { name: 'seats', values: [42, '42'] },
      { name: 'vip', values: [true, 'true'] },
      { name: 'tier', values: ['gold'] },
    ]);
    const params = new Parameters();
    expect(propertyConditions('r.properties', filters.slice(0, 1), params)).toEqual(['(r.properties @> $1::jsonb OR r.properties @> $2::jsonb)']);
    expect(params.values).toEqual(['{"seats":42}', '{"seats":"42"}']);
  });
});
