// Shared bits of the benchmark scripts: where to run, how to time, how to report.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import pg from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApp } from '../apps/api/src/app.js';
import { loadConfig } from '../libs/config/src/index.js';
import { openDatabase, type Database } from '../libs/postgres/src/index.js';
import { openRuntime, type Runtime } from '../libs/runtime/src/index.js';

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
  const runtime = await openRuntime(loadConfig({ TALLY_RATE_LIMIT: '100000000' }), {
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
export const http = async (app: BenchApp, method: 'GET' | 'POST', path: string, body?: unknown, expected = method === 'POST' ? 201 : 200) => {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${app.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
};
