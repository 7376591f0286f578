// Nest on Express (the api as deployed) against Nest on Fastify: the same AppModule, routes, guards, interceptor, pipe
// and filter (bench/http-stack-server.ts), each api in its own process beside one projector process, on a copy of
// the seeded server store (100k events) once its read models are built. 16 clients ask each api in turn, run by run,
// for the floor every request pays (the liveness probe), a query (lead score by contact) and a single-event command
// (a page view). Before measuring, the apis must answer a set of probes (these three and some refusals) alike. With
// each figure, the CPU time per request of the api, the projector, the database's backends and the load generator.
// `fastify` parses JSON with Fastify's own parser; `fastify-verify` adds the api's verify step, as a switch would.
// Usage: npm run bench:http-stack [-- --runs 3 --requests 2000 --clients 16 --adapters express,fastify,fastify-verify]
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { verifyJsonBody } from '#api/http/body-text';
import {
  cloneDatabase,
  contactsFor,
  loadAverage,
  loadHttp,
  readModelsBuilt,
  median,
  printTable,
  seededTemplate,
  startCpuMeter,
  writeResults,
  type HttpLoad,
  type HttpRequest,
  freePort,
  spawnNode,
  stopChild,
  waitForApi,
  type Child,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '16' },
    adapters: { type: 'string', default: 'express,fastify,fastify-verify' },
  },
});
const targetEvents = Number(values.events);
const runs = Number(values.runs);
const requests = Number(values.requests);
const clients = Number(values.clients);
const adapters = values.adapters!.split(',');
if (adapters[0] !== 'express') throw new Error('--adapters starts with express: the others are compared with it');

type Api = Readonly<{ adapter: string; baseUrl: string; apiKey: string; pid: number }>;

// Compiled only (dist/bench): Nest needs decorator metadata.
const serverEntry = new URL('./http-stack-server.js', import.meta.url).pathname;
const projectorEntry = new URL('../apps/projector/src/main.js', import.meta.url).pathname;

type Probe = Readonly<{ name: string; measured: boolean; method: 'GET' | 'POST'; path: string; body?: string; key?: false }>;
type Answer = Readonly<{ status: number; body: unknown; headers: readonly string[] }>;

// Headers every answer carries with its own value, or that say nothing about the api.
const VOLATILE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length']);

