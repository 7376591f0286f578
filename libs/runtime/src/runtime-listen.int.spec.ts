// The runtime's wiring of cross-process wake-ups: on a PostgreSQL server it LISTENs and an append made elsewhere
// pokes the projections and whoever registered with appendsElsewhere (the webhook worker, the workflow runner); on
// PGlite, where every append is local, and with TALLY_LISTEN=off, it opens no listener and readers poll.
import { randomUUID } from 'node:crypto';
import { loadConfig } from '#config';
import { PostgresEventStore } from '#event-store';
import { newEvent } from '#test/support/events';
import { createTestDatabase, eventually, serverUrl, type TestDatabase } from '#test/support/test-database';
import { openRuntime } from './runtime.js';

const onServer = serverUrl() !== undefined;

describe('runtime wake-ups from other processes', () => {
  let db: TestDatabase;
  let elsewhere: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    await PostgresEventStore.migrate(db.pool);
    // Appends through a store of its own: the runtime's store has no part in them, as in another process.
    elsewhere = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.close());

  const open = (listen: boolean) =>
    openRuntime(loadConfig({ TALLY_RATE_LIMIT: '1000000' }), [], {
      // The spec's database outlives each runtime.
      database: { ...db, close: async () => undefined },
      authPepper: Buffer.alloc(32, 7),
      listen,
    });

  it(onServer ? 'listens on a server; an append elsewhere pokes the projections and registered workers' : 'does not listen on PGlite (every append is local there)', async () => {
    const runtime = await open(true);
    try {
      const { listener, source } = runtime.appendsElsewhere;
      if (!onServer) {
        expect({ listener, source }).toEqual({ listener: null, source: 'poll' });
        return;
      }
      expect(source).toBe('notify');
      await listener!.whenListening();
      let woken = 0;
      const stop = runtime.appendsElsewhere.listen(() => woken++);
      let poked = 0;
      const poke = runtime.projections.poke.bind(runtime.projections);
      runtime.projections.poke = () => {
        poked++;
        poke();
      };
      await elsewhere.appendToStream(`wake-${randomUUID()}`, [newEvent('RuntimeWake')]);
      await eventually(() => expect(woken).toBeGreaterThanOrEqual(1));
      expect(poked).toBeGreaterThanOrEqual(1);
      stop();
    } finally {
      await runtime.close();
    }
  });

  it('TALLY_LISTEN=off opens no listener', async () => {
    const runtime = await open(false);
    try {
      expect(runtime.appendsElsewhere).toMatchObject({ listener: null, source: 'poll' });
    } finally {
      await runtime.close();
    }
  });
});
