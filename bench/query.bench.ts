// p50/p99 latency of the main read-model queries over HTTP with 16 concurrent clients, on a copy of the seeded store
// after its read models are built: lead score by contact, the top-100 leads, pipeline health; and, as the floor every
// request pays, the liveness probe (no key, no database). The api runs as deployed, in its own process (`--role api`:
// the projector in a second one); the load generator (autocannon) runs in this one. With each figure, the CPU time
// per request of the api, the database's backends and the load generator: with 16 clients always waiting, latency is
// 16 / throughput, and throughput is 2,000 ms of CPU a second over the CPU a request costs.
// Usage: npm run bench:query [-- --events 100000 | --full (1M events)] [--requests 2000 --runs 3 --role all|api --cpu-prof dir]
import { parseArgs } from 'node:util';
import {
  cloneDatabase,
  contactsFor,
  loadAverage,
  loadHttp,
  median,
  printTable,
  seededTemplate,
  startBenchServer,
  startCpuMeter,
  writeResults,
  readModelsBuilt,
  type ServerRole,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    full: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '16' },
    role: { type: 'string', default: 'all' },
    'cpu-prof': { type: 'string' },
  },
});
const targetEvents = values.full ? 1_000_000 : Number(values.events);
const runs = Number(values.runs);
const requests = Number(values.requests);
const clients = Number(values.clients);
if (values.role !== 'all' && values.role !== 'api') throw new Error(`--role is all or api, not ${values.role}`);
const role: ServerRole = values.role;

const db = await cloneDatabase(await seededTemplate(contactsFor(targetEvents)), 2);
try {
  const server = await startBenchServer(db.url, { role, cpuProfileDir: values['cpu-prof'] });
  const database = new URL(db.url).pathname.slice(1);
  try {
    const built = process.hrtime.bigint();
    await readModelsBuilt(server);
    console.log(`read models built in ${(Number(process.hrtime.bigint() - built) / 1e9).toFixed(1)} s`);
    const { rows: contacts } = await db.pool.query<{ contact_id: string }>('SELECT contact_id FROM lead_scores ORDER BY contact_id');
    const queries: Record<string, (i: number) => string> = {
      'lead score by contact': (i) => `/v1/read-models/lead-scores/${contacts[(i * 7919) % contacts.length].contact_id}`,
      'top-100 leads': () => '/v1/read-models/lead-scores?limit=100',
      'pipeline health': () => '/v1/read-models/pipeline-health',
      'floor: liveness probe': () => '/health/live',
    };
    const rows: Record<string, string | number>[] = [];
    const loads: string[] = [];
    for (const [name, path] of Object.entries(queries)) {
      const get = (i: number) => ({ method: 'GET', path: path(i) }) as const;
      await loadHttp(server, clients, Math.min(200, requests), get); // warm-up
      const samples = [];
      const cpu = [];
      for (let run = 0; run < runs; run++) {
        loads.push(loadAverage());
        const cpuPerRequest = await startCpuMeter(server.pids, database);
        samples.push(await loadHttp(server, clients, requests, get));
        cpu.push(await cpuPerRequest(requests));
      }
      rows.push({
        query: name,
        events: contacts.length ? targetEvents : 0,
        'p50 ms': median(samples.map((s) => s.p50)).toFixed(1),
        'p99 ms': median(samples.map((s) => s.p99)).toFixed(1),
        'requests/s': Math.round(median(samples.map((s) => s.perSecond))),
        'p99 runs': samples.map((s) => s.p99.toFixed(1)).join(' / '),
        'CPU ms/request api': median(cpu.map((c) => c.api)).toFixed(3),
        postgres: median(cpu.map((c) => c.postgres)).toFixed(3),
        'load gen': median(cpu.map((c) => c.loadGenerator)).toFixed(3),
      });
    }
    printTable(rows);
    console.log(`load averages: ${loads.join(' | ')}`);
    const name = `query-${targetEvents >= 1_000_000 ? '1m' : `${Math.round(targetEvents / 1000)}k`}`;
    console.log(`results: ${await writeResults(name, { runs, requests, clients, role, rows, loadAverages: loads })}`);
  } finally {
    await server.close();
  }
} finally {
  await db.close();
}
