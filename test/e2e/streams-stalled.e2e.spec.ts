// Clients that open an event stream and never read: each may cost the api a small, fixed amount of memory, and one
// API key may hold only so many streams.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import nodePath from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { StreamsController } from '#api/streams/streams.controller';
import { newEvent } from '#test/support/events';
import { eventually } from '#test/support/test-database';
import { startTestApp, type TestApp } from '#test/support/test-app';

const STALLED = 50;
const PER_KEY = 25;
const MB = 1024 * 1024;
// 1,000 events of 2 KB: ten times what a Unix socket's buffers take (about 200 KB; on loopback TCP they grow to
// megabytes, and every stalled client would make the api read that much before it stalls).
const EVENTS = 1_000;

describe('stalled SSE clients', () => {
  let t: TestApp;
  let socketDir: string;
  let socketPath: string;
  let streams: StreamsController;
  // The server's end of every connection, in the order they were accepted.
  const accepted: net.Socket[] = [];

  const keyOf = async (name: string) => (await t.runtime.apiKeys.create(name, 'integrator', 'test')).secret;

  type Stalled = Readonly<{ client: net.Socket; server: net.Socket }>;

  /** A client that sends the request and never reads a byte, with the server's end of its connection. */
  const stalledClient = async (key: string, path: string): Promise<Stalled> => {
    // Clients connect one at a time: the next connection the server accepts is this one.
    const index = accepted.length;
    const client = await new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect(socketPath, () => {
        socket.pause();
        socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: Bearer ${key}\r\n\r\n`);
        resolve(socket);
      });
      socket.on('error', reject);
    });
    const server = await eventually(() => accepted[index] ?? Promise.reject(new Error('connection not accepted yet')));
    return { client, server };
  };

  /** The status and body of a request whose answer is not a stream; a stream is answered with its status only. */
  const open = (key: string, path: string): Promise<{ status: number; body: string; close(): void }> =>
    new Promise((resolve, reject) => {
      const request = http.get({ socketPath, path, headers: { Accept: 'text/event-stream', Authorization: `Bearer ${key}` } }, (response) => {
        const close = () => request.destroy();
        if (response.statusCode === 200) return resolve({ status: 200, body: '', close });
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, close }));
      });
      request.on('error', reject);
    });

  beforeAll(async () => {
    // Long enough that no stalled client is cut while it is measured.
    process.env.TALLY_SSE_STALL_TIMEOUT_MS = '600000';
    process.env.TALLY_SSE_MAX_CONNECTIONS_PER_KEY = String(PER_KEY);
    // No read model is asked for: the streams read the log itself.
    t = await startTestApp({ projections: [] });
    streams = t.app.get(StreamsController);
    const server = t.app.getHttpServer() as http.Server;
    server.on('connection', (socket: net.Socket) => accepted.push(socket));
    socketDir = await mkdtemp(nodePath.join(os.tmpdir(), 'tally-sse-'));
    socketPath = nodePath.join(socketDir, 'api.sock');
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  });

  afterAll(async () => {
    delete process.env.TALLY_SSE_STALL_TIMEOUT_MS;
    delete process.env.TALLY_SSE_MAX_CONNECTIONS_PER_KEY;
    await t.close();
    await rm(socketDir, { recursive: true, force: true });
  });

  it(`holds a small, fixed amount per client that stopped reading (${STALLED} clients over a 2 MB log)`, async () => {
    const text = 'x'.repeat(2_000);
    for (let from = 0; from < EVENTS; from += 100) {
      const batch = Array.from({ length: 100 }, (_, i) => newEvent('StalledTestNoted', { i: from + i, text }));
      await t.runtime.eventStore.appendToStream(`contact-${randomUUID()}`, batch);
    }
    const path = '/v1/streams/contact?types=StalledTestNoted';
    const keys = await Promise.all(Array.from({ length: Math.ceil(STALLED / PER_KEY) }, (_, i) => keyOf(`stalled ${i}`)));

    // One client first, so that code paths and pools are warm before the baseline.
    const warm = await stalledClient(keys[0], path);
    const stalledOnWrite = ({ server }: Stalled) => server.writableNeedDrain;
    await eventually(() => expect(stalledOnWrite(warm)).toBe(true), 30_000, 50);
    warm.client.destroy();
    await eventually(() => expect(streams.openStreams).toBe(0));

    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();

    const clients: Stalled[] = [];
    for (let i = 0; i < STALLED; i++) clients.push(await stalledClient(keys[i % keys.length], path));
    // Every server socket is full and waiting for a 'drain' that never comes: the api has stopped pulling.
    await eventually(() => expect(clients.filter(stalledOnWrite)).toHaveLength(STALLED), 60_000, 100);
    expect(streams.openStreams).toBe(STALLED);

    gc();
    const after = process.memoryUsage();
    const heapPerClient = (after.heapUsed - before.heapUsed) / STALLED;
    const rssPerClient = (after.rss - before.rss) / STALLED;
    const buffered = clients.map(({ server }) => server.writableLength);
    process.stdout.write(
      `stalled sse clients: ${STALLED} clients, heap +${((after.heapUsed - before.heapUsed) / MB).toFixed(1)} MB ` +
        `(${(heapPerClient / 1024).toFixed(0)} KB each), rss +${((after.rss - before.rss) / MB).toFixed(1)} MB ` +
        `(${(rssPerClient / 1024).toFixed(0)} KB each), socket buffer at most ${Math.max(...buffered)} bytes\n`,
    );

    // The socket's buffer is one write past its high-water mark (16 KB), and the page of events is small.
    expect(Math.max(...buffered)).toBeLessThan(64 * 1024);
    expect(heapPerClient).toBeLessThan(512 * 1024);

    for (const { client } of clients) client.destroy();
    await eventually(() => expect(streams.openStreams).toBe(0));
  }, 240_000);

  it(`answers 429 past ${PER_KEY} open streams for one key, and frees a slot when a stream ends`, async () => {
    const [busy, other] = [await keyOf('busy'), await keyOf('other')];
    const idle = '/v1/streams/deal?types=NothingEverHappened';
    const held = [];
    for (let i = 0; i < PER_KEY; i++) {
      const stream = await open(busy, idle);
      expect(stream.status).toBe(200);
      held.push(stream);
    }
    const refused = await open(busy, idle);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ error: 'TOO_MANY_STREAMS', limit: PER_KEY });
    expect(JSON.parse(refused.body).message).toContain(`TALLY_SSE_MAX_CONNECTIONS_PER_KEY=${PER_KEY}`);

    // Another key is not affected.
    const others = await open(other, idle);
    expect(others.status).toBe(200);
    others.close();

    held.pop()!.close();
    const again = await eventually(async () => {
      const stream = await open(busy, idle);
      expect(stream.status).toBe(200);
      return stream;
    });
    again.close();
    for (const stream of held) stream.close();
    await eventually(() => expect(streams.openStreams).toBe(0));
  });
});
