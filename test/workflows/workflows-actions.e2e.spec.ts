// Workflow actions that reach beyond the log (#16): "assign to the owner with the least open tasks" reads the task
// queue, and a webhook step signs its body with the configured secret and names its command as Idempotency-Key, so
// a receiver can verify it and drop a re-send. Without a secret the step is recorded as failed, never sent unsigned.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowEngine } from '#application';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';
import { SIGNATURE_HEADER, verifySignature } from '#webhooks';
import { lastCommitted } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

const SECRET = 's'.repeat(40);

type Received = Readonly<{ headers: IncomingHttpHeaders; body: string }>;

const receiver = async (): Promise<{ server: Server; url: string; received: Received[] }> => {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
};

type Step = { stepId: string; outcome: string; values: Record<string, unknown>; detail: string | null };

const scenario = (env: NodeJS.ProcessEnv) => {
  const t = useTestApp({ env });
  const owner = async (name: string, team: string): Promise<string> =>
    (await t.http().post('/v1/owners').send({ name, email: `${randomUUID()}@example.com`, team, role: 'sales' }).expect(201)).body.id;
  const contact = async (extra: Record<string, unknown> = {}): Promise<string> =>
    (await t.http().post('/v1/contacts').send({ email: `${randomUUID()}@example.com`, source: 'api', ...extra }).expect(201)).body.id;
  const activeWorkflow = async (definition: object): Promise<string> => {
    const { workflowId } = (await t.http().post('/v1/workflows').send(definition).expect(201)).body;
    await t.http().post(`/v1/workflows/${workflowId}/activation`).send({ reason: 'spec' }).expect(200);
    return workflowId;
  };
  const stepsOf = async (workflowId: string, contactId: string): Promise<Step[]> => {
    await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp((await lastCommitted(t.runtime.db.pool))!);
    return eventually(async () => {
      const runs = (await t.http().get(`/v1/workflows/${workflowId}/runs`).query({ contactId }).expect(200)).body.data;
      expect(runs).toHaveLength(1);
      expect(runs[0].status).toBe('finished');
      return runs[0].steps as Step[];
    });
  };
  const submitForm = (contactId: string, formId: string) =>
    t.http().post(`/v1/contacts/${contactId}/form-submissions`).send({ formId, fields: {} }).expect(201);
  return { t, owner, contact, activeWorkflow, stepsOf, submitForm };
};

describe('workflow actions with a signing secret configured', () => {
  const { t, owner, contact, activeWorkflow, stepsOf, submitForm } = scenario({ TALLY_WORKFLOW_SIGNING_SECRET: SECRET });
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver();
  });
  afterAll(async () => {
    await new Promise((resolve) => hook.server.close(resolve));
  });

  it('assigns the owner of the team with the fewest open tasks', async () => {
    const team = `sdr-${randomUUID().slice(0, 8)}`;
    const busy = await owner('Busy Bee', team);
    const free = await owner('Free Fox', team);
    await owner('Other Team', `${team}-other`);
    const customer = await contact();
    const task = (ownerId: string, subject: string) =>
      t.http().post('/v1/engagements').send({ kind: 'task', ownerId, subject, contactIds: [customer] }).expect(201);
    await task(free, 'one');
    await task(free, 'two');
    const { body } = await task(busy, 'three');
    // busy has 1 open task, free has 2: busy is the one with fewer.
    await eventually(async () => expect((await t.http().get('/v1/tasks').query({ ownerId: busy, minPosition: body.position }).expect(200)).body.data).toHaveLength(1));
    const workflowId = await activeWorkflow({
      name: 'Route inbound leads',
      trigger: { event: 'FormSubmitted', where: { formId: 'inbound' } },
      steps: [{ id: 'route', action: 'assignOwner', assign: { leastOpenTasks: { team } } }],
    });
    const lead = await contact();
    await submitForm(lead, 'inbound');
    const [step] = await stepsOf(workflowId, lead);
    expect(step).toMatchObject({ stepId: 'route', outcome: 'acted' });
    expect((await t.http().get(`/v1/contacts/${lead}`).expect(200)).body.ownerId).toBe(busy);
  });

  it('posts a signed webhook whose Idempotency-Key is the command key', async () => {
    const workflowId = await activeWorkflow({
      name: 'Tell the CRM bridge',
      trigger: { event: 'FormSubmitted', where: { formId: 'bridge' } },
      steps: [{ id: 'notify', action: 'sendWebhook', url: hook.url }],
    });
    const lead = await contact();
    await submitForm(lead, 'bridge');
    const [step] = await stepsOf(workflowId, lead);
    expect(step).toMatchObject({ stepId: 'notify', outcome: 'acted', detail: 'HTTP 204' });
    const [delivery] = hook.received;
    expect(hook.received).toHaveLength(1);
    const check = verifySignature({ secret: SECRET, body: delivery.body, header: String(delivery.headers[SIGNATURE_HEADER.toLowerCase()]), nowSeconds: Math.floor(Date.now() / 1000) });
    expect(check).toMatchObject({ valid: true });
    expect(delivery.headers['idempotency-key']).toMatch(new RegExp(`^${workflowId}@1:.+:notify$`));
    expect(delivery.body).toContain(lead);
  });
});

describe('re-enrolment by default', () => {
  const { t, owner, contact, activeWorkflow, submitForm } = scenario({});

  it('creates one task per demo request: a contact whose run has finished enrols again on the next request', async () => {
    const ann = await owner('Ann Again', 'sales');
    const workflowId = await activeWorkflow({
      name: 'Demo request handoff (twice)',
      trigger: { event: 'FormSubmitted', where: { formId: 'demo-again' } },
      steps: [{ id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}} about the demo', dueInBusinessDays: 1 }],
    });
    const lead = await contact({ ownerId: ann });
    const engine = t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE);
    await submitForm(lead, 'demo-again');
    await engine.runner.caughtUp((await lastCommitted(t.runtime.db.pool))!);
    await submitForm(lead, 'demo-again');
    await engine.runner.caughtUp((await lastCommitted(t.runtime.db.pool))!);
    const runs = await eventually(async () => {
      const found = (await t.http().get(`/v1/workflows/${workflowId}/runs`).query({ contactId: lead }).expect(200)).body.data;
      expect(found.map((run: { outcome: string }) => run.outcome)).toEqual(['completed', 'completed']);
      return found;
    });
    expect(new Set(runs.map((run: { trigger: { eventId: string } }) => run.trigger.eventId)).size).toBe(2);
    await eventually(async () => expect((await t.http().get('/v1/tasks').query({ ownerId: ann }).expect(200)).body.data).toHaveLength(2));
  });
});

describe('workflow webhooks without a signing secret', () => {
  const { contact, activeWorkflow, stepsOf, submitForm } = scenario({});
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver();
  });
  afterAll(async () => {
    await new Promise((resolve) => hook.server.close(resolve));
  });

  it('records the step as failed with the reason and sends nothing unsigned', async () => {
    const workflowId = await activeWorkflow({
      name: 'Unsigned bridge',
      trigger: { event: 'FormSubmitted', where: { formId: 'bridge' } },
      steps: [{ id: 'notify', action: 'sendWebhook', url: hook.url }],
    });
    const lead = await contact();
    await submitForm(lead, 'bridge');
    const [step] = await stepsOf(workflowId, lead);
    expect(step).toMatchObject({ stepId: 'notify', outcome: 'failed', detail: 'no webhook signing secret is configured' });
    expect(hook.received).toEqual([]);
  });
});
