// Composition root shared by the api, the projector and the CLI: one database for read models (and, by default,
// the event log), one event store behind the port.
import { mkdir } from 'node:fs/promises';
import type { TallyConfig } from '../../config/src/index.js';
import { PostgresEventStore, type EventStore } from '../../event-store/src/index.js';
import { openDatabase, type Database } from '../../postgres/src/index.js';

export type Runtime = Readonly<{
  config: TallyConfig;
  db: Database;
  eventStore: EventStore;
  close(): Promise<void>;
}>;

const openEventStore = async (config: TallyConfig, db: Database): Promise<EventStore> => {
  if (config.eventStore === 'eventstoredb') {
    const { EventStoreDBEventStore } = await import('../../event-store/src/eventstoredb/index.js');
    return EventStoreDBEventStore.fromConnectionString(config.eventStoreUrl!);
  }
  await PostgresEventStore.migrate(db.pool);
  return new PostgresEventStore(db.pool);
};

export const openRuntime = async (config: TallyConfig, database?: Database): Promise<Runtime> => {
  let db = database;
  if (!db) {
    if (config.databaseUrl) {
      db = await openDatabase({ kind: 'server', url: config.databaseUrl });
    } else {
      await mkdir(config.dataDir, { recursive: true });
      db = await openDatabase({ kind: 'embedded', dataDir: config.dataDir });
    }
  }
  const opened = db;
  const eventStore = await openEventStore(config, opened);
  return {
    config,
    db: opened,
    eventStore,
    close: async () => {
      await eventStore.close();
      await opened.close();
    },
  };
};
