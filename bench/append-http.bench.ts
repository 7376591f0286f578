// Single-event commands over HTTP: 16 concurrent clients POST page views (one PageViewed event each) to the api
// running as deployed, in its own process, on a fresh database: PGlite (api and projector in one process) and the
// PostgreSQL server in both topologies (`all`: one process; `api`: the projector in a second process). The load
// generator (autocannon) runs in this process only.
// Usage: npm run bench:append-http [-- --runs 3 --requests 3000 --topologies all,api --cpu-prof dir]
import { parseArgs } from 'node:util';
import {
  createServerDatabase,
  dropServerDatabase,
  http,
  loadAverage,
  loadHttp,
  median,
  printTable,
  startBenchServer,
  startCpuMeter,
  writeResults,
  type ServerRole,
  type Target,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '3000' },
    clients: { type: 'string', default: '16' },
    targets: { type: 'string', default: 'pglite,postgres' },
    topologies: { type: 'string', default: 'all,api' },
    'cpu-prof': { type: 'string' },
  },
});
const runs = Number(values.runs);
const requests = Number(values.requests);
const clients = Number(values.clients);

const measure = async (target: Target, role: ServerRole) => {
  const database = target === 'postgres' ? `tally_bench_http_${process.pid}` : null;
  const url = database ? await createServerDatabase(database) : null;
  const server = await startBenchServer(url, { role, cpuProfileDir: values['cpu-prof'] });
  try {
    // One contact per client, so clients do not contend on one activity stream.
    const contacts: string[] = [];
    for (let i = 0; i < clients; i++) {
      const body = { email: `bench-${i}@example.com`, firstName: 'Bench', source: 'api' };
      contacts.push(String((await http(server, 'POST', '/v1/contacts', body)).id));
    }
    const load1 = loadAverage();
    const cpuPerCommand = await startCpuMeter(server.pids, database);
    const result = await loadHttp(server, clients, requests, (i) => ({
      method: 'POST',
      path: `/v1/contacts/${contacts[i % clients]}/page-views`,
      body: { url: `https://example.com/pricing?i=${i}`, title: 'Pricing' },
    }));
    return { ...result, load: load1, cpuMs: await cpuPerCommand(requests) };
  } finally {
    await server.close();
    if (database) await dropServerDatabase(database);
  }
};

// PGlite lives inside the api's process: it has the one-process topology only.
const configurations = (values.targets!.split(',') as Target[]).flatMap((target) =>
  (target === 'pglite' ? ['all'] : values.topologies!.split(',')).map((role) => ({ target, role: role as ServerRole })),
);
const samples = new Map(configurations.map((c) => [c, [] as Awaited<ReturnType<typeof measure>>[]]));
// Configurations take turns run by run, so a burst of load from elsewhere on the machine spreads over all of them.
for (let run = 0; run < runs; run++) {
  for (const configuration of configurations) {
    samples.get(configuration)!.push(await measure(configuration.target, configuration.role));
  }
}
const rows = configurations.map((configuration) => {
  const runsOf = samples.get(configuration)!;
  return {
    target: configuration.target,
    processes: configuration.role === 'all' ? 'api+projector' : 'api | projector',
    clients,
    'commands/s (median)': Math.round(median(runsOf.map((s) => s.perSecond))),
    'p50 ms': median(runsOf.map((s) => s.p50)).toFixed(1),
    'p99 ms': median(runsOf.map((s) => s.p99)).toFixed(1),
    runs: runsOf.map((s) => Math.round(s.perSecond)).join(' / '),
    'CPU ms/cmd api': median(runsOf.map((s) => s.cpuMs.api)).toFixed(2),
    projector: median(runsOf.map((s) => s.cpuMs.projector)).toFixed(2),
    postgres: median(runsOf.map((s) => s.cpuMs.postgres)).toFixed(2),
    'load gen': median(runsOf.map((s) => s.cpuMs.loadGenerator)).toFixed(2),
  };
});
const loads = [...samples.values()].flat().map((s) => s.load);
printTable(rows);
console.log(`load averages: ${loads.join(' | ')}`);
console.log('CPU ms/cmd: CPU time per command of the api process, the projector process (api | projector only), the');
console.log("database's server backends (postgres only) and this load generator; 2 cores give 2,000 ms of CPU a second.");
console.log(`results: ${await writeResults('append-http', { runs, requests, clients, rows, loadAverages: loads })}`);
