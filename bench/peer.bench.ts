// A peer on the same server in the same run: append (batches of 1, 10, 100, 1,000, concurrent appenders) and read-all
// (pages of 1,000) through Tally's PostgreSQL store and through @event-driven-io/emmett-postgresql, each on its own
// fresh database. Usage: npm run bench:peer [-- --runs 3 --events 10000 --concurrency 8 --batches 1,10,100,1000]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { dumbo } from '@event-driven-io/dumbo';
import { PostgresEventStore, START, type NewEvent } from '#event-store';
import { freshDatabase, loadAverage, median, printTable, writeResults } from './bench-support.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    events: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '8' },
    batches: { type: 'string', default: '1,10,100,1000' },
  },
});
const runs = Number(values.runs);
const totalEvents = Number(values.events);
const concurrency = Number(values.concurrency);
const batchSizes = values.batches!.split(',').map(Number);

type Store = 'tally' | 'emmett';
type Measured = { append: number; readAll: number };

const data = (i: number) => ({ contactId: `c-${i % 1000}`, url: `https://example.com/pricing?i=${i}`, title: 'Pricing', referrer: null });

const tallyEvent = (i: number): NewEvent => ({
  id: randomUUID(),
  type: 'PageViewed',
  data: data(i),
  metadata: { occurredAt: '2026-01-01T00:00:00.000Z', actor: 'bench', correlationId: randomUUID(), causationId: null, schemaVersion: 1, source: 'bench' },
});

const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

/** Appends `batches` batches from `concurrency` appenders; returns events/s. */
const appendAll = async (batchSize: number, append: (stream: string, batch: number) => Promise<void>): Promise<{ rate: number; events: number }> => {
  const batches = Math.max(1, Math.floor(totalEvents / batchSize / (batchSize === 1 ? 4 : 1)));
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let b = next++; b < batches; b = next++) await append(`activity-${b % 5000}`, b);
    }),
  );
  return { rate: (batches * batchSize) / seconds(started), events: batches * batchSize };
};

// Both stores hide events of transactions younger than the oldest one still running anywhere on the server (other
// engineers' tests share it), so the last events may show up a moment later: read on until all are there.
const untilAllRead = async (events: number, readMore: () => Promise<number>): Promise<void> => {
  const deadline = Date.now() + 30_000;
  for (let read = await readMore(); read < events; read = await readMore()) {
    if (Date.now() > deadline) throw new Error(`read ${read} of ${events} events`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

// Dropping a benchmark database (WITH FORCE) ends connections emmett's pools still keep idle; only that is ignored.
process.on('uncaughtException', (error: Error & { code?: string }) => {
  if (error.code === '57P01') return;
  throw error;
});

const measure = async (store: Store, batchSize: number): Promise<Measured> => {
  const db = await freshDatabase('postgres');
  try {
    if (store === 'tally') {
      await PostgresEventStore.migrate(db.pool);
      const tally = new PostgresEventStore(db.pool);
      const { rate, events } = await appendAll(batchSize, async (stream, b) => {
        await tally.appendToStream(stream, Array.from({ length: batchSize }, (_, i) => tallyEvent(b * batchSize + i)));
      });
      const started = process.hrtime.bigint();
      let read = 0;
      let after = START;
      await untilAllRead(events, async () => {
        for await (const event of tally.readAll({ fromPosition: after })) {
          read++;
          after = event.position;
        }
        return read;
      });
      return { append: rate, readAll: read / seconds(started) };
    }
    const emmett = getPostgreSQLEventStore(db.url, { schema: { autoMigration: 'CreateOrUpdate' } });
    const pool = dumbo({ connectionString: db.url });
    try {
      await emmett.schema.migrate();
      const { rate, events } = await appendAll(batchSize, async (stream, b) => {
        await emmett.appendToStream(
          stream,
          Array.from({ length: batchSize }, (_, i) => ({ type: 'PageViewed', data: data(b * batchSize + i), metadata: { correlationId: randomUUID() } })),
        );
      });
      const started = process.hrtime.bigint();
      let read = 0;
      // Position windows, not the `after` cursor: with concurrent appenders the cursor (ordered by transaction id,
      // then position) skipped events in this benchmark (1,867 of 2,000 read).
      await untilAllRead(events, async () => {
        read = 0;
        // readLastMessageGlobalPosition answered 1 here, so the head comes from the table.
        const { rows } = await db.pool.query<{ last: string | null }>('SELECT max(global_position) AS last FROM emt_messages');
        const last = rows[0].last === null ? 0n : BigInt(rows[0].last);
        for (let from = 1n; from <= last; from += 1000n) {
          read += (await readMessagesBatch(pool.execute, { from, to: from + 999n })).messages.length;
        }
        return read;
      });
      return { append: rate, readAll: read / seconds(started) };
    } finally {
      await pool.close();
      await emmett.close();
    }
  } finally {
    await db.close();
  }
};

const rows: Record<string, string | number>[] = [];
const loads: string[] = [];
for (const batchSize of batchSizes) {
  for (const store of ['tally', 'emmett'] as const) {
    const samples: Measured[] = [];
    for (let run = 0; run < runs; run++) {
      loads.push(loadAverage());
      samples.push(await measure(store, batchSize));
    }
    rows.push({
      store,
      batch: batchSize,
      'append events/s (median)': Math.round(median(samples.map((s) => s.append))),
      'read-all events/s (median)': Math.round(median(samples.map((s) => s.readAll))),
      'append runs': samples.map((s) => Math.round(s.append)).join(' / '),
    });
  }
}
printTable(rows);
console.log(`load averages: ${loads.join(' | ')}`);
console.log(`results: ${await writeResults('peer', { runs, totalEvents, concurrency, rows, loadAverages: loads })}`);
