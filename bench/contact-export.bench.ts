// GET /v1/contacts/:id/export's use case on a contact with 50k events (BENCH_EXPORT_EVENTS), beside other
// contacts' deals that the export scans past: the streamed document against the same document built in memory first,
// back to back. Reports wall and CPU time per exported event and the heap at its peak (garbage included: a bound on
// what the writer held, noisy; BENCH_EXPORT_ONLY with a small --max-old-space-size is the sharper test).
//   node --import ./test/support/ts-register.mjs bench/contact-export.bench.ts [pglite|postgres]
import { randomUUID } from 'node:crypto';
import { ContactExportService, UpcastingEventStore } from '#application';
import { eventCatalog } from '#domain/catalog';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { freshDatabase, type Target } from './bench-support.js';

const target = (process.argv[2] ?? 'pglite') as Target;
const EVENTS = Number(process.env.BENCH_EXPORT_EVENTS ?? 50_000);
const OTHER_DEALS = Number(process.env.BENCH_EXPORT_OTHER_DEALS ?? 20_000);
const BATCH = 1_000;
// One of the two alone (streamed, memory): run under a small --max-old-space-size, the streamed one finishes.
const ONLY = process.env.BENCH_EXPORT_ONLY;

const event = (type: string, data: unknown): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    occurredAt: '2026-01-15T10:00:00.000Z',
    actor: 'bench',
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: eventCatalog.schemaVersionOf(type),
    source: 'bench',
  },
});

const deal = (dealId: string, contactId: string): NewEvent =>
  event('DealCreated', {
    dealId, name: `Deal ${dealId}`, pipelineId: 'sales', stageId: 'lead', amount: '1000.00', currency: 'EUR', revenueType: 'one-off',
    billingPeriod: null, contractTermMonths: 12, closeDate: '2026-03-31', ownerId: null, contactIds: [contactId], companyId: null,
    companyIds: [], properties: {}, renewsDealId: null,
  });

type Run = Readonly<{ name: string; wallMs: number; cpuMs: number; bytes: number; peakHeapMb: number }>;

const measure = async (name: string, write: (sample: () => void) => Promise<number>): Promise<Run> => {
  global.gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  let peak = baseHeap;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const bytes = await write(sample);
  sample();
  const used = process.cpuUsage(cpu);
  return { name, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, bytes, peakHeapMb: (peak - baseHeap) / 2 ** 20 };
};

const main = async () => {
  const db = await freshDatabase(target);
  try {
    await PostgresEventStore.migrate(db.pool);
    const store = new UpcastingEventStore(new PostgresEventStore(db.pool), eventCatalog);
    const contactId = randomUUID();
    await store.appendToStream(`contact-${contactId}`, [
      event('ContactCreated', {
        contactId, email: 'ada@lovelace.example', firstName: 'Ada', lastName: 'Lovelace', phone: null, jobTitle: null, country: null,
        companyId: null, ownerId: null, properties: {}, source: 'form', marketingStatus: 'marketing', lifecycleStage: 'lead',
      }),
    ]);
    for (let done = 0; done < EVENTS; done += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, EVENTS - done) }, (_, i) =>
        event('PageViewed', { contactId, url: `https://tally.example/page/${done + i}`, title: 'A page', referrer: null }),
      );
      await store.appendToStream(`activity-${contactId}`, batch);
    }
    for (let done = 0; done < OTHER_DEALS; done += BATCH) {
      const dealsOfOthers = Array.from({ length: Math.min(BATCH, OTHER_DEALS - done) }, () => {
        const dealId = randomUUID();
        return store.appendToStream(`deal-${dealId}`, [deal(dealId, randomUUID())]);
      });
      await Promise.all(dealsOfOthers);
    }
    const exports = new ContactExportService(store, []);
    const request = { contactId, actor: 'bench', now: new Date().toISOString() };
    const runs: Run[] = [];
    for (let round = 0; round < 2; round++) {
      if (ONLY !== 'memory') runs.push(
        await measure('streamed', async (sample) => {
          let bytes = 0;
          let chunks = 0;
          for await (const chunk of (await exports.export(request)).chunks) {
            bytes += Buffer.byteLength(chunk);
            if (++chunks % 1_000 === 0) sample();
          }
          return bytes;
        }),
      );
      if (ONLY !== 'streamed') runs.push(
        await measure('built in memory', async (sample) => {
          const pieces: string[] = [];
          let chunks = 0;
          for await (const chunk of (await exports.export(request)).chunks) {
            pieces.push(chunk);
            if (++chunks % 1_000 === 0) sample();
          }
          const whole = pieces.join('');
          sample();
          return Buffer.byteLength(whole);
        }),
      );
    }
    const exported = EVENTS + 1;
    console.log(`contact export on ${target}: ${exported} events of the contact, ${OTHER_DEALS} other contacts' deals scanned past`);
    for (const run of runs) {
      console.log(
        `${run.name.padEnd(16)} ${(run.bytes / 2 ** 20).toFixed(1)} MB in ${run.wallMs.toFixed(0)} ms wall, ${run.cpuMs.toFixed(0)} ms CPU ` +
          `(${((run.cpuMs * 1000) / exported).toFixed(1)} µs CPU/event, ${Math.round(exported / (run.wallMs / 1000))} events/s), heap peak +${run.peakHeapMb.toFixed(1)} MB`,
      );
    }
  } finally {
    await db.close();
  }
};

await main();
