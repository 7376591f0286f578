// Clients that open an event stream and never read: each may cost the api a small, fixed amount of memory, and one
// API key may hold only so many streams.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { StreamsController } from '#api/streams/streams.controller';
import { newEvent } from '#test/support/events';
import { eventually } from '#test/support/test-database';
import { startTestApp, type TestApp } from '#test/support/test-app';

const STALLED = 50;
const PER_KEY = 25;
const MB = 1024 * 1024;

describe('stalled SSE clients', () => {
  let t: TestApp;
  let port: number;
  let streams: StreamsController;
  // The server's end of every connection, by the client's port.
  const serverSockets = new Map<number, net.Socket>();

  const keyOf = async (name: string) => (await t.runtime.apiKeys.create(name, 'integrator', 'test')).secret;

  /** A client that sends the request and never reads a byte. */
  const stalledClient = (key: string, path: string): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.pause();
        socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: Bearer ${key}\r\n\r\n`);
        resolve(socket);
      });
      socket.on('error', reject);
    });

  /** The status and body of a request whose answer is not a stream; a stream is answered with its status only. */
  const open = (key: string, path: string): Promise<{ status: number; body: string; close(): void }> =>
    new Promise((resolve, reject) => {
      const request = http.get(`http://127.0.0.1:${port}${path}`, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${key}` } }, (response) => {
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
    t = await startTestApp();
    streams = t.app.get(StreamsController);
    const server = t.app.getHttpServer() as http.Server;
    server.on('connection', (socket: net.Socket) => serverSockets.set(socket.remotePort ?? 0, socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    delete process.env.TALLY_SSE_STALL_TIMEOUT_MS;
    delete process.env.TALLY_SSE_MAX_CONNECTIONS_PER_KEY;
    await t.close();
  });

  it(`holds a small, fixed amount per client that stopped reading (${STALLED} clients over a 10 MB log)`, async () => {
    // 5,000 events of 2 KB: more than the kernel's socket buffers take for one connection (about 4 MB on loopback).
    const text = 'x'.repeat(2_000);
    for (let from = 0; from < 5_000; from += 100) {
      const batch = Array.from({ length: 100 }, (_, i) => newEvent('StalledTestNoted', { i: from + i, text }));
      await t.runtime.eventStore.appendToStream(`contact-${randomUUID()}`, batch);
    }
    const path = '/v1/streams/contact?types=StalledTestNoted';
    const keys = await Promise.all(Array.from({ length: Math.ceil(STALLED / PER_KEY) }, (_, i) => keyOf(`stalled ${i}`)));

    // One client first, so that code paths and pools are warm before the baseline.
    const warm = await stalledClient(keys[0], path);
    const stalledOnWrite = (client: net.Socket) => serverSockets.get(client.localPort ?? -1)?.writableNeedDrain === true;
    await eventually(() => expect(stalledOnWrite(warm)).toBe(true), 30_000, 50);
    warm.destroy();
    await eventually(() => expect(streams.openStreams).toBe(0));

    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();

    const clients: net.Socket[] = [];
    for (let i = 0; i < STALLED; i++) clients.push(await stalledClient(keys[i % keys.length], path));
    // Every server socket is full and waiting for a 'drain' that never comes: the api has stopped pulling.
    await eventually(() => expect(clients.filter(stalledOnWrite)).toHaveLength(STALLED), 60_000, 100);
    expect(streams.openStreams).toBe(STALLED);

    gc();
    const after = process.memoryUsage();
    const heapPerClient = (after.heapUsed - before.heapUsed) / STALLED;
    const rssPerClient = (after.rss - before.rss) / STALLED;
    const buffered = clients.map((client) => serverSockets.get(client.localPort ?? -1)?.writableLength ?? 0);
    process.stdout.write(
      `stalled sse clients: ${STALLED} clients, heap +${((after.heapUsed - before.heapUsed) / MB).toFixed(1)} MB ` +
        `(${(heapPerClient / 1024).toFixed(0)} KB each), rss +${((after.rss - before.rss) / MB).toFixed(1)} MB ` +
        `(${(rssPerClient / 1024).toFixed(0)} KB each), socket buffer at most ${Math.max(...buffered)} bytes\n`,
    );

    // The socket's buffer is one write past its high-water mark (16 KB), and the page of events is small.
    expect(Math.max(...buffered)).toBeLessThan(64 * 1024);
    expect(heapPerClient).toBeLessThan(512 * 1024);

    for (const client of clients) client.destroy();
    await eventually(() => expect(streams.openStreams).toBe(0));
    // Each client makes the api read about 4 MB (what the kernel's buffers take) before it stalls.
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
