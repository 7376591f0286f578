// Workflows over HTTP (#16): the minimal definition as is, activation and pause with actor and reason, the
// explain trail of runs, every definition error listed, back-tests, and the default lifecycle workflows.
import { randomUUID } from 'node:crypto';
import type { WorkflowEngine } from '#application';
import { defaultWorkflowId } from '#api/workflows/default-workflows.bootstrap';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';
import { collect, lastCommitted } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

const MINIMAL = {
  name: 'Demo request handoff',
  trigger: { event: 'FormSubmitted', where: { formId: 'demo' } },
  steps: [{ id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}} about the demo', dueInBusinessDays: 1 }],
};

// 2026-01-16 is a Friday: the next business day is Monday the 19th; tasks are due at 17:00 (UTC by default).
const FRIDAY = '2026-01-16T15:30:00.000Z';
const NEXT_BUSINESS_DAY = '2026-01-19T17:00:00.000Z';

type Task = { subject: string; ownerId: string; dueAt: string; contactIds: string[] };
type Step = { stepId: string; kind: string; outcome: string; values: Record<string, unknown>; produced: { eventId: string; type: string; streamName: string }[]; detail: string | null };
type Run = { runId: string; recordType: string; recordId: string; status: string; outcome: string | null; trigger: { eventId: string; eventType: string; values: Record<string, unknown> }; steps: Step[] };

const YAML_MINIMAL = `name: Demo request handoff (YAML)
trigger:
  event: FormSubmitted
  where: { formId: demo }
steps:
  - id: handoff
    action: createTask
    owner: contactOwner
    subject: "Call {{contact.email}} about the demo"
    dueInBusinessDays: 1
`;

const DEFAULT = {
  mql: defaultWorkflowId('lifecycle-mql'),
  sql: defaultWorkflowId('lifecycle-sql'),
  dealCreated: defaultWorkflowId('lifecycle-deal-created'),
  dealWon: defaultWorkflowId('lifecycle-deal-won'),
  unsubscribed: defaultWorkflowId('marketing-unsubscribed'),
};

