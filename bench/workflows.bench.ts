// Workflows (#16): enrolment-to-first-action latency (a demo request appended to the log, as the api's command does,
// until the workflow's task is committed) at a steady rate, and sustained enrolments per minute (a backlog of demo
// requests drained by the runner). The runner runs as the projector wires it, beside every read model, with its
// production settings (it polls the log every 250 ms and its own actions' appends wake it; the demo requests do not
// unless --poke: then each wakes it, as an append in the same process does with TALLY_ROLE=all).
// Each phase also reports the CPU it took per enrolment: this process (runner, read models, and PGlite when
// embedded) plus, on the server, its PostgreSQL backends (from /proc), and the queries this process sent per
// enrolment; a shared machine's load moves the rates, much less the CPU per enrolment.
// Targets: p99 < 1 s; 10,000 enrolments per minute.
// Usage: npm run bench:workflows [-- --targets pglite,postgres --rate 20 --seconds 20 --backlog 5000 --concurrency 8 --poke]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CommandExecutor, UpcastingEventStore, createWorkflowEngine, randomIds, type RequestContext } from '#application';
import { loadConfig } from '#config';
import { eventCatalog } from '#domain/catalog';
import { PostgresEventStore, type EventStore, type NewEvent, type StreamAppend } from '#event-store';
import { leadScoreReadModel } from '#projections/lead-score';
import { workflowsReadModel } from '#projections/workflows';
import { openRuntime } from '#runtime';
import { ALL_PROJECTIONS } from '#projections';
import { backendPids, cpuSecondsOf, freshDatabase, loadAverage, percentile, printTable, writeResults, type Target } from './bench-support.js';

const { values } = parseArgs({
  options: {
    targets: { type: 'string', default: 'postgres,pglite' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '20' },
    backlog: { type: 'string', default: '5000' },
    concurrency: { type: 'string' },
    poke: { type: 'boolean', default: false },
    // Prints the queries this process sent, by their first words, most frequent first.
    'query-profile': { type: 'boolean', default: false },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const backlog = Number(values.backlog);
const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);

/** CPU seconds of this process and of the database's server backends, and this process's queries, from `start()` on. */
const cost = (databaseName: string | null, pool: { query: unknown; connect: unknown }) => {
  let queries = 0;
  const byText = new Map<string, number>();
  // Counted at the pool: each pool.query is a round trip; a checked-out client's statements (projection batches) are not.
  const query = pool.query as (...args: unknown[]) => unknown;
  const connect = pool.connect as (...args: unknown[]) => unknown;
  pool.query = function (this: unknown, ...args: unknown[]) {
    queries++;
    if (values['query-profile']) {
      const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: unknown; name?: unknown })?.text ?? (args[0] as { name?: unknown })?.name);
      const key = text.replace(/\s+/g, ' ').slice(0, 90);
      byText.set(key, (byText.get(key) ?? 0) + 1);
    }
    return query.apply(this, args);
  };
  pool.connect = function (this: unknown, ...args: unknown[]) {
    queries++;
    return connect.apply(this, args);
  };
  const backends = async (): Promise<Map<number, number>> => {
    if (databaseName === null) return new Map();
    const pids = await backendPids(databaseName);
    return new Map(await Promise.all(pids.map(async (pid) => [pid, await cpuSecondsOf(pid)] as const)));
  };
  return async () => {
    const process0 = process.cpuUsage();
    const backends0 = await backends();
    const queries0 = queries;
    let queriesUntil: number | null = null;
    return {
      /** The phase's queries end here (what follows is waiting, which polls). */
      lastQuery: () => (queriesUntil = queries),
      profile: () => [...byText].sort((a, b) => b[1] - a[1]).slice(0, 25),
      end: async () => {
        const used = process.cpuUsage(process0);
        // A backend that started during the phase counts whole; one that ended during it is lost (pools keep theirs).
        let database = 0;
        for (const [pid, seconds] of await backends()) database += seconds - (backends0.get(pid) ?? 0);
        return { processCpuS: (used.user + used.system) / 1e6, databaseCpuS: database, queries: (queriesUntil ?? queries) - queries0 };
      },
    };
  };
};

