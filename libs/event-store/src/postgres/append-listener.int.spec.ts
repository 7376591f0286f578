// Wake-ups across processes: an append NOTIFYs, a LISTEN connection in another process wakes its subscriptions at
// once instead of at their next poll. Two stores on pools of their own stand in for two processes (the database
// cannot tell them apart); one case starts a real child process. The polls are long here (10 s), so only a
// notification can deliver before them: these are behaviour checks, the latencies are measured in bench/.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { guardConnections } from '#postgres';
import { runTs } from '#test/support/cli-process';
import { newEvent } from '#test/support/events';
import { createTestDatabase, eventually, serverUrl, type TestDatabase } from '#test/support/test-database';
import type { RecordedEvent } from '../event-store.port.js';
import { AppendListener } from './append-listener.js';
import { PostgresEventStore } from './postgres-event-store.js';

/** An idle subscription in these specs looks on its own only this often. */
const POLL_MS = 10_000;
const onServer = serverUrl() !== undefined;
// PGlite is one database inside one process (the data-directory lock keeps a second out): every append there is
// local and wakes its readers directly; NOTIFY is not carried between pglite-socket connections either.
const serverOnly = onServer ? it : it.skip;
const serverOnlyName = (name: string) => (onServer ? name : `${name} (skipped on PGlite: needs a second process)`);

type Arrival = Readonly<{ event: RecordedEvent; at: number }>;

/**
 * A store on a pool of its own, following the log from its head. It notes when its last read came back: with no
 * wake-up, it reads again a poll interval after that (after an empty read or one that found events alike).
 */
const follower = async (db: TestDatabase, pollIntervalMs: number) => {
  const pool = new pg.Pool({ connectionString: db.url, max: 3 });
  guardConnections(pool);
  const store = new PostgresEventStore(pool, { pollIntervalMs });
  let lastReadAt: number | null = null;
  const read = store.readAllBatch.bind(store);
  store.readAllBatch = async (...args) => {
    const events = await read(...args);
    lastReadAt = performance.now();
    return events;
  };
  const head = await store.headPosition();
  const subscription = store.subscribeToAll({ fromPosition: head ?? undefined, filter: { streamCategories: ['wake'] } });
  const arrivals: Arrival[] = [];
  const loop = (async () => {
    for await (const event of subscription) arrivals.push({ event, at: performance.now() });
  })();
  await eventually(() => expect(lastReadAt).not.toBeNull());
  return {
    pool,
    store,
    arrivals,
    /** When its last read came back: with no wake-up, its next look is a poll interval after this. */
    idleSince: () => lastReadAt!,
    arrivalOf: (id: string) => eventually(() => {
      const arrival = arrivals.find((a) => a.event.id === id);
      expect(arrival).toBeDefined();
      return arrival!;
    }, 3 * POLL_MS),
    close: async () => {
      await subscription.close();
      await loop;
      await store.close();
      await pool.end();
    },
  };
};

const listenerFor = (db: TestDatabase, stores: readonly PostgresEventStore[], options: { minBackoffMs?: number } = {}) => {
  const logs: string[] = [];
  const listener = new AppendListener({ connectionString: db.url, logger: (m) => logs.push(m), ...options });
  listener.onAppend((position) => {
    for (const store of stores) store.appendedElsewhere(position);
  });
  return { listener, logs };
};

