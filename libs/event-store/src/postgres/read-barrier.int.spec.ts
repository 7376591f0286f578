// The read barrier on a shared server: a transaction left open in another database does not hold back this
// database's readers, while one open in this database does (it may be an append that commits late). Needs a second
// database on the same cluster, so it runs on the PostgreSQL server only.
import pg from 'pg';
import { collect, newEvent } from '#test/support/events';
import { eventually, openTestStore, serverUrl, type TestDatabase } from '#test/support/test-database';
import { comparePositions } from '../position.js';
import type { PostgresEventStore } from './postgres-event-store.js';

/** A transaction that has taken a transaction id and stays open until `end`. */
const openTransaction = async (connectionString: string) => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_current_xact_id()');
  return { end: async () => (await client.query('COMMIT'), await client.end()) };
};

(serverUrl() ? describe : describe.skip)('the read barrier on a shared PostgreSQL server', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;
  let thisDatabase: string;
  beforeAll(async () => {
    ({ db, store, close } = await openTestStore({ kind: 'postgres' }));
    const { rows } = await db.pool.query<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(serverUrl()!);
    url.pathname = `/${rows[0].name}`;
    thisDatabase = url.toString();
  });
  afterAll(() => close());

  const readable = async (id: string) => (await collect(store.readAll())).some((event) => event.id === id);

  it('reads past a transaction that another database keeps open', async () => {
    // DATABASE_URL names the database the test databases are created from: another database of the same cluster.
    const elsewhere = await openTransaction(serverUrl()!);
    try {
      const event = newEvent('ReadBarrierProbed');
      const { position } = await store.appendToStream(`barrier-${event.id}`, [event]);
      await eventually(async () => expect(await readable(event.id)).toBe(true), 3_000);
      expect(comparePositions((await store.headPosition())!, position)).toBeGreaterThanOrEqual(0);
    } finally {
      await elsewhere.end();
    }
  });

  it('waits for a transaction that this database keeps open, then reads on', async () => {
    const here = await openTransaction(thisDatabase);
    const event = newEvent('ReadBarrierProbed');
    try {
      await store.appendToStream(`barrier-${event.id}`, [event]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await readable(event.id)).toBe(false);
    } finally {
      await here.end();
    }
    await eventually(async () => expect(await readable(event.id)).toBe(true), 3_000);
  });
});
