// What an operator watches: /metrics in Prometheus' text format (behind a key that may read the system area), and
// the probes /health/live and /health/ready (public), ready only while the database answers, the migrations are
// applied and no build is parked.
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { createApp } from '#api/app';
import { loadConfig } from '#config';
import { openDatabase } from '#postgres';
import { openRuntime } from '#runtime';
import { dealCreatedData, newEvent } from '#test/support/events';
import { startTestApp, useTestApp } from '#test/support/test-app';
import { createTestDatabase, eventually } from '#test/support/test-database';
import { ALL_PROJECTIONS } from '#projections';
import request from 'supertest';

type Sample = Readonly<{ name: string; labels: Readonly<Record<string, string>>; value: number }>;
type Exposition = Readonly<{ families: Map<string, string>; samples: Sample[] }>;

// A value is whatever Go's ParseFloat reads, as Prometheus parses it: NaN in any case (prom-client writes `Nan` for an
// event-loop mean not sampled yet, which Prometheus accepts).
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?(?:[0-9.]+(?:e[+-]?[0-9]+)?|[Nn][Aa][Nn]|\+Inf|-Inf))(?: -?[0-9]+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/g;

/** Prometheus' text exposition format, strictly: every line a comment, a HELP/TYPE line or a sample. */
const parseExposition = (text: string): Exposition => {
  const families = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      families.set(type[1], type[2]);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not Prometheus text: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    const body = sample[2] ?? '';
    let consumed = 0;
    for (const match of body.matchAll(LABEL)) {
      labels[match[1]] = match[2];
      consumed += match[0].length;
    }
    if (consumed !== body.length) throw new Error(`bad labels: ${JSON.stringify(line)}`);
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return { families, samples };
};

const valueOf = (exposition: Exposition, name: string, labels: Readonly<Record<string, string>> = {}): number =>
  exposition.samples
    .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .reduce((sum, s) => sum + s.value, 0);

const FAMILIES = [
  'tally_commands_total',
  'tally_event_append_duration_seconds',
  'tally_projection_lag_events',
  'tally_projection_lag_seconds',
  'tally_projection_rebuild_events_per_second',
  'tally_projection_events_processed',
  'tally_projection_parked',
  'tally_webhook_deliveries_total',
  'tally_webhook_parked_events',
  'tally_webhook_subscriptions',
  'tally_sse_clients',
  'tally_db_pool_connections',
  'tally_process_cpu_seconds_total',
  'tally_process_resident_memory_bytes',
  'tally_nodejs_eventloop_lag_p99_seconds',
];

const poisonDeal = () => newEvent('DealCreated', dealCreatedData(randomBytes(4_000).toString('base64'), { name: 'Deal', pipelineId: 'p', stageId: 's', amount: '10.00' }));

describe('/metrics', () => {
  const t = useTestApp({ projections: ALL_PROJECTIONS.filter((p) => p.name === 'pipeline-health' || p.name === 'contact-list') });
  const scrape = async (): Promise<Exposition> => {
    const response = await (await t.as('reporting')).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(response.text);
  };

  it('answers a key that may read the system area, and 401 without a key', async () => {
    const refused = await t.anonymous().get('/metrics').expect(401);
    expect(refused.body).toMatchObject({ error: 'UNAUTHENTICATED' });
    await (await t.as('reporting')).get('/metrics').expect(200);
  });

  it('answers Prometheus text with every family an operator watches', async () => {
    const { families } = await scrape();
    expect(FAMILIES.filter((name) => !families.has(name))).toEqual([]);
    expect(families.get('tally_commands_total')).toBe('counter');
    expect(families.get('tally_event_append_duration_seconds')).toBe('histogram');
  });

  it('counts one command once, by type and outcome, and times its append', async () => {
    const before = await scrape();
    const contact = await t.http().post('/v1/contacts').send({ email: `metrics-${randomUUID()}@example.com`, firstName: 'Metric', source: 'api' }).expect(201);
    const after = await scrape();
    const created = { type: 'CreateContact', outcome: 'ok' };
    expect(valueOf(after, 'tally_commands_total', created) - valueOf(before, 'tally_commands_total', created)).toBe(1);
    // Under no other outcome (a workflow reacting to the contact may run commands of its own types meanwhile).
    expect(valueOf(after, 'tally_commands_total', { type: 'CreateContact' }) - valueOf(before, 'tally_commands_total', { type: 'CreateContact' })).toBe(1);
    const appends = (e: Exposition) => valueOf(e, 'tally_event_append_duration_seconds_count', { outcome: 'ok' });
    expect(appends(after) - appends(before)).toBeGreaterThanOrEqual(1);

    // A command refused counts under its outcome, not as a success: a stale If-Match is a conflict.
    await t.http().patch(`/v1/contacts/${contact.body.id}`).set('If-Match', '"7"').send({ firstName: 'Stale' }).expect(409);
    const refused = await scrape();
    const conflicts = (e: Exposition) => valueOf(e, 'tally_commands_total', { outcome: 'conflict' });
    expect(conflicts(refused) - conflicts(after)).toBe(1);
  });

  it('reports no lag once the builds are idle, and lag in events and seconds while a build is behind', async () => {
    const lag = (e: Exposition, name: string) => valueOf(e, name, { projection: 'pipeline-health', state: 'active' });
    await eventually(async () => expect(lag(await scrape(), 'tally_projection_lag_events')).toBe(0), 20_000);
    expect(lag(await scrape(), 'tally_projection_lag_seconds')).toBe(0);

    await t.runtime.projections.stop();
    try {
      const dealId = randomUUID();
      await t.runtime.eventStore.appendToStream(`deal-${dealId}`, [newEvent('DealCreated', dealCreatedData(dealId, { pipelineId: 'p', stageId: 's' }))]);
      const behind = await eventually(async () => {
        const e = await scrape();
        expect(lag(e, 'tally_projection_lag_seconds')).toBeGreaterThan(0);
        return e;
      });
      expect(lag(behind, 'tally_projection_lag_events')).toBe(1);
    } finally {
      await t.runtime.projections.start();
    }
    await eventually(async () => expect(lag(await scrape(), 'tally_projection_lag_events')).toBe(0), 20_000);
  });

  it('counts the open event streams', async () => {
    const key = (await t.runtime.apiKeys.create('sse reader', 'integrator', 'test')).secret;
    const before = valueOf(await scrape(), 'tally_sse_clients');
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as net.AddressInfo;
    const stream = http.get({ host: '127.0.0.1', port, path: '/v1/streams/all', headers: { authorization: `Bearer ${key}` } });
    try {
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => stream.on('response', resolve).on('error', reject));
      expect(response.statusCode).toBe(200);
      await eventually(async () => expect(valueOf(await scrape(), 'tally_sse_clients')).toBe(before + 1));
    } finally {
      stream.destroy();
    }
    await eventually(async () => expect(valueOf(await scrape(), 'tally_sse_clients')).toBe(before));
  });
});

