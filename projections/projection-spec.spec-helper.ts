// Projection persistence as a specification, in the shape of emmett's postgresProjectionSpec: given events (plain
// { type, data, metadata } in named streams), when more events are applied (once, or again as after a lost
// checkpoint), then exactly these rows are in the read model's tables. Events go through the real store (ids,
// positions, upcasting) and the definition's own filter and apply, one transaction per batch as the engine applies
// a page, on a database of the spec file's own: PGlite, or the server when DATABASE_URL is set.
import type pg from 'pg';
import { eventCatalog } from '#domain/catalog';
import { EventValidator } from '#domain/catalog';
import type { ContactCreated } from '#domain/contact';
import type { DealCreated } from '#domain/deal';
import type { PipelineCreated, PipelineObjectType, PipelineStageData } from '#domain/pipeline';
import { matchesFilter, type EventFilter, type NewEvent, type Position, type RecordedEvent } from '#event-store';
import { readPage } from '#projection-engine';
import { ProjectionEngine, type BuildStatus, type ProjectionDefinition, type ProjectionTables } from '#projection-engine';
import { inTransaction } from '#postgres';
import { contactCreatedData, dealCreatedData } from '#test/support/events';
import { eventually, openForSuite, openTestStore, type TestDatabase } from '#test/support/test-database';

/** An event as a spec writes it; metadata left out gets a fixed business time and the catalog's schema version. */
export type SpecEvent = Readonly<{ type: string; data: unknown; metadata?: Partial<NewEvent['metadata']> }>;

export type StreamEvent = readonly [stream: string, event: NewEvent];

const validator = new EventValidator(eventCatalog);

/** `events` in `stream`, in order; data the catalog's schema refuses fails the spec (no writer could store it). */
export const inStream = (stream: string, ...events: readonly SpecEvent[]): StreamEvent[] =>
  events.map(({ type, data, metadata }) => {
    const validation = validator.validate(type, data);
    if (!validation.valid) throw new Error(`${type} in ${stream} is not valid: ${validation.errors.join('; ')}`);
    const event: NewEvent = {
      id: crypto.randomUUID(),
      type,
      data,
      metadata: {
        occurredAt: '2026-01-15T10:00:00.000Z',
        actor: 'spec',
        correlationId: crypto.randomUUID(),
        causationId: null,
        schemaVersion: eventCatalog.schemaVersionOf(type),
        source: 'test',
        ...metadata,
      },
    };
    return [stream, event] as const;
  });

// The records most specs start from, complete as their writers store them; a spec overrides what it is about.
export const contactCreated = (contactId: string, occurredAt: string, data: Partial<ContactCreated['data']> = {}): SpecEvent => ({
  type: 'ContactCreated',
  data: contactCreatedData(contactId, data),
  metadata: { occurredAt },
});

/** A pipeline of `stages` (id, and 'won'/'lost' for a closed stage), 3 days to stuck in each open one. */
export const pipelineCreated = (
  pipelineId: string,
  objectType: PipelineObjectType,
  stages: readonly (readonly [id: string, closed?: PipelineStageData['closed']])[],
  occurredAt = '2026-01-01T00:00:00.000Z',
): SpecEvent => ({
  type: 'PipelineCreated',
  data: {
    pipelineId,
    objectType,
    name: `Pipeline ${pipelineId}`,
    stages: stages.map(([id, closed = null], index) => ({
      id,
      label: id,
      probability: closed === 'won' ? 1 : closed === 'lost' ? 0 : (index + 1) / (stages.length + 1),
      closed,
      stuckAfterDays: closed ? null : 3,
    })),
  } satisfies PipelineCreated['data'],
  metadata: { occurredAt },
});

export const dealCreated = (dealId: string, occurredAt: string, data: Partial<DealCreated['data']> & Pick<DealCreated['data'], 'pipelineId' | 'stageId'>): SpecEvent => ({
  type: 'DealCreated',
  data: dealCreatedData(dealId, data),
  metadata: { occurredAt },
});

/** A store on a database of its own, and the two steps of the engine a projection spec needs. */
export type ProjectionBed = Readonly<{
  db: TestDatabase;
  /** Appends `events` one by one; answers them as recorded, those `filter` lets through, as the engine reads them. */
  append(events: readonly StreamEvent[], filter?: EventFilter): Promise<RecordedEvent[]>;
  /** Applies one batch in one transaction, as the engine applies a page (a park is this throwing). */
  apply(definition: ProjectionDefinition, events: readonly RecordedEvent[], table: ProjectionTables['table']): Promise<void>;
  close(): Promise<void>;
}>;

