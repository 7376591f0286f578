// Full rebuild of every read model (ALL_PROJECTIONS through the engine) on the PostgreSQL server from a seeded log:
// events/s and peak RSS; each projection alone; the naive way (one TypeORM save per event plus a checkpoint save,
// for rep activity) on a slice; and the floor (re-inserting the rebuilt rows with UNNEST into empty copies).
// Usage: npm run bench:replay [-- --events 100000 --runs 3 --full (1M events) --naive-events 5000 --batch 1000
//   --only lead-score,tickets --skip-per-projection]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { UpcastingEventStore } from '#application';
import { eventCatalog } from '#domain/catalog';
import { PostgresEventStore } from '#event-store';
import { ProjectionBuilds, ProjectionEngine, type ProjectionDefinition } from '#projection-engine';
import { ALL_PROJECTIONS } from '#projections';
import { runNaiveRepActivity } from './naive-projector.js';
import type { Database } from '#postgres';
import {
  backendPids,
  cloneDatabase,
  cpuSecondsOf,
  contactsFor,
  loadAverage,
  median,
  printTable,
  seededTemplate,
  withPeakRss,
  writeResults,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    full: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    'naive-events': { type: 'string', default: '5000' },
    batch: { type: 'string', default: '1000' },
    'skip-per-projection': { type: 'boolean', default: false },
    only: { type: 'string' },
    'sql-times': { type: 'boolean', default: false },
  },
});
if (values['sql-times']) traceSqlTimes();
// Where the database time goes: total milliseconds per statement (its first words), printed at exit.
function traceSqlTimes(): void {
  const totals = new Map<string, { ms: number; calls: number }>();
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '?');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
    const started = process.hrtime.bigint();
    const record = () => {
      const entry = totals.get(key) ?? { ms: 0, calls: 0 };
      entry.ms += Number(process.hrtime.bigint() - started) / 1e6;
      entry.calls++;
      totals.set(key, entry);
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      // The pool's own query passes a callback.
      args[args.length - 1] = (...callbackArgs: unknown[]) => {
        record();
        return (last as (...a: unknown[]) => unknown)(...callbackArgs);
      };
    }
    const result = query.apply(this, args);
    if (result instanceof Promise) void result.finally(record).catch(() => undefined);
    return result;
  } as typeof pg.Client.prototype.query;
  process.on('exit', () => {
    const top = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
    for (const [key, { ms, calls }] of top) console.log(`${Math.round(ms).toString().padStart(7)} ms ${String(calls).padStart(6)}x  ${key}`);
  });
}

const targetEvents = values.full ? 1_000_000 : Number(values.events);
const runs = Number(values.runs);
const naiveEvents = Number(values['naive-events']);
const batchSize = Number(values.batch);

type Rebuild = {
  seconds: number;
  events: number;
  peakRssMiB: number;
  processed: Record<string, number>;
  /** CPU seconds of this process (the engine) and of the database's server processes during the rebuild. */
  nodeCpuSeconds: number;
  postgresCpuSeconds: number;
};

const countEvents = async (pool: pg.Pool): Promise<number> =>
  Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM tally_events')).rows[0].n);

