// Durable delays (#16): a run waiting on a delay survives a restart and fires once, on time, when the injected clock
// passes its due time, even with two processes polling the timers over one database. The clock is the timers' own
// (the one place workflows read it); the steps after the delay run at the delay's due time, so the task's due date
// follows from the delay, never from when a timer happened to look.
import { randomUUID } from 'node:crypto';
import { CommandExecutor, createWorkflowEngine, randomIds, type RequestContext, type WorkflowEngine } from '#application';
import { loadConfig } from '#config';
import { eventCatalog } from '#domain/catalog';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { leadScoreReadModel } from '#projections/lead-score';
import { workflowsReadModel } from '#projections/workflows';
import { openRuntime, type Runtime } from '#runtime';
import { contactCreatedData } from '#test/support/events';
import { createTestDatabase, eventually, type TestDatabase } from '#test/support/test-database';
import { ALL_PROJECTIONS } from '#projections';

// Thursday 2026-01-15. Ada's demo request at 10:00 waits until 11:00, Ben's at 10:30 until 11:30; the task is due the
// next business day (Friday) at 17:00 UTC, counted from the delay's end.
const ADA_AT = '2026-01-15T10:00:00.000Z';
const BEN_AT = '2026-01-15T10:30:00.000Z';
const ADA_DUE = '2026-01-15T11:00:00.000Z';
const BEN_DUE = '2026-01-15T11:30:00.000Z';
const TASK_DUE = '2026-01-16T17:00:00.000Z';