const ask = async (api: Api, probe: Probe): Promise<Answer> => {
  const response = await fetch(`${api.baseUrl}${probe.path}`, {
    method: probe.method,
    headers: {
      ...(probe.key === false ? {} : { authorization: `Bearer ${api.apiKey}` }),
      ...(probe.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: probe.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Kept as text.
  }
  // The log position moves with every append (the probes' own included): compared by presence only.
  const withoutPosition = body !== null && typeof body === 'object' && 'position' in body ? { ...body, position: '<position>' } : body;
  const headers = [...response.headers.keys()].filter((name) => !VOLATILE_HEADERS.has(name)).sort();
  return { status: response.status, body: withoutPosition, headers };
};

/** The answers of every api to the same probes, side by side with Express's; a measured path must match exactly. */
const compareAnswers = async (apis: readonly Api[], probes: readonly Probe[]) => {
  const rows: Record<string, string>[] = [];
  const differences: string[] = [];
  const measuredMismatches: string[] = [];
  const headerDifferences = new Set<string>();
  for (const probe of probes) {
    const answers: Answer[] = [];
    for (const api of apis) answers.push(await ask(api, probe));
    const row: Record<string, string> = { probe: probe.name };
    apis.forEach((api, i) => {
      const same = answers[i].status === answers[0].status && isDeepStrictEqual(answers[i].body, answers[0].body);
      row[api.adapter] = `${answers[i].status}${i === 0 || same ? '' : ' (differs)'}`;
      if (i === 0) return;
      if (!same) {
        differences.push(`${probe.name} on ${api.adapter}: ${answers[i].status} ${JSON.stringify(answers[i].body)}; express: ${answers[0].status} ${JSON.stringify(answers[0].body)}`);
        if (probe.measured) measuredMismatches.push(`${probe.name} on ${api.adapter}`);
      }
      for (const name of answers[0].headers) if (!answers[i].headers.includes(name)) headerDifferences.add(`${api.adapter} lacks ${name}`);
      for (const name of answers[i].headers) if (!answers[0].headers.includes(name)) headerDifferences.add(`${api.adapter} adds ${name}`);
    });
    rows.push(row);
  }
  // Said once: a header one stack always sets (Express's ETag) would otherwise be listed for every probe.
  if (headerDifferences.size) differences.push(`headers (any probe): ${[...headerDifferences].join(', ')}`);
  return { rows, differences, measuredMismatches };
};

/** Microseconds the api's JSON verify step takes over `body` (what Fastify's own parser leaves out). */
const verifyMicroseconds = (body: string): number => {
  const bytes = Buffer.from(body);
  const none = undefined as unknown as IncomingMessage & ServerResponse;
  const iterations = 200_000;
  for (let i = 0; i < 20_000; i++) verifyJsonBody(none, none, bytes, undefined);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) verifyJsonBody(none, none, bytes, undefined);
  return Number(process.hrtime.bigint() - started) / 1e3 / iterations;
};

const db = await cloneDatabase(await seededTemplate(contactsFor(targetEvents)), 2);
const database = new URL(db.url).pathname.slice(1);
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tally-bench-'));
// One pepper and one data directory: the first api creates the super-admin key, every api accepts it.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  TALLY_DATA_DIR: dataDir,
  TALLY_AUTH_PEPPER: randomBytes(32).toString('base64url'),
  TALLY_RATE_LIMIT: '100000000',
  TALLY_DEMO_CONTACTS: '0',
  // The projector in a process of its own: an api's CPU is its HTTP stack and its requests' work only.
  TALLY_ROLE: 'api',
};
const children: Child[] = [];
try {
  const apis: Api[] = [];
  for (const adapter of adapters) {
    const port = await freePort();
    const child = spawnNode(serverEntry, { ...env, PORT: String(port), TALLY_BENCH_ADAPTER: adapter }, undefined);
    children.push(child);
    const baseUrl = `http://127.0.0.1:${port}`;
    const apiKey = await waitForApi(baseUrl, path.join(dataDir, 'super-admin.key'), child);
    apis.push({ adapter, baseUrl, apiKey, pid: child.process.pid! });
  }
  const projector = spawnNode(projectorEntry, { ...env, TALLY_ROLE: 'projector' }, undefined);
  children.push(projector);

  const built = process.hrtime.bigint();
  await readModelsBuilt(apis[0]);
  console.log(`read models built in ${(Number(process.hrtime.bigint() - built) / 1e9).toFixed(1)} s`);
  const { rows: contacts } = await db.pool.query<{ contact_id: string }>('SELECT contact_id FROM lead_scores ORDER BY contact_id');
  const pageView = (i: number) => ({ url: `https://example.com/pricing?i=${i}`, title: 'Pricing' });
  const contact = contacts[0].contact_id;

  const probes: Probe[] = [
    { name: 'liveness probe', measured: true, method: 'GET', path: '/health/live', key: false },
    { name: 'lead score by contact', measured: true, method: 'GET', path: `/v1/read-models/lead-scores/${contact}` },
    { name: 'page view', measured: true, method: 'POST', path: `/v1/contacts/${contact}/page-views`, body: JSON.stringify(pageView(0)) },
    { name: 'no key', measured: false, method: 'GET', path: `/v1/read-models/lead-scores/${contact}`, key: false },
    { name: 'malformed uuid', measured: false, method: 'GET', path: '/v1/read-models/lead-scores/not-a-uuid' },
    { name: 'unknown field', measured: false, method: 'POST', path: `/v1/contacts/${contact}/page-views`, body: JSON.stringify({ ...pageView(0), x: 1 }) },
    { name: 'duplicate key', measured: false, method: 'POST', path: `/v1/contacts/${contact}/page-views`, body: '{"url":"https://example.com/","title":"P","title":"Q"}' },
    { name: 'broken JSON', measured: false, method: 'POST', path: `/v1/contacts/${contact}/page-views`, body: '{"url":' },
  ];
  const compared = await compareAnswers(apis, probes);
  printTable(compared.rows);
  for (const difference of compared.differences) console.log(`  differs: ${difference}`);
  if (compared.measuredMismatches.length) throw new Error(`the apis answer differently: ${compared.measuredMismatches.join(', ')}`);
  await readModelsBuilt(apis[0]);

  const paths: Record<string, (i: number) => HttpRequest> = {
    'liveness probe': () => ({ method: 'GET', path: '/health/live' }),
    'lead score by contact': (i) => ({ method: 'GET', path: `/v1/read-models/lead-scores/${contacts[(i * 7919) % contacts.length].contact_id}` }),
    // One contact per client, so clients do not contend on one activity stream.
    'page view': (i) => ({ method: 'POST', path: `/v1/contacts/${contacts[i % clients].contact_id}/page-views`, body: pageView(i) }),
  };
  type Sample = HttpLoad & { cpu: Awaited<ReturnType<Awaited<ReturnType<typeof startCpuMeter>>>>; load: string };
  const samples = new Map<string, Sample[]>();
  const measure = async (api: Api, name: string, count: number): Promise<Sample> => {
    const load = loadAverage();
    const cpuPerRequest = await startCpuMeter([api.pid, projector.process.pid!], database);
    const result = await loadHttp(api, clients, count, paths[name]);
    const cpu = await cpuPerRequest(count);
    // The projector catches up on the page views before anything else is measured.
    if (name === 'page view') await readModelsBuilt(api);
    return { ...result, cpu, load };
  };
  for (const api of apis) for (const name of Object.keys(paths)) await measure(api, name, Math.min(200, requests)); // warm-up
  // The apis take turns run by run, in reverse order every other run, so a burst of load from elsewhere on the
  // machine, or the order itself, spreads over all of them.
  for (let run = 0; run < runs; run++) {
    for (const api of run % 2 ? [...apis].reverse() : apis) {
      for (const name of Object.keys(paths)) {
        const key = `${name}|${api.adapter}`;
        samples.set(key, [...(samples.get(key) ?? []), await measure(api, name, requests)]);
      }
    }
  }

  const rows = Object.keys(paths).flatMap((name) =>
    apis.map((api) => {
      const runsOf = samples.get(`${name}|${api.adapter}`)!;
      const express = samples.get(`${name}|express`)!;
      const cpuApi = median(runsOf.map((s) => s.cpu.api));
      return {
        path: name,
        adapter: api.adapter,
        'p50 ms': median(runsOf.map((s) => s.p50)).toFixed(1),
        'p99 ms': median(runsOf.map((s) => s.p99)).toFixed(1),
        'requests/s': Math.round(median(runsOf.map((s) => s.perSecond))),
        'requests/s runs': runsOf.map((s) => Math.round(s.perSecond)).join(' / '),
        'CPU ms/req api': cpuApi.toFixed(3),
        'api runs': runsOf.map((s) => s.cpu.api.toFixed(3)).join(' / '),
        // Run by run (the same minutes of the machine's load), then the median: steadier than a ratio of medians.
        'vs express': `${((median(runsOf.map((s, run) => s.cpu.api / express[run].cpu.api)) - 1) * 100).toFixed(0)}%`,
        projector: median(runsOf.map((s) => s.cpu.projector)).toFixed(3),
        postgres: median(runsOf.map((s) => s.cpu.postgres)).toFixed(3),
        'load gen': median(runsOf.map((s) => s.cpu.loadGenerator)).toFixed(3),
      };
    }),
  );
  printTable(rows);
  const verify = { pageView: verifyMicroseconds(JSON.stringify(pageView(123456))) };
  console.log(`the api's JSON verify step alone: ${verify.pageView.toFixed(2)} µs per page-view body (not in Fastify's parser)`);
  const loads = [...samples.values()].flat().map((s) => s.load);
  console.log(`load averages: ${loads.join(' | ')}`);
  console.log('CPU ms/req: CPU time per request of the api process, the projector process, all backends of the database and');
  console.log("this load generator (medians of the runs); 2 cores give 2,000 ms of CPU a second. vs express: the api's CPU,");
  console.log('the median of its run-by-run ratios to Express.');
    const file = await writeResults('http-stack', {
    runs,
    requests,
    clients,
    events: targetEvents,
    probes: compared.rows,
    differences: compared.differences,
    rows,
    verifyMicroseconds: verify,
    loadAverages: loads,
  });
  console.log(`results: ${file}`);
} finally {
  await Promise.all(children.map(stopChild));
  await rm(dataDir, { recursive: true, force: true });
  await db.close();
}
