// Append throughput of the PostgreSQL event store through the port: events/s for batches of 1, 10 and 100, on
// PGlite and on the PostgreSQL server. Usage: npm run bench:append [-- --runs 3 --events 20000]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PostgresEventStore, type NewEvent } from '../libs/event-store/src/index.js';
import { freshDatabase, median, printTable, writeResults, type Target } from './bench-support.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    events: { type: 'string', default: '20000' },
    targets: { type: 'string', default: 'pglite,postgres' },
    concurrency: { type: 'string', default: '8' },
  },
});
const runs = Number(values.runs);
const totalEvents = Number(values.events);
const concurrency = Number(values.concurrency);
const targets = values.targets!.split(',') as Target[];

const event = (i: number): NewEvent => ({
  id: randomUUID(),
  type: 'PageViewed',
  data: { contactId: `c-${i % 1000}`, url: `https://example.com/pricing?i=${i}`, title: 'Pricing', referrer: null },
  metadata: {
    occurredAt: '2026-01-01T00:00:00.000Z',
    actor: 'bench',
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
    source: 'bench',
  },
});

const measure = async (target: Target, batchSize: number): Promise<number> => {
  const db = await freshDatabase(target);
  try {
    await PostgresEventStore.migrate(db.pool);
    const store = new PostgresEventStore(db.pool);
    const batches = Math.max(1, Math.floor(totalEvents / batchSize / (batchSize === 1 ? 4 : 1)));
    let next = 0;
    const started = process.hrtime.bigint();
    // Several appenders at once, each to its own streams, as concurrent commands would.
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let b = next++; b < batches; b = next++) {
          const events = Array.from({ length: batchSize }, (_, i) => event(b * batchSize + i));
          await store.appendToStream(`activity-${b % 5000}`, events);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return (batches * batchSize) / seconds;
  } finally {
    await db.close();
  }
};

const rows: Record<string, string | number>[] = [];
for (const target of targets) {
  for (const batchSize of [1, 10, 100]) {
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) samples.push(await measure(target, batchSize));
    rows.push({
      target,
      batch: batchSize,
      'events/s (median)': Math.round(median(samples)),
      runs: samples.map((s) => Math.round(s)).join(' / '),
    });
  }
}
printTable(rows);
console.log(`results: ${await writeResults('append', { runs, totalEvents, concurrency, rows })}`);
