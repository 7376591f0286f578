// The "Done when" of #16: 1,000 contacts cross MQL and a workflow creates one task for each; then the processes die
// between an action and its run's record (and between the record and the checkpoint), restart, every projection is
// rebuilt, the log is replayed into a fresh database, and the runner re-reads all of history: after each stage
// exactly 1,000 tasks exist, one per contact, each explained by its run (the trigger and the step with the event it
// produced). The deaths are deterministic as in test/e2e/idempotency-crash.e2e.spec.ts: the dying process's store
// never returns from the chosen append and its connections hang from then on, so its lease runs out and nothing
// after the death runs; a new process over the same database takes over. On the server, a real projector process is
// also killed with SIGKILL wherever it happens to be while it acts on 200 more contacts.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import { createApp } from '#api/app';
import { defaultWorkflowId } from '#api/workflows/default-workflows.bootstrap';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';
import { CommandExecutor, UpcastingEventStore, WorkflowRunner, createWorkflowEngine, type WorkflowEngine } from '#application';
import { loadConfig } from '#config';
import { eventCatalog } from '#domain/catalog';
import { workflowRunStream } from '#domain/workflow';
import { PostgresEventStore, type AppendOptions, type EventStore, type NewEvent, type RecordedEvent, type StreamAppend } from '#event-store';
import { leadScoreReadModel } from '#projections/lead-score';
import { workflowsReadModel } from '#projections/workflows';
import { openRuntime, type Runtime } from '#runtime';
import { root, runTs } from '#test/support/cli-process';
import { contactCreatedData, lastCommitted } from '#test/support/events';
import { createTestDatabase, eventually, serverUrl, type TestDatabase } from '#test/support/test-database';
import { ALL_PROJECTIONS } from '#projections';

const CONTACTS = 1_000;
const OCCURRED_AT = '2026-01-15T10:00:00.000Z';

// Under the default formula (MQL at 40) a senior title (15) and a demo request (30) make 45: MQL, not SQL.
const HANDOFF = {
  name: 'MQL handoff',
  trigger: { kind: 'qualification', becomes: 'mql' },
  steps: [{ id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}}: MQL', dueInBusinessDays: 1 }],
};

type Step = { stepId: string; kind: string; outcome: string; produced: { eventId: string; type: string; streamName: string }[] };
type Run = { recordType: string; recordId: string; status: string; outcome: string | null; trigger: { eventId: string; eventType: string }; steps: Step[] };
type Api = Readonly<{ app: NestExpressApplication; runtime: Runtime; http: () => request.Agent; close(): Promise<void> }>;