/** Builds `projections` from an empty read side until every build is live; the pool is the caller's. */
const rebuild = async (db: Database, projections: readonly ProjectionDefinition[]): Promise<Rebuild> => {
  const { pool } = db;
  const database = new URL(db.url).pathname.slice(1);
  const events = await countEvents(pool);
  const head = BigInt((await pool.query<{ head: string }>('SELECT max(position) AS head FROM tally_events')).rows[0].head);
  const store = new UpcastingEventStore(new PostgresEventStore(pool), eventCatalog);
  await ProjectionEngine.migrate(pool);
  const engine = new ProjectionEngine(store, pool, projections, { batchSize, pollIntervalMs: 10 });
  const stored = new ProjectionBuilds(pool);
  const postgresCpu = async () => {
    const seconds = await Promise.all((await backendPids(database)).map(cpuSecondsOf));
    return new Map((await backendPids(database)).map((pid, i) => [pid, seconds[i] ?? 0]));
  };
  const postgresBefore = await postgresCpu();
  const nodeBefore = process.cpuUsage();
  const { result, peakRssMiB } = await withPeakRss(async () => {
    const started = process.hrtime.bigint();
    await engine.start();
    // Done when every build's checkpoint reached the head (a build moves it there once a page comes back short);
    // one cheap query per poll, so the polling does not load the database it measures.
    for (;;) {
      const builds = await stored.list();
      const parked = builds.find((b) => b.parked);
      if (parked) throw new Error(`${parked.name} parked: ${parked.parked!.error}`);
      if (builds.length === projections.length && builds.every((b) => b.position !== null && b.position.commit >= head)) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        return { seconds, processed: Object.fromEntries(builds.map((b) => [b.name, b.eventsProcessed])) };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  const node = process.cpuUsage(nodeBefore);
  const postgresAfter = await postgresCpu();
  // Server processes that were already connected before the rebuild are charged only what they used during it.
  let postgresCpuSeconds = 0;
  for (const [pid, seconds] of postgresAfter) if (Number.isFinite(seconds)) postgresCpuSeconds += seconds - (postgresBefore.get(pid) ?? 0);
  await engine.stop();
  return { ...result, events, peakRssMiB, nodeCpuSeconds: (node.user + node.system) / 1e6, postgresCpuSeconds };
};

type Column = { name: string; type: string };

/** Re-inserts every row of the rebuilt tables into empty copies (same indexes), one UNNEST insert per 10,000 rows. */
const floorSeconds = async (pool: pg.Pool): Promise<{ seconds: number; rows: number }> => {
  const { rows: tables } = await pool.query<{ name: string }>(
    `SELECT b.tablename AS name FROM pg_tables b
      WHERE b.schemaname = 'public' AND b.tablename ~ '_v[0-9]+$' AND b.tablename NOT LIKE 'tally_%'`,
  );
  let seconds = 0;
  let total = 0;
  for (const { name } of tables) {
    const { rows: columns } = await pool.query<Column>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      [name],
    );
    const copy = `${name}_floor`;
    await pool.query(`CREATE TABLE ${copy} (LIKE ${name} INCLUDING ALL)`);
    const { rows } = await pool.query<{ values: (string | null)[] }>(
      `SELECT ARRAY[${columns.map((c) => `${c.name}::text`).join(', ')}] AS values FROM ${name}`,
    );
    const insert = `INSERT INTO ${copy} SELECT ${columns.map((c, i) => `u.c${i}::${c.type}`).join(', ')}
                      FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${columns.map((_, i) => `c${i}`).join(', ')})`;
    const started = process.hrtime.bigint();
    for (let offset = 0; offset < rows.length; offset += 10_000) {
      const chunk = rows.slice(offset, offset + 10_000);
      await pool.query(insert, columns.map((_, i) => chunk.map((row) => row.values[i])));
    }
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    total += rows.length;
  }
  return { seconds, rows: total };
};

const template = await seededTemplate(contactsFor(targetEvents));
const selected = values.only ? ALL_PROJECTIONS.filter((p) => values.only!.split(',').includes(p.name)) : ALL_PROJECTIONS;
const all: Rebuild[] = [];
const floors: { seconds: number; rows: number }[] = [];
const loads: string[] = [];
for (let run = 0; run < runs; run++) {
  const db = await cloneDatabase(template);
  try {
    loads.push(loadAverage());
    all.push(await rebuild(db, selected));
    floors.push(await floorSeconds(db.pool));
  } finally {
    await db.close();
  }
}
const events = all[0].events;
const rebuildRate = median(all.map((r) => r.events / r.seconds));
const floorRate = median(floors.map((f) => events / f.seconds));

const perProjection: Record<string, string | number>[] = [];
if (!values['skip-per-projection']) {
  for (const projection of selected) {
    const samples: Rebuild[] = [];
    for (let run = 0; run < runs; run++) {
      const db = await cloneDatabase(template);
      try {
        samples.push(await rebuild(db, [projection]));
      } finally {
        await db.close();
      }
    }
    perProjection.push({
      projection: projection.name,
      'events read': samples[0].processed[projection.name],
      'seconds (median)': median(samples.map((s) => s.seconds)).toFixed(2),
      'log events/s': Math.round(median(samples.map((s) => s.events / s.seconds))),
      'read events/s': Math.round(median(samples.map((s) => s.processed[projection.name] / s.seconds))),
    });
  }
}

const naiveSamples: number[] = [];
for (let run = 0; run < runs; run++) {
  const db = await cloneDatabase(template);
  try {
    naiveSamples.push(await runNaiveRepActivity(db, naiveEvents));
  } finally {
    await db.close();
  }
}
const naiveRate = median(naiveSamples);

// Stable where rates swing with the machine's load: what the rebuild costs per event, wherever it runs.
function cpuPerEvent(samples: readonly Rebuild[]): string {
  const node = median(samples.map((r) => (r.nodeCpuSeconds / r.events) * 1e6));
  const postgres = median(samples.map((r) => (r.postgresCpuSeconds / r.events) * 1e6));
  return `${node.toFixed(0)} + ${postgres.toFixed(0)}`;
}

const rows = [
  {
    what: `rebuild of ${selected.length} read models (engine, batch ${batchSize})`,
    events,
    'events/s (median)': Math.round(rebuildRate),
    runs: all.map((r) => Math.round(r.events / r.seconds)).join(' / '),
    // The first run's: later runs start with what the previous floor step (all rows fetched) left resident.
    'peak RSS MiB': all[0].peakRssMiB,
    'CPU µs/event node + postgres': cpuPerEvent(all),
  },
  {
    what: `naive: TypeORM save per event + checkpoint (rep activity, ${naiveEvents} events)`,
    events: naiveEvents,
    'events/s (median)': Math.round(naiveRate),
    runs: naiveSamples.map(Math.round).join(' / '),
    'peak RSS MiB': '-',
    'CPU µs/event node + postgres': '-',
  },
  {
    what: `floor: UNNEST re-insert of the ${floors[0].rows} rebuilt rows`,
    events,
    'events/s (median)': Math.round(floorRate),
    runs: floors.map((f) => Math.round(events / f.seconds)).join(' / '),
    'peak RSS MiB': '-',
    'CPU µs/event node + postgres': '-',
  },
];
printTable(rows);
console.log();
if (perProjection.length) printTable(perProjection);
const ratios = {
  vsNaive: Number((rebuildRate / naiveRate).toFixed(1)),
  floorTimesFaster: Number((floorRate / rebuildRate).toFixed(2)),
};
console.log(`\nrebuild = ${ratios.vsNaive}x naive; floor is ${ratios.floorTimesFaster}x faster than the rebuild; load averages: ${loads.join(' | ')}`);
console.log(
  `results: ${await writeResults(`replay-${events >= 1_000_000 ? '1m' : Math.round(events / 1000) + 'k'}`, {
    runs,
    batchSize,
    events,
    rows,
    perProjection,
    ratios,
    loadAverages: loads,
  })}`,
);
