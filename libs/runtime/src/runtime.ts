// Composition root shared by the api, the projector and the CLI: one database for read models (and, by default,
// the event log), one event store behind the port, and the projection engine over both.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiKeys } from '#auth';
import { UpcastingEventStore } from '#application';
import type { TallyConfig } from '#config';
import { eventCatalog } from '#domain/catalog';
import { PostgresEventStore, type EventStore } from '#event-store';
import { openDatabase, type Database } from '#postgres';
import { ProjectionEngine, type ProjectionDefinition, type ProjectionEngineOptions } from '#projection-engine';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';

export type Runtime = Readonly<{
  config: TallyConfig;
  db: Database;
  /** The store as every reader should see it: events lifted to their current schema version. */
  eventStore: UpcastingEventStore;
  projections: ProjectionEngine;
  apiKeys: ApiKeys;
  /** Held while this process owns the embedded data directory; null on a database server or a given database. */
  dataDirLock: DataDirLock | null;
  close(): Promise<void>;
}>;

export type RuntimeOptions = Readonly<{
  database?: Database;
  engine?: Omit<ProjectionEngineOptions, 'countEventsAfter'>;
  /** Tests pass their own pepper instead of a file. */
  authPepper?: Buffer;
}>;

/** The api-key pepper: from TALLY_AUTH_PEPPER, else a file in the data directory created once, mode 600. */
const authPepper = async (config: TallyConfig): Promise<Buffer> => {
  if (config.authPepper) return Buffer.from(config.authPepper);
  const file = path.join(config.dataDir, 'auth-pepper');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(config.dataDir, { recursive: true });
  const pepper = randomBytes(32);
  await writeFile(file, pepper.toString('base64url'), { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
};

const openEventStore = async (config: TallyConfig, db: Database): Promise<EventStore> => {
  if (config.eventStore === 'eventstoredb') {
    const { EventStoreDBEventStore } = await import('#event-store/eventstoredb');
    return EventStoreDBEventStore.fromConnectionString(config.eventStoreUrl!);
  }
  await PostgresEventStore.migrate(db.pool);
  return new PostgresEventStore(db.pool);
};

/** The read models come from the composition root (apps/, tests, benchmarks): libs never reach up to projections/. */
export const openRuntime = async (
  config: TallyConfig,
  readModels: readonly ProjectionDefinition[],
  options: RuntimeOptions = {},
): Promise<Runtime> => {
  let db = options.database;
  let dataDirLock: DataDirLock | null = null;
  if (!db) {
    if (config.databaseUrl) {
      db = await openDatabase({ kind: 'server', url: config.databaseUrl });
    } else {
      // Before PGlite touches pgdata: a second PGlite on the same files corrupts them.
      dataDirLock = await lockDataDir(config.dataDir);
      try {
        // The database files get a folder of their own: the data directory also holds the key files.
        const pgdata = path.join(config.dataDir, 'pgdata');
        await mkdir(pgdata, { recursive: true });
        db = await openDatabase({ kind: 'embedded', dataDir: pgdata });
      } catch (error) {
        await dataDirLock.release();
        throw error;
      }
    }
  }
  const opened = db;
  const raw = await openEventStore(config, opened);
  const eventStore = new UpcastingEventStore(raw, eventCatalog);
  await ProjectionEngine.migrate(opened.pool);
  const projections = new ProjectionEngine(eventStore, opened.pool, readModels, {
    ...options.engine,
    countEventsAfter: raw instanceof PostgresEventStore ? (after, filter) => raw.countAfter(after, filter) : undefined,
  });
  await ApiKeys.migrate(opened.pool);
  const apiKeys = new ApiKeys(opened.pool, options.authPepper ?? (await authPepper(config)));
  return {
    config,
    db: opened,
    eventStore,
    projections,
    apiKeys,
    dataDirLock,
    close: async () => {
      try {
        await projections.stop();
        await eventStore.close();
        await opened.close();
      } finally {
        await dataDirLock?.release();
      }
    },
  };
};
