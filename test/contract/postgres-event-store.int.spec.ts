import { PostgresEventStore } from '../../libs/event-store/src/index.js';
import { createTestDatabase, serverUrl } from '../support/test-database.js';
import { eventStoreContract } from './event-store.contract.js';

const openOn = (kind: 'pglite' | 'postgres') => async () => {
  const db = await createTestDatabase(kind);
  await PostgresEventStore.migrate(db.pool);
  const store = new PostgresEventStore(db.pool, { batchSize: 100 });
  return {
    store,
    close: async () => {
      await store.close();
      await db.close();
    },
  };
};

eventStoreContract('PostgreSQL adapter on PGlite', openOn('pglite'));

if (serverUrl()) eventStoreContract('PostgreSQL adapter on a PostgreSQL server', openOn('postgres'));
