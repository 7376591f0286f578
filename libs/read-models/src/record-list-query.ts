// What the record lists (contacts, companies, deals, tickets, owners) share: a stable sort over one key plus the
// record id as tie-breaker, an opaque cursor over both, `q` as a case-insensitive substring of the row's search
// text, and `property.<name>=value` filters over the row's custom properties (jsonb containment).
import { decodeCursor, encodeCursor, InvalidCursor } from './cursor.js';
import type { Parameters } from './prepared-query.js';

/**
 * One key a list sorts by: the name clients give (`createdAt`), its SQL expression (never null: an index on the
 * same expression, with the id, serves the sort both ways) and the type its cursor value is cast back to. Ties go
 * by id in the key's direction, or the other way (`idOpposite`) where the index that serves it says so: an index
 * on (key DESC, id) serves key descending with ids ascending, and key ascending with ids descending.
 */
export type SortKey = Readonly<{ name: string; sql: string; type: 'timestamptz' | 'text' | 'numeric'; idOpposite?: boolean }>;

/** A sort as asked: `-createdAt` is createdAt, newest first. */
export type ListSort = Readonly<{ key: SortKey; descending: boolean }>;

/** The values `sort` may take for these keys: each name, and each with `-` for descending. */
export const sortValues = (keys: readonly SortKey[]): string[] => keys.flatMap((key) => [key.name, `-${key.name}`]);

/** The sort a valid `sort` value names (see sortValues), or `fallback` (a sort value too) when absent. */
export const listSortOf = (keys: readonly SortKey[], value: string | undefined, fallback: string): ListSort => {
  const asked = value ?? fallback;
  const descending = asked.startsWith('-');
  const name = descending ? asked.slice(1) : asked;
  const key = keys.find((k) => k.name === name);
  if (!key) throw new Error(`sort ${asked} is none of ${sortValues(keys).join(', ')}`);
  return { key, descending };
};

/** The ORDER BY of a sort, with `id` (an SQL column) as tie-breaker. */
export const orderBy = (sort: ListSort, id: string): string =>
  `${sort.key.sql} ${sort.descending ? 'DESC' : 'ASC'}, ${id} ${idDescending(sort) ? 'DESC' : 'ASC'}`;

const idDescending = (sort: ListSort): boolean => sort.descending !== (sort.key.idOpposite ?? false);

/** A page's position in its sort: the last row's sort key (as sortKeyText spells it) and id. */
export type CursorKey = Readonly<{ key: string; id: string }>;

/**
 * The sort key of a row as text, to select beside it for its page's cursor: exact, and read back by afterCursor.
 * Instants go as epoch milliseconds (`-Infinity` for the key of a missing one), which no DateStyle changes.
 */
export const sortKeyText = (sort: ListSort): string =>
  sort.key.type === 'timestamptz' ? `(extract(epoch from ${sort.key.sql}) * 1000)::text` : `(${sort.key.sql})::text`;

const NUMERIC = /^-?\d+(\.\d+)?$/;
// PostgreSQL's first instant, 4714-11-24 BC, and JavaScript's last: a cursor outside them is none the server issued.
const FIRST_MS = Date.UTC(-4713, 10, 24);
const LAST_MS = 8.64e15;

const isKeyOf = (type: SortKey['type'], key: string): boolean => {
  if (type === 'numeric') return NUMERIC.test(key);
  if (type === 'timestamptz') return key === '-Infinity' || (NUMERIC.test(key) && Number(key) >= FIRST_MS && Number(key) <= LAST_MS);
  return !key.includes('\u0000');
};

const castKey = (type: SortKey['type'], placeholder: string): string =>
  type === 'timestamptz' ? `to_timestamp(${placeholder}::float8 / 1000)` : `${placeholder}::${type}`;

/**
 * The rows after `cursor` in `sort` (a condition over the key and `id`, or 'true' on the first page). The cursor
 * names its sort: a cursor of another sort is refused rather than read as a wrong position.
 */
