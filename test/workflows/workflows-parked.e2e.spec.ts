// Parked workflow events over HTTP (#16): an operator lists what the runner gave up on, retries a pair once its
// cause is fixed (the workflow then acts, exactly once) or skips it with a reason; schedules show what will enrol.
import { randomUUID } from 'node:crypto';
import { WorkflowParking, type WorkflowEngine } from '#application';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';
import { formatPosition } from '#event-store';
import type { TriggerEvent } from '#workflows';
import { collect, lastCommitted } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

const DEFINITION = {
  name: 'Demo request handoff',
  trigger: { event: 'FormSubmitted', where: { formId: 'demo' } },
  steps: [{ id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}} about the demo', dueInBusinessDays: 1 }],
};

const fieldsOf = (body: { fields: { field: string }[] }): string[] => [...new Set(body.fields.map((f) => f.field))];

describe('parked workflow events over HTTP', () => {
  const t = useTestApp();
  let workflowId: string;
  let parked: TriggerEvent[];

  /** A demo request recorded before the workflow was active: the runner never judged it on its own. */
  const demoRequest = async (): Promise<TriggerEvent> => {
    const ownerId = (await t.http().post('/v1/owners').send({ name: 'Ann Archer', email: `${randomUUID()}@example.com`, role: 'sales' }).expect(201)).body.id;
    const contactId = (await t.http().post('/v1/contacts').send({ email: `${randomUUID()}@example.com`, source: 'api', ownerId }).expect(201)).body.id;
    await t.http().post(`/v1/contacts/${contactId}/form-submissions`).send({ formId: 'demo', fields: { company: 'Acme' }, occurredAt: '2026-01-16T15:30:00Z' }).expect(201);
    const streams = ['activity', 'contact'].map((category) => collect(t.runtime.eventStore.readStream(`${category}-${contactId}`)));
    const event = (await Promise.all(streams)).flat().find((e) => e.type === 'FormSubmitted')!;
    return { id: event.id, type: event.type, streamName: event.streamName, position: formatPosition(event.position), occurredAt: event.metadata.occurredAt as string, data: event.data as Record<string, unknown> };
  };

  beforeAll(async () => {
    parked = [await demoRequest(), await demoRequest()];
    workflowId = (await t.http().post('/v1/workflows').send(DEFINITION).expect(201)).body.workflowId;
    await t.http().post(`/v1/workflows/${workflowId}/activation`).send({ reason: 'go live' }).expect(200);
    // As the runner parks a pair whose judging kept failing (workflow-engine.int.spec.ts makes it fail for real).
    const parking = new WorkflowParking(t.runtime.db.pool);
    for (const trigger of parked) await parking.park({ workflowId, version: 1, kind: 'enrol', trigger, error: 'lead score read model: corrupt row', attempts: 5 });
  });

  it('lists the parked pairs with their error and attempts, oldest first, and narrows them by status', async () => {
    const listed = (await t.http().get(`/v1/workflows/${workflowId}/parked-events`).expect(200)).body.data;
    expect(listed.map((p: { trigger: { id: string } }) => p.trigger.id)).toEqual(parked.map((p) => p.id));
    expect(listed[0]).toMatchObject({ workflowId, version: 1, kind: 'enrol', status: 'parked', attempts: 5, error: 'lead score read model: corrupt row', resolvedBy: null });
    expect((await t.http().get(`/v1/workflows/${workflowId}/parked-events`).query({ status: 'skipped' }).expect(200)).body.data).toEqual([]);
    const lost = await t.http().get(`/v1/workflows/${workflowId}/parked-events`).query({ status: 'lost' }).expect(400);
    expect(fieldsOf(lost.body)).toEqual(['status']);
  });

  it('retries a pair: the workflow acts on it once, and the pair is marked retried by the operator', async () => {
    const [first] = parked;
    const retried = await t.http().post(`/v1/workflows/${workflowId}/parked-events/${first.id}/retry`).send({}).expect(200);
    expect(retried.body).toMatchObject({ status: 'retried', resolvedBy: expect.stringMatching(/^key:/) });
    await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp((await lastCommitted(t.runtime.db.pool))!);
    const contactId = (first.data as { contactId: string }).contactId;
    const runs = (await t.http().get(`/v1/workflows/${workflowId}/runs`).query({ contactId }).expect(200)).body.data;
    expect(runs.map((run: { trigger: { eventId: string }; outcome: string }) => [run.trigger.eventId, run.outcome])).toEqual([[first.id, 'completed']]);
    // Not parked any more: a second retry is refused and changes nothing.
    const again = await t.http().post(`/v1/workflows/${workflowId}/parked-events/${first.id}/retry`).send({}).expect(422);
    expect(again.body).toMatchObject({ error: 'RULE_VIOLATED' });
  });

  it('skips a pair only with a reason, and keeps who skipped it and why', async () => {
    const [, second] = parked;
    const noReason = await t.http().post(`/v1/workflows/${workflowId}/parked-events/${second.id}/skip`).send({}).expect(400);
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
    const skipped = await t.http().post(`/v1/workflows/${workflowId}/parked-events/${second.id}/skip`).send({ reason: 'test contact' }).expect(200);
    expect(skipped.body).toMatchObject({ status: 'skipped', reason: 'test contact', resolvedBy: expect.stringMatching(/^key:/) });
    expect((await t.http().get(`/v1/workflows/${workflowId}/parked-events`).query({ status: 'parked' }).expect(200)).body.data).toEqual([]);
  });

  it('answers 404 for an unknown workflow or an event that was never parked, and 400 for a bad kind', async () => {
    await t.http().get(`/v1/workflows/${randomUUID()}/parked-events`).expect(404);
    await t.http().post(`/v1/workflows/${workflowId}/parked-events/${randomUUID()}/retry`).send({}).expect(404);
    await t.http().post(`/v1/workflows/${workflowId}/parked-events/${parked[0].id}/retry`).send({ kind: 'other' }).expect(400);
    await t.http().post(`/v1/workflows/${randomUUID()}/parked-events/${parked[0].id}/skip`).send({ reason: 'x' }).expect(404);
  });

  it('lists the schedule of a workflow (empty for one triggered by events)', async () => {
    expect((await t.http().get(`/v1/workflows/${workflowId}/schedules`).expect(200)).body).toEqual({ data: [] });
    await t.http().get(`/v1/workflows/${randomUUID()}/schedules`).expect(404);
  });
});