const DEFINITION = {
  name: 'Demo follow-up after an hour',
  trigger: { event: 'FormSubmitted', where: { formId: 'demo' } },
  steps: [
    { id: 'cool-off', delay: { duration: 'PT1H' } },
    { id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Follow up {{contact.email}}', dueInBusinessDays: 1 },
  ],
};

type Process = Readonly<{ runtime: Runtime; engine: WorkflowEngine; stop(): Promise<void> }>;
type Task = { contactId: string; eventId: string; dueAt: string; occurredAt: string };

describe('workflow delays: durable, on time, once', () => {
  let db: TestDatabase;
  let now = new Date('2026-01-15T10:45:00.000Z');
  const clock = () => now;
  const processes: Process[] = [];
  const ownerId = randomUUID();
  const [ada, ben] = [randomUUID(), randomUUID()];
  let workflowId: string;

  /** A projector process: the read models, the workflow runner and the timers, all reading the test's clock. */
  const startProcess = async (): Promise<Process> => {
    const runtime = await openRuntime(loadConfig({}), ALL_PROJECTIONS, { database: db, engine: { pollIntervalMs: 50 } });
    await runtime.projections.start();
    const executor = new CommandExecutor(runtime.eventStore, eventCatalog, () => runtime.projections.poke());
    const engine = createWorkflowEngine({
      store: runtime.eventStore,
      executor,
      pool: runtime.db.pool,
      leadScores: leadScoreReadModel(runtime.db.pool),
      workflowsReadModel: workflowsReadModel(runtime.db.pool),
      clock,
      options: { pollIntervalMs: 50, timerPollMs: 100, leaseTtlMs: 1_000 },
    });
    await engine.runner.start();
    await engine.timers.start();
    const process = {
      runtime,
      engine,
      stop: async () => {
        await engine.timers.stop();
        await engine.runner.stop();
        await runtime.projections.stop();
        processes.splice(processes.indexOf(process), 1);
      },
    };
    processes.push(process);
    return process;
  };

  const context = (): RequestContext => ({
    actor: 'key:test',
    correlationId: randomUUID(),
    causationId: null,
    now: '2026-01-15T09:00:00.000Z',
    source: 'test',
    ids: randomIds(),
  });
  const event = (type: string, data: unknown, occurredAt: string): NewEvent => ({
    id: randomUUID(),
    type,
    data,
    metadata: { occurredAt, actor: 'test', correlationId: randomUUID(), causationId: null, schemaVersion: eventCatalog.schemaVersionOf(type), source: 'test' },
  });
  const tasks = async (): Promise<Task[]> =>
    (
      await db.pool.query<Task>(
        `SELECT data->'contactIds'->>0 AS "contactId", event_id::text AS "eventId", data->>'dueAt' AS "dueAt", metadata->>'occurredAt' AS "occurredAt"
           FROM tally_events WHERE event_type = 'EngagementLogged' AND metadata->>'actor' = $1 ORDER BY position`,
        [`workflow:${workflowId}@1`],
      )
    ).rows.map((task) => ({ ...task, dueAt: new Date(task.dueAt).toISOString(), occurredAt: new Date(task.occurredAt).toISOString() }));
  const runsOf = (process: Process, contactId: string) => workflowsReadModel(process.runtime.db.pool).runsOf(workflowId, { contactId, limit: 10 });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const process of [...processes]) await process.stop();
    await db.close();
  });

  it('enrols on the trigger and waits: nothing acts before the due time', async () => {
    const first = await startProcess();
    workflowId = (await first.engine.definitions.create(DEFINITION, context())).workflowId;
    await first.engine.definitions.activate(workflowId, { reason: 'demo follow-ups' }, context());
    await first.engine.runner.caughtUp();

    const store = new PostgresEventStore(db.pool);
    await store.appendToStream(`owner-${ownerId}`, [event('OwnerCreated', { ownerId, name: 'Tom Timer', email: 'tom@example.com', team: null, role: 'sales' }, ADA_AT)]);
    for (const [contactId, at] of [[ada, ADA_AT], [ben, BEN_AT]]) {
      await store.appendToStream(`contact-${contactId}`, [event('ContactCreated', contactCreatedData(contactId, { ownerId }), at)]);
      await store.appendToStream(`activity-${contactId}`, [event('FormSubmitted', { contactId, formId: 'demo', fields: {} }, at)]);
    }
    await first.engine.runner.caughtUp();
    await eventually(async () => {
      const due = await workflowsReadModel(db.pool).dueTimers('2026-01-16T00:00:00.000Z', 10);
      expect(due.map((timer) => [timer.stepId, new Date(timer.dueAt).toISOString()]).sort()).toEqual([['cool-off', ADA_DUE], ['cool-off', BEN_DUE]]);
    });
    expect(await first.engine.timers.fireDue()).toBe(0);
    expect(await tasks()).toEqual([]);
    const [run] = (await runsOf(first, ada)).data;
    expect(run).toMatchObject({ status: 'waiting', steps: [] });
  }, 60_000);

  it('survives a restart; with two processes the due delay fires once, on time, into a task due from the delay', async () => {
    await processes[0].stop();
    // Two processes over one database, both polling the timers (one holds their lease).
    const [second, third] = [await startProcess(), await startProcess()];
    await second.engine.runner.caughtUp();
    now = new Date('2026-01-15T10:59:59.000Z');
    expect(await second.engine.timers.fireDue()).toBe(0);

    now = new Date('2026-01-15T11:00:00.500Z');
    const advanced = Date.now();
    await eventually(async () => expect(await tasks()).toHaveLength(1), 10_000, 20);
    const late = Date.now() - advanced;
    expect(await tasks()).toEqual([{ contactId: ada, eventId: expect.any(String), dueAt: TASK_DUE, occurredAt: ADA_DUE }]);
    // The timers poll every 100 ms: the delay fires within a second of the clock passing its due time.
    expect(late).toBeLessThan(1_000);

    // Ben's delay falls due while both processes' loops run and both are also asked at once: still one task.
    now = new Date('2026-01-15T11:31:00.000Z');
    const fired = await Promise.all([second.engine.timers.fireDue(), third.engine.timers.fireDue()]);
    expect(fired.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(1);
    await eventually(async () => expect(await tasks()).toHaveLength(2));
    await eventually(async () => expect((await runsOf(second, ben)).data[0]).toMatchObject({ status: 'finished' }));
    expect(await Promise.all([second.engine.timers.fireDue(), third.engine.timers.fireDue()])).toEqual([0, 0]);

    const all = await tasks();
    expect(all).toEqual([
      { contactId: ada, eventId: expect.any(String), dueAt: TASK_DUE, occurredAt: ADA_DUE },
      { contactId: ben, eventId: expect.any(String), dueAt: TASK_DUE, occurredAt: BEN_DUE },
    ]);
    // Each run explains it: the delay elapsed at its due time, then the task with the event it produced.
    for (const [contactId, task] of [[ada, all[0]], [ben, all[1]]] as const) {
      const [run] = (await runsOf(third, contactId)).data;
      expect(run).toMatchObject({ status: 'finished', outcome: 'completed' });
      expect(run.steps.map((step) => [step.stepId, step.outcome, step.produced.map((p) => p.eventId)])).toEqual([
        ['cool-off', 'elapsed', []],
        ['handoff', 'acted', [task.eventId]],
      ]);
    }
  }, 60_000);
});