describe('workflows over HTTP', () => {
  const t = useTestApp();

  const createOwner = async (name: string): Promise<string> =>
    (await t.http().post('/v1/owners').send({ name, email: `${randomUUID()}@example.com`, role: 'sales' }).expect(201)).body.id;
  const createContact = async (email: string, extra: Record<string, unknown> = {}): Promise<string> =>
    (await t.http().post('/v1/contacts').send({ email, source: 'api', ...extra }).expect(201)).body.id;
  const submitForm = async (contactId: string, formId: string, occurredAt = FRIDAY): Promise<void> => {
    await t.http().post(`/v1/contacts/${contactId}/form-submissions`).send({ formId, fields: { company: 'Acme' }, occurredAt }).expect(201);
  };
  const tasksOf = async (ownerId: string, minPosition?: string): Promise<Task[]> =>
    (await t.http().get('/v1/tasks').query({ ownerId, ...(minPosition ? { minPosition } : {}) }).expect(200)).body.data;
  /** Once the runner has read the whole log, the position its actions' events reach (for minPosition). */
  const settled = async (): Promise<string> => {
    await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp((await lastCommitted(t.runtime.db.pool))!);
    return (await lastCommitted(t.runtime.db.pool))!;
  };
  const runsOf = async (workflowId: string, query: Record<string, string> = {}): Promise<Run[]> =>
    (await t.http().get(`/v1/workflows/${workflowId}/runs`).query(query).expect(200)).body.data;
  const contact = async (contactId: string) => (await t.http().get(`/v1/contacts/${contactId}`).expect(200)).body;
  const streamOf = (workflowId: string) => collect(t.runtime.eventStore.readStream(`workflow-${workflowId}`));

  describe('the minimal definition of the issue', () => {
    let workflowId: string;
    let ann: string;
    let bob: string;
    let ada: string;
    let ben: string;

    beforeAll(async () => {
      [ann, bob] = [await createOwner('Ann Archer'), await createOwner('Bob Baker')];
      [ada, ben] = [await createContact('ada@example.com', { ownerId: ann }), await createContact('ben@example.com', { ownerId: bob })];
    });

    it('is accepted as is: 201 with the id, version 1 and the hash, saved as a draft', async () => {
      const created = await t.http().post('/v1/workflows').send(MINIMAL).expect(201);
      expect(created.body).toEqual({ workflowId: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1, definitionHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      workflowId = created.body.workflowId;
      const saved = (await t.http().get(`/v1/workflows/${workflowId}`).expect(200)).body;
      expect(saved).toMatchObject({ workflowId, name: 'Demo request handoff', version: 1, status: 'draft', definitionHash: created.body.definitionHash });
      expect(saved.definition).toMatchObject({ recordType: 'contact', reenrolment: 'afterExit', trigger: { kind: 'event', event: 'FormSubmitted' } });
      // A draft acts on nothing.
      await submitForm(ada, 'demo');
      const wrapped = await t.http().post('/v1/workflows/validation').send({ definition: JSON.stringify(MINIMAL) }).expect(200);
      expect(wrapped.body).toEqual({ valid: true, definitionHash: created.body.definitionHash });
    });

    it('activates with a reason and the actor in the log; only what happens afterwards enrols', async () => {
      const activated = await t.http().post(`/v1/workflows/${workflowId}/activation`).send({ reason: 'Sales asked for it' }).expect(200);
      expect(activated.body).toEqual({ workflowId, version: 1, status: 'active' });
      const events = await streamOf(workflowId);
      expect(events.map((e) => e.type)).toEqual(['WorkflowCreated', 'WorkflowActivated']);
      expect(events[1].data).toMatchObject({ workflowId, version: 1, reason: 'Sales asked for it', enrolExisting: null });
      expect(events[1].metadata.actor).toMatch(/^key:/);
      await eventually(async () => {
        const [row] = (await t.http().get('/v1/workflows').expect(200)).body.data.filter((w: { workflowId: string }) => w.workflowId === workflowId);
        expect(row).toMatchObject({ status: 'active', version: 1, actor: events[1].metadata.actor });
      });
    });

    it("creates exactly one task per demo request, for the contact's owner, due the next business day", async () => {
      await submitForm(ada, 'demo');
      await submitForm(ben, 'demo');
      await submitForm(ben, 'pricing');
      await eventually(async () => {
        expect(await tasksOf(ann)).toEqual([expect.objectContaining({ subject: 'Call ada@example.com about the demo', ownerId: ann, dueAt: NEXT_BUSINESS_DAY })]);
        expect(await tasksOf(bob)).toEqual([expect.objectContaining({ subject: 'Call ben@example.com about the demo', ownerId: bob, dueAt: NEXT_BUSINESS_DAY })]);
      });
      // Once the runner has read everything above, still one task each: the pricing form and the draft enrolled nobody.
      const head = await settled();
      expect(await tasksOf(ann, head)).toHaveLength(1);
      expect(await tasksOf(bob, head)).toHaveLength(1);
    });

    it("explains each run: the trigger event and its values, the step, the values that decided it, the events it produced", async () => {
      const runs = await eventually(async () => {
        const found = await runsOf(workflowId, { contactId: ada });
        expect(found).toHaveLength(1);
        expect(found[0].steps).toHaveLength(1);
        return found;
      });
      const [run] = runs;
      expect(run).toMatchObject({ recordType: 'contact', recordId: ada, status: 'finished', outcome: 'completed', trigger: { eventType: 'FormSubmitted' } });
      expect(JSON.stringify(run.trigger.values)).toContain('demo');
      const [step] = run.steps;
      expect(step).toMatchObject({ stepId: 'handoff', kind: 'action', outcome: 'acted' });
      expect(JSON.stringify(step.values)).toContain('ada@example.com');
      expect(step.produced).toEqual([expect.objectContaining({ type: 'EngagementLogged' })]);
      // The produced event carries the workflow as actor and the enrolling event as causation.
      const [produced] = (await collect(t.runtime.eventStore.readStream(step.produced[0].streamName))).filter((e) => e.id === step.produced[0].eventId);
      expect(produced.metadata).toMatchObject({ actor: `workflow:${workflowId}@1`, causationId: run.trigger.eventId });
      expect(await runsOf(workflowId, { recordId: ben })).toHaveLength(1);
      expect(await runsOf(workflowId)).toHaveLength(2);
      expect(await runsOf(workflowId, { contactId: randomUUID() })).toEqual([]);
    });

    it('back-tests the definition on the log without acting: who, which actions, how many per day', async () => {
      const before = await tasksOf(ann);
      const { body } = await t.http().post(`/v1/workflows/${workflowId}/simulations`).send({ from: '2026-01-01T00:00:00Z', to: new Date(Date.now() + 3_600_000).toISOString() }).expect(200);
      // Ada asked twice (once while the workflow was a draft): the back-test judges history as if it had been active.
      expect(body.enrolments.map((e: { recordId: string }) => e.recordId).sort()).toEqual([ada, ada, ben].sort());
      expect(body.actions).toEqual([{ stepId: 'handoff', action: 'createTask', count: 3 }]);
      expect(body.perDay.reduce((sum: number, d: { enrolments: number }) => sum + d.enrolments, 0)).toBe(3);
      expect(await tasksOf(ann)).toEqual(before);
      await t.http().post(`/v1/workflows/${workflowId}/simulations`).send({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).expect(400);
    });

    it('saves a new version with PUT (If-Match: the version edited, 409 when stale), and pauses with a reason', async () => {
      const edited = { ...MINIMAL, steps: [{ ...MINIMAL.steps[0], subject: 'Call {{contact.email}} today', dueInBusinessDays: 2 }] };
      const updated = await t.http().put(`/v1/workflows/${workflowId}`).set('If-Match', '"1"').send(edited).expect(200);
      expect(updated.body).toMatchObject({ workflowId, version: 2 });
      const stale = await t.http().put(`/v1/workflows/${workflowId}`).set('If-Match', '"1"').send(MINIMAL).expect(409);
      expect(stale.body.error).toBe('CONCURRENCY_CONFLICT');
      expect((await t.http().get(`/v1/workflows/${workflowId}`).expect(200)).body).toMatchObject({ version: 2, status: 'active' });

      const paused = await t.http().post(`/v1/workflows/${workflowId}/pause`).send({ reason: 'Owners on holiday' }).expect(200);
      expect(paused.body).toEqual({ workflowId, version: 2, status: 'paused' });
      const events = await streamOf(workflowId);
      expect(events.at(-1)).toMatchObject({ type: 'WorkflowPaused', data: { reason: 'Owners on holiday', version: 2 } });
      expect(events.at(-1)!.metadata.actor).toMatch(/^key:/);
      const cid = await createContact('cid@example.com', { ownerId: ann });
      await submitForm(cid, 'demo');
      // Paused: the new demo request enrols nobody.
      const head = await settled();
      expect(await tasksOf(ann, head)).toHaveLength(1);
      expect(await runsOf(workflowId, { contactId: cid })).toEqual([]);
    });
  });

  describe('refusals', () => {
    it('lists every error of a definition with its path (400), on create, update and validation', async () => {
      const broken = {
        name: '',
        trigger: { event: 'FormSubmitted', where: { formId: { between: [1, 2] } } },
        steps: [
          { id: 'a', action: 'createTask', owner: 'nobody', subject: 'x', dueInBusinessDays: -1 },
          { id: 'a', action: 'teleport' },
          { id: 'wait', delay: { duration: 'two days' } },
        ],
      };
      const answer = await t.http().post('/v1/workflows').send(broken).expect(400);
      expect(answer.body.error).toBe('WORKFLOW_INVALID');
      const paths = answer.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['/name', '/steps/0/owner', '/steps/0/dueInBusinessDays', '/steps/1/action', '/steps/2/delay/duration']));
      expect(answer.body.fields.length).toBe(answer.body.errors.length);
      const again = await t.http().post('/v1/workflows/validation').send(broken).expect(400);
      expect(again.body.errors).toEqual(answer.body.errors);
      const yaml = await t.http().post('/v1/workflows').set('Content-Type', 'application/yaml').send('name: [unclosed').expect(400);
      expect(yaml.body.errors.length).toBeGreaterThan(0);
      const created = (await t.http().post('/v1/workflows').set('Content-Type', 'application/yaml').send(YAML_MINIMAL).expect(201)).body;
      const refused = await t.http().put(`/v1/workflows/${created.workflowId}`).send(broken).expect(400);
      expect(refused.body.errors).toEqual(answer.body.errors);
    });

    it('answers 404 for an unknown workflow on every route, 400 for an id that is no uuid', async () => {
      const unknown = randomUUID();
      await t.http().get(`/v1/workflows/${unknown}`).expect(404);
      await t.http().put(`/v1/workflows/${unknown}`).send(MINIMAL).expect(404);
      await t.http().post(`/v1/workflows/${unknown}/activation`).send({ reason: 'x' }).expect(404);
      await t.http().post(`/v1/workflows/${unknown}/pause`).send({ reason: 'x' }).expect(404);
      await t.http().get(`/v1/workflows/${unknown}/runs`).expect(404);
      await t.http().post(`/v1/workflows/${unknown}/simulations`).send({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }).expect(404);
      await t.http().get('/v1/workflows/not-a-uuid').expect(400);
      await t.http().get('/v1/workflows/not-a-uuid/runs').expect(400);
    });

    it('refuses bodies and queries that break their rules, naming the field, and appends nothing', async () => {
      const { workflowId } = (await t.http().post('/v1/workflows').send({ ...MINIMAL, name: 'Refusals' }).expect(201)).body;
      const before = await streamOf(workflowId);
      const field = async (response: Promise<{ body: { fields?: { field: string }[] } }>) => [...new Set((await response).body.fields?.map((f) => f.field))];
      expect(await field(t.http().post(`/v1/workflows/${workflowId}/activation`).send({}).expect(400))).toEqual(['reason']);
      expect(await field(t.http().post(`/v1/workflows/${workflowId}/activation`).send({ reason: 'x', enrolExisting: { asOf: '2026-02-30T00:00:00Z' } }).expect(400))).toEqual(['enrolExisting.asOf']);
      expect(await field(t.http().post(`/v1/workflows/${workflowId}/activation`).send({ reason: 'x', actor: 'someone' }).expect(400))).toEqual(['actor']);
      expect(await field(t.http().post(`/v1/workflows/${workflowId}/pause`).send({ reason: 'x'.repeat(501) }).expect(400))).toEqual(['reason']);
      expect(await field(t.http().post(`/v1/workflows/${workflowId}/simulations`).send({ from: 'yesterday', to: '2026-01-01T00:00:00Z' }).expect(400))).toEqual(['from']);
      expect(await field(t.http().get(`/v1/workflows/${workflowId}/runs`).query({ contactId: "' OR 1=1 --" }).expect(400))).toEqual(['contactId']);
      expect(await field(t.http().get(`/v1/workflows/${workflowId}/runs`).query({ limit: 1000 }).expect(400))).toEqual(['limit']);
      await t.http().get(`/v1/workflows/${workflowId}/runs`).query({ cursor: "' OR 1=1 --" }).expect(400);
      await t.http().post('/v1/workflows').send({ ...MINIMAL, __proto__: { admin: true }, constructor: 'x' }).expect(400);
      await t.http().post('/v1/workflows').send({ definition: MINIMAL, extra: 1 }).expect(400);
      expect(await streamOf(workflowId)).toEqual(before);
    });

    it('lets marketing manage workflows, sales and service read them, reporting not at all', async () => {
      const marketing = await t.as('marketing');
      const { workflowId } = (await marketing.post('/v1/workflows').send({ ...MINIMAL, name: 'By marketing' }).expect(201)).body;
      await marketing.post(`/v1/workflows/${workflowId}/pause`).send({ reason: 'not yet' }).expect(200);
      for (const role of ['sales', 'service'] as const) {
        const agent = await t.as(role);
        await agent.get(`/v1/workflows/${workflowId}/runs`).expect(200);
        await agent.post(`/v1/workflows/${workflowId}/activation`).send({ reason: 'x' }).expect(403);
      }
      await (await t.as('reporting')).get('/v1/workflows').expect(403);
    });
  });

  describe('the default lifecycle workflows', () => {
    it('are active from the first start, with fixed ids, once', async () => {
      const { body } = await eventually(async () => {
        const answer = await t.http().get('/v1/workflows').expect(200);
        expect(answer.body.data.filter((w: { status: string; workflowId: string }) => Object.values(DEFAULT).includes(w.workflowId) && w.status === 'active')).toHaveLength(5);
        return answer;
      });
      expect(body.data.map((w: { name: string }) => w.name)).toEqual(expect.arrayContaining([expect.stringMatching(/MQL/), expect.stringMatching(/SQL/)]));
      for (const id of Object.values(DEFAULT)) expect((await streamOf(id)).map((e) => e.type)).toEqual(['WorkflowCreated', 'WorkflowActivated']);
    });

    it('makes a contact that reaches MQL marketing-qualified (forward only)', async () => {
      const ada = await createContact(`mql-${randomUUID()}@example.com`, { jobTitle: 'VP Marketing', country: 'DE' });
      expect(['subscriber', 'lead']).toContain((await contact(ada)).lifecycleStage);
      const now = Date.now();
      const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
      for (const [url, daysAgo] of [['https://tally.example/pricing', 3], ['https://tally.example/pricing?plan=pro', 2]] as const) {
        await t.http().post(`/v1/contacts/${ada}/page-views`).send({ url, occurredAt: at(daysAgo) }).expect(201);
      }
      await submitForm(ada, 'demo', at(1));
      await eventually(async () => expect((await t.http().get(`/v1/read-models/lead-scores/${ada}`).expect(200)).body.data.qualification).toBe('mql'));
      await eventually(async () => expect((await contact(ada)).lifecycleStage).toBe('marketing-qualified'), 15_000);
      await eventually(async () => {
        const [run] = await runsOf(DEFAULT.mql, { contactId: ada });
        expect(run).toMatchObject({ trigger: { eventType: 'LeadScoreQualificationChanged' }, steps: [{ stepId: 'stage', outcome: 'acted' }] });
        expect(run.steps[0].values).toMatchObject({ stage: 'marketing-qualified', [ada]: expect.stringMatching(/^(subscriber|lead)$/) });
      });
    });

    it("moves a new deal's contacts to opportunity and a won deal's contacts to customer", async () => {
      const [bea, cal] = [await createContact(`bea-${randomUUID()}@example.com`), await createContact(`cal-${randomUUID()}@example.com`)];
      const dealId = (await t.http().post('/v1/deals').send({ name: 'Acme renewal', amount: 1200, currency: 'USD', contactIds: [bea, cal] }).expect(201)).body.id;
      await eventually(async () => {
        expect((await contact(bea)).lifecycleStage).toBe('opportunity');
        expect((await contact(cal)).lifecycleStage).toBe('opportunity');
      }, 15_000);
      await t.http().put(`/v1/deals/${dealId}/stage`).send({ stageId: 'closedwon' }).expect(200);
      await eventually(async () => {
        expect((await contact(bea)).lifecycleStage).toBe('customer');
        expect((await contact(cal)).lifecycleStage).toBe('customer');
      }, 15_000);
      // The deal is the record enrolled; its step names each contact's stage before.
      const runs = await eventually(async () => {
        const found = await runsOf(DEFAULT.dealWon, { recordId: dealId });
        expect(found).toHaveLength(1);
        return found;
      });
      expect(runs[0]).toMatchObject({ recordType: 'deal', trigger: { eventType: 'DealWon' }, steps: [{ stepId: 'stage', outcome: 'acted' }] });
      expect(runs[0].steps[0].values).toMatchObject({ stage: 'customer', [bea]: 'opportunity', [cal]: 'opportunity' });
      expect(runs[0].steps[0].produced.map((p) => p.streamName).sort()).toEqual([`contact-${bea}`, `contact-${cal}`].sort());
    });
  });

  describe('the default "unsubscribed sets non-marketing" workflow', () => {
    const unsubscribe = (contactId: string) =>
      t.http().post(`/v1/contacts/${contactId}/email-events`).send({ emailId: `newsletter-${randomUUID()}`, kind: 'unsubscribed' }).expect(201);
    const contactStreamOf = (contactId: string) => collect(t.runtime.eventStore.readStream(`contact-${contactId}`));

    it('makes an unsubscribed contact non-marketing, acting as the workflow with the unsubscribe as cause', async () => {
      const dee = await createContact(`dee-${randomUUID()}@example.com`, { source: 'form' });
      expect((await contact(dee)).marketingStatus).toBe('marketing');
      const answer = await unsubscribe(dee);
      expect(answer.body.events).toEqual(['MarketingEmailUnsubscribed']);
      await eventually(async () => expect((await contact(dee)).marketingStatus).toBe('non-marketing'), 15_000);
      const [, unsubscribed, changed] = await contactStreamOf(dee);
      expect([changed.type, changed.data]).toEqual([
        'ContactMarketingStatusChanged',
        { contactId: dee, previous: 'marketing', status: 'non-marketing', reason: 'unsubscribed', causeRevision: unsubscribed.revision },
      ]);
      expect(changed.metadata).toMatchObject({ actor: `workflow:${DEFAULT.unsubscribed}@1`, causationId: unsubscribed.id });
      const [run] = await eventually(async () => {
        const runs = await runsOf(DEFAULT.unsubscribed, { contactId: dee });
        expect(runs).toHaveLength(1);
        return runs;
      });
      expect(run).toMatchObject({ trigger: { eventId: unsubscribed.id, eventType: 'MarketingEmailUnsubscribed' }, steps: [{ stepId: 'status', outcome: 'acted' }] });
      expect(run.steps[0].produced).toEqual([{ eventId: changed.id, type: 'ContactMarketingStatusChanged', streamName: `contact-${dee}` }]);
    });

    it('leaves alone an opt-in a person recorded after the unsubscribe, before the runner acted: the step is skipped as superseded', async () => {
      const eve = await createContact(`eve-${randomUUID()}@example.com`, { source: 'form' });
      // Held back: the runner reads both the unsubscribe and the opt-in before it acts on the unsubscribe.
      const { runner } = t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE);
      await runner.stop();
      try {
        await unsubscribe(eve);
        await t.http().put(`/v1/contacts/${eve}/marketing-status`).send({ status: 'marketing', reason: 'Opted in again at the booth' }).expect(200);
      } finally {
        await runner.start();
      }
      await settled();
      const [run] = await eventually(async () => {
        const runs = await runsOf(DEFAULT.unsubscribed, { contactId: eve });
        expect(runs).toHaveLength(1);
        return runs;
      });
      const [, unsubscribed, optIn, ...after] = await contactStreamOf(eve);
      expect([optIn.type, optIn.data, optIn.metadata.actor]).toEqual([
        'ContactMarketingStatusChanged',
        { contactId: eve, previous: 'marketing', status: 'marketing', reason: 'Opted in again at the booth' },
        expect.not.stringMatching(/^workflow:/),
      ]);
      expect(after).toEqual([]);
      expect((await contact(eve)).marketingStatus).toBe('marketing');
      expect(run).toMatchObject({ trigger: { eventId: unsubscribed.id }, status: 'finished', steps: [{ stepId: 'status', outcome: 'skipped', produced: [] }] });
      expect(run.steps[0].detail).toMatch(new RegExp(`^superseded: ContactMarketingStatusChanged ${optIn.id} `));
      expect(run.steps[0].values).toMatchObject({
        status: 'non-marketing',
        superseded: [{ contactId: eve, eventId: optIn.id, eventType: 'ContactMarketingStatusChanged', revision: optIn.revision, causeRevision: unsubscribed.revision }],
      });
    });
  });
});
