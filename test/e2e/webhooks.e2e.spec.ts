import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { formatPosition, type RecordedEvent } from '#event-store';
import { openDatabase } from '#postgres';
import { createOutboundFetch, WebhookWorker, type WebhookWorkerOptions } from '#webhooks';
import { collect, newEvent } from '#test/support/events';
import { eventually, serverUrl, type TestDatabase } from '#test/support/test-database';
import { startTestApp, type TestApp } from '#test/support/test-app';

// A seeded PRNG (mulberry32): the receiver's misbehaviour is random but the same on every run.
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

/** One database that outlives several Tally processes: a PGlite data directory, or a database on the server. */
const durableDatabase = async (): Promise<{ open(): Promise<TestDatabase>; dispose(): Promise<void> }> => {
  const url = serverUrl();
  if (!url) {
    const dir = await mkdtemp(join(tmpdir(), 'tally-webhooks-'));
    return {
      open: async () => ({ ...(await openDatabase({ kind: 'embedded', dataDir: dir })), kind: 'pglite' }),
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `tally_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    open: async () => ({ ...(await openDatabase({ kind: 'server', url: dbUrl.toString(), maxConnections: 20 })), kind: 'postgres' }),
    dispose: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
};

type Envelope = { id: string; type: string; position: string };
type Behaviour = 'ok' | 'fail' | 'slow' | 'late';

/** The integrator's side, verifying signatures with the README's recipe. */
class Receiver {
  /** Events in the order the receiver processed them (a late answer still processed them). */
  readonly events: Envelope[] = [];
  readonly answered: Record<Behaviour, number> = { ok: 0, fail: 0, slow: 0, late: 0 };
  badSignatures = 0;
  private readonly server: http.Server;
  url = '';

  constructor(
    private readonly secret: () => string,
    private readonly behaviour: () => Behaviour,
    private readonly random: () => number = seeded(7),
  ) {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.handle(Buffer.concat(chunks).toString('utf8'), request, response));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  uniqueEvents(): Envelope[] {
    const seen = new Set<string>();
    return this.events.filter((event) => !seen.has(event.id) && seen.add(event.id));
  }

  private verified(body: string, header: string | undefined): boolean {
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
    if (!match) return false;
    const expected = createHmac('sha256', this.secret()).update(`${match[1]}.${body}`).digest();
    const fresh = Math.abs(Date.now() / 1000 - Number(match[1])) <= 300;
    return timingSafeEqual(expected, Buffer.from(match[2], 'hex')) && fresh;
  }

  private handle(body: string, request: http.IncomingMessage, response: http.ServerResponse): void {
    if (!this.verified(body, request.headers['tally-signature'] as string | undefined)) {
      this.badSignatures++;
      response.writeHead(401).end();
      return;
    }
    const behaviour = this.behaviour();
    this.answered[behaviour]++;
    if (behaviour === 'fail') {
      response.writeHead(500).end('receiver trouble');
      return;
    }
    // A receiver that processes the batch and answers too late (or slowly) has seen the events all the same.
    this.events.push(...(JSON.parse(body) as { events: Envelope[] }).events);
    const delay = behaviour === 'late' ? 1_000 : behaviour === 'slow' ? 20 + this.random() * 100 : 0;
    const timer = setTimeout(() => response.writeHead(200).end(), delay);
    response.on('close', () => clearTimeout(timer));
  }
}

const WORKER: WebhookWorkerOptions = {
  batch: { maxEvents: 100, maxBytes: 1_000_000 },
  maxAttempts: 8,
  backoff: { baseMs: 5, capMs: 100 },
  requestTimeoutMs: 250,
  pollIntervalMs: 20,
  random: seeded(11),
  // The receivers listen on loopback.
  fetch: createOutboundFetch('allow'),
};

type Tally = Readonly<{ t: TestApp; worker: WebhookWorker; stop(): Promise<void> }>;

describe('webhooks', () => {
  let database: Awaited<ReturnType<typeof durableDatabase>>;
  let tally: Tally;

  const startTally = async (): Promise<Tally> => {
    const t = await startTestApp({ database: await database.open() });
    const worker = new WebhookWorker(t.runtime.eventStore, t.runtime.db.pool, WORKER);
    await worker.start();
    return {
      t,
      worker,
      stop: async () => {
        await worker.stop();
        await t.close();
      },
    };
  };

  const appendEvents = async (type: string, count: number): Promise<void> => {
    for (let from = 0; from < count; from += 100) {
      const batch = Array.from({ length: Math.min(100, count - from) }, (_, i) => newEvent(type, { n: from + i }));
      await tally.t.runtime.eventStore.appendToStream(`hooktest-${randomUUID()}`, batch);
    }
  };

  // Readers see an event once no older transaction is open (see README): wait until all `count` are visible.
  const logOf = (type: string, count: number): Promise<RecordedEvent[]> =>
    eventually(async () => {
      const events = await collect(tally.t.runtime.eventStore.readAll({ filter: { eventTypes: [type] } }));
      expect(events).toHaveLength(count);
      return events;
    });

  beforeAll(async () => {
    database = await durableDatabase();
    tally = await startTally();
  });

  afterAll(async () => {
    await tally.stop();
    await database.dispose();
  });

  it('delivers 5,000 events to a flaky receiver across two restarts: each once after dropping duplicates, in order, signed', async () => {
    const random = seeded(2026);
    let secret = '';
    const receiver = new Receiver(
      () => secret,
      () => {
        const r = random();
        return r < 0.15 ? 'fail' : r < 0.2 ? 'late' : r < 0.45 ? 'slow' : 'ok';
      },
    );
    await receiver.start();
    const created = await tally.t.http().post('/v1/webhooks').send({ url: receiver.url, eventTypes: ['WebhookFlaky*'] }).expect(201);
    secret = created.body.secret;
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);

    // Appended while the worker delivers; Tally stops and starts over the same database twice meanwhile.
    await appendEvents('WebhookFlakyNoted', 2_000);
    await tally.stop();
    tally = await startTally();
    await appendEvents('WebhookFlakyNoted', 1_500);
    await tally.stop();
    tally = await startTally();
    await appendEvents('WebhookFlakyNoted', 1_500);

    const log = await logOf('WebhookFlakyNoted', 5_000);
    await eventually(() => expect(receiver.uniqueEvents()).toHaveLength(5_000), 40_000, 50);

    const unique = receiver.uniqueEvents();
    expect(unique.map((e) => e.id)).toEqual(log.map((e) => e.id));
    const positions = unique.map((e) => BigInt(e.position));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
    expect(receiver.badSignatures).toBe(0);
    // The receiver really did fail and time out, and the duplicates that caused carry the same ids.
    expect(receiver.answered.fail).toBeGreaterThan(0);
    expect(receiver.answered.late).toBeGreaterThan(0);
    expect(receiver.events.length).toBeGreaterThan(5_000);

    const subscription = await tally.t.http().get(`/v1/webhooks/${created.body.id}`).expect(200);
    expect(subscription.body).toMatchObject({ status: 'active', parked: null });
    expect(subscription.body.secret).toBeUndefined();
    await eventually(async () => {
      const { body } = await tally.t.http().get(`/v1/webhooks/${created.body.id}`).expect(200);
      expect(BigInt(body.position)).toBeGreaterThanOrEqual(log[log.length - 1].position.commit);
    });
    const deliveries = await tally.t.http().get(`/v1/webhooks/${created.body.id}/deliveries?limit=500`).expect(200);
    const records = deliveries.body.data as { status: string; responseStatus: number | null; error: string | null; latencyMs: number }[];
    expect(records.some((d) => d.status === 'failed' && d.responseStatus === 500 && d.error === 'HTTP 500')).toBe(true);
    expect(records.some((d) => d.status === 'failed' && d.responseStatus === null && /no answer within 250 ms/.test(d.error ?? ''))).toBe(true);
    expect(records.some((d) => d.status === 'succeeded' && d.responseStatus === 200 && d.latencyMs >= 20)).toBe(true);
    await receiver.stop();
  });

  it('pauses after the last attempt with the first event parked, and resume and replay deliver from there', async () => {
    let behaviour: Behaviour = 'fail';
    const secret = 'a-secret-of-my-own-choosing';
    const receiver = new Receiver(() => secret, () => behaviour);
    await receiver.start();
    const created = await tally.t
      .http()
      .post('/v1/webhooks')
      .send({ url: receiver.url, eventTypes: ['WebhookParkNoted'], secret })
      .expect(201);
    expect(created.body).toMatchObject({ secret, status: 'active', eventTypes: ['WebhookParkNoted'] });
    const id = created.body.id as string;

    await appendEvents('WebhookParkNoted', 3);
    const log = await logOf('WebhookParkNoted', 3);
    const parked = await eventually(async () => {
      const { body } = await tally.t.http().get(`/v1/webhooks/${id}`).expect(200);
      expect(body.status).toBe('paused');
      return body;
    });
    expect(parked.parked).toMatchObject({
      eventId: log[0].id,
      position: formatPosition(log[0].position),
      type: 'WebhookParkNoted',
      attempts: 8,
      error: 'HTTP 500',
    });
    const attempts = (await tally.t.http().get(`/v1/webhooks/${id}/deliveries`).expect(200)).body.data;
    expect(attempts.map((a: { attempt: number }) => a.attempt)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(attempts.every((a: { status: string; responseStatus: number }) => a.status === 'failed' && a.responseStatus === 500)).toBe(true);
    expect(receiver.answered.fail).toBe(8);

    behaviour = 'ok';
    const resumed = await tally.t.http().post(`/v1/webhooks/${id}/resume`).expect(200);
    expect(resumed.body).toMatchObject({ status: 'active', parked: null, consecutiveFailures: 0 });
    await eventually(() => expect(receiver.events.map((e) => e.id)).toEqual(log.map((e) => e.id)));

    await tally.t.http().post(`/v1/webhooks/${id}/replay`).send({ from: '-1' }).expect(200);
    await eventually(() => expect(receiver.events.map((e) => e.id)).toEqual([...log, ...log].map((e) => e.id)));

    const paused = await tally.t.http().post(`/v1/webhooks/${id}/pause`).expect(200);
    expect(paused.body.status).toBe('paused');
    await tally.t.http().post(`/v1/webhooks/${id}/replay`).send({ from: formatPosition(log[1].position) }).expect(200);
    await tally.t.http().post(`/v1/webhooks/${id}/resume`).expect(200);
    await eventually(() => expect(receiver.events.map((e) => e.id)).toEqual([...log, ...log, log[2]].map((e) => e.id)));
    expect(receiver.badSignatures).toBe(0);

    const listed = await tally.t.http().get('/v1/webhooks').expect(200);
    expect(listed.body.data.map((s: { id: string }) => s.id)).toContain(id);
    expect(listed.body.data.every((s: { secret?: string }) => s.secret === undefined)).toBe(true);
    await tally.t.http().delete(`/v1/webhooks/${id}`).expect(204);
    await tally.t.http().get(`/v1/webhooks/${id}`).expect(404);
    await tally.t.http().get(`/v1/webhooks/${id}/deliveries`).expect(404);
    await receiver.stop();
  });

  it('refuses URLs that are not http or https, bad event types, short secrets and bad positions', async () => {
    const post = (body: object) => tally.t.http().post('/v1/webhooks').send(body).expect(400);
    const fields = async (body: object) => (await post(body)).body.fields.map((f: { field: string }) => f.field);
    expect(await fields({ url: 'file:///etc/passwd', eventTypes: ['DealCreated'] })).toEqual(['url']);
    expect(await fields({ url: 'ftp://example.com/x', eventTypes: ['DealCreated'] })).toEqual(['url']);
    expect(await fields({ url: 'https://example.com/x', eventTypes: ['Deal**'] })).toEqual(['eventTypes']);
    expect(await fields({ url: 'https://example.com/x', eventTypes: [] })).toEqual(['eventTypes']);
    expect(await fields({ url: 'https://example.com/x', eventTypes: ['Deal*'], secret: 'short' })).toEqual(['secret']);

    const { body } = await tally.t.http().post('/v1/webhooks').send({ url: 'https://example.com/x', eventTypes: ['*'] }).expect(201);
    const replay = await tally.t.http().post(`/v1/webhooks/${body.id}/replay`).send({ from: 'yesterday' }).expect(400);
    expect(replay.body.fields.map((f: { field: string }) => f.field)).toEqual(['from']);
    await tally.t.http().post(`/v1/webhooks/${body.id}/pause`).expect(200);
    await tally.t.http().get('/v1/webhooks/not-an-id').expect(400);
    await tally.t.http().post(`/v1/webhooks/${randomUUID()}/resume`).expect(404);
    await tally.t.http().delete(`/v1/webhooks/${body.id}`).expect(204);
  });

  it('keeps webhooks off the private network unless the operator allows it', async () => {
    const guarded = await startTestApp({ env: { TALLY_OUTBOUND_PRIVATE_NETWORK: 'deny' } });
    try {
      for (const url of [
        'http://127.0.0.1:5432/',
        'http://localhost:3000/hooks',
        'http://169.254.169.254/latest/meta-data/',
        'http://[::ffff:10.0.0.1]/',
        'http://2130706433/',
        'http://192.168.1.10/hooks',
      ]) {
        const { body } = await guarded.http().post('/v1/webhooks').send({ url, eventTypes: ['*'] }).expect(400);
        expect({ url, fields: body.fields }).toEqual({ url, fields: [{ field: 'url', reason: expect.stringContaining('private, loopback or reserved') }] });
      }
      await guarded.http().post('/v1/webhooks').send({ url: 'https://hooks.example.com/tally', eventTypes: ['*'] }).expect(201);
    } finally {
      await guarded.close();
    }
  });
});
