import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import nodePath from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { StreamsController } from '#api/streams/streams.controller';
import { formatPosition, matchesFilter, type EventFilter, type ReadAllOptions, type RecordedEvent } from '#event-store';
import { eventCatalog } from '#domain/catalog';
import { collect, newEvent } from '#test/support/events';
import { eventually } from '#test/support/test-database';
import { startTestApp, type TestApp } from '#test/support/test-app';

type SseMessage = Readonly<{ id?: string; event?: string; data?: string; comment?: string }>;

/** A minimal EventSource over node:http: parses frames and comments as they arrive. */
// Integrators read streams with a key of their role; set once the app is up.
let integratorKey = '';

class SseClient {
  readonly messages: SseMessage[] = [];
  private buffer = '';
  private waiter: (() => void) | null = null;
  ended = false;

  private constructor(
    readonly request: http.ClientRequest,
    readonly response: http.IncomingMessage,
    flowing: boolean,
  ) {
    response.setEncoding('utf8');
    if (flowing) this.read();
    response.on('end', () => this.wake(true));
    response.on('error', () => this.wake(true));
    response.on('close', () => this.wake(true));
  }

  /** `server`: the api's base URL, or the Unix socket it also listens on. */
  static open(server: string | { socketPath: string }, path: string, headers: Record<string, string> = {}, flowing = true): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const options = { headers: { Accept: 'text/event-stream', Authorization: integratorKey, ...headers } };
      const onResponse = (response: http.IncomingMessage) => {
        resolve(new SseClient(request, response, flowing));
      };
      const request =
        typeof server === 'string' ? http.get(`${server}${path}`, options, onResponse) : http.get({ ...options, socketPath: server.socketPath, path }, onResponse);
      request.on('error', reject);
    });
  }

  /** Starts reading (for a client opened without reading). */
  read(): void {
    this.response.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) !== -1) {
        this.messages.push(parseFrame(this.buffer.slice(0, end)));
        this.buffer = this.buffer.slice(end + 2);
      }
      this.wake(false);
    });
  }

  events(): SseMessage[] {
    return this.messages.filter((m) => m.comment === undefined);
  }

  comments(): string[] {
    return this.messages.flatMap((m) => (m.comment === undefined ? [] : [m.comment]));
  }

  /** Waits until `done` holds over what has arrived; fails if the stream ends first. */
  async until(done: (client: SseClient) => boolean): Promise<void> {
    while (!done(this)) {
      if (this.ended) throw new Error(`the stream ended after ${this.events().length} events`);
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  async untilEnd(): Promise<void> {
    while (!this.ended) await new Promise<void>((resolve) => (this.waiter = resolve));
  }

  close(): void {
    this.request.destroy();
  }

  private wake(ended: boolean): void {
    if (ended) this.ended = true;
    this.waiter?.();
    this.waiter = null;
  }
}

const parseFrame = (frame: string): SseMessage => {
  const message: Record<string, string> = {};
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) return { comment: line.slice(1).trim() };
    const colon = line.indexOf(':');
    message[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
  }
  return message;
};

const envelopeOf = (event: RecordedEvent) => ({
  id: event.id,
  type: event.type,
  stream: event.streamName,
  revision: event.revision,
  position: formatPosition(event.position),
  occurredAt: event.metadata.occurredAt,
  data: event.data,
  metadata: event.metadata,
});

const uuidStream = (category: string) => `${category}-${randomUUID()}`;