export const openProjectionBed = async (): Promise<ProjectionBed> => {
  const { db, store } = await openTestStore();
  let head: Position | null = null;
  return {
    db,
    close: () => db.close(),
    append: async (events, filter) => {
      const from = head;
      for (const [stream, event] of events) head = (await store.appendToStream(stream, [event])).position;
      // On a server, readers see only what lies below the oldest open transaction (other spec files' too): wait
      // until every appended event is readable, as the engine would, then keep what the filter lets through.
      const read = await eventually(async () => {
        const page = events.length === 0 ? [] : await readPage(store, from, events.length);
        if (page.length < events.length) throw new Error(`${page.length} of ${events.length} appended events readable`);
        return page;
      });
      return read.filter((event) => matchesFilter(event, filter));
    },
    apply: (definition, events, table) =>
      inTransaction(db.pool, (tx) => definition.apply(events, { tx, table, params: definition.defaultParams?.() ?? {} })),
  };
};

type Row = Readonly<Record<string, unknown>>;

export type ProjectionThen = Readonly<{
  /** Runs `sql` (naming the read model's base tables) and expects exactly `rows`, in order. */
  then(sql: string, rows: readonly Row[]): Promise<void>;
}>;

export type ProjectionWhen = ProjectionThen &
  Readonly<{
    /**
     * One more batch. `times: 2` applies the same recorded events again in a second transaction, as a build would
     * after losing its checkpoint: same ids, same positions.
     */
    when(events: readonly StreamEvent[], options?: Readonly<{ times?: number }>): ProjectionWhen;
  }>;

export type ProjectionSpec = Readonly<{
  /** The history before: applied as one batch. */
  given(events: readonly StreamEvent[]): ProjectionWhen;
  close(): Promise<void>;
}>;

type Batch = Readonly<{ events: readonly StreamEvent[]; times: number }>;

/**
 * A spec of `definition`'s persistence on one database; each `then` applies its batches to freshly created tables
 * named by their base names (what readers query through the active build's views).
 */
export const openProjectionSpec = async (definition: ProjectionDefinition): Promise<ProjectionSpec> => {
  const bed = await openProjectionBed();
  const table = (base: string) => base;
  const run = async (batches: readonly Batch[]): Promise<pg.Pool> => {
    await bed.db.pool.query(`DROP TABLE IF EXISTS ${definition.tables.join(', ')} CASCADE`);
    await bed.db.pool.query(definition.createTables({ table }));
    for (const { events, times } of batches) {
      // Each run appends its own copy (the store takes an id once), so cases may share a constant history.
      const copies = events.map(([stream, event]): StreamEvent => [stream, { ...event, id: crypto.randomUUID() }]);
      const recorded = await bed.append(copies, definition.filter);
      for (let time = 0; time < times; time++) await bed.apply(definition, recorded, table);
    }
    return bed.db.pool;
  };
  const chain = (batches: readonly Batch[]): ProjectionWhen => ({
    when: (events, options) => chain([...batches, { events, times: options?.times ?? 1 }]),
    then: async (sql, rows) => {
      const pool = await run(batches);
      expect((await pool.query(sql)).rows).toEqual(rows);
    },
  });
  return { given: (events) => chain([{ events, times: 1 }]), close: bed.close };
};

/** The spec of `definition` for a describe block: opened before its tests, closed after them. */
export const useProjectionSpec = (definition: ProjectionDefinition): Pick<ProjectionSpec, 'given'> => {
  const spec = openForSuite(() => openProjectionSpec(definition));
  return { given: (events) => spec().given(events) };
};

/**
 * Runs `definition` in a real engine over `events` on a database of its own; `inspect` reads its tables (through
 * the stable views) before the database closes. Returns the build's status when it caught up or parked.
 */
export const runEngine = async (
  definition: ProjectionDefinition,
  events: readonly StreamEvent[],
  inspect: (pool: pg.Pool) => Promise<void> = async () => undefined,
): Promise<BuildStatus> => {
  const { db, store } = await openTestStore();
  try {
    let last: Position | null = null;
    for (const [stream, event] of events) last = (await store.appendToStream(stream, [event])).position;
    const engine = new ProjectionEngine(store, db.pool, [definition], { pollIntervalMs: 10 });
    await engine.start();
    try {
      const build = await eventually(async () => {
        const [status] = await engine.status(definition.name);
        const caughtUp = status.position !== null && last !== null && BigInt(status.position) >= last.commit;
        if (!status.parked && !caughtUp) throw new Error(`${definition.name} is at ${status.position}`);
        return status;
      }, 20_000);
      await inspect(db.pool);
      return build;
    } finally {
      await engine.stop();
    }
  } finally {
    await db.close();
  }
};
