// Rebuild throughput with 1, 2 and 3 projector processes sharing the builds through leases (lead score split into
// partitions), on the PostgreSQL server. Per run: a database copied from the seeded template, N projector processes
// started and left to build every read model, then a rebuild of every read model is started and timed until each
// new build is behind the views. Reported: log events rebuilt per second (every read model reads the whole log, so
// one log event is read by each of them), and the CPU seconds the projector processes and the server's backends
// spent per log event, so the figure says what more cores would give.
// Usage: npm run bench:projector-scale [-- --contacts 500 --processes 1,2,3 --partitions 3]
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { comparePositions, PostgresEventStore } from '#event-store';
import { openDatabase } from '#postgres';
import { ProjectionBuilds, ProjectionEngine } from '#projection-engine';
import { ALL_PROJECTIONS } from '#projections';
import { backendPids, cpuSecondsOf, loadAverage, printTable, seededTemplate, serverUrl, writeResults } from './bench-support.js';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '500' },
    processes: { type: 'string', default: '1,2,3' },
    partitions: { type: 'string', default: '3' },
  },
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const partitions = Number(values.partitions);

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};
const urlOf = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

const startProjector = (url: string, id: string): ChildProcess =>
  spawn(process.execPath, ['--import', path.join(root, 'test/support/ts-register.mjs'), path.join(root, 'apps/projector/src/main.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      TALLY_ROLE: 'projector',
      TALLY_AUTH_PEPPER: 'b'.repeat(32),
      TALLY_DATA_DIR: `/tmp/tally-bench-${id}`,
      TALLY_PROJECTION_PARTITIONS: String(partitions),
      TALLY_PROJECTOR_ID: id,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

const waitUntil = async (done: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const run = async (template: string, processes: number) => {
  const name = `tally_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const db = await openDatabase({ kind: 'server', url: urlOf(name), maxConnections: 5 });
  const children: ChildProcess[] = [];
  try {
    // The tables the first look reads, before the projectors have made them.
    await ProjectionEngine.migrate(db.pool);
    const store = new PostgresEventStore(db.pool);
    const builds = new ProjectionBuilds(db.pool);
    const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM tally_events');
    const events = Number(rows[0].n);
    const head = (await store.headPosition())!;
    for (let i = 0; i < processes; i++) children.push(startProjector(urlOf(name), `bench-${i + 1}`));
    const allAt = async (versions?: Map<string, number>) => {
      for (const definition of ALL_PROJECTIONS) {
        const active = await builds.activeBuild(definition.name);
        if (!active?.position || comparePositions(active.position, head) < 0) return false;
        if (versions && active.version !== versions.get(definition.name)) return false;
      }
      return true;
    };
    // The first builds, and the processes warmed up: not measured.
    await waitUntil(() => allAt(), 600_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const pids = children.map((child) => child.pid!);
    const backends = await backendPids(name);
    const cpu = async () => (await Promise.all([...pids, ...backends].map(cpuSecondsOf))).map((s) => (Number.isNaN(s) ? 0 : s));
    const cpuBefore = await cpu();
    const started = performance.now();
    // Not started: it only records the rebuilds; the projectors take them at their next look.
    const engine = new ProjectionEngine(store, db.pool, ALL_PROJECTIONS, { partitions });
    const versions = new Map<string, number>();
    for (const definition of ALL_PROJECTIONS) {
      const active = (await builds.activeBuild(definition.name))!;
      versions.set(definition.name, await engine.rebuild(definition.name, active.params));
    }
    await waitUntil(() => allAt(versions), 900_000);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = await cpu();
    const projectorCpu = cpuAfter.slice(0, pids.length).reduce((sum, s, i) => sum + s - cpuBefore[i], 0);
    const backendCpu = cpuAfter.slice(pids.length).reduce((sum, s, i) => sum + s - cpuBefore[pids.length + i], 0);
    return {
      processes,
      events,
      seconds: Number(seconds.toFixed(1)),
      logEventsPerSecond: Math.round(events / seconds),
      projectorCpuMsPerEvent: Number(((projectorCpu * 1000) / events).toFixed(3)),
      backendCpuMsPerEvent: Number(((backendCpu * 1000) / events).toFixed(3)),
      load: loadAverage(),
    };
  } finally {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
};

const template = await seededTemplate(Number(values.contacts));
const results = [];
for (const processes of values.processes.split(',').map(Number)) {
  const result = await run(template, processes);
  results.push(result);
  printTable([result]);
}
printTable(results);
console.log(`results: ${await writeResults('projector-scale', { contacts: Number(values.contacts), partitions, results })}`);