describe('wake-ups across processes (LISTEN tally_events)', () => {
  let db: TestDatabase;
  let writer: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    await PostgresEventStore.migrate(db.pool);
    writer = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.close());

  const appendOne = async (type: string) => {
    const event = newEvent(type);
    await writer.appendToStream(`wake-${randomUUID()}`, [event]);
    return event;
  };

  it('appendedElsewhere wakes an idle subscription at once, and ignores the echo of its own append', async () => {
    const peer = await follower(db, POLL_MS);
    try {
      // An append through the same store: its NOTIFY echo must not count as news.
      const own = newEvent('OwnAppend');
      const result = await peer.store.appendToStream(`wake-${randomUUID()}`, [own]);
      await peer.arrivalOf(own.id);
      expect(peer.store.appendedElsewhere(result.position.commit.toString())).toBe(false);

      // Appended through another store (another pool); only the hook can wake the follower before its poll.
      const idleSince = peer.idleSince();
      const elsewhere = await appendOne('AppendedElsewhere');
      expect(peer.store.appendedElsewhere(null)).toBe(true);
      const arrival = await peer.arrivalOf(elsewhere.id);
      expect(arrival.at - idleSince).toBeLessThan(POLL_MS);
    } finally {
      await peer.close();
    }
  });

  serverOnly(serverOnlyName('an append through one pool wakes a subscription on another before its poll'), async () => {
    const peer = await follower(db, POLL_MS);
    const { listener } = listenerFor(db, [peer.store]);
    try {
      await listener.start();
      expect(listener.status().listening).toBe(true);
      for (const type of ['FirstWake', 'SecondWake', 'ThirdWake']) {
        const idleSince = peer.idleSince();
        const event = await appendOne(type);
        const arrival = await peer.arrivalOf(event.id);
        // Without the notification it would have come a poll interval after the follower went idle.
        expect(arrival.at - idleSince).toBeLessThan(POLL_MS);
      }
      expect(listener.status().notifications).toBeGreaterThanOrEqual(3);
    } finally {
      await listener.close();
      await peer.close();
    }
  });

  serverOnly(serverOnlyName('a dropped LISTEN connection reconnects; appends meanwhile come by the poll, later ones by a wake-up'), async () => {
    // One follower polls often (the fallback), one hardly ever (only a notification wakes it in time).
    const polling = await follower(db, 300);
    const waiting = await follower(db, POLL_MS);
    // A slow first reconnect (2.5 to 5 s) leaves time to append while nobody listens.
    const { listener, logs } = listenerFor(db, [polling.store, waiting.store], { minBackoffMs: 5_000 });
    try {
      await listener.start();
      const pid = listener.status().backendPid;
      expect(pid).not.toBeNull();
      const { rows } = await db.pool.query<{ done: boolean }>('SELECT pg_terminate_backend($1) AS done', [pid]);
      expect(rows[0].done).toBe(true);
      await eventually(() => expect(listener.status().listening).toBe(false));

      const meanwhile = await appendOne('AppendedWhileAway');
      await polling.arrivalOf(meanwhile.id);
      // The process is still here and listening again; the reconnect wakes everyone once for what it missed.
      await listener.whenListening();
      expect(listener.status()).toMatchObject({ listening: true, connections: 2 });
      expect(listener.status().backendPid).not.toBe(pid);
      expect(logs.some((line) => line.includes('listening again'))).toBe(true);
      await waiting.arrivalOf(meanwhile.id);

      const idleSince = waiting.idleSince();
      const after = await appendOne('AppendedAfterReconnect');
      const arrival = await waiting.arrivalOf(after.id);
      expect(arrival.at - idleSince).toBeLessThan(POLL_MS);
    } finally {
      await listener.close();
      await polling.close();
      await waiting.close();
    }
  });

  serverOnly(serverOnlyName('does not reconnect once what it serves is closed (a crashed process, a dropped database)'), async () => {
    let serving = true;
    const listener = new AppendListener({ connectionString: db.url, minBackoffMs: 10, serving: () => serving });
    try {
      await listener.start();
      const pid = listener.status().backendPid;
      serving = false;
      await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
      await eventually(() => expect(listener.status().listening).toBe(false));
      // Ten times the first back-off: a reconnect would have happened by now.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(listener.status()).toMatchObject({ listening: false, connections: 1 });
    } finally {
      await listener.close();
    }
  });

  serverOnly(serverOnlyName('an append in a child process wakes this process\'s subscription'), async () => {
    // Starting a child takes seconds on a busy machine: here the follower never polls within the spec's lifetime.
    const peer = await follower(db, 600_000);
    const { listener } = listenerFor(db, [peer.store]);
    try {
      await listener.start();
      const helper = path.join(path.dirname(fileURLToPath(import.meta.url)), 'append-from-child.spec-helper.ts');
      const child = spawn(process.execPath, [...runTs, helper, db.url, `wake-${randomUUID()}`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      expect({ code, output }).toMatchObject({ code: 0, output: expect.stringMatching(/^appended \d+ from pid \d+/) });
      const appended = await eventually(() => {
        const found = peer.arrivals.find((a) => a.event.type === 'ChildProcessAppended');
        expect(found).toBeDefined();
        return found!;
      }, 30_000);
      expect((appended.event.data as { pid: number }).pid).toBe(child.pid);
    } finally {
      await listener.close();
      await peer.close();
    }
  });
});