describe('event streams over Server-Sent Events', () => {
  let t: TestApp;
  let baseUrl: string;
  // The same api on a Unix socket: its buffers hold about 200 KB, while loopback TCP buffers here grow to tens of
  // megabytes, so a client that stops reading is sure to stall the server's writes.
  let socketDir: string;
  let unixServer: http.Server;
  let unixSocket: { socketPath: string };
  let streams: StreamsController;
  // Events the api's streams read from the store for the bulk test's filter (projections read the same store).
  const stats = { pulled: 0 };

  beforeAll(async () => {
    process.env.TALLY_SSE_HEARTBEAT_MS = '50';
    process.env.TALLY_SSE_STALL_TIMEOUT_MS = '1000';
    t = await startTestApp();
    streams = t.app.get(StreamsController);
    // Watches how many events the bulk test's stream pulls from the store.
    const store = t.runtime.eventStore;
    const readAll = store.readAll.bind(store);
    store.readAll = (options?: ReadAllOptions): AsyncIterable<RecordedEvent> => {
      const counts = options?.filter?.eventTypes?.includes('StreamTestBulkNoted') ?? false;
      async function* counted(): AsyncGenerator<RecordedEvent> {
        for await (const event of readAll(options)) {
          if (counts) stats.pulled++;
          yield event;
        }
      }
      return counted();
    };
    const server = t.app.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    socketDir = await mkdtemp(nodePath.join(os.tmpdir(), 'tally-sse-'));
    unixSocket = { socketPath: nodePath.join(socketDir, 'api.sock') };
    unixServer = http.createServer(t.app.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => unixServer.listen(unixSocket.socketPath, resolve));
    integratorKey = `Bearer ${(await t.runtime.apiKeys.create('sse test', 'integrator', 'test')).secret}`;
  });

  afterAll(async () => {
    unixServer.closeAllConnections();
    await new Promise((resolve) => unixServer.close(resolve));
    await t.close();
    await rm(socketDir, { recursive: true, force: true });
  });

  /** Appends `count` events; answers the id of the last, to wait for on a stream. */
  const append = async (streamName: string, count: number, type: string, data: (i: number) => unknown = (i) => ({ i })) => {
    let last = '';
    for (let from = 0; from < count; from += 100) {
      const batch = Array.from({ length: Math.min(100, count - from) }, (_, i) => newEvent(type, data(from + i)));
      await t.runtime.eventStore.appendToStream(streamName, batch);
      last = batch[batch.length - 1].id;
    }
    return last;
  };

  // Readers see an event once no older transaction is open (see README), so wait for ids, never for counts.
  const has = (id: string) => (client: SseClient) => client.events().some((m) => m.data?.includes(`"id":"${id}"`));

  const log = async (filter?: EventFilter) =>
    (await collect(t.runtime.eventStore.readAll())).filter((event) => matchesFilter(event, filter));

  it('reconnects with Last-Event-ID without a gap or a repeat, then follows live appends', async () => {
    await append(uuidStream('deal'), 150, 'StreamTestDealNoted');
    await append(uuidStream('contact'), 150, 'StreamTestContactNoted');

    const first = await SseClient.open(baseUrl, '/v1/streams/all');
    await first.until((c) => c.events().length >= 120);
    first.close();
    const firstPart = first.events().slice(0, 120);

    // Written while the client is away.
    const lastWhileAway = await append(uuidStream('ticket'), 80, 'StreamTestTicketNoted');

    // Last-Event-ID wins over the from= of the original URL, as EventSource sends both on reconnect.
    const second = await SseClient.open(baseUrl, '/v1/streams/all?from=-1', { 'Last-Event-ID': firstPart[119].id! });
    await second.until(has(lastWhileAway));
    const live = await append(uuidStream('deal'), 1, 'StreamTestLiveNoted');
    await second.until(has(live));
    second.close();

    const received = [...firstPart, ...second.events()];
    const expected = await log();
    expect(received.map((m) => m.data && JSON.parse(m.data))).toEqual(expected.map(envelopeOf));
    expect(received.map((m) => m.id)).toEqual(expected.map((e) => formatPosition(e.position)));
    expect(received.map((m) => m.event)).toEqual(expected.map((e) => e.type));
    expect(new Set(received.map((m) => JSON.parse(m.data!).id)).size).toBe(received.length);
  });

  it('filters by category, by type and by type prefix', async () => {
    await append(uuidStream('deal'), 30, 'StreamFilterDealOpened');
    await append(uuidStream('deal'), 30, 'StreamFilterDealClosed');
    await append(uuidStream('ticket'), 30, 'StreamFilterTicketOpened');
    // The last event each filter matches, so each client knows it has read everything.
    const lastDeal = await append(uuidStream('deal'), 1, 'StreamFilterDealOpened');
    const lastTicket = await append(uuidStream('ticket'), 1, 'StreamFilterTicketOpened');

    const cases: [string, EventFilter, string][] = [
      ['/v1/streams/deal', { streamCategories: ['deal'] }, lastDeal],
      ['/v1/streams/deal?types=StreamFilterDealOpened', { streamCategories: ['deal'], eventTypes: ['StreamFilterDealOpened'] }, lastDeal],
      ['/v1/streams/all?typePrefix=StreamFilterTicket,StreamFilterDealO', { eventTypePrefixes: ['StreamFilterTicket', 'StreamFilterDealO'] }, lastTicket],
      ['/v1/streams/ticket?types=StreamFilterDealOpened&typePrefix=StreamFilter', { streamCategories: ['ticket'], eventTypePrefixes: ['StreamFilter'] }, lastTicket],
    ];
    for (const [path, filter, last] of cases) {
      const client = await SseClient.open(baseUrl, path);
      await client.until(has(last));
      client.close();
      const expected = await log(filter);
      expect(client.events().map((m) => m.data && JSON.parse(m.data).id)).toEqual(expected.map((e) => e.id));
    }
  });

  it('answers 400 for a bad position, filter or parameter and 404 for an unknown category, before streaming', async () => {
    const bad = await t.http().get('/v1/streams/all?from=abc').expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['from']);
    await t.http().get('/v1/streams/all').set('Last-Event-ID', 'yesterday').expect(400);
    await t.http().get('/v1/streams/deal?types=Deal-Created').expect(400);
    await t.http().get('/v1/streams/deal?typePrefix=').expect(400);
    await t.http().get('/v1/streams/all?limit=5').expect(400);
    const unknown = await t.http().get('/v1/streams/invoice').expect(404);
    expect(unknown.body.error).toBe('NOT_FOUND');
  });

  it('keeps an idle connection open with heartbeat comments, and ends the stream when the client leaves', async () => {
    const openBefore = streams.openStreams;
    const client = await SseClient.open(baseUrl, '/v1/streams/deal?types=NothingEverHappened');
    expect(client.response.headers['content-type']).toMatch(/^text\/event-stream/);
    await client.until((c) => c.comments().filter((comment) => comment === 'heartbeat').length >= 2);
    expect(streams.openStreams).toBe(openBefore + 1);
    client.close();
    await eventually(() => expect(streams.openStreams).toBe(openBefore));
  });

  it('stops pulling events for a client that does not read, keeps memory bounded, and cuts it with a reason', async () => {
    // About 8 MB of events: some 40 times what the Unix socket between server and client can hold.
    const text = 'x'.repeat(4_000);
    const count = 2_000;
    await append(uuidStream('contact'), count, 'StreamTestBulkNoted', (i) => ({ i, text }));

    // Exposes the collector for the measurement only: a heap reading without a collection measures garbage.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const pulledBefore = stats.pulled;
    const openBefore = streams.openStreams;
    let pulledAtCut: number | null = null;

    const client = await SseClient.open(unixSocket, '/v1/streams/contact?types=StreamTestBulkNoted', {}, false);
    // The server waits for 'drain' that never comes, then cuts the client after the stall timeout. Until then the
    // heap is read (after a collection) while the connection holds its page of events and its socket buffer.
    let peak = before;
    await eventually(() => expect(streams.openStreams).toBe(openBefore + 1));
    await eventually(() => {
      if (streams.openStreams > openBefore) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      } else pulledAtCut ??= stats.pulled;
      expect(streams.openStreams).toBe(openBefore);
    }, 20_000, 100);
    const growth = peak - before;
    const pulled = (pulledAtCut ?? stats.pulled) - pulledBefore;

    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(count / 2);
    expect(growth).toBeLessThan(50 * 1024 * 1024);

    // What the socket held arrives, then the reason.
    client.read();
    await client.untilEnd();
    expect(client.comments()).toContain('closing: the client read nothing for 1000 ms');
    expect(client.events().length).toBeLessThanOrEqual(pulled);
    process.stdout.write(`sse back-pressure: pulled ${pulled} of ${count} events, peak heap growth ${(growth / 1024 / 1024).toFixed(1)} MB\n`);
  });

  it('serves an AsyncAPI 3.0 document whose messages reference the catalog schemas', async () => {
    const { body } = await t.http().get('/v1/asyncapi.json').expect(200);
    expect(body.asyncapi).toBe('3.0.0');
    expect(Object.values(body.channels).map((c) => (c as { address: string | null }).address)).toEqual([
      '/v1/streams/all',
      '/v1/streams/{category}',
      null,
    ]);
    expect(body.channels.categoryEvents.parameters.category.enum).toContain('deal');
    const resolve = (pointer: string): unknown =>
      pointer
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else walk(value);
        }
      }
    };
    walk(body);
    expect(refs.filter((r) => resolve(r) === undefined)).toEqual([]);
    for (const definition of eventCatalog.list()) {
      const message = body.components.messages[definition.type];
      expect(message.payload.allOf[1].properties.data).toEqual({ $ref: `#/components/schemas/${definition.type}` });
      const { $schema: _dialect, ...schema } = definition.schema;
      expect(body.components.schemas[definition.type]).toEqual(schema);
    }
    expect(body.components.messages.WebhookDelivery.headers.properties['Tally-Signature']).toBeDefined();
  });
});
