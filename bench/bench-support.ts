// Shared bits of the benchmark scripts: where to run, how to time, how to report.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { createApp } from '#api/app';
import { loadConfig } from '#config';
import { openDatabase, type Database } from '#postgres';
import { openRuntime, type Runtime } from '#runtime';
import { ALL_PROJECTIONS } from '#projections';

export type Target = 'pglite' | 'postgres';

export const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database: in-memory PGlite, or a new database on the server that is dropped afterwards. */
export const freshDatabase = async (target: Target, maxConnections = 20): Promise<Database> => {
  if (target === 'pglite') return openDatabase({ kind: 'embedded', dataDir: null, maxConnections });
  const name = `tally_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'server', url: url.toString(), maxConnections });
  return {
    ...db,
    close: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
};

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

export const machine = () => ({
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
});

export const printTable = (rows: readonly Record<string, string | number>[]): void => {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i])).join('  ');
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
};

export const writeResults = async (name: string, results: unknown): Promise<string> => {
  // The HTTP benchmarks run compiled (dist/bench: Nest needs decorator metadata, which tsx does not emit).
  const dir = new URL(import.meta.url.includes('/dist/bench/') ? '../../bench/results/' : './results/', import.meta.url);
  await mkdir(dir, { recursive: true });
  const file = new URL(`${name}.json`, dir);
  await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), results }, null, 2)}\n`);
  return file.pathname;
};

const adminQuery = async (sql: string): Promise<pg.QueryResult> => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
};

