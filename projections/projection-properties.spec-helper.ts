// Property tests of a projection against values its events' JSON Schemas allow, however extreme: every event type
// it reads, derived from the catalog (a new field is covered without touching this), ids drawn from a small pool so
// that events meet (a win after its deal's creation, or before it), out of order and repeated, with business times
// from year -271821 to 275760. Events go through the real store (what it cannot hold never reaches a projection)
// and the real persistence into fresh tables of one PGlite; a build parks exactly when apply throws.
import fc from 'fast-check';
import type pg from 'pg';
import { eventCatalog } from '#domain/catalog';
import type { JsonSchema } from '#domain/shared';
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition, ProjectionTables } from '#projection-engine';
import { openForSuite, type TestDatabase } from '#test/support/test-database';
import { storedInstant } from './pg-values.js';
import { openProjectionBed, type StreamEvent } from './projection-spec.spec-helper.js';

/** Ids every run draws from: short, long, unicode, quotes; the same few, so events of one record meet. */
export const ID_POOL = ['a', 'Ω-ünï-𝔘', 'x'.repeat(300), "o'; --", 'deal-1', ' '] as const;

// Amounts and other numbers at the edges of what a schema's `number` allows.
const EXTREME_NUMBERS = [0, 0.01, 0.29, 1e-7, 5e-324, 0.005, 99999999999999.99, 1e12, 1e14, 1e18, 1e21, 9007199254740993, 1.7976931348623157e308];
const EXTREME_INTEGERS = [0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 1e20];
const EXTREME_INSTANTS = [
  '0000-01-01T00:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '-000001-12-31T23:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '+010000-01-01T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '1970-01-01T00:00:00.000Z',
];

