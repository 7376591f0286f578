// p50/p99 latency of finding records over HTTP with 16 concurrent clients, on a server database holding 100k
// contacts, 5k companies, 20k deals and 2k tickets (appended directly through the store port, in Japanese, Thai and
// Latin names): GET /v1/search for each kind of query, and the filtered lists (contacts by owner and lifecycle stage
// and by score, deals by pipeline and stage, companies by q, open tickets; a route answering other than 200 is
// reported as absent with its status). The api runs as deployed, in its own process, after its read models are built.
// Usage: npm run build; node dist/bench/records.bench.js [--contacts 100000 --deals 20000 --requests 1000 --runs 3]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eventCatalog } from '#domain/catalog';
import { PostgresEventStore, type NewEvent, type StreamAppend } from '#event-store';
import { freshDatabase, loadAverage, loadHttp, median, printTable, startBenchServer, writeResults, type BenchServer } from './bench-support.js';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000' },
    companies: { type: 'string', default: '5000' },
    deals: { type: 'string', default: '20000' },
    tickets: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '16' },
  },
});
const counts = {
  contacts: Number(values.contacts),
  companies: Number(values.companies),
  deals: Number(values.deals),
  tickets: Number(values.tickets),
};
const runs = Number(values.runs);
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
          dealId, name: `${pick(COMPANY_WORDS)} renewal ${i}`, pipelineId: 'bench-sales', stageId: pick(STAGES.slice(0, 3)), amount: 1000 + i, currency: 'EUR',
          contractTermMonths: 12, closeDate: '2026-06-30', ownerId: pick(OWNERS), contactIds: [pick(appended.contacts).id], companyId: pick(appended.companies),
          companyIds: [], properties: {},
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

type Build = { name: string; state: string; lagEvents: number | null };

const readModelsBuilt = async (server: BenchServer): Promise<void> => {
  const deadline = Date.now() + 3_600_000;
  for (;;) {
    const response = await fetch(`${server.baseUrl}/v1/projections`, { headers: { authorization: `Bearer ${server.apiKey}` } });
    const { data } = (await response.json()) as { data: Build[] };
    const active = data.filter((build) => build.state === 'active');
    if (active.length > 0 && active.every((build) => build.lagEvents === 0)) return;
    if (Date.now() > deadline) throw new Error('read models did not catch up within an hour');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

const db = await freshDatabase('postgres', 4);
try {
  await PostgresEventStore.migrate(db.pool);
  const seeded = process.hrtime.bigint();
  const appended = await appendAll(new PostgresEventStore(db.pool));
  console.log(`appended ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')} in ${(Number(process.hrtime.bigint() - seeded) / 1e9).toFixed(1)} s`);
  await db.pool.query('VACUUM ANALYZE');
  const server = await startBenchServer(db.url);
  try {
    const built = process.hrtime.bigint();
    await readModelsBuilt(server);
    console.log(`read models built in ${(Number(process.hrtime.bigint() - built) / 1e9).toFixed(1)} s`);
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
    const rows: Record<string, string | number>[] = [];
    const loads: string[] = [];
    for (const [name, path] of Object.entries(queries)) {
      const probe = await fetch(`${server.baseUrl}${path(0)}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
      if (probe.status !== 200) {
        rows.push({ query: name, 'p50 ms': '-', 'p99 ms': '-', 'requests/s': '-', 'p99 runs': `absent (${probe.status})` });
        continue;
      }
      const get = (i: number) => ({ method: 'GET', path: path(i) }) as const;
      await loadHttp(server, clients, Math.min(200, requests), get); // warm-up
      const samples = [];
      for (let run = 0; run < runs; run++) {
        loads.push(loadAverage());
        samples.push(await loadHttp(server, clients, requests, get));
      }
      const row = {
        query: name,
        'p50 ms': median(samples.map((s) => s.p50)).toFixed(1),
        'p99 ms': median(samples.map((s) => s.p99)).toFixed(1),
        'requests/s': Math.round(median(samples.map((s) => s.perSecond))),
        'p99 runs': samples.map((s) => s.p99.toFixed(1)).join(' / '),
      };
      // As it comes: a long run shows its figures before the table.
      console.log(JSON.stringify(row));
      rows.push(row);
    }
    printTable(rows);
    console.log(`load averages: ${loads.join(' | ')}`);
    console.log(`results: ${await writeResults('records', { counts, runs, requests, clients, rows, loadAverages: loads })}`);
  } finally {
    await server.close();
  }
} finally {
  await db.close();
}
