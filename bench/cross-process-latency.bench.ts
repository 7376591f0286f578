// Latency across processes, on the PostgreSQL server: one process appends (through the store port, as a command
// handler of one api replica does), another serves the SSE stream GET /v1/streams/all and keeps the read models (an
// all-in-one api process). Measured per event, from just before the append to (a) its SSE frame at a client of the
// other process and (b) the contact-timeline read model's stored position passing it, with the other process
// woken by LISTEN/NOTIFY (TALLY_LISTEN=on) or only by its polls (off: SSE 200 ms, projections 100 ms). The same
// two figures with the append made inside the serving process (asked over its stdin; it notes the time itself, on
// the machine's monotonic clock that every process shares) are the in-process reference.
// Usage: npm run bench:cross-process [-- --events 200 --runs 1 --modes in-process,off,on]
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { comparePositions, parsePosition, PostgresEventStore, type EventStore, type NewEvent, type Position } from '#event-store';
import { openDatabase, type Database } from '#postgres';
import { ProjectionBuilds } from '#projection-engine';
import {
  cpuSecondsOf,
  freshDatabase,
  loadAverage,
  median,
  percentile,
  printTable,
  startBenchApp,
  writeResults,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    events: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    modes: { type: 'string', default: 'in-process,off,on' },
    // Internal: this file run as the serving process.
    serve: { type: 'boolean', default: false },
  },
});

/** The read model whose stored position is watched; it reads PageViewed, and every build passes every position. */
const READ_MODEL = 'contact-timeline';
const here = fileURLToPath(import.meta.url);
const register = path.join(path.dirname(here), '../test/support/ts-register.mjs');

type Mode = 'in-process' | 'off' | 'on';
type Sample = Readonly<{ sse: number; readModel: number }>;
/** An append of the event with this id: where it landed, and the monotonic time just before it was made. */
type Append = (id: string) => Promise<Readonly<{ position: Position; started: bigint }>>;

const pageViewed = (id: string): NewEvent => ({
  id,
  type: 'PageViewed',
  data: { contactId: randomUUID(), url: 'https://example.com/pricing', title: 'Pricing', referrer: null },
  metadata: { occurredAt: '2026-01-01T00:00:00.000Z', actor: 'bench', correlationId: id, causationId: null, schemaVersion: 1, source: 'bench' },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The serving process: the api with its projections (role all) over the given database; says where it listens.
 * An `append <id>` line on stdin appends in this process (poking the projections, as the command executor does).
 */
const serve = async (): Promise<void> => {
  const db = await openDatabase({ kind: 'server', url: process.env.DATABASE_URL! });
  const app = await startBenchApp(db);
  process.stdout.write(`${JSON.stringify({ baseUrl: app.baseUrl, apiKey: app.apiKey, listening: app.runtime.appendsElsewhere.listener !== null })}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const [command, id] = line.split(' ');
    if (command !== 'append') return;
    void (async () => {
      const started = process.hrtime.bigint();
      const result = await app.runtime.eventStore.appendToStream(`activity-${randomUUID()}`, [pageViewed(id)]);
      app.runtime.projections.poke();
      process.stdout.write(`${JSON.stringify({ id, started: started.toString(), position: result.position.commit.toString() })}\n`);
    })();
  });
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
};

type Server = Readonly<{ baseUrl: string; apiKey: string; pid: number; append: Append; close(): Promise<void> }>;

const startServer = async (db: Database, listen: 'on' | 'off'): Promise<Server> => {
  const child: ChildProcess = spawn(process.execPath, ['--import', register, here, '--serve'], {
    env: { ...process.env, DATABASE_URL: db.url, TALLY_LISTEN: listen, TALLY_AUTH_PEPPER: randomBytes(32).toString('base64url') },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  let output = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const first = output.split('\n').find((l) => l.startsWith('{'));
      if (first) resolve(first);
    });
    child.once('exit', (code) => reject(new Error(`the serving process exited with ${code}: ${output}`)));
  });
  const started = JSON.parse(line) as { baseUrl: string; apiKey: string; listening: boolean };
  if (started.listening !== (listen === 'on')) throw new Error(`TALLY_LISTEN=${listen} but listening=${started.listening}`);
  const appended = new Map<string, (answer: { started: string; position: string }) => void>();
  createInterface({ input: child.stdout! }).on('line', (answer) => {
    if (!answer.startsWith('{"id"')) return;
    const parsed = JSON.parse(answer) as { id: string; started: string; position: string };
    appended.get(parsed.id)?.(parsed);
  });
  return {
    baseUrl: started.baseUrl,
    apiKey: started.apiKey,
    pid: child.pid!,
    append: async (id) => {
      const answer = await new Promise<{ started: string; position: string }>((resolve) => {
        appended.set(id, resolve);
        child.stdin!.write(`append ${id}\n`);
      });
      appended.delete(id);
      return { started: BigInt(answer.started), position: parsePosition(answer.position) };
    },
    close: async () => {
      process.off('exit', orphaned);
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
};

/** An SSE client of GET /v1/streams/all: `arrival(id)` resolves with the hrtime its frame came in. */
const openSse = async (server: Pick<Server, 'baseUrl' | 'apiKey'>) => {
  const abort = new AbortController();
  const response = await fetch(`${server.baseUrl}/v1/streams/all`, {
    headers: { authorization: `Bearer ${server.apiKey}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`SSE: ${response.status}`);
  const waiting = new Map<string, (at: bigint) => void>();
  const arrived = new Map<string, bigint>();
  const reader = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body!) {
      const at = process.hrtime.bigint();
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').find((l) => l.startsWith('data:'));
        if (!data) continue;
        const { id } = JSON.parse(data.slice(5)) as { id: string };
        const resolve = waiting.get(id);
        if (resolve) resolve(at);
        else arrived.set(id, at);
      }
    }
  })().catch(() => undefined);
  return {
    arrival: (id: string): Promise<bigint> => {
      const at = arrived.get(id);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close: async () => {
      abort.abort();
      await reader;
    },
  };
};

