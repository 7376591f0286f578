import { openTestStore, serverUrl } from '#test/support/test-database';
import { eventStoreContract } from './event-store.contract.js';

const openOn = (kind: 'pglite' | 'postgres') => () => openTestStore({ kind, store: { batchSize: 100 } });

eventStoreContract('PostgreSQL adapter on PGlite', openOn('pglite'));

if (serverUrl()) eventStoreContract('PostgreSQL adapter on a PostgreSQL server', openOn('postgres'));
