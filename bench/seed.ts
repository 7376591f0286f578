// Seeds a server database with the synthetic history (seed 'bench') through the event store port, to be used as a
// template by the benchmarks. Usage: tsx bench/seed.ts --contacts 9091 --database tally_bench_seed_9091
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { seedStore } from '#synthetic-history';
import { createServerDatabase } from './bench-support.js';

const { values } = parseArgs({ options: { contacts: { type: 'string' }, database: { type: 'string' } } });
const contacts = Number(values.contacts);
const name = values.database!;
const url = await createServerDatabase(`${name}_partial`);
const pool = new pg.Pool({ connectionString: url, max: 2 });
// Only the seed skips durable commits; a copy made from the template has the server's defaults again. Custom plans:
// tally_append's generic plan scans the whole log for duplicate ids on a table that was tiny when it was planned
// (quadratic seeding: reported, the store is not the benchmark's to change).
await pool.query(`ALTER DATABASE ${name}_partial SET synchronous_commit = off`);
await pool.query(`ALTER DATABASE ${name}_partial SET plan_cache_mode = force_custom_plan`);
await pool.end();
const seedPool = new pg.Pool({ connectionString: url, max: 2 });
await PostgresEventStore.migrate(seedPool);
const started = Date.now();
const result = await seedStore(new PostgresEventStore(seedPool), { contacts, seed: 'bench', until: '2026-01-01' }, (progress) => {
  if (progress.streams % 20_000 === 0) console.log(`seed: ${progress.events} events, ${Math.round((Date.now() - started) / 1000)} s`);
});
await seedPool.end();
console.log(`seeded ${result.events} events in ${result.streams} streams (${contacts} contacts) in ${Math.round((Date.now() - started) / 1000)} s`);
// As autovacuum would leave a store that has been running a while: statistics (without them the planner reads the
// log's pages by bitmap and sorts, every page re-reading the rest of the log) and hint bits set.
const vacuum = new pg.Client({ connectionString: url });
await vacuum.connect();
await vacuum.query('VACUUM (FREEZE, ANALYZE)');
await vacuum.end();
const admin = new pg.Client({ connectionString: url.replace(`/${name}_partial`, '/postgres') });
await admin.connect();
// Renamed only when complete, so an interrupted seed is never taken for a template.
await admin.query(`ALTER DATABASE ${name}_partial RESET ALL`);
await admin.query(`ALTER DATABASE ${name}_partial RENAME TO ${name}`);
await admin.end();
