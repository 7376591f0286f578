// Load held: mixed traffic at a fixed rate for many minutes on the server topology (the api and a separate projector
// process, as startBenchServer role 'api' starts them), reported minute by minute.
// - Open loop: requests are sent on a fixed schedule whatever the server answers (a soak must not slow down when the
//   server does); latency is measured from the scheduled send time, so a stall shows in it.
// - Commands (single events): page views on existing contacts, new contacts, deal stage changes, logged calls.
//   Queries: lead score by contact, the contacts list, pipeline health. By default 70% commands, 30% queries.
// - 20 SSE clients on GET /v1/streams/all from the soak's first position; 2 webhook subscriptions (`*`) delivering
//   to receivers in this process, which verify the signature of every delivery.
// - Per minute: requests done, p50/p99, errors, RSS (/proc) and heap (/metrics) of the api and projector, projection
//   lag (GET /v1/projections: the slowest active build), SSE events per client and webhook events per receiver.
// - At the end: wait (bounded) for the projections, SSE clients and webhooks to reach the log's head, then check
//   that every acknowledged command's position is in tally_events (with its category), that every SSE client and
//   every webhook receiver got every event of the soak (count and sum of positions against the log, in order;
//   webhook duplicates counted), and print a verdict.
// - The rate: by default 70% (--peak-share) of the peak command rate of this same mix, measured first for
//   --peak-seconds in a closed loop of 16 clients with the SSE clients and webhooks attached.
// Usage: npm run bench:soak [-- --minutes 30 --rate N (commands/s) --peak-share 0.7 --peak-seconds 45 --sse 20
//        --webhooks 2 --queries 0.3 --database NAME --keep --timeout-ms 10000 --node-options=--max-old-space-size=160]
// --node-options is NODE_OPTIONS for the api and projector processes only (a heap limit, say), not this one.
// Ctrl-C ends the traffic early and still runs the final checks.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  cpuSecondsOf,
  createServerDatabase,
  dropServerDatabase,
  load,
  loadAverage,
  percentile,
  printTable,
  serverUrl,
  startBenchServer,
  writeResults,
  type BenchServer,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    rate: { type: 'string' },
    'peak-share': { type: 'string', default: '0.7' },
    'peak-seconds': { type: 'string', default: '45' },
    sse: { type: 'string', default: '20' },
    webhooks: { type: 'string', default: '2' },
    queries: { type: 'string', default: '0.3' },
    contacts: { type: 'string', default: '500' },
    deals: { type: 'string', default: '100' },
    database: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'timeout-ms': { type: 'string', default: '10000' },
    'max-in-flight': { type: 'string', default: '1000' },
    'node-options': { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const sseClients = Number(values.sse);
const webhookCount = Number(values.webhooks);
const queryShare = Number(values.queries);
const peakSeconds = Number(values['peak-seconds']);
const timeoutMs = Number(values['timeout-ms']);
const maxInFlight = Number(values['max-in-flight']);
const MINUTE_MS = 60_000;
const SAMPLE_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

// ---------------------------------------------------------------------------------------------------------------
// HTTP: node:http over keep-alive sockets (cheaper per request than fetch in the load generator), with a deadline.

type Reply = Readonly<{ status: number; body: string; failure?: 'timeout' | 'socket' }>;

// Idle sockets close after 4 s, before the api's (Node's default 5 s keep-alive timeout) would close one under a
// request sent on it (ECONNRESET / socket hang up: a race of the client's, not an error of the server's).
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024, timeout: 4000 });