/** A connection pool that hangs every query once the process "died": its lease is no longer renewed, nothing it started goes on. */
const mortalPool = (pool: pg.Pool): { pool: pg.Pool; die(): void } => {
  let dead = false;
  const proxy = new Proxy(pool, {
    get(target, property, receiver) {
      if (dead && (property === 'query' || property === 'connect')) return () => new Promise<never>(() => undefined);
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { pool: proxy, die: () => (dead = true) };
};

const never = () => new Promise<never>(() => undefined);

/**
 * The store of a process that dies at the chosen append to one of `streams`: before it commits, or right after.
 * The runner judges several records at once, so the death stops them all: from then on nothing this store is asked
 * reaches the database, while what was sent before lands (`settled`), as a killed process's last statements do.
 */
class DyingStore implements EventStore {
  private appends = 0;
  private dead = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly inner: EventStore,
    private readonly streams: ReadonlySet<string>,
    private readonly at: Readonly<{ append: number; committed: boolean }>,
    private readonly died: () => void,
  ) {}

  /** Resolves once every append sent before the death has committed or failed. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  async appendToStream(streamName: string, events: readonly NewEvent[], options?: AppendOptions) {
    if (this.dead) return never();
    if (!this.streams.has(streamName) || ++this.appends !== this.at.append) return this.sent(this.inner.appendToStream(streamName, events, options));
    // Nothing asked of it from here on is sent (the other records' appends while this one commits).
    this.dead = true;
    if (this.at.committed) await this.sent(this.inner.appendToStream(streamName, events, options));
    this.died();
    return never();
  }

  private sent<T>(append: Promise<T>): Promise<T> {
    this.inFlight.add(append);
    void append.finally(() => this.inFlight.delete(append)).catch(() => undefined);
    return append;
  }

  readStream: EventStore['readStream'] = (streamName, options) => this.unlessDead(this.inner.readStream(streamName, options));
  readAll: EventStore['readAll'] = (options) => this.unlessDead(this.inner.readAll(options));
  subscribeToAll: EventStore['subscribeToAll'] = (options) => this.inner.subscribeToAll(options);
  headPosition: EventStore['headPosition'] = () => (this.dead ? never() : this.inner.headPosition());
  close: EventStore['close'] = () => this.inner.close();

  private async *unlessDead(events: AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    if (this.dead) await never();
    yield* events;
  }
}

const storable = (event: RecordedEvent): NewEvent => {
  const { recordedAt: _recordedAt, ...metadata } = event.metadata;
  return { id: event.id, type: event.type, data: event.data, metadata };
};

describe('a workflow acts exactly once on 1,000 contacts crossing MQL, across crashes, rebuilds, replay and restarts', () => {
  const pepper = randomBytes(32);
  const dbs: TestDatabase[] = [];
  let db: TestDatabase;
  let api: Api | null = null;
  let workflowId: string;
  let ownerId: string;
  const contactIds: string[] = [];
  let runStreams: ReadonlySet<string>;

  const openRuntimeOn = async (database: TestDatabase): Promise<Runtime> => {
    const runtime = await openRuntime(loadConfig({ TALLY_RATE_LIMIT: '1000000' }), ALL_PROJECTIONS, {
      database,
      engine: { pollIntervalMs: 50 },
      authPepper: pepper,
    });
    await runtime.projections.start();
    return runtime;
  };

  /** Tally as it runs in production (all in one process: api, projections, workflow runner and timers). */
  const openApi = async (database: TestDatabase = db): Promise<Api> => {
    const runtime = await openRuntimeOn(database);
    const app = await createApp(runtime, { logger: ['error'] });
    await app.init();
    const { secret } = await runtime.apiKeys.create('exactly-once', 'super-admin', 'test');
    return {
      app,
      runtime,
      http: () => request.agent(app.getHttpServer()).set('Authorization', `Bearer ${secret}`),
      // Stops this process without closing the database: the next one opens it again.
      close: async () => {
        await app.close();
        await runtime.projections.stop();
        // Its LISTEN connection goes with the process, or its reconnects would outlive the spec.
        await runtime.appendsElsewhere.listener?.close();
      },
    };
  };
  const engineOf = (a: Api) => a.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE);

  /**
   * A process running the projections and the runner that dies at the chosen append to a run stream of the
   * workflow; answers once it died (its projections stopped, its connections hung).
   */
  const runUntilDeath = async (at: { append: number; committed: boolean }): Promise<void> => {
    const runtime = await openRuntimeOn(db);
    const mortal = mortalPool(db.pool);
    let died!: () => void;
    const death = new Promise<void>((resolve) => (died = resolve));
    const dying = new DyingStore(runtime.eventStore.inner, runStreams, at, () => died());
    const store = new UpcastingEventStore(dying, eventCatalog);
    const executor = new CommandExecutor(store, eventCatalog, () => runtime.projections.poke());
    const engine = createWorkflowEngine({
      store,
      executor,
      pool: mortal.pool,
      leadScores: leadScoreReadModel(mortal.pool),
      workflowsReadModel: workflowsReadModel(mortal.pool),
      clock: () => new Date(),
      // A short lease: the next process takes over within a second of this one's death.
      options: { leaseTtlMs: 1_000, pollIntervalMs: 50 },
    });
    await engine.runner.start();
    await death;
    mortal.die();
    await dying.settled();
    await runtime.projections.stop();
    await runtime.appendsElsewhere.listener?.close();
  };

  /** Every task the workflow created, straight from the log: contact -> the task's event ids. */
  const tasksInLog = async (pool: pg.Pool): Promise<Map<string, string[]>> => {
    const { rows } = await pool.query<{ contact_id: string; event_id: string }>(
      `SELECT jsonb_array_elements_text(data->'contactIds') AS contact_id, event_id::text
         FROM tally_events WHERE event_type = 'EngagementLogged' AND metadata->>'actor' = $1`,
      [`workflow:${workflowId}@1`],
    );
    const tasks = new Map<string, string[]>();
    for (const row of rows) tasks.set(row.contact_id, [...(tasks.get(row.contact_id) ?? []), row.event_id]);
    return tasks;
  };
  const runsInLog = async (pool: pg.Pool): Promise<number> => {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tally_events WHERE event_type = 'WorkflowEnrolled' AND data->>'workflowId' = $1`,
      [workflowId],
    );
    return rows[0].n;
  };

  const pages = async <T>(a: Api, url: string, query: Record<string, string>): Promise<T[]> => {
    const rows: T[] = [];
    for (let cursor: string | undefined; ; ) {
      const { body } = await a.http().get(url).query({ ...query, limit: '200', ...(cursor ? { cursor } : {}) }).expect(200);
      rows.push(...body.data);
      cursor = body.nextCursor ?? undefined;
      if (!cursor) return rows;
    }
  };

  /**
   * Exactly one task per contact in the log and in the task queue, and each run explains its task: the
   * qualification change that enrolled the contact, the createTask step, the event it produced.
   */
  const expectExactlyOnce = async (a: Api): Promise<void> => {
    await engineOf(a).runner.caughtUp((await lastCommitted(a.runtime.db.pool))!);
    const head = (await lastCommitted(a.runtime.db.pool))!;
    const tasks = await tasksInLog(a.runtime.db.pool);
    expect([...tasks.keys()].sort()).toEqual([...contactIds].sort());
    expect([...tasks.values()].filter((ids) => ids.length !== 1)).toEqual([]);
    expect(await runsInLog(a.runtime.db.pool)).toBe(contactIds.length);

    const queue = await pages<{ id: string; contactIds: string[] }>(a, '/v1/tasks', { ownerId, minPosition: head });
    expect(queue).toHaveLength(contactIds.length);
    expect(new Set(queue.flatMap((task) => task.contactIds)).size).toBe(contactIds.length);

    const runs = await eventually(async () => {
      const found = await pages<Run>(a, `/v1/workflows/${workflowId}/runs`, {});
      expect(found).toHaveLength(contactIds.length);
      expect(found.filter((run) => run.steps.length !== 1)).toEqual([]);
      return found;
    }, 30_000, 200);
    for (const run of runs) {
      expect(run).toMatchObject({ recordType: 'contact', status: 'finished', outcome: 'completed', trigger: { eventType: 'LeadScoreQualificationChanged' } });
      const [step] = run.steps;
      expect(step).toMatchObject({ stepId: 'handoff', kind: 'action', outcome: 'acted' });
      expect(step.produced.map((p) => [p.type, p.eventId])).toEqual([['EngagementLogged', tasks.get(run.recordId)![0]]]);
    }
    // The explain trail as an auditor asks for it: one contact at a time.
    for (const contactId of contactIds.filter((_, index) => index % 50 === 7)) {
      const { body } = await a.http().get(`/v1/workflows/${workflowId}/runs`).query({ contactId }).expect(200);
      expect(body.data).toEqual([runs.find((run) => run.recordId === contactId)]);
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dbs.push(db);
    const setup = await openApi();
    ownerId = (await setup.http().post('/v1/owners').send({ name: 'Mia Closer', email: `${randomUUID()}@example.com`, role: 'sales' }).expect(201)).body.id;
    workflowId = (await setup.http().post('/v1/workflows').send(HANDOFF).expect(201)).body.workflowId;
    await setup.http().post(`/v1/workflows/${workflowId}/activation`).send({ reason: 'MQLs get a call' }).expect(200);
    // The default lifecycle workflow on the same trigger is paused: it would double the runner's work, not the checks.
    await setup.http().post(`/v1/workflows/${defaultWorkflowId('lifecycle-mql')}/pause`).send({ reason: 'one workflow under test' }).expect(200);
    await engineOf(setup).runner.caughtUp();
    await setup.close();

    // The contacts and their demo requests, appended while no process runs: the first runner to read them dies.
    await seed(CONTACTS);
    runStreams = new Set(contactIds.map((contactId) => workflowRunStream(workflowId, 'contact', contactId)));
  }, 60_000);

  /** `count` more contacts crossing MQL: created with a senior title, then a demo request. */
  const seed = async (count: number): Promise<void> => {
    const metadata = { occurredAt: OCCURRED_AT, actor: 'test', causationId: null, source: 'test' };
    const appends: StreamAppend[] = [];
    for (let i = 0; i < count; i++) {
      const contactId = randomUUID();
      contactIds.push(contactId);
      const data = contactCreatedData(contactId, { email: `mql-${contactIds.length}@example.com`, jobTitle: 'VP Sales', ownerId });
      appends.push(
        { streamName: `contact-${contactId}`, events: [{ id: randomUUID(), type: 'ContactCreated', data, metadata: { ...metadata, correlationId: randomUUID(), schemaVersion: eventCatalog.schemaVersionOf('ContactCreated') } }] },
        { streamName: `activity-${contactId}`, events: [{ id: randomUUID(), type: 'FormSubmitted', data: { contactId, formId: 'demo', fields: {} }, metadata: { ...metadata, correlationId: randomUUID(), schemaVersion: 1 } }] },
      );
    }
    const store = new PostgresEventStore(db.pool);
    for (let i = 0; i < appends.length; i += 400) await store.appendToStreams(appends.slice(i, i + 400));
  };
  afterAll(async () => {
    await api?.close();
    for (const database of dbs) await database.close();
  });

  // The runner judges up to RUNNER_CONCURRENCY records at once: when it dies, the others' actions sent by then may have
  // committed too, without their runs. Each is in the log once, and the next process finds it there.
  const RUNNER_CONCURRENCY = 8;

  it('dies between an action and its run record: the task is in the log, the run is not', async () => {
    await runUntilDeath({ append: 5, committed: false });
    // Four runs recorded; the fifth contact's task committed, its run never written.
    expect(await runsInLog(db.pool)).toBe(4);
    const tasks = [...(await tasksInLog(db.pool)).values()].map((ids) => ids.length);
    expect(tasks.filter((count) => count !== 1)).toEqual([]);
    expect(tasks.length).toBeGreaterThanOrEqual(5);
    expect(tasks.length).toBeLessThanOrEqual(4 + RUNNER_CONCURRENCY);
  }, 60_000);

  it('dies after a run record, before the checkpoint moves past it; a third process finishes: 1,000 tasks, once each', async () => {
    const started = Date.now();
    // The fifth contact's run first (its task found, not made again), then on to the 100th run this process records.
    await runUntilDeath({ append: 100, committed: true });
    // eslint-disable-next-line no-console
    console.info(`100 runs before the second death: ${Date.now() - started} ms`);
    expect(await runsInLog(db.pool)).toBe(104);
    const tasks = [...(await tasksInLog(db.pool)).values()].map((ids) => ids.length);
    expect(tasks.filter((count) => count !== 1)).toEqual([]);
    expect(tasks.length).toBeGreaterThanOrEqual(104);
    expect(tasks.length).toBeLessThanOrEqual(104 + RUNNER_CONCURRENCY);

    const restarted = Date.now();
    api = await openApi();
    await expectExactlyOnce(api);
    // eslint-disable-next-line no-console
    console.info(`the other 896 and the checks: ${Date.now() - restarted} ms`);
  }, 600_000);

  it('rebuilds every projection: still exactly 1,000 tasks, each explained', async () => {
    const a = api!;
    const builds = [];
    for (const name of a.runtime.projections.names()) {
      const { body } = await a.http().post(`/v1/projections/${name}/rebuilds`).send({ reason: 'exactly-once check' }).expect(202);
      builds.push({ name, version: body.version as number });
    }
    for (const { name, version } of builds) {
      await eventually(async () => expect((await a.http().get(`/v1/projections/${name}/rebuilds/${version}`).expect(200)).body.state).toBe('active'), 60_000, 100);
    }
    await expectExactlyOnce(a);
  }, 300_000);

  it('replays the log into a fresh database (new read side, runner from the start): no action again', async () => {
    const fresh = await createTestDatabase();
    dbs.push(fresh);
    await PostgresEventStore.migrate(fresh.pool);
    const target = new PostgresEventStore(fresh.pool);
    // In log order; a stream appears once per batch so the batch keeps that order.
    let batch: StreamAppend[] = [];
    let streams = new Set<string>();
    const flush = async () => {
      if (batch.length > 0) await target.appendToStreams(batch);
      batch = [];
      streams = new Set();
    };
    for await (const event of api!.runtime.eventStore.inner.readAll()) {
      const last = batch.at(-1);
      if (last?.streamName === event.streamName) {
        batch[batch.length - 1] = { streamName: last.streamName, events: [...last.events, storable(event)] };
        continue;
      }
      if (streams.has(event.streamName) || batch.length >= 500) await flush();
      streams.add(event.streamName);
      batch.push({ streamName: event.streamName, events: [storable(event)] });
    }
    await flush();

    const replayed = await openApi(fresh);
    try {
      await expectExactlyOnce(replayed);
    } finally {
      await replayed.close();
    }
  }, 300_000);

  it('restarts and re-reads all of history from an empty checkpoint: no action again', async () => {
    await api!.close();
    api = null;
    await WorkflowRunner.resetCheckpoint(db.pool, null);
    api = await openApi();
    await expectExactlyOnce(api);
  }, 300_000);

  // A real kill -9 lands wherever the process happens to be. The projector runs as its own process, so this needs the
  // server: an embedded database lives inside one process.
  (serverUrl() ? it : it.skip)('survives a projector process killed with SIGKILL while it acts: 1,200 tasks, once each', async () => {
    await api!.close();
    api = null;
    await seed(200);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tally-exactly-once-'));
    try {
      const child = spawn(process.execPath, [...runTs, path.join(root, 'apps/projector/src/main.ts')], {
        env: { ...process.env, DATABASE_URL: db.url, TALLY_DATA_DIR: dataDir, TALLY_AUTH_PEPPER: '' },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      const exited = once(child, 'exit');
      // Killed once it has created some of the new tasks, in the middle of the rest.
      await eventually(async () => expect((await tasksInLog(db.pool)).size).toBeGreaterThan(CONTACTS + 20), 120_000, 10);
      child.kill('SIGKILL');
      const [, signal] = await exited;
      expect(signal).toBe('SIGKILL');
      expect((await tasksInLog(db.pool)).size).toBeLessThan(contactIds.length);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    api = await openApi();
    await expectExactlyOnce(api);
  }, 300_000);
});
