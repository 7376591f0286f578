// Every spec file gets a database of its own: a fresh in-memory PGlite by default, or a new database on the
// server named by DATABASE_URL (created here, dropped after), so runs never see each other's data.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { PostgresEventStore, type EventStore, type PostgresEventStoreOptions } from '#event-store';
import { openDatabase, type Database } from '#postgres';

export const serverUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

export type TestDatabase = Database & Readonly<{ kind: 'pglite' | 'postgres' }>;

/**
 * A state a spec's database starts from instead of an empty one. On the server it is made once per test run (by the
 * first spec file that asks) and copied (CREATE DATABASE ... TEMPLATE): 0.2 s instead of 0.3-0.4 s to migrate. PGlite
 * ignores it: loading a dump of a migrated database cost as much CPU as migrating the fresh one (1.39 s against 1.34 s).
 */
export type TestDatabaseTemplate = Readonly<{
  /** Names the template within the run (lower case, digits, `_`): one name, one way of preparing it. */
  name: string;
  /** Brings a fresh database to the state the spec's own start-up would: the same idempotent steps, in its order. */
  prepare(db: Database): Promise<void>;
}>;

const templateName = (template: TestDatabaseTemplate): string => {
  if (!/^[a-z0-9_]{1,24}$/.test(template.name)) throw new Error(`bad test database template name: ${template.name}`);
  return template.name;
};

/**
 * The server database to copy for `template` (CREATE DATABASE ... TEMPLATE), made by the first spec file of the run
 * that asks; global-teardown.ts drops it. Undefined outside a jest run (no run id): the spec migrates as before.
 */
const serverTemplate = async (admin: pg.Client, url: string, template: TestDatabaseTemplate | undefined): Promise<string | undefined> => {
  const run = process.env.TALLY_TEST_RUN_ID;
  if (!template || !run) return undefined;
  const name = `tally_tmpl_${run}_${templateName(template)}`;
  // Held across the check and the making: a second worker waits, then finds it made.
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return name;
    await admin.query(`DROP DATABASE IF EXISTS ${name}_new WITH (FORCE)`); // left by a worker that died making it
    await admin.query(`CREATE DATABASE ${name}_new`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}_new`;
    const db = await openDatabase({ kind: 'server', url: dbUrl.toString(), maxConnections: 1 });
    try {
      await template.prepare(db);
    } finally {
      await db.close();
    }
    // Renamed when whole: a run stopped halfway leaves no half-made template behind the name.
    await admin.query(`ALTER DATABASE ${name}_new RENAME TO ${name}`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  }
};

export const createTestDatabase = async (
  kind: 'pglite' | 'postgres' = serverUrl() ? 'postgres' : 'pglite',
  maxConnections?: number,
  /** Start from this state instead of an empty database (the steps the spec would run first anyway). */
  template?: TestDatabaseTemplate,
): Promise<TestDatabase> => {
  if (kind === 'pglite') {
    const templateFile = process.env.TALLY_TEST_PGLITE_TEMPLATE;
    const fresh = templateFile ? new Blob([await readFile(templateFile)]) : undefined;
    const db = await openDatabase({ kind: 'embedded', dataDir: null, maxConnections, template: fresh });
    return { ...db, kind };
  }
  const url = serverUrl();
  if (!url) throw new Error('DATABASE_URL is not set');
  const name = `tally_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const source = await serverTemplate(admin, url, template);
    await admin.query(`CREATE DATABASE ${name}${source ? ` TEMPLATE ${source}` : ''}`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'server', url: dbUrl.toString(), maxConnections: maxConnections ?? 30 });
  return {
    ...db,
    kind,
    close: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
};

/**
 * A database for a spec whose requests race: pglite-socket interleaves extended-protocol messages of concurrent
 * connections (electric-sql/pglite#1046), so on PGlite the api gets one connection; on the server (undefined: the
 * app opens its own) a real pool.
 */
export const raceSafeDatabase = async (): Promise<TestDatabase | undefined> => (serverUrl() ? undefined : createTestDatabase('pglite', 1));

export type TestStore = Readonly<{ db: TestDatabase; store: PostgresEventStore; close(): Promise<void> }>;

/** The event log's tables. */
export const eventStoreTemplate: TestDatabaseTemplate = {
  name: 'event_store',
  prepare: async (db) => {
    await PostgresEventStore.migrate(db.pool);
  },
};

/** A database of the spec file's own with the event log's tables, and a store on it; close closes both. */
export const openTestStore = async (
  options: Readonly<{ kind?: TestDatabase['kind']; maxConnections?: number; store?: PostgresEventStoreOptions }> = {},
): Promise<TestStore> => {
  const db = await createTestDatabase(options.kind, options.maxConnections, eventStoreTemplate);
  await PostgresEventStore.migrate(db.pool);
  const store = new PostgresEventStore(db.pool, options.store);
  return {
    db,
    store,
    close: async () => {
      await store.close();
      await db.close();
    },
  };
};

/**
 * `inner` as the EventStore port alone (none of what an adapter adds, such as a multi-stream append), every method
 * passed through unless `overrides` replaces it: a spec's way to hold, fail or count one kind of call.
 */
export const storePort = (inner: EventStore, overrides: Partial<EventStore> = {}): EventStore => ({
  appendToStream: (streamName, events, options) => inner.appendToStream(streamName, events, options),
  readStream: (streamName, options) => inner.readStream(streamName, options),
  readAll: (options) => inner.readAll(options),
  subscribeToAll: (options) => inner.subscribeToAll(options),
  headPosition: () => inner.headPosition(),
  close: () => inner.close(),
  ...overrides,
});

/** Opens a resource before a describe block's tests and closes it after them; the answer reads it inside a test. */
export const openForSuite = <T extends Readonly<{ close(): Promise<void> }>>(open: () => Promise<T>): (() => T) => {
  let resource: T | undefined;
  beforeAll(async () => {
    resource = await open();
  });
  afterAll(() => resource?.close());
  return () => {
    if (!resource) throw new Error('a suite resource is open inside its tests only');
    return resource;
  };
};

/** A promise a spec settles by hand: to hold a fake store's call until the spec has done its part. */
export const deferred = (): { promise: Promise<void>; resolve: () => void } => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

/** Polls `probe` until it returns without throwing; for waiting on asynchronous projections, never a sleep. */
export const eventually = async <T>(probe: () => Promise<T> | T, timeoutMs = 10_000, everyMs = 20): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
};