export const afterCursor = (sort: ListSort, id: string, cursor: string | undefined, params: Parameters): string => {
  if (cursor === undefined) return 'true';
  const [sortName, key, lastId] = decodeCursor(cursor, 3);
  if (sortName !== sortToken(sort) || typeof key !== 'string' || typeof lastId !== 'string') throw new InvalidCursor();
  if (!isKeyOf(sort.key.type, key) || lastId.includes('\u0000')) throw new InvalidCursor();
  const k = castKey(sort.key.type, params.add(key));
  const op = sort.descending ? '<' : '>';
  const idOp = idDescending(sort) ? '<' : '>';
  // The redundant bound first: it is what an index scan on (key, id) starts from.
  return `(${sort.key.sql} ${op}= ${k} AND (${sort.key.sql} ${op} ${k} OR ${id} ${idOp} ${params.add(lastId)}))`;
};

const sortToken = (sort: ListSort): string => `${sort.descending ? '-' : ''}${sort.key.name}`;

/** The sort a cursor was issued for, as `sort` spells it: for a list read in parts, each part its own sort. */
export const cursorSort = (cursor: string): string => {
  const [sortName] = decodeCursor(cursor, 3);
  if (typeof sortName !== 'string') throw new InvalidCursor();
  return sortName;
};

/** The cursor that continues `sort` after the row whose sort key and id these are. */
export const cursorAfter = (sort: ListSort, { key, id }: CursorKey): string => encodeCursor([sortToken(sort), key, id]);

/**
 * A page from `limit + 1` rows read in sort order, each with its sort key (sortKeyText) and id: the first `limit`
 * rows, and the cursor of the next page when there is one.
 */
export const pageOf = <R>(
  sort: ListSort,
  found: readonly R[],
  limit: number,
  keyOf: (row: R) => CursorKey,
): Readonly<{ rows: R[]; nextCursor: string | null }> => {
  const rows = found.slice(0, limit);
  const last = rows[rows.length - 1];
  if (found.length <= limit || last === undefined) return { rows, nextCursor: null };
  return { rows, nextCursor: cursorAfter(sort, keyOf(last)) };
};

/** Text as the lists store and match it: NFC, lower-case, trimmed, so case folding is the same on every database. */
export const searchKey = (text: string): string => text.normalize('NFC').toLowerCase().trim();

/** The longest sort key stored for a name, in code points: a btree entry holds at most 2,704 bytes. */
export const MAX_SORT_KEY_LENGTH = 200;

/** A name's sort key: its search key, cut to MAX_SORT_KEY_LENGTH code points (ties go by id). */
export const sortKeyOf = (text: string): string => Array.from(searchKey(text)).slice(0, MAX_SORT_KEY_LENGTH).join('');

/** The digits of a phone number: what `q` finds it by, however it was spaced or punctuated. */
export const phoneDigits = (phone: string | null): string | null => {
  const digits = phone === null ? '' : phone.replace(/\D/g, '');
  return digits === '' ? null : digits;
};

// A `q` made only of what phone numbers are written with also matches as bare digits: `+1 555-0100` finds 15550100.
const PHONE_LIKE = /^[\d\s()+.\-/]+$/;

const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The condition that `column` (a search text) contains `q` (case-insensitively, as searchKey folds it). */
export const searchCondition = (column: string, q: string, params: Parameters): string => {
  const key = searchKey(q);
  const patterns = [key];
  const digits = PHONE_LIKE.test(key) ? (phoneDigits(key) ?? '') : '';
  if (digits !== '' && digits !== key) patterns.push(digits);
  const matches = patterns.map((p) => `${column} LIKE ${params.add(`%${likeLiteral(p)}%`)}`);
  return matches.length === 1 ? matches[0] : `(${matches.join(' OR ')})`;
};

// ---------------------------------------------------------------------------------------------------------------
// property.<name>=value

/** The query parameters that filter by a custom property: `property.<name>`. */
export const PROPERTY_FILTER_PREFIX = 'property.';

