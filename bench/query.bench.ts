// p50/p99 latency of the main read-model queries over HTTP with 16 concurrent clients, on a copy of the seeded store
// after its read models are built: lead score by contact, the top-100 leads, pipeline health.
// Usage: npm run bench:query [-- --events 100000 | --full (1M events)] [--requests 2000 --runs 3]
import { parseArgs } from 'node:util';
import {
  cloneDatabase,
  contactsFor,
  http,
  load,
  loadAverage,
  median,
  percentile,
  printTable,
  seededTemplate,
  startBenchApp,
  writeResults,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    full: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '16' },
  },
});
const targetEvents = values.full ? 1_000_000 : Number(values.events);
const runs = Number(values.runs);
const requests = Number(values.requests);
const clients = Number(values.clients);

const db = await cloneDatabase(await seededTemplate(contactsFor(targetEvents)));
const app = await startBenchApp(db);
try {
  const built = process.hrtime.bigint();
  const head = await app.runtime.eventStore.headPosition();
  for (const name of app.runtime.projections.names()) {
    if (head && !(await app.runtime.projections.waitFor(name, head, 3_600_000))) throw new Error(`${name} did not catch up`);
  }
  console.log(`read models built in ${(Number(process.hrtime.bigint() - built) / 1e9).toFixed(1)} s`);
  const { rows: contacts } = await db.pool.query<{ contact_id: string }>('SELECT contact_id FROM lead_scores ORDER BY contact_id');
  const queries: Record<string, (i: number) => string> = {
    'lead score by contact': (i) => `/v1/read-models/lead-scores/${contacts[(i * 7919) % contacts.length].contact_id}`,
    'top-100 leads': () => '/v1/read-models/lead-scores?limit=100',
    'pipeline health': () => '/v1/read-models/pipeline-health',
  };
  const rows: Record<string, string | number>[] = [];
  const loads: string[] = [];
  for (const [name, path] of Object.entries(queries)) {
    await load(clients, Math.min(200, requests), async (i) => void (await http(app, 'GET', path(i)))); // warm-up
    const samples = [];
    for (let run = 0; run < runs; run++) {
      loads.push(loadAverage());
      samples.push(await load(clients, requests, async (i) => void (await http(app, 'GET', path(i)))));
    }
    rows.push({
      query: name,
      events: contacts.length ? targetEvents : 0,
      'p50 ms': median(samples.map((s) => percentile(s.latencies, 50))).toFixed(1),
      'p99 ms': median(samples.map((s) => percentile(s.latencies, 99))).toFixed(1),
      'requests/s': Math.round(median(samples.map((s) => s.perSecond))),
      'p99 runs': samples.map((s) => percentile(s.latencies, 99).toFixed(1)).join(' / '),
    });
  }
  printTable(rows);
  console.log(`load averages: ${loads.join(' | ')}`);
  console.log(`results: ${await writeResults(`query-${targetEvents >= 1_000_000 ? '1m' : `${Math.round(targetEvents / 1000)}k`}`, { runs, requests, clients, rows, loadAverages: loads })}`);
} finally {
  await app.close();
}
