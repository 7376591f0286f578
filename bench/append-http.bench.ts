// Single-event commands over HTTP: 16 concurrent clients POST page views (one PageViewed event each) to the api on a
// fresh database, PGlite and the PostgreSQL server. Usage: npm run bench:append-http [-- --runs 3 --requests 3000]
import { parseArgs } from 'node:util';
import { freshDatabase, http, load, loadAverage, median, percentile, printTable, startBenchApp, writeResults, type Target } from './bench-support.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '3000' },
    clients: { type: 'string', default: '16' },
    targets: { type: 'string', default: 'pglite,postgres' },
  },
});
const runs = Number(values.runs);
const requests = Number(values.requests);
const clients = Number(values.clients);

const measure = async (target: Target) => {
  const db = await freshDatabase(target);
  const app = await startBenchApp(db);
  try {
    // One contact per client, so clients do not contend on one activity stream.
    const contacts: string[] = [];
    for (let i = 0; i < clients; i++) {
      contacts.push(String((await http(app, 'POST', '/v1/contacts', { email: `bench-${i}@example.com`, firstName: 'Bench', source: 'api' })).id));
    }
    const load1 = loadAverage();
    const { latencies, perSecond } = await load(clients, requests, async (i) => {
      await http(app, 'POST', `/v1/contacts/${contacts[i % clients]}/page-views`, { url: `https://example.com/pricing?i=${i}`, title: 'Pricing' });
    });
    return { perSecond, p50: percentile(latencies, 50), p99: percentile(latencies, 99), load: load1 };
  } finally {
    // Closing the runtime closes (and, for a server database, drops) the database.
    await app.close();
  }
};

const rows: Record<string, string | number>[] = [];
const loads: string[] = [];
for (const target of values.targets!.split(',') as Target[]) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await measure(target));
  loads.push(...samples.map((s) => s.load));
  rows.push({
    target,
    clients,
    'commands/s (median)': Math.round(median(samples.map((s) => s.perSecond))),
    'p50 ms': median(samples.map((s) => s.p50)).toFixed(1),
    'p99 ms': median(samples.map((s) => s.p99)).toFixed(1),
    runs: samples.map((s) => Math.round(s.perSecond)).join(' / '),
  });
}
printTable(rows);
console.log(`load averages: ${loads.join(' | ')}`);
console.log(`results: ${await writeResults('append-http', { runs, requests, clients, rows, loadAverages: loads })}`);
