// Composition root shared by the api, the projector and the CLI: one database for read models (and, by default,
// the event log), one event store behind the port, and the projection engine over both.
import { mkdir } from 'node:fs/promises';
import { UpcastingEventStore } from '../../application/src/index.js';
import type { TallyConfig } from '../../config/src/index.js';
import { eventCatalog } from '../../domain/src/catalog/event-catalog.js';
import { PostgresEventStore, type EventStore } from '../../event-store/src/index.js';
import { openDatabase, type Database } from '../../postgres/src/index.js';
import { ProjectionEngine, type ProjectionDefinition, type ProjectionEngineOptions } from '../../projection-engine/src/index.js';
import { ALL_PROJECTIONS } from '../../../projections/index.js';

export type Runtime = Readonly<{
  config: TallyConfig;
  db: Database;
  /** The store as every reader should see it: events lifted to their current schema version. */
  eventStore: UpcastingEventStore;
  projections: ProjectionEngine;
  close(): Promise<void>;
}>;

export type RuntimeOptions = Readonly<{
  database?: Database;
  projections?: readonly ProjectionDefinition[];
  engine?: Omit<ProjectionEngineOptions, 'countEventsAfter'>;
}>;

const openEventStore = async (config: TallyConfig, db: Database): Promise<EventStore> => {
  if (config.eventStore === 'eventstoredb') {
    const { EventStoreDBEventStore } = await import('../../event-store/src/eventstoredb/index.js');
    return EventStoreDBEventStore.fromConnectionString(config.eventStoreUrl!);
  }
  await PostgresEventStore.migrate(db.pool);
  return new PostgresEventStore(db.pool);
};

export const openRuntime = async (config: TallyConfig, options: RuntimeOptions = {}): Promise<Runtime> => {
  let db = options.database;
  if (!db) {
    if (config.databaseUrl) {
      db = await openDatabase({ kind: 'server', url: config.databaseUrl });
    } else {
      await mkdir(config.dataDir, { recursive: true });
      db = await openDatabase({ kind: 'embedded', dataDir: config.dataDir });
    }
  }
  const opened = db;
  const raw = await openEventStore(config, opened);
  const eventStore = new UpcastingEventStore(raw, eventCatalog);
  await ProjectionEngine.migrate(opened.pool);
  const projections = new ProjectionEngine(eventStore, opened.pool, options.projections ?? ALL_PROJECTIONS, {
    ...options.engine,
    countEventsAfter: raw instanceof PostgresEventStore ? (after, filter) => raw.countAfter(after, filter) : undefined,
  });
  return {
    config,
    db: opened,
    eventStore,
    projections,
    close: async () => {
      await projections.stop();
      await eventStore.close();
      await opened.close();
    },
  };
};