/** Polls the read model's stored position (as any process can read it) until it passes `target`. */
const reached = async (builds: ProjectionBuilds, target: Position): Promise<bigint> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const at = await builds.activePosition(READ_MODEL);
    if (at && comparePositions(at, target) >= 0) return process.hrtime.bigint();
    if (Date.now() > deadline) throw new Error(`${READ_MODEL} did not reach ${target.commit} within 30 s`);
    await sleep(1);
  }
};

const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;

/** Appends one event at a time, paced like commands arriving, and times both deliveries of each. */
const measure = async (
  append: Append,
  server: Pick<Server, 'baseUrl' | 'apiKey'>,
  builds: ProjectionBuilds,
  count: number,
): Promise<Sample[]> => {
  const sse = await openSse(server);
  try {
    const samples: Sample[] = [];
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const { started, position } = await append(id);
      const [sseAt, readModelAt] = await Promise.all([sse.arrival(id), reached(builds, position)]);
      samples.push({ sse: ms(started, sseAt), readModel: ms(started, readModelAt) });
      // A random gap, so an append lands anywhere in the reader's poll cycle.
      await sleep(20 + Math.random() * 30);
    }
    return samples;
  } finally {
    await sse.close();
  }
};

const run = async (mode: Mode, count: number, warmup: number) => {
  const db = await freshDatabase('postgres', 10);
  const builds = new ProjectionBuilds(db.pool);
  try {
    await PostgresEventStore.migrate(db.pool);
    const server = await startServer(db, mode === 'off' ? 'off' : 'on');
    // The appending process (cross-process): this one, through a store on a pool of its own, as another api replica.
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const store: EventStore = new PostgresEventStore(pool);
    try {
      const elsewhere: Append = async (id) => {
        const started = process.hrtime.bigint();
        return { started, position: (await store.appendToStream(`activity-${randomUUID()}`, [pageViewed(id)])).position };
      };
      const append = mode === 'in-process' ? server.append : elsewhere;
      await measure(append, server, builds, warmup);
      const cpuBefore = await cpuSecondsOf(server.pid);
      const samples = await measure(append, server, builds, count);
      const cpu = (await cpuSecondsOf(server.pid)) - cpuBefore;
      return { samples, serverCpuMsPerEvent: (cpu * 1000) / count };
    } finally {
      await server.close();
      await pool.end();
    }
  } finally {
    await db.close();
  }
};

const main = async () => {
  const runs = Number(values.runs);
  const count = Number(values.events);
  const warmup = Number(values.warmup);
  const rows: Record<string, string | number>[] = [];
  const loads: string[] = [];
  for (const mode of values.modes!.split(',') as Mode[]) {
    const results: Awaited<ReturnType<typeof run>>[] = [];
    for (let r = 0; r < runs; r++) {
      loads.push(`${mode}: ${loadAverage()}`);
      results.push(await run(mode, count, warmup));
    }
    const of = (pick: (s: Sample) => number, p: number) => median(results.map((r) => percentile(r.samples.map(pick), p))).toFixed(1);
    rows.push({
      mode: mode === 'in-process' ? 'in-process' : `cross-process, LISTEN ${mode}`,
      events: count,
      'SSE p50 ms': of((s) => s.sse, 50),
      'SSE p99 ms': of((s) => s.sse, 99),
      'read model p50 ms': of((s) => s.readModel, 50),
      'read model p99 ms': of((s) => s.readModel, 99),
      'server CPU ms/event': median(results.map((r) => r.serverCpuMsPerEvent)).toFixed(2),
    });
  }
  printTable(rows);
  console.log(`load averages (1, 5, 15 min): ${loads.join(' | ')}`);
  console.log(`results: ${await writeResults('cross-process-latency', { runs, count, warmup, rows, loadAverages: loads })}`);
};

if (values.serve) await serve();
else await main();
