// p50/p99 latency of finding records over HTTP with 16 concurrent clients, on a server database holding 100k
// contacts, 5k companies, 20k deals and 2k tickets (appended directly through the store port, in Japanese, Thai and
// Latin names): GET /v1/search for each kind of query, and the filtered lists (contacts by owner and lifecycle stage
// and by score, deals by pipeline and stage, companies by q, open tickets; a route answering other than 200 is
// reported as absent with its status). The api runs as deployed, in its own process, after its read models are built.
// Each run also measures the CPU a request costs the api and PostgreSQL (milliseconds, median of the runs).
// Before the load, every statement a query runs on this data runs from a single client straight against the database
// under EXPLAIN ANALYZE (median of 5 execution times each, summed; planned as the api plans them): the figures a busy
// machine disturbs least, printed with the slowest statement's plan.
// Usage: npm run build; node dist/bench/records.bench.js [--contacts 100000 --deals 20000 --requests 1000 --runs 3 --role all|api
// --apis 2]
// [--database NAME: the server database to build in, created afresh and kept afterwards, for EXPLAIN ANALYZE]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eventCatalog } from '#domain/catalog';
import { PostgresEventStore, type NewEvent, type StreamAppend } from '#event-store';
import type pg from 'pg';
import { openDatabase } from '#postgres';
import { listSortOf } from '#read-models';
import { search as searchRecords } from '#projections/search';
import { CONTACT_LIST_SORT_KEYS, listContacts } from '#projections/contact-list';
import { DEAL_SORT_KEYS, listDeals } from '#projections/deal-list';
import { COMPANY_LIST_SORT_KEYS, listCompanies } from '#projections/company-list';
import { listTickets, TICKET_SORT_KEYS } from '#projections/ticket-list';
import { createServerDatabase, freshDatabase, loadAverage, loadHttp, median, printTable, readModelsBuilt, startBenchServer, startCpuMeter, writeResults, type ServerRole } from './bench-support.js';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000' },
    companies: { type: 'string', default: '5000' },
    deals: { type: 'string', default: '20000' },
    tickets: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '16' },
    database: { type: 'string' },
    // all: the api and every read model in one process; api: the projector in a second process (the server topology).
    role: { type: 'string', default: 'all' },
    // role api: how many api replicas share the clients (docker-compose's scaled topology runs two).
    apis: { type: 'string', default: '1' },
  },
});
const counts = {
  contacts: Number(values.contacts),
  companies: Number(values.companies),
  deals: Number(values.deals),
  tickets: Number(values.tickets),
};
const runs = Number(values.runs);
if (values.role !== 'all' && values.role !== 'api') throw new Error(`--role is all or api, not ${values.role}`);
const role: ServerRole = values.role;
const requests = Number(values.requests);
const clients = Number(values.clients);

// A fixed pseudo-random sequence: every run appends the same history.
let state = 42;
const random = (): number => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

const LATIN_FIRST = ['John', 'Mary', 'Anna', 'Peter', 'Lucas', 'Emma', 'Noah', 'Olivia', 'Liam', 'Sophie', 'Hanako', 'Taro', 'Somchai', 'Malee'];
const LATIN_LAST = ['Smith', 'Tanaka', 'Suzuki', 'Garcia', 'Muller', 'Rossi', 'Dubois', 'Nguyen', 'Kowalski', 'Jensen', 'Sato', 'Srisuk'];
const JAPANESE_FIRST = ['太郎', '花子', '一郎', '美咲', '健太', '陽菜', '翔', '結衣'];
const JAPANESE_LAST = ['田中', '鈴木', '佐藤', '高橋', '伊藤', '渡辺', '山本', '中村'];
const THAI_FIRST = ['สมชาย', 'มาลี', 'สมศรี', 'ประยุทธ', 'วิไล'];
const THAI_LAST = ['ใจดี', 'ศรีสุข', 'วงศ์ใหญ่', 'รักไทย'];
const COMPANY_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Sakura', 'Fuji', 'Siam', 'Chao'];
const OWNERS = Array.from({ length: 20 }, () => randomUUID());
const STAGES = ['new', 'qualified', 'proposal', 'won', 'lost'];
const LIFECYCLE = ['subscriber', 'lead', 'marketing-qualified', 'sales-qualified', 'opportunity', 'customer'];

const event = (type: string, data: unknown): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    occurredAt: '2026-01-01T00:00:00.000Z',
    actor: 'bench',
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: eventCatalog.schemaVersionOf(type),
    source: 'bench',
  },
});

const stage = (id: string) => ({ id, label: id, probability: id === 'won' ? 1 : id === 'lost' ? 0 : 0.5, closed: id === 'won' || id === 'lost' ? id : null, stuckAfterDays: null });