const makeSender = (server: Pick<BenchServer, 'baseUrl' | 'apiKey'>) => {
  const { hostname, port } = new URL(server.baseUrl);
  return (method: string, path: string, body?: unknown, deadline = timeoutMs): Promise<Reply> =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      let timedOut = false;
      const request = http.request(
        {
          host: hostname,
          port: Number(port),
          method,
          path,
          agent,
          headers: {
            authorization: `Bearer ${server.apiKey}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            clearTimeout(timer);
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
          });
          response.on('error', () => {
            clearTimeout(timer);
            resolve({ status: 0, body: '', failure: timedOut ? 'timeout' : 'socket' });
          });
        },
      );
      const timer = setTimeout(() => {
        timedOut = true;
        request.destroy(new Error('timeout'));
      }, deadline);
      request.on('error', (error) => {
        clearTimeout(timer);
        resolve({ status: 0, body: error.message, failure: timedOut ? 'timeout' : 'socket' });
      });
      request.end(payload);
    });
};
type Send = ReturnType<typeof makeSender>;

const ok = (reply: Reply) => reply.status >= 200 && reply.status < 300;

const expectOk = (what: string, reply: Reply): Record<string, unknown> => {
  if (!ok(reply)) throw new Error(`${what}: ${reply.status} ${reply.failure ?? ''} ${reply.body.slice(0, 300)}`);
  return JSON.parse(reply.body) as Record<string, unknown>;
};

// ---------------------------------------------------------------------------------------------------------------
// Per-minute accounting.

type Minute = {
  commandLatencies: number[];
  queryLatencies: number[];
  non2xx: number;
  timeouts: number;
  socketErrors: number;
  dropped: number;
  sseDrops: number;
  badSignatures: number;
  sseEvents: number[];
  webhookEvents: number[];
  webhookDuplicates: number[];
  lagEventsMax: number;
  lagMsMax: number;
  apiRss: number;
  projectorRss: number;
  apiHeap: number | null;
  poolWaitingMax: number;
  apiRssMax: number;
  projectorRssMax: number;
};

const newMinute = (): Minute => ({
  commandLatencies: [],
  queryLatencies: [],
  non2xx: 0,
  timeouts: 0,
  socketErrors: 0,
  dropped: 0,
  sseDrops: 0,
  badSignatures: 0,
  sseEvents: Array.from({ length: sseClients }, () => 0),
  webhookEvents: Array.from({ length: webhookCount }, () => 0),
  webhookDuplicates: Array.from({ length: webhookCount }, () => 0),
  lagEventsMax: 0,
  lagMsMax: 0,
  apiRss: 0,
  projectorRss: 0,
  apiHeap: null,
  poolWaitingMax: 0,
  apiRssMax: 0,
  projectorRssMax: 0,
});

let current = newMinute();
const errorSamples: string[] = [];
const noteError = (what: string) => {
  if (errorSamples.length < 20) errorSamples.push(`${new Date().toISOString()} ${what}`);
};

// ---------------------------------------------------------------------------------------------------------------
// SSE clients: count, sum and order of positions after `from`; reconnect from the last position if cut.

type SseClient = { received: number; sum: bigint; last: bigint; outOfOrder: number; reconnects: number; close(): Promise<void> };

const openSse = (server: Pick<BenchServer, 'baseUrl' | 'apiKey'>, index: number, from: bigint, until: () => boolean): SseClient => {
  const client: SseClient = { received: 0, sum: 0n, last: from, outOfOrder: 0, reconnects: 0, close: async () => undefined };
  const abort = new AbortController();
  const run = (async () => {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch(`${server.baseUrl}/v1/streams/all?from=${client.last}`, {
          headers: { authorization: `Bearer ${server.apiKey}`, accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) throw new Error(`SSE ${index}: ${response.status} ${await response.text()}`);
        const decoder = new TextDecoder();
        let buffer = '';
        for await (const chunk of response.body) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            // The frame's `id:` line is the event's position: enough to count, sum and order without parsing data.
            const idLine = /^id: (\d+)$/m.exec(message);
            if (idLine === null) continue;
            const position = BigInt(idLine[1]);
            if (position <= client.last) {
              client.outOfOrder++;
              continue;
            }
            client.last = position;
            client.received++;
            client.sum += position;
            current.sseEvents[index]++;
          }
        }
        if (abort.signal.aborted) return;
        throw new Error(`SSE ${index}: the stream ended`);
      } catch (error) {
        if (abort.signal.aborted) return;
        if (!until()) {
          current.sseDrops++;
          noteError(`SSE ${index}: ${(error as Error).message}`);
        }
        client.reconnects++;
        await sleep(200);
      }
    }
  })();
  client.close = async () => {
    abort.abort();
    await run;
  };
  return client;
};

// ---------------------------------------------------------------------------------------------------------------
// Webhook receivers: verify Tally-Signature, count events after `from` in order, duplicates (a position at or below
// the last one seen: a subscription delivers in log order, so a repeat is always behind it).

type Receiver = {
  url: string;
  secret: string;
  subscriptionId: string;
  from: bigint;
  received: number;
  sum: bigint;
  last: bigint;
  duplicates: number;
  deliveries: number;
  close(): Promise<void>;
};

const verifySignature = (secret: string, raw: string, header: string | undefined): boolean => {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex')) && Math.abs(Date.now() / 1000 - Number(match[1])) <= 300;
};

const startReceiver = async (index: number): Promise<Receiver> => {
  const receiver: Receiver = {
    url: '',
    secret: '',
    subscriptionId: '',
    // Nothing counts until the soak's start position is known (set-up deliveries arrive before it).
    from: 2n ** 63n,
    received: 0,
    sum: 0n,
    last: -1n,
    duplicates: 0,
    deliveries: 0,
    close: async () => undefined,
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString();
      if (receiver.secret && !verifySignature(receiver.secret, raw, request.headers['tally-signature'] as string | undefined)) {
        current.badSignatures++;
        noteError(`webhook ${index}: bad signature`);
        response.writeHead(401).end();
        return;
      }
      receiver.deliveries++;
      const { events } = JSON.parse(raw) as { events: { position: string }[] };
      for (const event of events) {
        const position = BigInt(event.position);
        if (position <= receiver.from) continue;
        if (position <= receiver.last) {
          receiver.duplicates++;
          current.webhookDuplicates[index]++;
          continue;
        }
        receiver.last = position;
        receiver.received++;
        receiver.sum += position;
        current.webhookEvents[index]++;
      }
      response.writeHead(200).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook-${index}`;
  receiver.close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close').catch(() => undefined);
  };
  return receiver;
};

// ---------------------------------------------------------------------------------------------------------------
// Process figures.

const vmRss = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
};

type Build = { name: string; state: string; lagEvents: number | null; lagMs: number | null; status: string };

const projectionLag = async (send: Send): Promise<{ events: number; ms: number; builds: Build[] } | null> => {
  const reply = await send('GET', '/v1/projections');
  if (!ok(reply)) return null;
  const builds = (JSON.parse(reply.body) as { data: Build[] }).data.filter((b) => b.state === 'active');
  return {
    events: Math.max(0, ...builds.map((b) => b.lagEvents ?? 0)),
    ms: Math.max(0, ...builds.map((b) => b.lagMs ?? 0)),
    builds,
  };
};

/** The api's heap (prom-client's nodejs_heap_size_used_bytes) and its pools' queued checkouts, from /metrics. */
const apiMetrics = async (send: Send): Promise<{ heap: number | null; poolWaiting: number | null }> => {
  const reply = await send('GET', '/metrics');
  if (!ok(reply)) return { heap: null, poolWaiting: null };
  const match = /^(?:tally_)?nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)/m.exec(reply.body);
  let poolWaiting = 0;
  for (const m of reply.body.matchAll(/^tally_db_pool_connections\{[^}]*state="waiting"[^}]*\} (\S+)/gm)) poolWaiting += Number(m[1]);
  return { heap: match ? Number(match[1]) : null, poolWaiting };
};

