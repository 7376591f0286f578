// Every spec file gets a database of its own: a fresh in-memory PGlite by default, or a new database on the
// server named by DATABASE_URL (created here, dropped after), so runs never see each other's data.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { PostgresEventStore, type PostgresEventStoreOptions } from '#event-store';
import { openDatabase, type Database } from '#postgres';

export const serverUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

export type TestDatabase = Database & Readonly<{ kind: 'pglite' | 'postgres' }>;

export const createTestDatabase = async (
  kind: 'pglite' | 'postgres' = serverUrl() ? 'postgres' : 'pglite',
  maxConnections?: number,
): Promise<TestDatabase> => {
  if (kind === 'pglite') {
    const templateFile = process.env.TALLY_TEST_PGLITE_TEMPLATE;
    const template = templateFile ? new Blob([await readFile(templateFile)]) : undefined;
    const db = await openDatabase({ kind: 'embedded', dataDir: null, maxConnections, template });
    return { ...db, kind };
  }
  const url = serverUrl();
  if (!url) throw new Error('DATABASE_URL is not set');
  const name = `tally_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
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

/** A database of the spec file's own with the event log's tables, and a store on it; close closes both. */
export const openTestStore = async (
  options: Readonly<{ kind?: TestDatabase['kind']; maxConnections?: number; store?: PostgresEventStoreOptions }> = {},
): Promise<TestStore> => {
  const db = await createTestDatabase(options.kind, options.maxConnections);
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