type Appended = { companies: string[]; contacts: { id: string; ownerId: string; lifecycleStage: string }[]; deals: { id: string }[] };

const appendAll = async (store: PostgresEventStore): Promise<Appended> => {
  const appended: Appended = { companies: [], contacts: [], deals: [] };
  let batch: StreamAppend[] = [];
  const flush = async () => {
    if (batch.length > 0) await store.appendToStreams(batch);
    batch = [];
  };
  const add = async (append: StreamAppend) => {
    batch.push(append);
    if (batch.length >= 1000) await flush();
  };
  await add({ streamName: 'pipeline-bench-sales', events: [event('PipelineCreated', { pipelineId: 'bench-sales', objectType: 'deal', name: 'Bench sales', stages: STAGES.map(stage) })] });
  await add({
    streamName: 'pipeline-bench-success',
    events: [event('PipelineCreated', { pipelineId: 'bench-success', objectType: 'ticket', name: '【サクセス】問合せ対応', stages: [stage('new'), { ...stage('won'), label: 'done' }] })],
  });
  for (let i = 0; i < counts.companies; i++) {
    const companyId = randomUUID();
    const kind = i % 3;
    const word = pick(COMPANY_WORDS);
    const name = kind === 0 ? `${word} ${pick(COMPANY_WORDS)} ${i}` : kind === 1 ? `株式会社${pick(JAPANESE_LAST)}${i}` : `บริษัท ${pick(THAI_LAST)} ${i} จำกัด`;
    appended.companies.push(companyId);
    await add({ streamName: `company-${companyId}`, events: [event('CompanyCreated', { companyId, name, domain: `${word.toLowerCase()}${i}.example`, industry: null, employees: null, country: null, properties: {} })] });
  }
  for (let i = 0; i < counts.contacts; i++) {
    const contactId = randomUUID();
    const kind = i % 4;
    const [firstName, lastName] =
      kind === 0 ? [pick(JAPANESE_FIRST), pick(JAPANESE_LAST)] : kind === 1 ? [pick(THAI_FIRST), pick(THAI_LAST)] : [pick(LATIN_FIRST), pick(LATIN_LAST)];
    const ownerId = pick(OWNERS);
    const lifecycleStage = pick(LIFECYCLE);
    appended.contacts.push({ id: contactId, ownerId, lifecycleStage });
    await add({
      streamName: `contact-${contactId}`,
      events: [
        event('ContactCreated', {
          contactId, email: `user${i}.${pick(LATIN_LAST).toLowerCase()}@${pick(COMPANY_WORDS).toLowerCase()}${i % counts.companies}.example`,
          firstName, lastName, phone: `+81 ${digits(2)}-${digits(4)}-${digits(4)}`, jobTitle: null, country: null,
          companyId: pick(appended.companies), ownerId, properties: {}, source: 'import', marketingStatus: 'non-marketing', lifecycleStage,
        }),
      ],
    });
  }
  for (let i = 0; i < counts.deals; i++) {
    const dealId = randomUUID();
    appended.deals.push({ id: dealId });
    await add({
      streamName: `deal-${dealId}`,
      events: [
        event('DealCreated', {
          dealId, name: `${pick(COMPANY_WORDS)} renewal ${i}`, pipelineId: 'bench-sales', stageId: pick(STAGES.slice(0, 3)), amount: `${1000 + i}.00`, currency: 'EUR',
          // One deal in three recurring, so the list's MRR column is written as often as it would be.
          ...(i % 3 === 0 ? { revenueType: 'recurring', billingPeriod: 'month' } : { revenueType: 'one-off', billingPeriod: null }),
          contractTermMonths: 12, closeDate: '2026-06-30', ownerId: pick(OWNERS), contactIds: [pick(appended.contacts).id], companyId: pick(appended.companies),
          companyIds: [], properties: {}, renewsDealId: null,
        }),
      ],
    });
  }
  for (let i = 0; i < counts.tickets; i++) {
    const ticketId = randomUUID();
    await add({
      streamName: `ticket-${ticketId}`,
      events: [
        event('TicketCreated', {
          ticketId, subject: `ログインできない ${i}`, pipelineId: 'bench-success', stageId: 'new', priority: 'medium', ownerId: pick(OWNERS),
          contactIds: [pick(appended.contacts).id], companyIds: [], dealIds: [], properties: {},
        }),
      ],
    });
  }
  await flush();
  return appended;
};

type Statement = Readonly<{ text: string; values: readonly unknown[] }>;

/**
 * The statements a query function runs against the bench's data, in order: run for real, since a later statement may
 * depend on an earlier one's rows (search's weak tiers run only when its strong ones leave the page short).
 */