/** What the store can hold: no NUL, no lone surrogate (jsonb refuses both, so no such event is ever in a log). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (text: string): boolean => !LONE_SURROGATE.test(text) && !text.includes('\u0000');

const text = (minLength: number): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ minLength, maxLength: 30, unit: 'grapheme' }) },
      { weight: 2, arbitrary: fc.string({ minLength, maxLength: 30, unit: 'binary' }) },
      { weight: 1, arbitrary: fc.string({ minLength: Math.max(minLength, 2_000), maxLength: 5_000, unit: 'grapheme-ascii' }) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', 'ß', '👩‍👩‍👧', 'e\u0301', '\u200b', "'\\\"", 'null').filter((s) => s.length >= minLength) },
    )
    .filter(storable);

const schemaTypes = (schema: JsonSchema): string[] => {
  const type = schema.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
};

const numberArbitrary = (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -Number.MAX_VALUE;
  const max = typeof schema.maximum === 'number' ? schema.maximum : Number.MAX_VALUE;
  const inRange = (n: number) => n >= min && n <= max;
  const extremes = [...(integer ? EXTREME_INTEGERS : EXTREME_NUMBERS), min, max].filter((n) => Number.isFinite(n) && inRange(n));
  const negatives = (integer ? EXTREME_INTEGERS : EXTREME_NUMBERS).map((n) => -n).filter(inRange);
  const random = integer
    ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(fc.constantFrom(...extremes, ...(negatives.length ? negatives : extremes)), random);
};

// The formats' own bounds (libs/domain/src/shared/time.ts): real days from 1900-01-01 to before 2200-01-01, instants
// to the millisecond with an offset of at most ±14:00; a pattern beside the format narrows them further.
const FIRST_MS = Date.UTC(1900, 0, 1);
const LAST_MS = Date.UTC(2200, 0, 1) - 1;
const FORMAT_INSTANTS = ['1900-01-01T00:00:00.000Z', '2199-12-31T23:59:59.999Z', '2024-02-29T12:00:00.000Z', '1970-01-01T00:00:00.000Z'];
const offsetInstant = (ms: number, offsetMinutes: number): string => {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  return `${local}${sign}${hours}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`;
};
const dayMs = fc.integer({ min: FIRST_MS, max: LAST_MS });
const FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  'date-time': fc.oneof(
    fc.constantFrom(...FORMAT_INSTANTS),
    dayMs.map((ms) => new Date(ms).toISOString()),
    // The same instants as another zone writes them, kept inside the bounds.
    fc
      .tuple(fc.integer({ min: FIRST_MS + 14 * 3_600_000, max: LAST_MS - 14 * 3_600_000 }), fc.integer({ min: -14 * 60, max: 14 * 60 }))
      .map(([ms, offset]) => offsetInstant(ms, offset)),
  ),
  date: fc.oneof(
    fc.constantFrom('1900-01-01', '2199-12-31', '2024-02-29', '2000-02-29'),
    dayMs.map((ms) => new Date(ms).toISOString().slice(0, 10)),
  ),
};

/** Values the JSON Schema allows; `name` is the property's name (ids come from the pool). */
export const arbitraryOf = (schema: JsonSchema, name = ''): fc.Arbitrary<unknown> => {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as JsonSchema[]).map((s) => arbitraryOf(s, name)));
  // The branches the schemas use are exclusive (a field change per field name), so any one branch's value is valid.
  if (Array.isArray(schema.oneOf)) return fc.oneof(...(schema.oneOf as JsonSchema[]).map((s) => arbitraryOf(s, name)));
  const options = schemaTypes(schema).map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return numberArbitrary(schema, true);
      case 'number':
        return numberArbitrary(schema, false);
      case 'string': {
        const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
        const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
        if (format) {
          const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : null;
          return pattern ? format.filter((s) => pattern.test(s)) : format;
        }
        if (typeof schema.pattern === 'string') {
          return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && storable(s));
        }
        // Ids (and who did something: an owner id) come from the pool. Ids longer than a btree entry (2,704 bytes)
        // cannot be keys of any read model; the schemas bound no id's length (see the note in the README).
        if (/(Id|By)$/.test(name) || name === 'id' || name === 'mergedInto') return fc.constantFrom(...ID_POOL);
        return text(minLength);
      }
      case 'array': {
        const items = (schema.items as JsonSchema | undefined) ?? {};
        const idItems = /Ids$/.test(name);
        const item = idItems ? fc.constantFrom(...ID_POOL) : arbitraryOf(items, name);
        const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
        return schema.uniqueItems
          ? fc.uniqueArray(item, { minLength, maxLength: 4, selector: (v) => JSON.stringify(v) })
          : fc.array(item, { minLength, maxLength: 4 });
      }
      case 'object':
        return objectArbitrary(schema);
      default:
        throw new Error(`no arbitrary for JSON Schema type ${type}`);
    }
  });
  if (options.length === 0) return fc.jsonValue();
  return options.length === 1 ? options[0] : fc.oneof(...options);
};

const objectArbitrary = (schema: JsonSchema): fc.Arbitrary<unknown> => {
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  if (Object.keys(properties).length === 0) {
    const values = typeof schema.additionalProperties === 'object' ? arbitraryOf(schema.additionalProperties as JsonSchema) : fc.jsonValue();
    return fc.dictionary(text(1), values, { maxKeys: 4 });
  }
  const required = (schema.required as string[] | undefined) ?? [];
  return fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, arbitraryOf(value, key)])),
    { requiredKeys: required },
  );
};

/** Any instant JavaScript can hold, biased to the edges (years 0000, 0001, 9999 and beyond). */
export const instantArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EXTREME_INSTANTS),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
);

export type GeneratedEvent = Readonly<{ type: string; data: unknown; occurredAt: string }>;

/** One event of any of `types`, its data allowed by the catalog's schema. */
export const eventArbitrary = (types: readonly string[]): fc.Arbitrary<GeneratedEvent> =>
  fc.oneof(
    ...types.map((type) =>
      fc.record({ type: fc.constant(type), data: arbitraryOf(eventCatalog.definition(type).schema), occurredAt: instantArbitrary }),
    ),
  );