const urlOf = (database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

/** Contacts the synthetic history needs for about `events` events (it averages about 11 per contact). */
export const contactsFor = (events: number): number => Math.max(1, Math.round(events / 11));

/**
 * The name of a server database holding the seeded history for `contacts` (seed 'bench'), created once and kept
 * between runs as a template. Seeding runs in a child process so the caller's peak RSS is its own.
 */
export const seededTemplate = async (contacts: number): Promise<string> => {
  const name = `tally_bench_seed_${contacts}`;
  const { rows } = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (rows.length > 0) return name;
  const { spawnSync } = await import('node:child_process');
  const script = new URL(import.meta.url.endsWith('.js') ? './seed.js' : './seed.ts', import.meta.url).pathname;
  const result = spawnSync(process.execPath, [...process.execArgv, script, '--contacts', String(contacts), '--database', name], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`seeding ${name} failed`);
  return name;
};

/** A fresh server database copied from a template (CREATE DATABASE ... TEMPLATE), dropped on close. */
export const cloneDatabase = async (template: string, maxConnections = 20): Promise<Database> => {
  const name = `tally_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const db = await openDatabase({ kind: 'server', url: urlOf(name), maxConnections });
  return {
    ...db,
    close: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
};

export const createServerDatabase = async (name: string): Promise<string> => {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  return urlOf(name);
};

export const dropServerDatabase = async (name: string): Promise<void> => {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
};

/** Peak resident set size while `work` runs, sampled every 20 ms. */
export const withPeakRss = async <T>(work: () => Promise<T>): Promise<{ result: T; peakRssMiB: number }> => {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakRssMiB: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
};

export const loadAverage = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');

export type BenchApp = Readonly<{ baseUrl: string; apiKey: string; runtime: Runtime; close(): Promise<void> }>;

/** The api over `db`, listening on a free port, with projections running and a super-admin key; no rate limit. */
export const startBenchApp = async (db: Database): Promise<BenchApp> => {
  const runtime = await openRuntime(loadConfig({ TALLY_RATE_LIMIT: '100000000' }), ALL_PROJECTIONS, {
    database: db,
    authPepper: randomBytes(32),
  });
  await runtime.projections.start();
  const app = await createApp(runtime, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  const { secret } = await runtime.apiKeys.create('bench', 'super-admin', 'bench');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    apiKey: secret,
    runtime,
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
};

/** Runs `requests` calls of `call` from `clients` concurrent clients; latencies in milliseconds and requests/s. */
export const load = async (
  clients: number,
  requests: number,
  call: (index: number) => Promise<void>,
): Promise<{ latencies: number[]; perSecond: number }> => {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < requests; i = next++) {
        const at = process.hrtime.bigint();
        await call(i);
        latencies.push(Number(process.hrtime.bigint() - at) / 1e6);
      }
    }),
  );
  return { latencies, perSecond: requests / (Number(process.hrtime.bigint() - started) / 1e9) };
};

/** A JSON request that fails loudly on any status but the expected one. */
export const http = async (
  app: Pick<BenchApp, 'baseUrl' | 'apiKey'>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  expected = method === 'POST' ? 201 : 200,
) => {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${app.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
};

export type ServerRole = 'all' | 'api';

export type BenchServerOptions = Readonly<{
  /** `all`: api and projector in one process (the default); `api`: the projector runs in a second process. */
  role?: ServerRole;
  /** Write a V8 CPU profile of each child process into this folder when it exits (node --cpu-prof). */
  cpuProfileDir?: string;
  /** Extra environment for the children, e.g. TALLY_LOG_LEVEL. */
  env?: Readonly<Record<string, string>>;
  /** Role `api` only: how many api processes (replicas, as docker-compose runs two) share the load; 1 by default. */
  apis?: number;
}>;

export type BenchServer = Readonly<{
  /** The first api; loadHttp spreads its clients over every one of `baseUrls`. */
  baseUrl: string;
  baseUrls: readonly string[];
  apiKey: string;
  /** The api processes in order, then the projector's (role `api`). */
  pids: readonly number[];
  close(): Promise<void>;
}>;

export const freePort = async (): Promise<number> => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
};

// The compiled entry points: Nest needs decorator metadata, which tsx does not emit.
const distEntry = (relative: string): string =>
  new URL(import.meta.url.includes('/dist/bench/') ? `../${relative}` : `../dist/${relative}`, import.meta.url).pathname;

export type Child = Readonly<{ process: ChildProcess; output: () => string }>;

export const spawnNode = (entry: string, env: NodeJS.ProcessEnv, cpuProfileDir: string | undefined): Child => {
  const flags = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...flags, entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Keep the tail of the output to explain a failed start.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // A benchmark that dies leaves no server behind.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  child.once('exit', () => process.off('exit', orphaned));
  return { process: child, output: () => tail };
};

export const stopChild = async ({ process: child }: Child): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // SIGTERM: the entry points close the app and the runtime, and --cpu-prof writes its profile on that exit.
  child.kill('SIGTERM');
  await exited;
};

/**
 * The api as deployed: `node dist/apps/api/src/main.js` in a child process, configured by environment only, on
 * `databaseUrl` (a PostgreSQL server database the caller owns), or on an embedded PGlite in a temporary data
 * directory when null. Rate limit effectively off; the first super-admin key is read from the file main.ts writes.
 * With role `api` the projector runs in a second child process (`dist/apps/projector/src/main.js`).
 */
export const startBenchServer = async (databaseUrl: string | null, options: BenchServerOptions = {}): Promise<BenchServer> => {
  const role = options.role ?? 'all';
  if (role !== 'all' && databaseUrl === null) throw new Error('an embedded PGlite database lives inside one process: role all only');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tally-bench-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl ?? '',
    TALLY_DATA_DIR: dataDir,
    TALLY_AUTH_PEPPER: randomBytes(32).toString('base64url'),
    TALLY_RATE_LIMIT: '100000000',
    TALLY_DEMO_CONTACTS: '0',
    TALLY_ROLE: role,
    ...options.env,
  };
  const replicas = role === 'api' ? Math.max(1, options.apis ?? 1) : 1;
  const children: Child[] = [spawnNode(distEntry('apps/api/src/main.js'), env, options.cpuProfileDir)];
  const dataDirs = [dataDir];
  const close = async () => {
    await Promise.all(children.map(stopChild));
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    const baseUrls = [`http://127.0.0.1:${port}`];
    const keyFile = path.join(dataDir, 'super-admin.key');
    const apiKey = await waitForApi(baseUrls[0], keyFile, children[0]);
    // Further replicas on the same database and pepper, each with a data directory of its own (a process locks its).
    for (let i = 1; i < replicas; i++) {
      const replicaDir = await mkdtemp(path.join(os.tmpdir(), 'tally-bench-'));
      dataDirs.push(replicaDir);
      const replicaPort = await freePort();
      const replica = spawnNode(distEntry('apps/api/src/main.js'), { ...env, PORT: String(replicaPort), TALLY_DATA_DIR: replicaDir }, options.cpuProfileDir);
      children.push(replica);
      baseUrls.push(`http://127.0.0.1:${replicaPort}`);
      await waitForApi(baseUrls[i], keyFile, replica);
    }
    if (role === 'api') {
      children.push(spawnNode(distEntry('apps/projector/src/main.js'), { ...env, TALLY_ROLE: 'projector' }, options.cpuProfileDir));
    }
    return { baseUrl: baseUrls[0], baseUrls, apiKey, pids: children.map((c) => c.process.pid!), close };
  } catch (error) {
    await close();
    throw error;
  }
};

