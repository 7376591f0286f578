// Two delivery workers on one database, as two api processes would run: a lease per subscription lets only one
// deliver, the other takes over when that one dies, and a worker that lost its lease cannot move the position.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { collect, newEvent } from '#test/support/events';
import { eventually, openTestStore, type TestDatabase } from '#test/support/test-database';
import { position, PostgresEventStore, type RecordedEvent } from '#event-store';
import { LeaseLost, Leases } from '#postgres';
import { WebhookSubscriptions } from './webhook-subscriptions.js';
import { createOutboundFetch } from './outbound.js';
import { WebhookWorker, type WebhookWorkerOptions } from './webhook-worker.js';

type Envelope = { id: string; position: string };

const LEASE_TTL_MS = 1_500;

const OPTIONS: WebhookWorkerOptions = {
  batch: { maxEvents: 20, maxBytes: 1_000_000 },
  backoff: { baseMs: 5, capMs: 50 },
  requestTimeoutMs: 2_000,
  pollIntervalMs: 20,
  leaseTtlMs: LEASE_TTL_MS,
  // The receiver listens on loopback.
  fetch: createOutboundFetch('allow'),
};

/** Accepts every batch after a short pause, so that two workers delivering at once would overlap. */
const startReceiver = async () => {
  const events: Envelope[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      events.push(...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: Envelope[] }).events);
      setTimeout(() => response.writeHead(200).end(), 5);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    events,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

/** A worker with a pool of its own, like another process: ending the pool cuts it off the database (a crash). */
const startWorker = async (db: TestDatabase, logs: string[]) => {
  const pool = new pg.Pool({ connectionString: db.url, max: 3 });
  pool.on('error', () => undefined);
  const worker = new WebhookWorker(new PostgresEventStore(pool, { pollIntervalMs: 20 }), pool, {
    ...OPTIONS,
    logger: (message) => logs.push(message),
  });
  await worker.start();
  return { worker, pool };
};

describe('webhook delivery under a lease', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    ({ db, store } = await openTestStore());
    await WebhookSubscriptions.migrate(db.pool);
    await Leases.migrate(db.pool);
  });
  afterAll(() => db.close());

  const append = async (type: string, count: number) => {
    for (let from = 0; from < count; from += 50) {
      const batch = Array.from({ length: Math.min(50, count - from) }, (_, i) => newEvent(type, { n: from + i }));
      await store.appendToStream(`leasetest-${randomUUID()}`, batch);
    }
  };

  const logOf = (type: string, count: number): Promise<RecordedEvent[]> =>
    eventually(async () => {
      const events = await collect(store.readAll({ filter: { eventTypes: [type] } }));
      expect(events).toHaveLength(count);
      return events;
    });

  it('two workers deliver each event once, in order; the other takes over a dead holder within the lease time', async () => {
    const receiver = await startReceiver();
    const logs: string[] = [];
    const first = await startWorker(db, logs);
    const second = await startWorker(db, logs);
    const subscriptions = new WebhookSubscriptions(db.pool);
    const { id } = await subscriptions.create({ id: randomUUID(), url: receiver.url, eventTypes: ['LeaseTestNoted'], secret: 'a-secret-of-the-lease-test', position: null });

    // Appended while both workers run and look for work every 20 ms.
    await append('LeaseTestNoted', 600);
    const log = await logOf('LeaseTestNoted', 600);
    await eventually(() => expect(receiver.events.length).toBeGreaterThanOrEqual(600), 30_000, 50);
    expect(receiver.events.map((e) => e.id)).toEqual(log.map((e) => e.id));

    // The holder dies without releasing (its database connections are gone); it was done with every batch.
    const lease = new Leases(db.pool, LEASE_TTL_MS);
    const holder = (await lease.state(`webhook:${id}`))?.holder;
    const [dead, alive] = holder === first.worker.holder ? [first, second] : [second, first];
    expect(dead.worker.holder).toBe(holder);
    await eventually(async () => expect((await subscriptions.get(id))?.position).toBe(log[log.length - 1].position.commit.toString()));
    const diedAt = performance.now();
    void dead.pool.end();

    await append('LeaseTestNoted', 200);
    const whole = await logOf('LeaseTestNoted', 800);
    await eventually(() => expect(receiver.events.length).toBeGreaterThan(600), 10_000, 20);
    const takeoverMs = performance.now() - diedAt;
    await eventually(() => expect(receiver.events.length).toBeGreaterThanOrEqual(800), 10_000, 50);
    expect(receiver.events.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect((await lease.state(`webhook:${id}`))?.holder).toBe(alive.worker.holder);
    // The ttl, plus the standby worker's look (an eighth of it), plus a delivery.
    expect(takeoverMs).toBeLessThan(LEASE_TTL_MS * 2);
    process.stdout.write(`webhook lease: takeover after ${Math.round(takeoverMs)} ms (ttl ${LEASE_TTL_MS} ms)\n`);

    await alive.worker.stop();
    await dead.worker.stop();
    await alive.pool.end();
    await receiver.stop();
  });

  it('a worker that lost its lease records no delivery and does not move the position', async () => {
    const subscriptions = new WebhookSubscriptions(db.pool);
    const leases = new Leases(db.pool, 100);
    const created = await subscriptions.create({ id: randomUUID(), url: 'http://127.0.0.1:9/none', eventTypes: ['FenceNoted'], secret: 'a-secret-of-the-fence-test', position: null });
    const name = `webhook:${created.id}`;
    const paused = (await leases.acquire(name, 'paused-worker'))!;
    const target = (await subscriptions.target(created.id))!;
    // The paused worker sent a batch; meanwhile its lease ran out and another worker took it over.
    const taker = await eventually(async () => {
      const grant = await leases.acquire(name, 'other-worker');
      expect(grant).not.toBeNull();
      return grant!;
    }, 5_000);
    const attempt = {
      eventCount: 1,
      firstEventId: randomUUID(),
      firstEventType: 'FenceNoted',
      firstPosition: position(10n),
      lastPosition: position(10n),
      responseStatus: 200,
      latencyMs: 3,
      error: null,
      attemptedAt: new Date(),
    };
    await expect(subscriptions.recordSuccess(target, attempt, paused)).rejects.toBeInstanceOf(LeaseLost);
    await expect(subscriptions.recordFailure(target, { ...attempt, responseStatus: 500, error: 'HTTP 500' }, 8, paused)).rejects.toBeInstanceOf(
      LeaseLost,
    );
    await expect(subscriptions.passOver(target, position(20n), paused)).rejects.toBeInstanceOf(LeaseLost);
    expect((await subscriptions.get(created.id))?.position).toBeNull();
    expect(await subscriptions.deliveries(created.id, 10)).toEqual([]);

    // The holder's record goes through.
    expect(await subscriptions.recordSuccess(target, attempt, taker)).toBe(true);
    expect((await subscriptions.get(created.id))?.position).toBe('10');
  });
});