const DEFINITION = {
  name: 'Demo request handoff',
  trigger: { event: 'FormSubmitted', where: { formId: 'demo' } },
  steps: [{ id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}} about the demo', dueInBusinessDays: 1 }],
};

const event = (type: string, data: unknown): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    occurredAt: new Date().toISOString(),
    actor: 'bench',
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: eventCatalog.schemaVersionOf(type),
    source: 'bench',
  },
});

/** The store the runner acts through: notes when each task (named by its enrolling event) has committed. */
class ObservedStore implements EventStore {
  readonly committed = new Map<string, (at: bigint) => void>();
  constructor(private readonly inner: PostgresEventStore) {}
  async appendToStream(...args: Parameters<EventStore['appendToStream']>) {
    const result = await this.inner.appendToStream(...args);
    const [streamName, events] = args;
    if (streamName.startsWith('engagement-')) for (const e of events) this.committed.get(e.metadata.causationId ?? '')?.(process.hrtime.bigint());
    return result;
  }
  appendToStreams = (appends: readonly StreamAppend[]) => this.inner.appendToStreams(appends);
  readStreams = (streamNames: readonly string[]) => this.inner.readStreams(streamNames);
  readStream: EventStore['readStream'] = (streamName, options) => this.inner.readStream(streamName, options);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  subscribeToAll: EventStore['subscribeToAll'] = (options) => this.inner.subscribeToAll(options);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
}