// ---------------------------------------------------------------------------------------------------------------

const main = async () => {
  const database = values.database ?? `tally_bench_soak_${process.pid}`;
  const url = await createServerDatabase(database);
  const receivers: Receiver[] = [];
  const sse: SseClient[] = [];
  let server: BenchServer | null = null;
  let ending = false;
  try {
    for (let i = 0; i < webhookCount; i++) receivers.push(await startReceiver(i));
    server = await startBenchServer(url, {
      role: 'api',
      env: {
        TALLY_LOG_LEVEL: 'warn',
        // The receivers listen on loopback, which webhooks refuse by default.
        TALLY_OUTBOUND_PRIVATE_NETWORK: 'allow',
        TALLY_SSE_MAX_CONNECTIONS_PER_KEY: String(Math.max(20, sseClients + 5)),
        ...(values['node-options'] ? { NODE_OPTIONS: values['node-options'] } : {}),
      },
    });
    const [apiPid, projectorPid] = server.pids;
    const send = makeSender(server);
    const runId = randomUUID().slice(0, 8);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      // Subscriptions first: they deliver the events appended from their creation on.
      for (const receiver of receivers) {
        const answer = expectOk('POST /v1/webhooks', await send('POST', '/v1/webhooks', { url: receiver.url, eventTypes: ['*'] }));
        receiver.secret = String(answer.secret);
        receiver.subscriptionId = String(answer.id);
      }

      let rate = values.rate === undefined ? Number.NaN : Number(values.rate);
      let peak: number | null = null;

      // The data the traffic acts on.
      const contacts: string[] = [];
      const scored: string[] = [];
      const setupContacts = Number(values.contacts);
      await load(16, setupContacts, async (i) => {
        const body = { email: `soak-${runId}-${i}@example.com`, firstName: 'Soak', lastName: `N${i}`, source: 'api' };
        const id = String(expectOk('create contact', await send('POST', '/v1/contacts', body)).id);
        expectOk('page view', await send('POST', `/v1/contacts/${id}/page-views`, { url: 'https://example.com/', title: 'Home' }));
        contacts.push(id);
        scored.push(id);
      });
      const owners: string[] = [];
      for (let i = 0; i < 5; i++) {
        const body = { name: `Rep ${i}`, email: `rep-${runId}-${i}@example.com`, role: 'sales' };
        owners.push(String(expectOk('create owner', await send('POST', '/v1/owners', body)).id));
      }
      const pipeline = expectOk('GET pipeline', await send('GET', '/v1/pipelines/default')) as { stages: { id: string; closed: string | null; archived: boolean }[] };
      const openStages = pipeline.stages.filter((s) => s.closed === null && !s.archived).map((s) => s.id);
      if (openStages.length < 2) throw new Error(`the default pipeline has ${openStages.length} open stages`);
      const deals: { id: string; stage: number }[] = [];
      await load(8, Number(values.deals), async (i) => {
        const body = { name: `Soak ${i}`, amount: '1000.00', currency: 'USD', stageId: openStages[0] };
        deals.push({ id: String(expectOk('create deal', await send('POST', '/v1/deals', body)).id), stage: 0 });
      });

      // Settle, then the soak starts after the log's head.
      const settle = async (after: string) => {
        const settleDeadline = Date.now() + 120_000;
        for (;;) {
          const lag = await projectionLag(send);
          if (lag && lag.events === 0) return;
          if (Date.now() > settleDeadline) throw new Error(`the projections did not catch up with ${after} within 120 s`);
          await sleep(250);
        }
      };
      await settle('the set-up');
      const startPosition = BigInt((await db.query<{ head: string | null }>('SELECT max(position)::text AS head FROM tally_events')).rows[0].head ?? '-1');
      for (const receiver of receivers) receiver.from = startPosition;
      for (let i = 0; i < sseClients; i++) sse.push(openSse(server, i, startPosition, () => ending));
      await sleep(500);

      // ---- traffic ----
      type Ack = { position: string; category: string };
      const acks: Ack[] = [];
      const busyContacts = new Set<number>();
      const busyDeals = new Set<number>();
      let inFlight = 0;
      let commandsSent = 0;
      let queriesSent = 0;
      let newContacts = 0;
      const pick = (size: number, busy: Set<number>): number | null => {
        for (let tries = 0; tries < 8; tries++) {
          const i = Math.floor(Math.random() * size);
          if (!busy.has(i)) return i;
        }
        return null;
      };
      const record = (kind: 'command' | 'query', scheduled: number, reply: Reply, what: string) => {
        const latency = performance.now() - scheduled;
        if (reply.failure === 'timeout') current.timeouts++;
        else if (reply.failure === 'socket') current.socketErrors++;
        else if (!ok(reply)) current.non2xx++;
        if (!ok(reply)) noteError(`${what}: ${reply.status} ${reply.failure ?? ''} ${reply.body.slice(0, 200)}`);
        (kind === 'command' ? current.commandLatencies : current.queryLatencies).push(latency);
      };
      const command = async (scheduled: number) => {
        const roll = Math.random();
        let method = 'POST';
        let path: string;
        let body: unknown;
        let category: string;
        let release = () => {};
        const contact = roll < 0.5 ? pick(contacts.length, busyContacts) : null;
        const deal = roll >= 0.65 && roll < 0.85 ? pick(deals.length, busyDeals) : null;
        if (contact !== null) {
          // A page view on an existing contact (one in flight per contact: its activity stream).
          busyContacts.add(contact);
          release = () => busyContacts.delete(contact);
          path = `/v1/contacts/${contacts[contact]}/page-views`;
          body = { url: `https://example.com/docs/${commandsSent % 97}`, title: 'Docs' };
          category = 'activity';
        } else if (deal !== null) {
          // A deal moves to the next open stage (one in flight per deal).
          busyDeals.add(deal);
          const next = (deals[deal].stage + 1) % openStages.length;
          release = () => busyDeals.delete(deal);
          method = 'PUT';
          path = `/v1/deals/${deals[deal].id}/stage`;
          body = { stageId: openStages[next] };
          category = 'deal';
          deals[deal].stage = next;
        } else if (roll < 0.65) {
          const n = newContacts++;
          path = '/v1/contacts';
          body = { email: `new-${runId}-${n}@example.com`, firstName: 'New', source: 'api' };
          category = 'contact';
        } else {
          path = '/v1/engagements';
          body = { kind: 'call', ownerId: owners[commandsSent % owners.length], contactIds: [contacts[Math.floor(Math.random() * contacts.length)]], durationMinutes: 5, outcome: 'connected' };
          category = 'engagement';
        }
        const reply = await send(method, path, body);
        release();
        record('command', scheduled, reply, `${method} ${path}`);
        if (ok(reply)) {
          const answer = JSON.parse(reply.body) as { id: string; position: string | null };
          if (answer.position !== null) acks.push({ position: answer.position, category });
          if (category === 'contact') contacts.push(answer.id);
        }
      };
      const query = async (scheduled: number) => {
        const roll = Math.random();
        const path =
          roll < 0.5
            ? `/v1/read-models/lead-scores/${scored[Math.floor(Math.random() * scored.length)]}`
            : roll < 0.75
              ? '/v1/contacts?limit=50'
              : '/v1/read-models/pipeline-health';
        record('query', scheduled, await send('GET', path), `GET ${path}`);
      };
      const launch = (kind: 'command' | 'query', scheduled: number) => {
        if (inFlight >= maxInFlight) {
          current.dropped++;
          noteError(`${kind} not sent: ${inFlight} requests in flight`);
          return;
        }
        inFlight++;
        void (kind === 'command' ? command(scheduled) : query(scheduled)).finally(() => inFlight--);
      };

      // Peak: the soak's own mix from 16 clients in a closed loop, with the SSE clients and webhooks attached, so the
      // share below is of what this traffic can sustain (page views alone cost less than the mix: 70% of their peak
      // overloaded the machine). Its events are part of the log the final checks cover.
      if (values.rate === undefined) {
        const peakStarted = performance.now();
        const peakEnd = peakStarted + peakSeconds * 1000;
        let peakCommands = 0;
        await Promise.all(
          Array.from({ length: 16 }, async () => {
            while (performance.now() < peakEnd) {
              if (Math.random() < queryShare) await query(performance.now());
              else {
                await command(performance.now());
                commandsSent++;
                peakCommands++;
              }
            }
          }),
        );
        peak = peakCommands / ((performance.now() - peakStarted) / 1000);
        rate = peak * Number(values['peak-share']);
        const peakErrors = current.non2xx + current.timeouts + current.socketErrors;
        const p99 = current.commandLatencies.length ? percentile(current.commandLatencies, 99) : Number.NaN;
        console.log(
          `peak: ${Math.round(peak)} commands/s of the mix (16 clients, ${peakSeconds} s, command p99 ${p99.toFixed(0)} ms, ${peakErrors} errors); soak rate ${Math.round(rate)} commands/s`,
        );
        await settle('the peak');
        current = newMinute();
        commandsSent = 0;
      }
      const queryRate = (rate * queryShare) / (1 - queryShare);

      let stopRequested = false;
      const onSigint = () => {
        stopRequested = true;
        console.log('\nSIGINT: ending the traffic, then checking');
      };
      process.once('SIGINT', onSigint);

      const rows: Record<string, string | number>[] = [];
      const minuteFigures: Record<string, unknown>[] = [];
      const header =
        'min  cmds  cmd p50  cmd p99  qrys  q p50  q p99  errors  api RSS/heap MiB  proj RSS MiB  pool wait  lag ev/ms (max)  SSE ev/client min-max  webhook ev (dups)  api/proj CPU s  load';
      console.log(`soak: ${minutes} min, ${rate.toFixed(0)} commands/s + ${queryRate.toFixed(0)} queries/s, ${sseClients} SSE clients, ${webhookCount} webhooks, database ${database}`);
      console.log(header);

      const started = performance.now();
      let cpuBefore = await Promise.all([apiPid, projectorPid].map(cpuSecondsOf));
      const sampler = async () => {
        const [lag, metrics, apiRss, projectorRss] = await Promise.all([projectionLag(send), apiMetrics(send), vmRss(apiPid), vmRss(projectorPid)]);
        if (lag) {
          current.lagEventsMax = Math.max(current.lagEventsMax, lag.events);
          current.lagMsMax = Math.max(current.lagMsMax, lag.ms);
        }
        current.apiHeap = metrics.heap;
        current.poolWaitingMax = Math.max(current.poolWaitingMax, metrics.poolWaiting ?? 0);
        current.apiRss = apiRss;
        current.projectorRss = projectorRss;
        current.apiRssMax = Math.max(current.apiRssMax, apiRss);
        current.projectorRssMax = Math.max(current.projectorRssMax, projectorRss);
      };
      const closeMinute = async (index: number) => {
        await sampler();
        const m = current;
        current = newMinute();
        const cpuNow = await Promise.all([apiPid, projectorPid].map(cpuSecondsOf));
        const cpu = cpuNow.map((c, i) => c - cpuBefore[i]);
        cpuBefore = cpuNow;
        const p = (values: number[], q: number) => (values.length ? percentile(values, q) : Number.NaN);
        const errors = m.non2xx + m.timeouts + m.socketErrors + m.dropped + m.sseDrops + m.badSignatures;
        const figures = {
          minute: index + 1,
          commands: m.commandLatencies.length,
          commandP50: p(m.commandLatencies, 50),
          commandP99: p(m.commandLatencies, 99),
          queries: m.queryLatencies.length,
          queryP50: p(m.queryLatencies, 50),
          queryP99: p(m.queryLatencies, 99),
          errors,
          non2xx: m.non2xx,
          timeouts: m.timeouts,
          socketErrors: m.socketErrors,
          dropped: m.dropped,
          sseDrops: m.sseDrops,
          badSignatures: m.badSignatures,
          apiRssMiB: mib(m.apiRss),
          apiRssMaxMiB: mib(m.apiRssMax),
          apiHeapMiB: m.apiHeap === null ? null : mib(m.apiHeap),
          apiPoolWaitingMax: m.poolWaitingMax,
          projectorRssMiB: mib(m.projectorRss),
          projectorRssMaxMiB: mib(m.projectorRssMax),
          lagEventsMax: m.lagEventsMax,
          lagMsMax: m.lagMsMax,
          sseEventsMin: m.sseEvents.length ? Math.min(...m.sseEvents) : null,
          sseEventsMax: m.sseEvents.length ? Math.max(...m.sseEvents) : null,
          webhookEvents: m.webhookEvents,
          webhookDuplicates: m.webhookDuplicates,
          apiCpuSeconds: cpu[0],
          projectorCpuSeconds: cpu[1],
          loadAverage: loadAverage(),
        };
        minuteFigures.push(figures);
        const row = {
          min: figures.minute,
          cmds: figures.commands,
          'cmd p50': figures.commandP50.toFixed(1),
          'cmd p99': figures.commandP99.toFixed(1),
          qrys: figures.queries,
          'q p50': figures.queryP50.toFixed(1),
          'q p99': figures.queryP99.toFixed(1),
          errors,
          'api RSS/heap MiB': `${figures.apiRssMiB}/${figures.apiHeapMiB ?? 'n/a'}`,
          'proj RSS MiB': figures.projectorRssMiB,
          'pool wait': figures.apiPoolWaitingMax,
          'lag ev/ms (max)': `${figures.lagEventsMax}/${figures.lagMsMax}`,
          'SSE ev/client min-max': figures.sseEventsMin === null ? '-' : `${figures.sseEventsMin}-${figures.sseEventsMax}`,
          'webhook ev (dups)': m.webhookEvents.map((e, i) => `${e}(${m.webhookDuplicates[i]})`).join(' '),
          'api/proj CPU s': `${cpu[0].toFixed(1)}/${cpu[1].toFixed(1)}`,
          load: figures.loadAverage.split(' ')[0],
        };
        rows.push(row);
        console.log(Object.values(row).map(String).join('  '));
        if (!Number.isFinite(m.apiRss) || !Number.isFinite(m.projectorRss)) {
          console.log(`     ${Number.isFinite(m.apiRss) ? 'the projector' : 'the api'} process is gone (no /proc/<pid>/status)`);
          noteError(`${Number.isFinite(m.apiRss) ? 'projector' : 'api'} process gone in minute ${index + 1}`);
        }
        if (errors > 0) console.log(`     errors: ${m.non2xx} non-2xx, ${m.timeouts} timeouts, ${m.socketErrors} socket, ${m.dropped} not sent, ${m.sseDrops} SSE drops, ${m.badSignatures} bad signatures`);
      };

      // The schedule: request i of a kind is due at started + i / rate.
      let minuteIndex = 0;
      let nextSample = started + SAMPLE_MS;
      const endAt = started + minutes * MINUTE_MS;
      for (;;) {
        const now = performance.now();
        if (now >= endAt || stopRequested) break;
        while (started + (commandsSent * 1000) / rate <= now) launch('command', started + (commandsSent++ * 1000) / rate);
        while (queryRate > 0 && started + (queriesSent * 1000) / queryRate <= now) launch('query', started + (queriesSent++ * 1000) / queryRate);
        if (now >= nextSample) {
          nextSample += SAMPLE_MS;
          void sampler();
        }
        if (now >= started + (minuteIndex + 1) * MINUTE_MS) await closeMinute(minuteIndex++);
        await sleep(2);
      }
      const trafficSeconds = (performance.now() - started) / 1000;
      // The requests still in flight finish within their deadline.
      const drainDeadline = Date.now() + timeoutMs + 1000;
      while (inFlight > 0 && Date.now() < drainDeadline) await sleep(20);
      if (current.commandLatencies.length + current.queryLatencies.length > 0) await closeMinute(minuteIndex++);
      process.off('SIGINT', onSigint);


      // ---- the end: catch up (bounded), then check against the log ----
      const head = BigInt((await db.query<{ head: string | null }>('SELECT max(position)::text AS head FROM tally_events')).rows[0].head ?? '-1');
      const catchUpStarted = Date.now();
      const catchUpDeadline = catchUpStarted + 180_000;
      let lag = await projectionLag(send);
      while (Date.now() < catchUpDeadline) {
        lag = await projectionLag(send);
        const projectionsDone = lag !== null && lag.events === 0;
        const sseDone = sse.every((c) => c.last >= head);
        const webhooksDone = receivers.every((r) => r.last >= head);
        if (projectionsDone && sseDone && webhooksDone) break;
        await sleep(250);
      }
      const catchUpSeconds = (Date.now() - catchUpStarted) / 1000;
      ending = true;
      // The log after the soak's start, up to a position: what a client that got that far must have received.
      const logUpTo = async (upTo: bigint) => {
        const { rows } = await db.query<{ count: string; sum: string | null }>(
          'SELECT count(*)::text AS count, sum(position)::text AS sum FROM tally_events WHERE position > $1 AND position <= $2',
          [startPosition.toString(), upTo.toString()],
        );
        return { count: Number(rows[0].count), sum: BigInt(rows[0].sum ?? '0') };
      };
      const logCount = (await logUpTo(head)).count;
      /** A reader that got to `last` (at least the head, or it missed the rest) must hold every event up to there. */
      const check = async (received: number, sum: bigint, last: bigint) => {
        const expected = await logUpTo(last > head ? last : head);
        return { missing: expected.count - received, sumMatches: expected.sum === sum, reachedHead: last >= head };
      };
      // Every acknowledged command's last event, by position and category.
      let acksMissing = 0;
      const missingSamples: string[] = [];
      for (let i = 0; i < acks.length; i += 50_000) {
        const chunk = acks.slice(i, i + 50_000);
        const { rows: missing } = await db.query<{ p: string; c: string }>(
          `SELECT a.p::text AS p, a.c FROM unnest($1::bigint[], $2::text[]) AS a(p, c)
           LEFT JOIN tally_events e ON e.position = a.p AND e.category = a.c WHERE e.position IS NULL`,
          [chunk.map((a) => a.position), chunk.map((a) => a.category)],
        );
        acksMissing += missing.length;
        for (const row of missing.slice(0, 10 - missingSamples.length)) missingSamples.push(`${row.c}@${row.p}`);
      }
      const sseResults = [];
      for (const [i, c] of sse.entries()) {
        sseResults.push({ client: i, received: c.received, ...(await check(c.received, c.sum, c.last)), outOfOrder: c.outOfOrder, reconnects: c.reconnects });
      }
      const webhookResults = [];
      for (const [i, r] of receivers.entries()) {
        webhookResults.push({ receiver: i, subscriptionId: r.subscriptionId, deliveries: r.deliveries, received: r.received, ...(await check(r.received, r.sum, r.last)), duplicates: r.duplicates });
      }
      const subscriptions = await send('GET', '/v1/webhooks');
      const subscriptionStates = ok(subscriptions)
        ? (JSON.parse(subscriptions.body) as { data: { id: string; status: string; consecutiveFailures?: number }[] }).data.map(
            (s) => `${s.status}, ${s.consecutiveFailures ?? 0} failures in a row`,
          )
        : [`GET /v1/webhooks: ${subscriptions.status}`];

      // ---- verdict ----
      const full = minuteFigures.filter((m) => (m.commands as number) > 0);
      // The first minute warms up (JIT, pools, caches) and a partial last minute is short: both shown, not judged.
      const judged = full.length > 2 ? full.slice(1, minutes >= full.length ? full.length : -1) : full;
      const ratio = (pick: (m: Record<string, unknown>) => number) => {
        const xs = judged.map(pick).filter((x) => Number.isFinite(x) && x > 0);
        return xs.length ? Math.max(...xs) / Math.min(...xs) : Number.NaN;
      };
      const slope = (pick: (m: Record<string, unknown>) => number) => {
        // Least-squares MiB per minute over the judged minutes.
        const xs = judged.map((_, i) => i);
        const ys = judged.map(pick);
        const n = xs.length;
        if (n < 2) return Number.NaN;
        const mx = xs.reduce((a, b) => a + b, 0) / n;
        const my = ys.reduce((a, b) => a + b, 0) / n;
        const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
        const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
        return num / den;
      };
      const totalErrors = minuteFigures.reduce((a, m) => a + (m.errors as number), 0);
      const sseMissing = sseResults.reduce((a, r) => a + Math.max(0, r.missing) + (r.sumMatches ? 0 : 1), 0);
      const webhookMissing = webhookResults.reduce((a, r) => a + Math.max(0, r.missing) + (r.sumMatches ? 0 : 1), 0);
      const verdict = {
        judgedMinutes: judged.map((m) => m.minute),
        commandP99MaxOverMin: ratio((m) => m.commandP99 as number),
        queryP99MaxOverMin: ratio((m) => m.queryP99 as number),
        apiRssMaxOverMin: ratio((m) => m.apiRssMiB as number),
        projectorRssMaxOverMin: ratio((m) => m.projectorRssMiB as number),
        apiRssSlopeMiBPerMinute: slope((m) => m.apiRssMiB as number),
        projectorRssSlopeMiBPerMinute: slope((m) => m.projectorRssMiB as number),
        apiHeapSlopeMiBPerMinute: slope((m) => (m.apiHeapMiB as number | null) ?? Number.NaN),
        lagEventsMax: Math.max(...judged.map((m) => m.lagEventsMax as number)),
        lagMsMax: Math.max(...judged.map((m) => m.lagMsMax as number)),
        errors: totalErrors,
        acknowledged: acks.length,
        acknowledgedMissing: acksMissing,
        sseMissing,
        webhookMissing,
        webhookDuplicates: webhookResults.reduce((a, r) => a + r.duplicates, 0),
      };
      // Flat: p99 within 2x across the judged minutes, RSS within 25% and growing < 1% of the first judged minute per minute,
      // and the projections' worst lag under a second or within 2x of its median minute (ratios of a few ms are noise).
      const lags = judged.map((m) => m.lagMsMax as number);
      const lagFlat = lags.length === 0 || Math.max(...lags) <= 1000 || Math.max(...lags) <= 2 * percentile(lags, 50);
      const rssFlat = (ratioOf: number, slopeOf: number, first: number) => ratioOf <= 1.25 && !(slopeOf > 0.01 * first);
      const firstApi = (judged[0]?.apiRssMiB as number) ?? 0;
      const firstProjector = (judged[0]?.projectorRssMiB as number) ?? 0;
      const flat =
        verdict.commandP99MaxOverMin <= 2 &&
        verdict.queryP99MaxOverMin <= 2 &&
        rssFlat(verdict.apiRssMaxOverMin, verdict.apiRssSlopeMiBPerMinute, firstApi) &&
        rssFlat(verdict.projectorRssMaxOverMin, verdict.projectorRssSlopeMiBPerMinute, firstProjector) &&
        lagFlat;

      console.log('');
      printTable(rows);
      console.log('');
      console.log(
        `traffic: ${trafficSeconds.toFixed(0)} s, ${commandsSent} commands (${(commandsSent / trafficSeconds).toFixed(0)}/s) and ${queriesSent} queries (${(queriesSent / trafficSeconds).toFixed(0)}/s) scheduled; ${newContacts} new contacts`,
      );
      console.log(`log: ${logCount} events after the soak's start position, up to ${head}; caught up in ${catchUpSeconds.toFixed(1)} s (lag then ${lag ? `${lag.events} events` : 'unknown'})`);
      console.log(`acknowledged commands with an event: ${acks.length}; not in the log: ${acksMissing}${missingSamples.length ? ` (${missingSamples.join(', ')})` : ''}`);
      console.log(
        `SSE: received ${sseResults.length ? `${Math.min(...sseResults.map((r) => r.received))}-${Math.max(...sseResults.map((r) => r.received))}` : '-'} of ${logCount} per client; missing ${sseMissing}; out of order ${sseResults.reduce((a, r) => a + r.outOfOrder, 0)}; reconnects ${sseResults.reduce((a, r) => a + r.reconnects, 0)}`,
      );
      for (const [i, r] of webhookResults.entries()) {
        console.log(`webhook ${i}: ${r.received} of ${logCount} events in ${r.deliveries} deliveries, missing ${r.missing}${r.sumMatches ? '' : ' (positions differ)'}, duplicates ${r.duplicates}; ${subscriptionStates[i] ?? ''}`);
      }
      if (errorSamples.length) console.log(`first errors:\n  ${errorSamples.join('\n  ')}`);
      const f = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
      console.log(
        `verdict over minutes ${verdict.judgedMinutes.join(',') || '-'}: p99 max/min commands ${f(verdict.commandP99MaxOverMin)}, queries ${f(verdict.queryP99MaxOverMin)}; ` +
          `RSS max/min api ${f(verdict.apiRssMaxOverMin)} (${f(verdict.apiRssSlopeMiBPerMinute, 1)} MiB/min), projector ${f(verdict.projectorRssMaxOverMin)} (${f(verdict.projectorRssSlopeMiBPerMinute, 1)} MiB/min); ` +
          `api heap ${f(verdict.apiHeapSlopeMiBPerMinute, 1)} MiB/min; lag max ${verdict.lagEventsMax} events / ${verdict.lagMsMax} ms`,
      );
      const pass = flat && totalErrors === 0 && acksMissing === 0 && sseMissing === 0 && webhookMissing === 0;
      console.log(
        `VERDICT: ${pass ? 'PASS' : 'FAIL'}: ${flat ? 'flat' : 'NOT flat'} (p99 within 2x, RSS within 25% and < 1%/min growth, lag under 1 s or within 2x); ` +
          `${totalErrors} errors; ${acksMissing} acknowledged events missing; ${sseMissing} SSE and ${webhookMissing} webhook events missing (${verdict.webhookDuplicates} webhook duplicates)`,
      );
      console.log("heap and pool wait (max queued checkouts): the api's /metrics; the projector serves no HTTP, so its heap is not available.");
      const file = await writeResults('soak', {
        options: { minutes, rate, peak, queryShare, sseClients, webhookCount, database, nodeOptions: values['node-options'] ?? null, server: serverUrl.replace(/\/\/[^@]*@/, '//') },
        minutes: minuteFigures,
        log: { startPosition: startPosition.toString(), head: head.toString(), events: logCount },
        acknowledged: acks.length,
        acknowledgedMissing: acksMissing,
        sse: sseResults,
        webhooks: webhookResults,
        subscriptionStates,
        verdict: { ...verdict, flat, pass },
        errorSamples,
      });
      console.log(`results: ${file}`);
    } finally {
      await db.end();
    }
  } finally {
    ending = true;
    await Promise.all(sse.map((c) => c.close()));
    if (server) await server.close();
    await Promise.all(receivers.map((r) => r.close()));
    agent.destroy();
    if (!values.keep) await dropServerDatabase(database);
  }
};

await main();