describe('/health/live and /health/ready', () => {
  it('are public; ready is 200 while all is well, 503 naming the parked build when one is parked', async () => {
    const t = await startTestApp({ projections: ALL_PROJECTIONS.filter((p) => p.name === 'pipeline-health') });
    try {
      expect((await t.anonymous().get('/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
      const ready = await t.anonymous().get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, migrations: { status: 'up' }, projections: { status: 'up' } } });

      // A deal id longer than an index entry can hold parks the build (as in the projection-skips spec).
      await t.runtime.eventStore.appendToStream(`deal-${randomUUID()}`, [poisonDeal()]);
      const notReady = await eventually(async () => {
        const response = await t.anonymous().get('/health/ready');
        expect(response.status).toBe(503);
        return response;
      }, 20_000);
      expect(notReady.body).toMatchObject({
        error: 'NOT_READY',
        message: 'not ready: projections',
        failing: { projections: { status: 'down', parked: [{ projection: 'pipeline-health' }] } },
        info: { database: { status: 'up' }, migrations: { status: 'up' } },
      });
      expect(valueOf(parseExposition((await t.http().get('/metrics').expect(200)).text), 'tally_projection_parked', { projection: 'pipeline-health' })).toBe(1);
      // Live says the process answers, whatever its builds do.
      await t.anonymous().get('/health/live').expect(200);
    } finally {
      await t.close();
    }
  });

  it('is 503 when the database is gone, and ready again when it is back', async () => {
    const db = await createTestDatabase();
    // The app reaches its database through a proxy this spec can cut: a database that is gone refuses connections.
    const target = new URL(db.url);
    const sockets = new Set<net.Socket>();
    let cut = false;
    const proxy = net.createServer((client) => {
      if (cut) return client.destroy();
      const upstream = net.connect(Number(target.port), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const viaProxy = new URL(db.url);
    viaProxy.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    const database = await openDatabase({ kind: 'server', url: viaProxy.toString(), maxConnections: 2 });
    const runtime = await openRuntime(loadConfig({ TALLY_RATE_LIMIT: '1000000' }), [], { database, authPepper: randomBytes(32) });
    const app = await createApp(runtime, { logger: ['error'] });
    await app.init();
    try {
      const server = app.getHttpServer();
      await request(server).get('/health/ready').expect(200);
      cut = true;
      for (const socket of sockets) socket.destroy();
      const gone = await request(server).get('/health/ready').expect(503);
      expect(gone.body).toMatchObject({ error: 'NOT_READY', failing: { database: { status: 'down' } } });
      await request(server).get('/health/live').expect(200);
      cut = false;
      await eventually(() => request(server).get('/health/ready').expect(200));
    } finally {
      cut = false;
      await app.close();
      await runtime.close();
      proxy.close();
      await db.close();
    }
  });
});
