// Append throughput of the PostgreSQL event store, on PGlite and on the PostgreSQL server: through the store port
// (events/s for batches of 1, 10, 100 and 1,000 from concurrent appenders), and through the NDJSON history import
// (importNdjson, what `tally import` and POST /v1/import run for event lines) of the seeded synthetic history.
// Usage: npm run bench:append [-- --runs 3 --events 20000 --import-contacts 2000 --batches 1,10,100,1000]
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { importNdjson, randomIds } from '#application';
import { eventCatalog } from '#domain/catalog';
import { EventValidator } from '#domain/catalog';
import { PostgresEventStore, streamCategory, type NewEvent } from '#event-store';
import { generateHistory } from '#synthetic-history';
import { freshDatabase, loadAverage, median, printTable, writeResults, type Target } from './bench-support.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    events: { type: 'string', default: '20000' },
    targets: { type: 'string', default: 'pglite,postgres' },
    concurrency: { type: 'string', default: '8' },
    batches: { type: 'string', default: '1,10,100,1000' },
    'import-contacts': { type: 'string', default: '2000' },
  },
});
const runs = Number(values.runs);
const totalEvents = Number(values.events);
const concurrency = Number(values.concurrency);
const targets = values.targets!.split(',') as Target[];
const batchSizes = values.batches!.split(',').filter(Boolean).map(Number);
const importContacts = Number(values['import-contacts']);

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

// The history as an import file. Claim streams (unique-*) are Tally's own and an import may not write them: left out.
const writeHistoryFile = async (file: string): Promise<number> => {
  const lines: string[] = [];
  for (const batch of generateHistory({ contacts: importContacts, seed: 'bench', until: '2026-01-01' })) {
    if (streamCategory(batch.streamName) === 'unique') continue;
    for (const e of batch.events) lines.push(JSON.stringify({ streamName: batch.streamName, event: e }));
  }
  await writeFile(file, `${lines.join('\n')}\n`);
  return lines.length;
};

const measureImport = async (target: Target, file: string, lines: number): Promise<number> => {
  const db = await freshDatabase(target);
  try {
    await PostgresEventStore.migrate(db.pool);
    const store = new PostgresEventStore(db.pool);
    const context = { actor: 'bench', correlationId: 'import:bench', causationId: randomUUID(), now: new Date().toISOString(), source: 'import', ids: randomIds() };
    const started = process.hrtime.bigint();
    const report = await importNdjson(createInterface({ input: createReadStream(file), crlfDelay: Infinity }), {
      store,
      catalog: eventCatalog,
      validator: new EventValidator(eventCatalog),
      context,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (report.accepted !== lines) throw new Error(`import accepted ${report.accepted} of ${lines} lines: ${JSON.stringify(report.rejections.slice(0, 3))}`);
    return report.accepted / seconds;
  } finally {
    await db.close();
  }
};

const dir = await mkdtemp(path.join(os.tmpdir(), 'tally-import-bench-'));
const rows: Record<string, string | number>[] = [];
const loads: string[] = [];
try {
  const file = path.join(dir, 'history.ndjson');
  const importLines = importContacts > 0 ? await writeHistoryFile(file) : 0;
  for (const target of targets) {
    const cases: { batch: string; run: () => Promise<number> }[] = [
      ...batchSizes.map((size) => ({ batch: String(size), run: () => measure(target, size) })),
      ...(importLines > 0 ? [{ batch: `import ${importLines}`, run: () => measureImport(target, file, importLines) }] : []),
    ];
    for (const { batch, run: runOnce } of cases) {
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) {
        loads.push(loadAverage());
        samples.push(await runOnce());
      }
      rows.push({
        target,
        batch,
        'events/s (median)': Math.round(median(samples)),
        runs: samples.map((s) => Math.round(s)).join(' / '),
      });
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
printTable(rows);
console.log(`load averages: ${loads.join(' | ')}`);
console.log(`results: ${await writeResults('append', { runs, totalEvents, concurrency, importContacts, rows, loadAverages: loads })}`);