const statementsOf = async (pool: pg.Pool, run: (source: Pick<pg.Pool, 'query'>) => Promise<unknown>): Promise<Statement[]> => {
  const caught: Statement[] = [];
  const source = {
    query: async (text: string, values: unknown[] = []) => {
      caught.push({ text, values });
      return pool.query(text, values);
    },
  };
  await run(source as unknown as Pick<pg.Pool, 'query'>);
  return caught;
};

/**
 * Median EXPLAIN ANALYZE execution time of `statement` over 5 runs, and its plan: `prepared` as the api's named
 * statements are (after 6 runs, so the server may have chosen a generic plan), else planned for its values (search).
 */
const explain = async (client: pg.PoolClient, statement: Statement, prepared: boolean, name: string) => {
  const literal = (value: unknown): string =>
    Array.isArray(value)
      ? client.escapeLiteral(`{${value.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`)
      : typeof value === 'number'
        ? String(value)
        : client.escapeLiteral(String(value));
  await client.query(`SET plan_cache_mode = ${prepared ? 'auto' : 'force_custom_plan'}`);
  for (let i = 0; i < 6; i++) await client.query({ name, text: statement.text, values: [...statement.values] });
  const times: number[] = [];
  let plan = '';
  for (let i = 0; i < 5; i++) {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE "${name}"(${statement.values.map(literal).join(', ')})`);
    plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    times.push(Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]));
  }
  await client.query(`DEALLOCATE "${name}"`);
  return { ms: median(times), plan };
};

const kept = values.database;
const db = kept === undefined ? await freshDatabase('postgres', 4) : await openDatabase({ kind: 'server', url: await createServerDatabase(kept), maxConnections: 4 });
try {
  await PostgresEventStore.migrate(db.pool);
  const seeded = process.hrtime.bigint();
  const appended = await appendAll(new PostgresEventStore(db.pool));
  console.log(`appended ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')} in ${(Number(process.hrtime.bigint() - seeded) / 1e9).toFixed(1)} s`);
  await db.pool.query('VACUUM ANALYZE');
  const replicas = Number(values.apis);
  const database = new URL(db.url).pathname.slice(1);
  const server = await startBenchServer(db.url, { role, apis: replicas });
  try {
    const built = process.hrtime.bigint();
    await readModelsBuilt(server);
    console.log(`read models built in ${(Number(process.hrtime.bigint() - built) / 1e9).toFixed(1)} s`);
    // What autovacuum does some time after a bulk build: statistics for the planner, visibility for index-only scans.
    await db.pool.query('VACUUM ANALYZE');
    const contact = (i: number) => appended.contacts[(i * 7919) % appended.contacts.length];
    const search = (q: (i: number) => string) => (i: number) => `/v1/search?q=${encodeURIComponent(q(i))}`;
    const queries: Record<string, (i: number) => string> = {
      'search: Japanese family name (田中)': search(() => '田中'),
      'search: Thai word (บริษัท)': search(() => 'บริษัท'),
      'search: ticket pipeline (サクセス)': search(() => 'サクセス'),
      'search: Latin word prefix (tanaka)': search(() => 'tanaka'),
      'search: typo (tanka)': search(() => 'tanka'),
      'search: email fragment (user123)': search((i) => `user${(i * 37) % counts.contacts}.`),
      'search: exact domain': search((i) => `acme${(i * 13) % counts.companies}.example`),
      'search: phone digits': search(() => '+81 12-3456'),
      'search: typo, two words (globex dub)': search(() => 'globex dub'),
      'contacts list: owner + lifecycle stage': (i) => `/v1/contacts?ownerId=${contact(i).ownerId}&lifecycleStage=${contact(i).lifecycleStage}`,
      'contacts list: by score (sort=-score)': () => '/v1/contacts?sort=-score',
      'deals list: pipeline + stage': (i) => `/v1/deals?pipelineId=bench-sales&stageId=${STAGES[i % 3]}`,
      'companies list: q': (i) => `/v1/companies?q=${COMPANY_WORDS[i % COMPANY_WORDS.length].toLowerCase()}`,
      'tickets list: open (status=open)': () => '/v1/tickets?status=open',
    };
    const all = ['contact', 'company', 'deal', 'ticket'] as const;
    const first = contact(0);
    // The same queries as the routes below ask, through the query functions (the lists' `property.<name>` definitions
    // and the build's position aside, a lookup each).
    const direct: Record<string, { prepared: boolean; run: (source: Pick<pg.Pool, 'query'>) => Promise<unknown> }> = {
      ...Object.fromEntries(
        Object.entries(queries)
          .filter(([name]) => name.startsWith('search'))
          .map(([name, path]) => [name, { prepared: false, run: (source) => searchRecords(source, { q: new URL(path(0), 'http://x').searchParams.get('q') ?? '', types: all, limit: 20 }) }]),
      ),
      'contacts list: owner + lifecycle stage': {
        prepared: true,
        run: (source) => listContacts(source, { ownerId: first.ownerId, lifecycleStage: first.lifecycleStage, properties: [], sort: listSortOf(CONTACT_LIST_SORT_KEYS, undefined, '-createdAt'), limit: 50 }),
      },
      // Its second part (unscored contacts) runs only when the scored ones end before the page does.
      'contacts list: by score (sort=-score)': {
        prepared: true,
        run: (source) => listContacts(source, { properties: [], sort: listSortOf(CONTACT_LIST_SORT_KEYS, '-score', '-createdAt'), limit: 50 }),
      },
      'deals list: pipeline + stage': {
        prepared: true,
        run: (source) => listDeals(source, { pipelineId: 'bench-sales', stageId: STAGES[0], properties: [], sort: listSortOf(DEAL_SORT_KEYS, undefined, '-createdAt'), limit: 50 }),
      },
      'companies list: q': {
        prepared: true,
        run: (source) => listCompanies(source, { q: COMPANY_WORDS[0].toLowerCase(), properties: [], sort: listSortOf(COMPANY_LIST_SORT_KEYS, undefined, '-createdAt'), limit: 50 }),
      },
      'tickets list: open (status=open)': {
        prepared: true,
        run: (source) => listTickets(source, { status: 'open', properties: [], sort: listSortOf(TICKET_SORT_KEYS, undefined, '-createdAt'), limit: 50 }),
      },
    };
    const explained: Record<string, string | number>[] = [];
    const client = await db.pool.connect();
    try {
      let statement = 0;
      for (const [name, { prepared, run }] of Object.entries(direct)) {
        // Every statement the query runs on this data, summed; the plan shown is the slowest statement's.
        const statements = await statementsOf(db.pool, run);
        if (statements.length === 0) continue;
        const timed = [];
        for (const each of statements) timed.push(await explain(client, each, prepared, `bench_records_${statement++}`));
        const slowest = timed.reduce((a, b) => (b.ms > a.ms ? b : a));
        explained.push({
          query: name,
          'execution ms (1 client)': timed.reduce((sum, t) => sum + t.ms, 0).toFixed(2),
          statements: statements.length,
          'slowest plan starts': slowest.plan.split('\n')[0].trim().slice(0, 60),
        });
      }
    } finally {
      client.release();
    }
    printTable(explained);
    const rows: Record<string, string | number>[] = [];
    const loads: string[] = [];
    for (const [name, path] of Object.entries(queries)) {
      const probe = await fetch(`${server.baseUrl}${path(0)}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
      if (probe.status !== 200) {
        rows.push({ query: name, 'p50 ms': '-', 'p99 ms': '-', 'requests/s': '-', 'p99 runs': `absent (${probe.status})` });
        continue;
      }
      const get = (i: number) => ({ method: 'GET', path: path(i) }) as const;
      const samples = [];
      const cpu = [];
      try {
        await loadHttp(server, clients, Math.min(200, requests), get); // warm-up
        for (let run = 0; run < runs; run++) {
          loads.push(loadAverage());
          const meter = await startCpuMeter(server.pids, database);
          samples.push(await loadHttp(server, clients, requests, get));
          cpu.push(await meter(requests));
        }
      } catch (error) {
        // Timeouts say the query is far off its target: a row, not the end of the run.
        rows.push({ query: name, 'p50 ms': '-', 'p99 ms': '-', 'requests/s': '-', 'p99 runs': `failed: ${(error as Error).message}` });
        console.log(JSON.stringify(rows[rows.length - 1]));
        continue;
      }
      const row = {
        query: name,
        'p50 ms': median(samples.map((s) => s.p50)).toFixed(1),
        'p99 ms': median(samples.map((s) => s.p99)).toFixed(1),
        'requests/s': Math.round(median(samples.map((s) => s.perSecond))),
        'p99 runs': samples.map((s) => s.p99.toFixed(1)).join(' / '),
        // What a request costs the machine: steadier than latency on a busy machine. With replicas, the first api's
        // CPU is counted against every request: not comparable, left out.
        'api CPU ms': replicas > 1 ? '-' : median(cpu.map((c) => c.api)).toFixed(2),
        'PostgreSQL CPU ms': median(cpu.map((c) => c.postgres)).toFixed(2),
      };
      // As it comes: a long run shows its figures before the table.
      console.log(JSON.stringify(row));
      rows.push(row);
    }
    printTable(rows);
    console.log(`load averages: ${loads.join(' | ')}`);
    console.log(`results: ${await writeResults('records', { counts, runs, requests, clients, explained, rows, loadAverages: loads })}`);
  } finally {
    await server.close();
  }
} finally {
  await db.close();
}