type BuildStatus = { name: string; state: string; status?: string; lagEvents: number | null; parked?: { type: string; error: string } };
const parkedSeen = new Set<string>();

/**
 * Waits until every active build has read the whole log, as the api reports it (`GET /v1/projections`), or is parked
 * on an event it cannot apply (it moves no further): that is said once, and the figures that depend on it are suspect.
 */
export const readModelsBuilt = async (api: Readonly<{ baseUrl: string; apiKey: string }>): Promise<void> => {
  const deadline = Date.now() + 3_600_000;
  for (;;) {
    const response = await fetch(`${api.baseUrl}/v1/projections`, { headers: { authorization: `Bearer ${api.apiKey}` } });
    const { data } = (await response.json()) as { data: BuildStatus[] };
    const active = data.filter((build) => build.state === 'active');
    for (const build of active) {
      if (build.status !== 'parked' || parkedSeen.has(build.name)) continue;
      parkedSeen.add(build.name);
      console.log(`warning: read model ${build.name} parked on ${build.parked?.type}: ${build.parked?.error}`);
    }
    if (active.length > 0 && active.every((build) => build.lagEvents === 0 || build.status === 'parked')) return;
    if (Date.now() > deadline) throw new Error('read models did not catch up within an hour');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** Polls until the api answers an authenticated health check with the key main.ts wrote on its first start. */
/** Polls until the api answers an authenticated health check with the key the first api wrote to `keyFile`. */
export const waitForApi = async (baseUrl: string, keyFile: string, api: Child): Promise<string> => {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (api.process.exitCode !== null) throw new Error(`the api exited with ${api.process.exitCode}:\n${api.output()}`);
    if (Date.now() > deadline) throw new Error(`the api did not start within 120 s:\n${api.output()}`);
    const apiKey = await readFile(keyFile, 'utf8').then((text) => text.trim(), () => null);
    if (apiKey) {
      const status = await fetch(`${baseUrl}/v1/health`, { headers: { authorization: `Bearer ${apiKey}` } }).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return apiKey;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux; NaN elsewhere or once it is gone).
 * Unlike a rate, CPU per command barely moves with the load others put on a shared machine.
 */
export const cpuSecondsOf = async (pid: number): Promise<number> => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return Number.NaN;
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
};

/** The server processes (backends) connected to `database`, to charge their CPU to a run. */
export const backendPids = async (database: string): Promise<number[]> => {
  const { rows } = await adminQuery(`SELECT pid FROM pg_stat_activity WHERE datname = '${database}'`);
  return rows.map((row: { pid: number }) => row.pid);
};

/** Starts counting CPU of the server's processes, the database's backends (server only) and this load generator. */
export const startCpuMeter = async (pids: readonly number[], database: string | null) => {
  const processesBefore = await Promise.all(pids.map(cpuSecondsOf));
  const backendsBefore = new Map<number, number>();
  for (const pid of database ? await backendPids(database) : []) backendsBefore.set(pid, await cpuSecondsOf(pid));
  const loadGeneratorBefore = process.cpuUsage();
  /** Milliseconds of CPU per request in each place: what the two cores are spent on, whatever else runs. */
  return async (requests: number) => {
    const { user, system } = process.cpuUsage(loadGeneratorBefore);
    let backends = Number.NaN;
    if (database) {
      backends = 0;
      // A backend that started during the run counts whole: it served this run.
      for (const pid of await backendPids(database)) backends += (await cpuSecondsOf(pid)) - (backendsBefore.get(pid) ?? 0);
    }
    const processes = (await Promise.all(pids.map(cpuSecondsOf))).map((seconds, i) => seconds - processesBefore[i]);
    const perRequest = (seconds: number) => (seconds * 1000) / requests;
    return {
      api: perRequest(processes[0]),
      projector: processes.length > 1 ? perRequest(processes[1]) : Number.NaN,
      postgres: perRequest(backends),
      loadGenerator: perRequest((user + system) / 1e6),
    };
  };
};

export type HttpRequest = Readonly<{ method: 'GET' | 'POST'; path: string; body?: unknown }>;

export type HttpLoad = Readonly<{ perSecond: number; p50: number; p99: number; requests: number }>;

// autocannon ships no type declarations: the part of its API used here.
type AutocannonResult = { latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number; [code: `${number}xx`]: number };
type Autocannon = (options: {
  url: string;
  connections: number;
  amount: number;
  sampleInt: number;
  headers: Record<string, string>;
  requests: { setupRequest: (request: Record<string, unknown>) => Record<string, unknown> }[];
}) => PromiseLike<AutocannonResult> & { on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/**
 * `requests` HTTP requests from `clients` keep-alive connections (autocannon: HDR latency histograms, no fetch
 * overhead in the measuring process). Request `i` is `request(i)`. Any non-2xx answer or socket error fails the run.
 * With several apis (`baseUrls`, replicas), the clients and requests are split evenly between them, and p50/p99 are
 * taken over every answer's time.
 */
export const loadHttp = async (
  server: Pick<BenchServer, 'baseUrl' | 'apiKey'> & Partial<Pick<BenchServer, 'baseUrls'>>,
  clients: number,
  requests: number,
  request: (index: number) => HttpRequest,
): Promise<HttpLoad> => {
  const urls = server.baseUrls && server.baseUrls.length > 1 ? server.baseUrls : [server.baseUrl];
  let next = 0;
  const times: number[] = [];
  const started = process.hrtime.bigint();
  const results = await Promise.all(
    urls.map((url, i) => {
      const share = (total: number) => Math.floor(total / urls.length) + (i < total % urls.length ? 1 : 0);
      const run = autocannon({
        url,
        connections: share(clients),
        amount: share(requests),
        // autocannon notices the last answer only at its next sample: at the default 1 s, requests/s came in
        // whole-second steps (2,000 requests in 1.1 s read as 1,000/s).
        sampleInt: 20,
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (raw) => {
              const { method, path: requestPath, body } = request(next++);
              return { ...raw, method, path: requestPath, body: body === undefined ? undefined : JSON.stringify(body) };
            },
          },
        ],
      });
      if (urls.length > 1) run.on('response', (_client, _status, _bytes, ms) => times.push(ms));
      return run;
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const failed = (key: 'non2xx' | 'errors' | 'timeouts') => results.reduce((sum, result) => sum + result[key], 0);
  if (failed('non2xx') || failed('errors') || failed('timeouts')) {
    throw new Error(`load: ${failed('non2xx')} non-2xx answers, ${failed('errors')} errors, ${failed('timeouts')} timeouts`);
  }
  if (urls.length === 1) return { perSecond: requests / seconds, p50: results[0].latency.p50, p99: results[0].latency.p99, requests };
  return { perSecond: requests / seconds, p50: percentile(times, 50), p99: percentile(times, 99), requests };
};