const measure = async (target: Target) => {
  const db = await freshDatabase(target);
  const start = cost(target === 'postgres' ? new URL(db.url).pathname.slice(1) : null, db.pool as unknown as { query: unknown; connect: unknown });
  const runtime = await openRuntime(loadConfig({}), ALL_PROJECTIONS, { database: db });
  await runtime.projections.start();
  const raw = new PostgresEventStore(db.pool);
  const observed = new ObservedStore(raw);
  const store = new UpcastingEventStore(observed, eventCatalog);
  // As apps/projector wires it: the runner's own appends wake the read models and the runner (other workflows).
  let poke = () => undefined as void;
  const executor = new CommandExecutor(store, eventCatalog, () => {
    runtime.projections.poke();
    poke();
  });
  const engine = createWorkflowEngine({
    store,
    executor,
    pool: db.pool,
    leadScores: leadScoreReadModel(db.pool),
    workflowsReadModel: workflowsReadModel(db.pool),
    clock: () => new Date(),
    options: { concurrency },
  });
  poke = () => engine.runner.poke();
  try {
    const context = (): RequestContext => ({ actor: 'key:bench', correlationId: randomUUID(), causationId: null, now: new Date().toISOString(), source: 'bench', ids: randomIds() });
    const { workflowId } = await engine.definitions.create(DEFINITION, context());
    await engine.definitions.activate(workflowId, { reason: 'bench' }, context());
    const ownerId = randomUUID();
    await raw.appendToStream(`owner-${ownerId}`, [event('OwnerCreated', { ownerId, name: 'Bench Owner', email: 'bench@example.com', team: null, role: 'sales' })]);
    // The contacts exist before they ask for a demo (their creation enrols nobody).
    const contacts = Array.from({ length: Math.ceil(rate * seconds) + backlog }, () => randomUUID());
    const creations: StreamAppend[] = contacts.map((contactId, i) => ({
      streamName: `contact-${contactId}`,
      events: [event('ContactCreated', {
        contactId, email: `bench-${i}@example.com`, firstName: null, lastName: null, phone: null, jobTitle: null, country: null,
        companyId: null, ownerId, properties: {}, source: 'form', marketingStatus: 'marketing', lifecycleStage: 'lead',
      })],
    }));
    for (let i = 0; i < creations.length; i += 1_000) await raw.appendToStreams(creations.slice(i, i + 1_000));
    await engine.runner.start();
    await engine.runner.caughtUp();
    const demo = (contactId: string) => event('FormSubmitted', { contactId, formId: 'demo', fields: {} });

    // 1. Latency at a steady rate: each demo request appended on its own, as a command would.
    const latencies: Promise<number>[] = [];
    const steady = await start();
    const started = Date.now();
    for (let i = 0; i < rate * seconds; i++) {
      const request = demo(contacts[i]);
      const done = new Promise<bigint>((resolve) => observed.committed.set(request.id, resolve));
      const at = process.hrtime.bigint();
      await raw.appendToStream(`activity-${contacts[i]}`, [request]);
      if (values.poke) engine.runner.poke();
      latencies.push(done.then((end) => Number(end - at) / 1e6));
      const wait = started + ((i + 1) * 1000) / rate - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const latency = await Promise.all(latencies);
    await engine.runner.caughtUp();
    const steadyCost = await steady.end();

    // 2. Throughput: a backlog of demo requests (an import, a burst) drained by the runner.
    const burst = contacts.slice(rate * seconds);
    const requests = burst.map((contactId) => ({ streamName: `activity-${contactId}`, events: [demo(contactId)] }));
    const drained = Promise.all(requests.map(({ events: [request] }) => new Promise<bigint>((resolve) => observed.committed.set(request.id, resolve))));
    const drain = await start();
    const from = process.hrtime.bigint();
    for (let i = 0; i < requests.length; i += 1_000) await raw.appendToStreams(requests.slice(i, i + 1_000));
    if (values.poke) engine.runner.poke();
    await drained;
    const drainSeconds = Number(process.hrtime.bigint() - from) / 1e9;
    // The last runs recorded, then the read models caught up on all the runner wrote: both are the drain's cost.
    await engine.runner.caughtUp();
    drain.lastQuery();
    const head = await raw.headPosition();
    for (const name of runtime.projections.names()) await runtime.projections.waitFor(name, head!, 120_000);
    const drainCost = await drain.end();
    if (values['query-profile']) for (const [text, count] of drain.profile()) console.log(`${(count / burst.length).toFixed(2)}/enrolment  ${text}`);
    const perEnrolment = (c: typeof drainCost, n: number) => ({
      processCpuMs: (c.processCpuS * 1000) / n,
      databaseCpuMs: (c.databaseCpuS * 1000) / n,
      queries: c.queries / n,
    });
    return {
      enrolments: latency.length,
      p50: percentile(latency, 50),
      p95: percentile(latency, 95),
      p99: percentile(latency, 99),
      max: Math.max(...latency),
      backlog: burst.length,
      drainSeconds,
      perMinute: (burst.length / drainSeconds) * 60,
      steadyCost: perEnrolment(steadyCost, latency.length),
      drainCost: perEnrolment(drainCost, burst.length),
    };
  } finally {
    await engine.runner.stop();
    await runtime.close();
  }
};

const rows: Record<string, string | number>[] = [];
const results: Record<string, unknown> = {};
for (const target of values.targets!.split(',') as Target[]) {
  const before = loadAverage();
  const result = await measure(target);
  results[target] = { ...result, loadBefore: before, loadAfter: loadAverage() };
  rows.push({
    target: target === 'postgres' ? 'server' : 'PGlite',
    [`latency @ ${rate}/s`]: `${result.enrolments} runs`,
    p50: `${result.p50.toFixed(0)} ms`,
    p95: `${result.p95.toFixed(0)} ms`,
    p99: `${result.p99.toFixed(0)} ms`,
    max: `${result.max.toFixed(0)} ms`,
    backlog: result.backlog,
    drain: `${result.drainSeconds.toFixed(1)} s`,
    'enrolments/min': Math.round(result.perMinute),
    'CPU ms/enrolment (process + db)': `${result.drainCost.processCpuMs.toFixed(2)} + ${result.drainCost.databaseCpuMs.toFixed(2)}`,
    'queries/enrolment': result.drainCost.queries.toFixed(1),
    'steady CPU ms/enrolment': `${result.steadyCost.processCpuMs.toFixed(2)} + ${result.steadyCost.databaseCpuMs.toFixed(2)}`,
    load: `${before} -> ${loadAverage()}`,
  });
}
printTable(rows);
console.log(`results: ${await writeResults('workflows', { rate, seconds, backlog, concurrency, poke: values.poke, results })}`);
