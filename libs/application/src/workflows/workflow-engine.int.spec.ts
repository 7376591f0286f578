// The workflow engine on a real database: the minimal definition creates one task per demo request for the
// contact's owner, due the next business day; re-processing the log, a crash between an action and its run's record,
// and two timer processes all leave exactly one of each action; a simulation counts without acting.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventCatalog } from '#domain/catalog';
import { fold } from '#domain/shared';
import { defaultDealPipeline } from '#domain/pipeline';
import { workflowRunDecider, type WorkflowRunEvent } from '#domain/workflow';
import { parsePosition, type AppendOptions, type EventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { verifySignature } from '#webhooks';
import { addBusinessDays } from '#workflows';
import { collect } from '#test/support/events';
import { eventually, openTestStore, storePort, type TestStore } from '#test/support/test-database';
import { CommandExecutor } from '../command-executor.js';
import { ContactActivityService } from '../contacts/contact-activity.service.js';
import { ContactService } from '../contacts/contact.service.js';
import { DealService } from '../deals/deal.service.js';
import { OwnerService } from '../owners/owner.service.js';
import { PipelineService } from '../pipelines/pipeline.service.js';
import { randomIds, type RequestContext } from '../request-context.js';
import type { LeadScoreReadModel } from '../scoring/lead-score-read-model.js';
import { WorkflowInvalid } from '../errors/workflow-invalid.js';
import { createWorkflowEngine, type WorkflowEngine } from './workflow-engine.js';
import { WorkflowRunner } from './workflow-runner.js';
import type { DueTimer, WorkflowsReadModel } from './workflows-read-model.js';

const DEMO_HANDOFF = {
  name: 'Demo request handoff',
  trigger: { event: 'FormSubmitted', where: { formId: 'demo' } },
  steps: [{ id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}} about the demo', dueInBusinessDays: 1 }],
};

const TRIAL_FOLLOW_UP = {
  name: 'Trial follow-up',
  trigger: { event: 'FormSubmitted', where: { formId: 'trial' } },
  steps: [
    { id: 'wait', delay: { duration: 'P2D' } },
    { id: 'follow-up', action: 'createTask', owner: 'contactOwner', subject: 'How is the trial going, {{contact.email}}?', dueInBusinessDays: 1 },
  ],
};

const context = (now: string, ids = randomIds()): RequestContext => ({ actor: 'key:test', correlationId: randomUUID(), causationId: null, now, source: 'test', ids });

/** No lead scores: the definitions here do not read them. */
const noLeadScores = () =>
  ({
    name: 'lead-score',
    find: async () => ({ position: null, score: null }),
    // A build always at the end of the log.
    qualificationChanges: async () => ({ position: '9223372036854775807', data: [] }),
  }) as unknown as LeadScoreReadModel;

type Logged = Pick<RecordedEvent, 'id' | 'type' | 'streamName' | 'data' | 'metadata'>;

/**
 * The events committed, in log order, read from the table: on a shared server the log's readers see only what lies
 * below the oldest open transaction of the whole server, which other processes' specs may hold back.
 */
const committed = async (pool: Pool, where: string, params: unknown[]): Promise<Logged[]> =>
  (
    await pool.query<Logged>(
      `SELECT event_id AS id, event_type AS type, stream_name AS "streamName", data, metadata FROM tally_events WHERE ${where} ORDER BY position`,
      params,
    )
  ).rows;

/** The due timers as the workflows read model would list them, folded straight from the run streams. */
const dueTimersFromLog = (pool: Pool): WorkflowsReadModel =>
  ({
    dueTimers: async (now: string, limit: number): Promise<DueTimer[]> => {
      const streams = new Map<string, Logged[]>();
      for (const event of await committed(pool, 'category = $1', ['workflowrun'])) {
        streams.set(event.streamName, [...(streams.get(event.streamName) ?? []), event]);
      }
      const due: DueTimer[] = [];
      for (const [runStream, events] of streams) {
        const state = fold(workflowRunDecider, events.map((e) => ({ type: e.type, data: e.data }) as WorkflowRunEvent));
        for (const run of state.runs.values()) {
          if (run.waitingOn && run.finished === null && Date.parse(run.waitingOn.dueAt) <= Date.parse(now)) {
            due.push({ runStream, runId: run.runId, workflowId: run.workflowId, stepId: run.waitingOn.stepId, dueAt: run.waitingOn.dueAt });
          }
        }
      }
      return due.slice(0, limit);
    },
  }) as unknown as WorkflowsReadModel;

/** Fails every append to a run stream: the process "dies" after acting and before recording. */
const failingRunAppends = (inner: EventStore): EventStore =>
  storePort(inner, {
    appendToStream: async (streamName: string, events: readonly NewEvent[], options?: AppendOptions) => {
      if (streamName.startsWith('workflowrun-')) throw new Error('killed between the action and the run append');
      return inner.appendToStream(streamName, events, options);
    },
  });

describe('workflow engine', () => {
  let test: TestStore;
  let clock: Date;
  const engines: WorkflowEngine[] = [];
  const logs: string[] = [];

  const engineOn = (store: EventStore, holder: string, leadScores: LeadScoreReadModel = noLeadScores(), parking = { parkAfterAttempts: 5, retryBackoffMs: 10 }): WorkflowEngine => {
    let engine: WorkflowEngine | null = null;
    const executor = new CommandExecutor(store, eventCatalog, () => engine?.runner.poke());
    engine = createWorkflowEngine({
      store,
      executor,
      pool: test.db.pool,
      leadScores,
      workflowsReadModel: dueTimersFromLog(test.db.pool),
      clock: () => clock,
      logger: (message) => logs.push(message),
      signingSecret: 'workflow-secret',
      options: { pollIntervalMs: 20, timerPollMs: 20, leaseTtlMs: 1_500, holder, webhookAttempts: 2, webhookRetryMs: 10, ...parking },
    });
    engines.push(engine);
    return engine;
  };
  const executor = () => new CommandExecutor(test.store, eventCatalog);

  // A database per test: each starts from an empty log and an empty checkpoint.
  beforeEach(async () => {
    test = await openTestStore();
    await WorkflowRunner.migrate(test.db.pool);
    clock = new Date('2026-03-01T00:00:00.000Z');
  });
  afterEach(async () => {
    for (const engine of engines.splice(0)) {
      await engine.runner.stop();
      await engine.timers.stop();
    }
    await test.close();
  });

  const ofType = (type: string) => committed(test.db.pool, 'event_type = $1', [type]);
  const tasks = async () => (await ofType('EngagementLogged')).filter((e) => (e.data as { kind: string }).kind === 'task');
  // The last position committed, visible or not: on a shared server the log's readers see only what lies below the
  // oldest open transaction of the whole server, so "the head" can lag behind what a spec just wrote.
  const written = async (): Promise<string> => (await test.db.pool.query<{ p: string }>('SELECT max(position)::text AS p FROM tally_events')).rows[0].p;
  const runEvents = () => committed(test.db.pool, 'category = $1', ['workflowrun']);

  /** An owner and a contact of theirs. */
  const givenContact = async (email: string) => {
    const ownerId = randomUUID();
    const contactId = randomUUID();
    await new OwnerService(executor()).handle({ type: 'CreateOwner', data: { ownerId, name: 'Ada Rep', email: `${ownerId}@reps.test`, role: 'sales' }, metadata: { now: '2026-03-01T08:00:00.000Z' } }, context('2026-03-01T08:00:00.000Z'));
    await new ContactService(executor(), () => undefined).create({ contactId, email, ownerId, source: 'api' }, context('2026-03-01T08:00:00.000Z'));
    return { ownerId, contactId };
  };
  const submitForm = async (contactId: string, formId: string, occurredAt: string) =>
    new ContactActivityService(executor()).handle({ type: 'RecordFormSubmission', data: { contactId, formId, fields: {} }, metadata: { now: occurredAt, occurredAt } }, context(occurredAt));
  const activeWorkflow = async (engine: WorkflowEngine, document: unknown) => {
    const { workflowId } = await engine.definitions.create(document, context('2026-03-01T07:00:00.000Z'));
    await engine.definitions.activate(workflowId, { reason: 'spec' }, context('2026-03-01T07:00:00.000Z'));
    return workflowId;
  };

  it('refuses an invalid definition with every problem listed', async () => {
    const engine = engineOn(test.store, 'a');
    const bad = { name: '', trigger: { event: 'FormSubmitted' }, steps: [{ id: 'x', action: 'createTask', owner: 'nobody', dueInBusinessDays: -1 }] };
    const refused = await engine.definitions.create(bad, context('2026-03-01T07:00:00.000Z')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkflowInvalid);
    expect((refused as WorkflowInvalid).errors.length).toBeGreaterThanOrEqual(3);
  });

  it('creates one task for the contact owner, due the next business day, per demo request; re-processing creates none', async () => {
    const engine = engineOn(test.store, 'a');
    const workflowId = await activeWorkflow(engine, DEMO_HANDOFF);
    const { ownerId, contactId } = await givenContact('ada@example.test');
    // Friday afternoon: the next business day is Monday.
    const submitted = await submitForm(contactId, 'demo', '2026-03-06T15:00:00.000Z');
    await submitForm(contactId, 'newsletter', '2026-03-06T15:05:00.000Z');
    await engine.runner.start();
    await engine.runner.caughtUp(await written());

    const [task, ...others] = await tasks();
    expect(others).toEqual([]);
    expect(task.data).toMatchObject({ ownerId, subject: 'Call ada@example.test about the demo', dueAt: new Date(addBusinessDays('2026-03-06T15:00:00.000Z', 1)).toISOString(), contactIds: [contactId] });
    expect(task.data).toMatchObject({ dueAt: '2026-03-09T17:00:00.000Z' });
    const formEvent = (await collect(test.store.readStream(`activity-${contactId}`))).find((e) => e.type === 'FormSubmitted')!;
    expect(task.metadata).toMatchObject({ actor: `workflow:${workflowId}@1`, causationId: formEvent.id, occurredAt: '2026-03-06T15:00:00.000Z' });
    expect(submitted.position).not.toBeNull();

    // The explain trail: enrolled because of the form, the step acted and names the task's event.
    const trail = await runEvents();
    expect(trail.map((e) => e.type)).toEqual(['WorkflowEnrolled', 'WorkflowStepTaken', 'WorkflowRunFinished']);
    expect(trail[0].data).toMatchObject({ recordType: 'contact', recordId: contactId, trigger: { eventId: formEvent.id, eventType: 'FormSubmitted' } });
    expect(trail[1].data).toMatchObject({ stepId: 'handoff', outcome: 'acted', produced: [{ eventId: task.id, type: 'EngagementLogged' }] });

    await engine.runner.stop();
    await WorkflowRunner.resetCheckpoint(test.db.pool, null);
    const again = engineOn(test.store, 'b');
    await again.runner.start();
    await again.runner.caughtUp(await written());
    expect(await tasks()).toHaveLength(1);
    expect(await runEvents()).toHaveLength(3);
  });

  it('acts once when the process dies between the action and the run append', async () => {
    const dying = engineOn(failingRunAppends(test.store), 'dying');
    await activeWorkflow(dying, DEMO_HANDOFF);
    const { contactId } = await givenContact('grace@example.test');
    await submitForm(contactId, 'demo', '2026-03-03T10:00:00.000Z');
    await dying.runner.start();
    // It acted (the task is there) and could not record the run.
    await eventually(async () => expect(await tasks()).toHaveLength(1));
    await eventually(() => expect(logs.some((line) => line.includes('killed between the action and the run append'))).toBe(true));
    await dying.runner.stop();
    expect(await runEvents()).toEqual([]);

    const restarted = engineOn(test.store, 'restarted');
    await restarted.runner.start();
    await restarted.runner.caughtUp(await written());
    const [task, ...others] = await tasks();
    expect(others).toEqual([]);
    const trail = await runEvents();
    expect(trail.map((e) => e.type)).toEqual(['WorkflowEnrolled', 'WorkflowStepTaken', 'WorkflowRunFinished']);
    expect(trail[1].data).toMatchObject({ outcome: 'acted', produced: [{ eventId: task.id }] });
  });

  // The "superseded since the trigger" guard: a field decided after the trigger is left alone, and a step that acted
  // before the later decision stays acted across a crash (exactly once), never turned into a skip.
  describe('a field decided again after the trigger', () => {
    const JOB_TITLE = {
      name: 'Demo requesters are decision makers',
      trigger: { event: 'FormSubmitted', where: { formId: 'demo' } },
      steps: [{ id: 'title', action: 'setProperty', property: 'contact.jobTitle', value: 'Decision maker' }],
    };
    const retitle = (contactId: string, jobTitle: string) =>
      new ContactService(executor(), () => undefined).update(
        { type: 'UpdateContact', data: { contactId, changes: { jobTitle } }, metadata: { now: '2026-03-03T11:00:00.000Z' } },
        context('2026-03-03T11:00:00.000Z'),
      );
    const contactEvents = (contactId: string) => collect(test.store.readStream(`contact-${contactId}`));

    it('is left alone when a person decided it before the runner acted: the step is skipped, naming that event', async () => {
      const engine = engineOn(test.store, 'a');
      await activeWorkflow(engine, JOB_TITLE);
      const { contactId } = await givenContact('hedy@example.test');
      await submitForm(contactId, 'demo', '2026-03-03T10:00:00.000Z');
      await retitle(contactId, 'Founder');
      await engine.runner.start();
      await engine.runner.caughtUp(await written());
      const [, byHand, ...after] = await contactEvents(contactId);
      expect(after).toEqual([]);
      const step = (await runEvents()).find((e) => e.type === 'WorkflowStepTaken')!;
      expect(step.data).toMatchObject({ stepId: 'title', outcome: 'skipped', produced: [], values: { superseded: [{ contactId, eventId: byHand.id, eventType: 'ContactPropertiesChanged', revision: 1, causeRevision: 0 }] } });
      expect((step.data as { detail: string }).detail).toMatch(/^superseded: ContactPropertiesChanged /);
    });

    it('stays acted when the first attempt acted, the process died, and a person decided it before the retry', async () => {
      const dying = engineOn(failingRunAppends(test.store), 'dying');
      await activeWorkflow(dying, JOB_TITLE);
      const { contactId } = await givenContact('katherine@example.test');
      await submitForm(contactId, 'demo', '2026-03-03T10:00:00.000Z');
      await dying.runner.start();
      await eventually(async () => expect(await contactEvents(contactId)).toHaveLength(2));
      await eventually(() => expect(logs.some((line) => line.includes('killed between the action and the run append'))).toBe(true));
      await dying.runner.stop();
      await retitle(contactId, 'Founder');

      const restarted = engineOn(test.store, 'restarted');
      await restarted.runner.start();
      await restarted.runner.caughtUp(await written());
      const [, automated, byHand, ...after] = await contactEvents(contactId);
      expect([automated.data, byHand.data, after]).toEqual([
        { contactId, changes: [{ property: 'jobTitle', previous: null, value: 'Decision maker' }], causeRevision: 0 },
        { contactId, changes: [{ property: 'jobTitle', previous: 'Decision maker', value: 'Founder' }] },
        [],
      ]);
      const steps = (await runEvents()).filter((e) => e.type === 'WorkflowStepTaken');
      expect(steps).toHaveLength(1);
      expect(steps[0].data).toMatchObject({ outcome: 'acted', produced: [{ eventId: automated.id, type: 'ContactPropertiesChanged' }] });
    });
  });

  it('fires a delay once, at its due time, across a restart and with two timer processes', async () => {
    const first = engineOn(test.store, 'first');
    await activeWorkflow(first, TRIAL_FOLLOW_UP);
    const { ownerId, contactId } = await givenContact('alan@example.test');
    await submitForm(contactId, 'trial', '2026-03-02T09:00:00.000Z');
    await first.runner.start();
    await first.timers.start();
    await first.runner.caughtUp(await written());
    const dueAt = '2026-03-04T09:00:00Z';
    expect((await runEvents()).map((e) => e.type)).toEqual(['WorkflowEnrolled', 'WorkflowDelayStarted']);
    expect((await runEvents())[1].data).toMatchObject({ stepId: 'wait', dueAt });

    // Not yet due: nothing fires however often the timers look.
    clock = new Date('2026-03-04T08:59:59.000Z');
    expect(await first.timers.fireDue()).toBe(0);
    expect(await tasks()).toEqual([]);

    // The process restarts; a second one runs beside it; the clock passes the due time.
    await first.timers.stop();
    await first.runner.stop();
    const second = engineOn(test.store, 'second');
    const third = engineOn(test.store, 'third');
    await Promise.all([second.timers.start(), third.timers.start()]);
    clock = new Date('2026-03-04T09:00:00.500Z');
    await eventually(async () => expect(await tasks()).toHaveLength(1));
    // Both look at once, past the lease: one resume wins the run's revision, the other finds it resumed.
    const fired = await Promise.all([second.timers.fireDue(), third.timers.fireDue()]);
    expect(fired).toEqual([0, 0]);

    const [task, ...others] = await tasks();
    expect(others).toEqual([]);
    // On time: the step ran at the delay's due time, not whenever the timer looked.
    expect(Date.parse(task.metadata.occurredAt)).toBe(Date.parse(dueAt));
    expect(task.data).toMatchObject({ ownerId, dueAt: '2026-03-05T17:00:00.000Z' });
    const trail = await runEvents();
    expect(trail.map((e) => e.type)).toEqual(['WorkflowEnrolled', 'WorkflowDelayStarted', 'WorkflowStepTaken', 'WorkflowStepTaken', 'WorkflowRunFinished']);
    expect(trail[2].data).toMatchObject({ stepId: 'wait', kind: 'delay', outcome: 'elapsed' });
  });

  it('two timer passes racing on one due delay fire it once', async () => {
    const first = engineOn(test.store, 'first');
    await activeWorkflow(first, TRIAL_FOLLOW_UP);
    const { contactId } = await givenContact('barbara@example.test');
    await submitForm(contactId, 'trial', '2026-03-02T09:00:00.000Z');
    await first.runner.start();
    await first.runner.caughtUp(await written());
    clock = new Date('2026-03-05T00:00:00.000Z');
    const second = engineOn(test.store, 'second');
    const fired = await Promise.all([first.timers.fireDue(), second.timers.fireDue()]);
    expect(fired.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await tasks()).toHaveLength(1);
    expect((await runEvents()).filter((e) => e.type === 'WorkflowStepTaken')).toHaveLength(2);
  });

  it('simulates a definition over a window of history without acting', async () => {
    const engine = engineOn(test.store, 'a');
    const { contactId } = await givenContact('edsger@example.test');
    const other = await givenContact('barbara@example.test');
    await submitForm(contactId, 'demo', '2026-03-02T10:00:00.000Z');
    await submitForm(other.contactId, 'demo', '2026-03-02T11:00:00.000Z');
    await submitForm(contactId, 'demo', '2026-03-03T10:00:00.000Z'); // its first run has finished: enrols again
    await submitForm(other.contactId, 'trial', '2026-03-03T12:00:00.000Z');
    await submitForm(other.contactId, 'demo', '2026-03-09T10:00:00.000Z'); // outside the window
    const before = await written();

    // The log's readers see the new events once no older transaction on the server is open.
    const report = await eventually(async () => {
      const simulated = await engine.simulator.simulate(DEMO_HANDOFF, { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' });
      expect(simulated.eventsJudged).toBe(4);
      return simulated;
    });
    expect(report.enrolments.map((e) => [e.recordId, e.at])).toEqual([
      [contactId, '2026-03-02T10:00:00.000Z'],
      [other.contactId, '2026-03-02T11:00:00.000Z'],
      [contactId, '2026-03-03T10:00:00.000Z'],
    ]);
    expect(report.actions).toEqual([{ stepId: 'handoff', action: 'createTask', count: 3 }]);
    expect(report.perDay).toEqual([
      { day: '2026-03-02', enrolments: 2, actions: 2 },
      { day: '2026-03-03', enrolments: 1, actions: 1 },
    ]);
    expect(await written()).toBe(before);
    expect(await tasks()).toEqual([]);
  });

  it('enrols history only when the activation asks for it, from its as-of date', async () => {
    const engine = engineOn(test.store, 'a');
    const { contactId } = await givenContact('katherine@example.test');
    const other = await givenContact('dorothy@example.test');
    await submitForm(contactId, 'demo', '2026-02-01T10:00:00.000Z');
    await submitForm(other.contactId, 'demo', '2026-02-20T10:00:00.000Z');
    const plain = await activeWorkflow(engine, DEMO_HANDOFF);
    const { workflowId } = await engine.definitions.create({ ...DEMO_HANDOFF, name: 'Demo handoff, with history' }, context('2026-03-01T07:00:00.000Z'));
    await engine.definitions.activate(workflowId, { reason: 'catch up on February', enrolExisting: { asOf: '2026-02-15T00:00:00Z' } }, context('2026-03-01T07:00:00.000Z'));
    await engine.runner.start();
    await engine.runner.caughtUp(await written());

    const [task, ...others] = await tasks();
    expect(others).toEqual([]);
    expect(task.data).toMatchObject({ contactIds: [other.contactId] });
    expect(task.metadata.actor).toBe(`workflow:${workflowId}@1`);
    expect(plain).not.toBe(workflowId);
  });

  it('signs webhooks with the command key as Idempotency-Key, and records a receiver that keeps failing as failed', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    let status = 200;
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const engine = engineOn(test.store, 'a');
      const workflowId = await activeWorkflow(engine, { name: 'Notify', trigger: { event: 'FormSubmitted', where: { formId: 'hook' } }, steps: [{ id: 'notify', action: 'sendWebhook', url }] });
      const { contactId } = await givenContact('mary@example.test');
      await submitForm(contactId, 'hook', '2026-03-03T10:00:00.000Z');
      await engine.runner.start();
      await engine.runner.caughtUp(await written());

      const formEvent = (await collect(test.store.readStream(`activity-${contactId}`)))[0];
      expect(received).toHaveLength(1);
      const [{ headers, body }] = received;
      expect(headers['idempotency-key']).toBe(`${workflowId}@1:${formEvent.id}:notify`);
      const check = verifySignature({ secret: 'workflow-secret', body, header: headers['tally-signature'] as string, nowSeconds: Math.floor(clock.getTime() / 1000) });
      expect(check.valid).toBe(true);
      expect(JSON.parse(body)).toMatchObject({ workflowId, record: { type: 'contact', id: contactId }, trigger: { eventId: formEvent.id } });
      expect((await runEvents())[1].data).toMatchObject({ stepId: 'notify', outcome: 'acted', detail: 'HTTP 200' });

      status = 500;
      const other = await givenContact('lise@example.test');
      await submitForm(other.contactId, 'hook', '2026-03-03T11:00:00.000Z');
      await engine.runner.caughtUp(await written());
      expect(received).toHaveLength(3);
      const trail = (await runEvents()).slice(3);
      expect(trail.map((e) => e.type)).toEqual(['WorkflowEnrolled', 'WorkflowStepTaken', 'WorkflowRunFinished']);
      expect(trail[1].data).toMatchObject({ outcome: 'failed', detail: 'HTTP 500 after 2 attempts' });
      expect(trail[2].data).toMatchObject({ outcome: 'failed', values: { stepId: 'notify' } });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('assigns round-robin within a team, in a fixed order of its owners', async () => {
    const engine = engineOn(test.store, 'a');
    const owners = [randomUUID(), randomUUID(), randomUUID()];
    for (const [index, ownerId] of owners.entries()) {
      const team = index < 2 ? 'inbound' : 'outbound';
      await new OwnerService(executor()).handle({ type: 'CreateOwner', data: { ownerId, name: `Rep ${index}`, email: `${ownerId}@reps.test`, team, role: 'sales' }, metadata: { now: '2026-03-01T08:00:00.000Z' } }, context('2026-03-01T08:00:00.000Z'));
    }
    await activeWorkflow(engine, { name: 'Inbound rotation', trigger: { event: 'ContactCreated' }, steps: [{ id: 'assign', action: 'assignOwner', assign: { roundRobin: { team: 'inbound' } } }] });
    const contacts = [randomUUID(), randomUUID(), randomUUID()];
    for (const [index, contactId] of contacts.entries()) {
      await new ContactService(executor(), () => undefined).create({ contactId, email: `lead${index}@example.test`, source: 'api' }, context('2026-03-02T08:00:00.000Z'));
    }
    await engine.runner.start();
    await engine.runner.caughtUp(await written());

    const assigned = (await ofType('ContactOwnerAssigned')).map((e) => e.data as { contactId: string; ownerId: string });
    const inbound = owners.slice(0, 2).sort();
    expect(assigned.map(({ contactId, ownerId }) => [contactId, ownerId])).toEqual([
      [contacts[0], inbound[0]],
      [contacts[1], inbound[1]],
      [contacts[2], inbound[0]],
    ]);
  });

  it('moves a contact that becomes MQL forward to marketing-qualified, once the lead scores have reached the event', async () => {
    const changes: { contactId: string; position: string; eventId: string; occurredAt: string; previous: 'none'; qualification: 'mql'; formulaId: string; total: number }[] = [];
    let buildPosition: string | null = null;
    const leadScores = {
      name: 'lead-score',
      find: async () => ({ position: buildPosition, score: null }),
      qualificationChanges: async (after: string | null, upTo: string, limit: number) => ({
        position: buildPosition,
        data: changes
          .filter((c) => (after === null || parsePosition(c.position).commit > parsePosition(after).commit) && parsePosition(c.position).commit <= parsePosition(upTo).commit)
          .slice(0, limit),
      }),
    } as unknown as LeadScoreReadModel;
    const engine = engineOn(test.store, 'a', leadScores);
    const workflowId = await activeWorkflow(engine, { name: 'Lifecycle: MQL', trigger: { kind: 'qualification', becomes: 'mql' }, steps: [{ id: 'stage', action: 'setLifecycleStage', stage: 'marketing-qualified' }] });
    const lead = await givenContact('hedy@example.test');
    const customer = await givenContact('joan@example.test');
    await new ContactService(executor(), () => undefined).handle({ type: 'ChangeLifecycleStage', data: { contactId: customer.contactId, stage: 'customer' }, metadata: { now: '2026-03-02T08:00:00.000Z' } }, context('2026-03-02T08:00:00.000Z'));
    for (const { contactId } of [lead, customer]) {
      const { position } = await submitForm(contactId, 'pricing', '2026-03-02T10:00:00.000Z');
      const [event] = (await collect(test.store.readStream(`activity-${contactId}`))).slice(-1);
      changes.push({ contactId, position: position!, eventId: event.id, occurredAt: '2026-03-02T10:00:00.000Z', previous: 'none', qualification: 'mql', formulaId: 'formula-1', total: 60 });
    }
    await engine.runner.start();
    const caughtUp = engine.runner.caughtUp(await written());
    let settled = false;
    void caughtUp.then(() => (settled = true));
    // The lead scores have not reached the events yet: the runner waits rather than deciding without them.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    expect(await ofType('ContactLifecycleStageChanged')).toHaveLength(1);

    buildPosition = await written();
    await caughtUp;
    const moved = (await ofType('ContactLifecycleStageChanged')).slice(1);
    expect(moved.map((e) => [e.data, e.metadata.actor])).toEqual([
      // Decided as of the contact's revision when it became MQL (its creation): a later decision would have won.
      [{ contactId: lead.contactId, previous: 'lead', stage: 'marketing-qualified', causeRevision: 0 }, `workflow:${workflowId}@1`],
    ]);
    // Forward only: the customer stays a customer, and the trail says so.
    const steps = (await runEvents()).filter((e) => e.type === 'WorkflowStepTaken').map((e) => e.data as { outcome: string });
    expect(steps.map((step) => step.outcome).sort()).toEqual(['acted', 'noChange']);
  });

  it('enrols the record in another workflow as a step, and names that enrolment in the trail', async () => {
    const engine = engineOn(test.store, 'a');
    const handoff = await activeWorkflow(engine, { name: 'Sales handoff', trigger: { event: 'PageViewed', where: { url: 'https://never.test/' } }, steps: DEMO_HANDOFF.steps });
    const router = await activeWorkflow(engine, { name: 'Router', trigger: { event: 'FormSubmitted', where: { formId: 'demo' } }, steps: [{ id: 'route', action: 'enrolInWorkflow', workflowId: handoff }] });
    const { ownerId, contactId } = await givenContact('radia@example.test');
    await submitForm(contactId, 'demo', '2026-03-03T10:00:00.000Z');
    await engine.runner.start();
    await engine.runner.caughtUp(await written());

    const [task, ...others] = await tasks();
    expect(others).toEqual([]);
    expect(task.data).toMatchObject({ ownerId, contactIds: [contactId] });
    expect(task.metadata.actor).toBe(`workflow:${handoff}@1`);
    const trail = await runEvents();
    const enrolledInHandoff = trail.find((e) => e.type === 'WorkflowEnrolled' && (e.data as { workflowId: string }).workflowId === handoff)!;
    const routed = trail.find((e) => e.type === 'WorkflowStepTaken' && (e.data as { stepId: string }).stepId === 'route')!;
    expect(routed.data).toMatchObject({ outcome: 'acted', produced: [{ eventId: enrolledInHandoff.id, type: 'WorkflowEnrolled' }] });
    expect(router).not.toBe(handoff);
  });
  // Scheduled triggers: a deal's close date minus 7 days, at 09:00 in Paris (UTC+1 in March before the 29th).
  const CLOSING_SOON = {
    name: 'Closing soon',
    trigger: { kind: 'schedule', recordType: 'deal', dateProperty: 'closeDate', offsetDays: -7, time: '09:00', timeZone: 'Europe/Paris' },
    steps: [{ id: 'nudge', action: 'createTask', owner: 'dealOwner', subject: '{{deal.name}} closes in a week', dueInBusinessDays: 1 }],
  };

  /** Two deals closing on March 20; the second's close date moves to March 27 on March 5. */
  const givenClosingDeals = async () => {
    const ownerId = randomUUID();
    const [kept, moved] = [randomUUID(), randomUUID()];
    const at = (now: string) => ({ metadata: { now, occurredAt: now }, context: context(now) });
    const created = at('2026-03-01T08:00:00.000Z');
    await new OwnerService(executor()).handle({ type: 'CreateOwner', data: { ownerId, name: 'Ada Rep', email: `${ownerId}@reps.test`, role: 'sales' }, metadata: created.metadata }, created.context);
    await new PipelineService(executor()).handle([{ type: 'CreatePipeline', data: defaultDealPipeline, metadata: created.metadata }], created.context);
    for (const [dealId, name] of [[kept, 'Kept'], [moved, 'Moved']]) {
      await new DealService(executor(), () => undefined).handle({ type: 'CreateDeal', data: { dealId, name, pipelineId: defaultDealPipeline.pipelineId, amount: 1000, currency: 'EUR', closeDate: '2026-03-20', ownerId }, metadata: created.metadata }, created.context);
    }
    const change = at('2026-03-05T10:00:00.000Z');
    await new DealService(executor(), () => undefined).handle({ type: 'ChangeDealCloseDate', data: { dealId: moved, closeDate: '2026-03-27' }, metadata: change.metadata }, change.context);
    return { ownerId, kept, moved };
  };

  it('enrols a deal once, 7 days before its close date at 09:00 Paris time; a moved close date moves the enrolment', async () => {
    const engine = engineOn(test.store, 'a');
    const workflowId = await activeWorkflow(engine, CLOSING_SOON);
    const { ownerId, kept, moved } = await givenClosingDeals();
    await engine.runner.start();
    await engine.runner.caughtUp(await written());
    const scheduled = await engine.schedules.list(workflowId);
    expect(scheduled.map((row) => [row.recordId, row.date, row.dueAt, row.enrolled])).toEqual([
      [kept, '2026-03-20', '2026-03-13T08:00:00.000Z', false],
      [moved, '2026-03-27', '2026-03-20T08:00:00.000Z', false],
    ]);

    // The second before: nothing. The due second, with two timer processes looking at once: one enrolment.
    clock = new Date('2026-03-13T07:59:59.000Z');
    expect(await engine.timers.fireDue()).toBe(0);
    expect(await tasks()).toEqual([]);
    clock = new Date('2026-03-13T08:00:00.500Z');
    const other = engineOn(test.store, 'b');
    const fired = await Promise.all([engine.timers.fireDue(), other.timers.fireDue()]);
    expect(fired.reduce((a, b) => a + b, 0)).toBe(1);
    const [task, ...others] = await tasks();
    expect(others).toEqual([]);
    expect(task.data).toMatchObject({ ownerId, subject: 'Kept closes in a week' });
    expect(task.metadata).toMatchObject({ actor: `workflow:${workflowId}@1`, occurredAt: '2026-03-13T08:00:00.000Z' });
    const [enrolled] = (await runEvents()).filter((e) => e.type === 'WorkflowEnrolled');
    expect(enrolled.data).toMatchObject({
      recordType: 'deal',
      recordId: kept,
      trigger: { eventId: `schedule:${workflowId}:deal:${kept}:2026-03-20`, eventType: 'WorkflowScheduleReached', values: { 'deal.closeDate': '2026-03-20' } },
    });
    expect(await engine.timers.fireDue()).toBe(0);

    // The table is rebuilt from the log: emptied and re-read from the start, the same rows; the date enrolled once.
    await engine.runner.stop();
    await test.db.pool.query('DELETE FROM workflow_schedules');
    await WorkflowRunner.resetCheckpoint(test.db.pool, null);
    const restarted = engineOn(test.store, 'c');
    await restarted.runner.start();
    await restarted.runner.caughtUp(await written());
    const rebuilt = await restarted.schedules.list(workflowId);
    expect(rebuilt.map(({ enrolled: _enrolled, ...row }) => row)).toEqual(scheduled.map(({ enrolled: _enrolled, ...row }) => row));
    expect(await restarted.timers.fireDue()).toBe(0);
    expect(await tasks()).toHaveLength(1);

    // The moved deal enrols on its new date only.
    clock = new Date('2026-03-20T08:00:01.000Z');
    expect(await restarted.timers.fireDue()).toBe(1);
    expect((await tasks()).map((t) => (t.data as { subject: string }).subject)).toEqual(['Kept closes in a week', 'Moved closes in a week']);
    expect((await restarted.schedules.list(workflowId)).map((row) => row.enrolled)).toEqual([true, true]);
  });

  it('simulates a schedule trigger: the dates that fall due in the window, each on its due day', async () => {
    const engine = engineOn(test.store, 'a');
    const { kept, moved } = await givenClosingDeals();
    const report = await eventually(async () => {
      const simulated = await engine.simulator.simulate(CLOSING_SOON, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
      expect(simulated.enrolments).toHaveLength(2);
      return simulated;
    });
    expect(report.enrolments.map((e) => [e.recordId, e.at])).toEqual([
      [kept, '2026-03-13T08:00:00.000Z'],
      [moved, '2026-03-20T08:00:00.000Z'],
    ]);
    expect(report.actions).toEqual([{ stepId: 'nudge', action: 'createTask', count: 2 }]);
    expect(report.perDay).toEqual([
      { day: '2026-03-13', enrolments: 1, actions: 1 },
      { day: '2026-03-20', enrolments: 1, actions: 1 },
    ]);
    const narrow = await engine.simulator.simulate(CLOSING_SOON, { from: '2026-03-14T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    expect(narrow.enrolments.map((e) => e.recordId)).toEqual([moved]);
    expect(await tasks()).toEqual([]);
  });

  it('parks an event whose judging keeps failing after bounded attempts, goes on with the others, and lets an operator retry or skip it', async () => {
    const poisoned = new Set<string>();
    const reads = new Map<string, number>();
    const leadScores = {
      ...noLeadScores(),
      find: async (contactId: string) => {
        reads.set(contactId, (reads.get(contactId) ?? 0) + 1);
        if (poisoned.has(contactId)) throw new Error(`score row of ${contactId} is corrupt`);
        return { position: null, score: null };
      },
    } as unknown as LeadScoreReadModel;
    const engine = engineOn(test.store, 'a', leadScores, { parkAfterAttempts: 3, retryBackoffMs: 5 });
    const workflowId = await activeWorkflow(engine, DEMO_HANDOFF);
    const retried = await givenContact('retried@example.test');
    const skipped = await givenContact('skipped@example.test');
    const healthy = await givenContact('healthy@example.test');
    poisoned.add(retried.contactId).add(skipped.contactId);
    for (const { contactId } of [retried, skipped, healthy]) await submitForm(contactId, 'demo', '2026-03-03T10:00:00.000Z');
    await engine.runner.start();
    await engine.runner.caughtUp(await written());

    // The healthy contact's demo request was handled: the poison did not stall the runner.
    expect((await tasks()).map((t) => (t.data as { contactIds: string[] }).contactIds)).toEqual([[healthy.contactId]]);
    const parked = await engine.parked.list({ status: 'parked' });
    expect(parked.map((p) => [p.trigger.streamName, p.kind, p.attempts, p.error])).toEqual([
      [`activity-${retried.contactId}`, 'enrol', 3, `score row of ${retried.contactId} is corrupt`],
      [`activity-${skipped.contactId}`, 'enrol', 3, `score row of ${skipped.contactId} is corrupt`],
    ]);
    expect(parked[0]).toMatchObject({ workflowId, version: 1, status: 'parked', trigger: { type: 'FormSubmitted' } });
    expect(reads.get(retried.contactId)).toBe(3);
    expect(logs.some((line) => line.includes(`parked FormSubmitted ${parked[0].trigger.id}`))).toBe(true);

    // Retry: still failing, it stays parked with one more attempt; fixed, it enrols and acts.
    const retryKey = { workflowId, eventId: parked[0].trigger.id, kind: 'enrol' as const };
    await expect(engine.parked.retry(retryKey, 'key:ops')).rejects.toThrow('corrupt');
    expect(await engine.parked.list({ status: 'parked' })).toHaveLength(2);
    poisoned.delete(retried.contactId);
    expect(await engine.parked.retry(retryKey, 'key:ops')).toMatchObject({ status: 'retried', resolvedBy: 'key:ops', attempts: 4 });
    expect((await tasks()).map((t) => (t.data as { contactIds: string[] }).contactIds)).toEqual([[healthy.contactId], [retried.contactId]]);
    await expect(engine.parked.retry(retryKey, 'key:ops')).rejects.toMatchObject({ code: 'RULE_VIOLATED', details: { rule: 'not-parked' } });

    // Skip: a reason is required; once skipped, a re-read of the log leaves it alone (no retries, no new park).
    const skipKey = { workflowId, eventId: parked[1].trigger.id, kind: 'enrol' as const };
    await expect(engine.parked.skip(skipKey, '  ', 'key:ops')).rejects.toMatchObject({ details: { rule: 'reason-required' } });
    expect(await engine.parked.skip(skipKey, 'contact data repaired by hand', 'key:ops')).toMatchObject({ status: 'skipped', reason: 'contact data repaired by hand' });
    await engine.runner.stop();
    await WorkflowRunner.resetCheckpoint(test.db.pool, null);
    const before = reads.get(skipped.contactId)!;
    const again = engineOn(test.store, 'b', leadScores, { parkAfterAttempts: 3, retryBackoffMs: 5 });
    await again.runner.start();
    await again.runner.caughtUp(await written());
    expect(reads.get(skipped.contactId)).toBe(before + 1);
    expect((await again.parked.list()).map((p) => p.status)).toEqual(['retried', 'skipped']);
    expect(await tasks()).toHaveLength(2);
  });
  it('parks a lone event failing with a programming error, but retries a lone failure that may be an outage until it passes', async () => {
    const failures = new Map<string, () => Error>();
    const reads = new Map<string, number>();
    const leadScores = {
      ...noLeadScores(),
      find: async (contactId: string) => {
        reads.set(contactId, (reads.get(contactId) ?? 0) + 1);
        const failure = failures.get(contactId);
        if (failure) throw failure();
        return { position: null, score: null };
      },
    } as unknown as LeadScoreReadModel;
    const engine = engineOn(test.store, 'a', leadScores, { parkAfterAttempts: 2, retryBackoffMs: 5 });
    await activeWorkflow(engine, DEMO_HANDOFF);
    const buggy = await givenContact('buggy@example.test');
    failures.set(buggy.contactId, () => new TypeError("Cannot read properties of undefined (reading 'total')"));
    await submitForm(buggy.contactId, 'demo', '2026-03-03T10:00:00.000Z');
    await engine.runner.start();
    await engine.runner.caughtUp(await written());
    expect((await engine.parked.list()).map((p) => [p.trigger.streamName, p.attempts])).toEqual([[`activity-${buggy.contactId}`, 2]]);

    // Alone in its page, a plain error proves nothing about the event: the page is retried, nothing parked.
    const outage = await givenContact('outage@example.test');
    failures.set(outage.contactId, () => new Error('lead scores unavailable'));
    await submitForm(outage.contactId, 'demo', '2026-03-03T11:00:00.000Z');
    await eventually(() => expect(reads.get(outage.contactId)).toBeGreaterThanOrEqual(6));
    expect(await engine.parked.list()).toHaveLength(1);
    expect(await tasks()).toEqual([]);
    failures.delete(outage.contactId);
    await engine.runner.caughtUp(await written());
    expect((await tasks()).map((t) => (t.data as { contactIds: string[] }).contactIds)).toEqual([[outage.contactId]]);
  });
});