/** A history: events in any order, some sent twice (at-least-once writers, re-imports under new ids). */
export const historyArbitrary = (types: readonly string[], maxLength = 12): fc.Arbitrary<GeneratedEvent[]> =>
  fc
    .array(fc.tuple(eventArbitrary(types), fc.boolean()), { minLength: 1, maxLength })
    .map((pairs) => pairs.flatMap(([event, twice]) => (twice ? [event, event] : [event])));

/** The stream an event of `data` belongs to: its own record's, so a stream holds one record's events. */
const streamOf = (event: GeneratedEvent, index: number): string => {
  const data = event.data as Record<string, unknown>;
  const key = ['dealId', 'ticketId', 'contactId', 'engagementId', 'pipelineId', 'companyId', 'ownerId'].find((k) => typeof data[k] === 'string');
  return key ? `${key.replace(/Id$/, '')}-${encodeURIComponent(String(data[key]))}` : `misc-${index}`;
};

export type PropertyBed = Readonly<{
  db: TestDatabase;
  /** Appends the history, applies it to fresh tables of `definition`, returns what was applied and the tables. */
  project(definition: ProjectionDefinition, history: readonly GeneratedEvent[]): Promise<Projected>;
}>;

export type Projected = Readonly<{ events: readonly RecordedEvent[]; table: ProjectionTables['table']; pool: pg.Pool }>;

export const openPropertyBed = async (): Promise<PropertyBed & { close(): Promise<void> }> => {
  const bed = await openProjectionBed();
  let run = 0;
  return {
    db: bed.db,
    close: bed.close,
    project: async (definition, history) => {
      run++;
      const table = (base: string) => `${base}_prop${run}`;
      const streamed: StreamEvent[] = history.map((event, index) => [
        `prop${run}${streamOf(event, index)}`,
        {
          id: crypto.randomUUID(),
          type: event.type,
          data: event.data,
          metadata: { occurredAt: event.occurredAt, actor: 'property', correlationId: crypto.randomUUID(), causationId: null, schemaVersion: 1, source: 'test' },
        },
      ]);
      const events = await bed.append(streamed);
      await bed.db.pool.query(definition.createTables({ table }));
      await bed.apply(definition, events, table);
      return { events, table, pool: bed.db.pool };
    },
  };
};

/** A bed for a describe block's property tests: opened before them, closed after them. */
export const usePropertyBed = (): PropertyBed => {
  const bed = openForSuite(openPropertyBed);
  return {
    get db() {
      return bed().db;
    },
    project: (definition, history) => bed().project(definition, history),
  };
};

/** Runs a property over histories of `definition`'s event types; a failure names the shrunk history. */
export const assertProjects = async (
  bed: PropertyBed,
  definition: ProjectionDefinition,
  check: (projected: Projected) => Promise<void>,
  options: { numRuns?: number; maxLength?: number } = {},
): Promise<void> => {
  const types = definition.filter?.eventTypes ?? [];
  expect(types.length).toBeGreaterThan(0);
  await fc.assert(
    fc.asyncProperty(historyArbitrary(types, options.maxLength), async (history) => {
      await check(await bed.project(definition, history));
    }),
    // A bounded search: the whole set of property specs stays within a minute; shrinking gets what time is left.
    { numRuns: options.numRuns ?? 30, interruptAfterTimeLimit: 40_000 },
  );
};

/** The data of applied events of `type`, each with its business time. */
export const eventsOf = <T>(events: readonly RecordedEvent[], type: string): (RecordedEvent & { data: T })[] =>
  events.filter((event) => event.type === type) as (RecordedEvent & { data: T })[];

/** Each record's first event of `type` (by the id in its data's `idKey`): the instant it is stored at. */
export const firstStoredInstants = (events: readonly RecordedEvent[], type: string, idKey: string): Map<string, string> => {
  const first = new Map<string, string>();
  for (const event of events) {
    const id = (event.data as Record<string, string>)[idKey];
    if (event.type === type && !first.has(id)) first.set(id, storedInstant(event.metadata.occurredAt));
  }
  return first;
};