/** How a custom property's values are typed (the property definitions' types). */
export type PropertyValueType = 'string' | 'number' | 'date' | 'datetime' | 'boolean' | 'enum';

/** One `property.<name>` filter: the values a property must hold one of (several when its type is unknown). */
export type PropertyFilter = Readonly<{ name: string; values: readonly (string | number | boolean)[] }>;

/** Why a filter was refused: its query parameter and the reason, as a 400 names them. */
export type FilterProblem = Readonly<{ field: string; reason: string }>;

/** What a property definition says of the values a filter may ask for. */
export type PropertyFilterDefinition = Readonly<{ type: PropertyValueType; options?: readonly string[] }>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** The value `raw` filters for under `definition`, or why it cannot be one of its values. */
const typedValue = (raw: string, definition: PropertyFilterDefinition): string | number | boolean => {
  switch (definition.type) {
    case 'number':
      if (!NUMBER.test(raw.trim()) || !Number.isFinite(Number(raw))) throw new FilterValueError('must be a number');
      return Number(raw);
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new FilterValueError('must be true or false');
      return raw === 'true';
    case 'date':
      if (!DAY.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) throw new FilterValueError('must be a day, YYYY-MM-DD');
      return raw;
    case 'datetime':
      if (Number.isNaN(Date.parse(raw))) throw new FilterValueError('must be an ISO 8601 instant');
      return new Date(raw).toISOString();
    case 'enum':
      if (definition.options && !definition.options.includes(raw)) {
        throw new FilterValueError(`must be one of ${definition.options.join(', ')}`);
      }
      return raw;
    case 'string':
      return raw;
    default:
      return definition.type satisfies never;
  }
};

class FilterValueError extends Error {}

/** Without a definition the value is read by its JSON spelling too: `42` finds 42 and "42", `true` true and "true". */
const untypedValues = (raw: string): (string | number | boolean)[] => {
  if (raw === 'true' || raw === 'false') return [raw === 'true', raw];
  if (NUMBER.test(raw) && Number.isFinite(Number(raw))) return [Number(raw), raw];
  return [raw];
};

/**
 * The `property.<name>` filters of a query (its other parameters are left to the route's DTO), or the problems
 * that refuse them. `definitions` are the object type's defined properties: a name outside them is refused; when
 * they are unknown (null), a name is checked against `namePattern` and a value is read by its JSON spelling.
 */
export const propertyFiltersOf = (
  query: Readonly<Record<string, unknown>>,
  definitions: ReadonlyMap<string, PropertyFilterDefinition> | null,
  namePattern: RegExp,
): Readonly<{ filters: PropertyFilter[]; problems: FilterProblem[] }> => {
  const filters: PropertyFilter[] = [];
  const problems: FilterProblem[] = [];
  for (const [field, value] of Object.entries(query)) {
    if (!field.startsWith(PROPERTY_FILTER_PREFIX)) continue;
    const name = field.slice(PROPERTY_FILTER_PREFIX.length);
    const definition = definitions?.get(name);
    if (definitions ? !definition : !namePattern.test(name)) {
      problems.push({ field, reason: `${name} is not a defined property` });
    } else if (typeof value !== 'string') {
      problems.push({ field, reason: 'must be given once' });
    } else {
      try {
        filters.push({ name, values: definition ? [typedValue(value, definition)] : untypedValues(value) });
      } catch (error) {
        if (!(error instanceof FilterValueError)) throw error;
        problems.push({ field, reason: error.message });
      }
    }
  }
  return { filters, problems };
};

/** The conditions of `filters` over a jsonb column (`@>`, which a GIN jsonb_path_ops index answers). */
export const propertyConditions = (column: string, filters: readonly PropertyFilter[], params: Parameters): string[] =>
  filters.map(({ name, values }) => {
    const matches = values.map((value) => `${column} @> ${params.add(JSON.stringify({ [name]: value }))}::jsonb`);
    return matches.length === 1 ? matches[0] : `(${matches.join(' OR ')})`;
  });
