// Composition root shared by the api, the projector and the CLI: one database for read models (and, by default,
// the event log), one event store behind the port, and the projection engine over both.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiKeys } from '#auth';
import { UpcastingEventStore } from '#application';
import type { TallyConfig } from '#config';
import { eventCatalog } from '#domain/catalog';
import { AppendListener, PostgresEventStore, type EventStore, type EventSubscription } from '#event-store';
import { openDatabase, type Database } from '#postgres';
import { DataKeyStore, EncryptingEventStore, LocalMasterKey, MasterKeyRing, parseMasterKey } from '#privacy';
import { ProjectionEngine, type ProjectionDefinition, type ProjectionEngineOptions } from '#projection-engine';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';

export type Runtime = Readonly<{
  config: TallyConfig;
  db: Database;
  /**
   * The store as every reader should see it: personal values decrypted (or redacted once erased), then events lifted
   * to their current schema version. Its `inner` is the EncryptingEventStore; code reading stored rows past the port
   * opens them with `encryption.reveal`.
   */
  eventStore: UpcastingEventStore;
  encryption: EncryptingEventStore;
  /** The per-contact data keys: `destroy(contactId)` erases a contact's personal data from every stored event. */
  dataKeys: DataKeyStore;
  projections: ProjectionEngine;
  apiKeys: ApiKeys;
  /** Held while this process owns the embedded data directory; null on a database server or a given database. */
  dataDirLock: DataDirLock | null;
  /**
   * Appends made by other processes (NOTIFY on a PostgreSQL server, a subscription on EventStoreDB). The store's
   * subscriptions and the projections are woken here already; workers that wait on their own poll (the webhook
   * worker, the workflow runner) register with `listen`.
   */
  appendsElsewhere: AppendsElsewhere;
  close(): Promise<void>;
}>;

export type AppendsElsewhere = Readonly<{
  /**
   * How other processes' appends are learnt: NOTIFY (a PostgreSQL server), a subscription from the head
   * (EventStoreDB pushes), or only the readers' polls (PGlite, where there is no other process; TALLY_LISTEN=off).
   */
  source: 'notify' | 'subscription' | 'poll';
  /** The LISTEN connection when the source is NOTIFY. */
  listener: AppendListener | null;
  listen(wake: () => void): () => void;
}>;

export type RuntimeOptions = Readonly<{
  database?: Database;
  engine?: Omit<ProjectionEngineOptions, 'countEventsAfter'>;
  /** Tests pass their own pepper instead of a file. */
  authPepper?: Buffer;
  /** Tests and benchmarks pass their own master key instead of TALLY_MASTER_KEY or a file. */
  masterKey?: Buffer;
  /** LISTEN for other processes' appends; by default TALLY_LISTEN (on unless `off`). */
  listen?: boolean;
  logger?: (message: string) => void;
}>;

/** TALLY_LISTEN: `on` (the default) or `off`, for measuring the poll alone. */
export const listenSetting = (env: NodeJS.ProcessEnv = process.env): boolean => {
  const value = (env.TALLY_LISTEN ?? 'on').trim().toLowerCase();
  if (value !== 'on' && value !== 'off') throw new Error(`TALLY_LISTEN=${env.TALLY_LISTEN} is not on or off`);
  return value === 'on';
};

/**
 * EventStoreDB pushes every append to its subscriptions: one from the head wakes what polls in this process (the
 * projections, the workers). The store's own subscriptions (SSE) are pushed to already.
 */
export const wakeOnPushedAppends = (
  store: EventStore,
  wake: () => void,
  logger: (message: string) => void,
  retryMs = 1_000,
): { close(): Promise<void> } => {
  const stopping = new AbortController();
  let subscription: EventSubscription | null = null;
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        const head = await store.headPosition();
        subscription = store.subscribeToAll({ fromPosition: head ?? undefined });
        if (stopping.signal.aborted) await subscription.close();
        for await (const _event of subscription) wake();
      } catch (error) {
        if (stopping.signal.aborted) return;
        // The readers still poll: this only delays wake-ups.
        logger(`append subscription: ${error instanceof Error ? error.message : String(error)}; subscribing again`);
      }
      await delay(retryMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  })();
  return {
    close: async () => {
      stopping.abort();
      await subscription?.close();
      await loop;
    },
  };
};

/**
 * Wake-ups from other processes' appends. Only a database server has other processes: PGlite lives inside one (the
 * data-directory lock), where every append is local and wakes its readers directly.
 */
const listenForAppends = async (
  store: EventStore,
  db: Database,
  projections: ProjectionEngine,
  options: RuntimeOptions,
): Promise<{ appends: AppendsElsewhere; close(): Promise<void> }> => {
  const wakes = new Set<() => void>();
  const listen = (wake: () => void) => {
    wakes.add(wake);
    return () => void wakes.delete(wake);
  };
  const enabled = options.listen ?? listenSetting();
  const logger = options.logger ?? (() => undefined);
  if (enabled && !(store instanceof PostgresEventStore)) {
    const pushed = wakeOnPushedAppends(
      store,
      () => {
        projections.poke();
        for (const wake of wakes) wake();
      },
      logger,
    );
    return { appends: { source: 'subscription', listener: null, listen }, close: () => pushed.close() };
  }
  if (!(store instanceof PostgresEventStore) || db.embedded || !enabled) {
    return { appends: { source: 'poll', listener: null, listen }, close: async () => undefined };
  }
  const listener = new AppendListener({ connectionString: db.url, logger, serving: () => !db.pool.ending && !db.pool.ended });
  listener.onAppend((position) => {
    if (!store.appendedElsewhere(position)) return;
    projections.poke();
    for (const wake of wakes) wake();
  });
  await listener.start();
  return { appends: { source: 'notify', listener, listen }, close: () => listener.close() };
};

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

// A database handed in (a spec's or a benchmark's) has no data directory of its own: one key per process lets an
// app restarted over it in the same process, or a child process, read what it sealed.
const processMasterKey = randomBytes(32);

/**
 * The master key: TALLY_MASTER_KEY, else the data directory's `master-key` file, made once (mode 600) as the pepper
 * is. Processes sharing a server database must share the key: a foreign one is refused when a data key is unwrapped.
 */
const masterKeys = async (config: TallyConfig, options: RuntimeOptions): Promise<MasterKeyRing> => {
  const previous = config.masterKeyPrevious.map((text) => new LocalMasterKey(parseMasterKey(text)!));
  if (options.masterKey) return new MasterKeyRing(new LocalMasterKey(options.masterKey), previous);
  if (config.masterKey) return new MasterKeyRing(new LocalMasterKey(parseMasterKey(config.masterKey)!), previous);
  if (options.database) {
    // Processes a spec or benchmark starts over the same database (a projector child) inherit it with the environment.
    process.env.TALLY_MASTER_KEY = processMasterKey.toString('base64');
    return new MasterKeyRing(new LocalMasterKey(processMasterKey), previous);
  }
  const file = path.join(config.dataDir, 'master-key');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const key = parseMasterKey(await readFile(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a base64 32-byte master key`);
  return new MasterKeyRing(new LocalMasterKey(key), previous);
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
  await DataKeyStore.migrate(opened.pool);
  const dataKeys = new DataKeyStore(opened.pool, await masterKeys(config, options));
  // Master-key rotation: keys still wrapped by a previous master key move to the current one (none: one query).
  const rewrapped = await dataKeys.rewrap();
  if (rewrapped > 0) options.logger?.(`re-wrapped ${rewrapped} data keys under the current master key`);
  // Decrypted below the upcasters: an upcaster may read a personal field (ContactCreated v1's name).
  const encryption = new EncryptingEventStore(raw, dataKeys);
  const eventStore = new UpcastingEventStore(encryption, eventCatalog);
  await ProjectionEngine.migrate(opened.pool);
  const projections = new ProjectionEngine(eventStore, opened.pool, readModels, {
    // A rebuild asked for through the api or the CLI is split as the projectors' are.
    partitions: config.projectionPartitions,
    ...options.engine,
    countEventsAfter: raw instanceof PostgresEventStore ? (after, filter) => raw.countAfter(after, filter) : undefined,
  });
  await ApiKeys.migrate(opened.pool);
  const apiKeys = new ApiKeys(opened.pool, options.authPepper ?? (await authPepper(config)));
  const listening = await listenForAppends(raw, opened, projections, options);
  return {
    config,
    db: opened,
    eventStore,
    encryption,
    dataKeys,
    projections,
    apiKeys,
    dataDirLock,
    appendsElsewhere: listening.appends,
    close: async () => {
      try {
        await listening.close();
        await projections.stop();
        await eventStore.close();
        await opened.close();
      } finally {
        await dataDirLock?.release();
      }
    },
  };
};
