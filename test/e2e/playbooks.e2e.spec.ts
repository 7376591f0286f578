// Playbooks end to end: written by the team they belong to (403 PLAYBOOK_TEAM_FORBIDDEN for another), run on a call
// with answers checked against the questions (400 naming answers.<questionId>), the run recorded on the engagement
// and shown on the timelines, and each mapped answer written to the contact as its ordinary property change, caused
// by the run's event, exactly once when the request is sent again.
import { randomUUID } from 'node:crypto';
import { collect } from '#test/support/events';
import type { WorkflowEngine } from '#application';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';
import { useTestApp } from '#test/support/test-app';

type Entry = { eventId: string; eventType: string; summary: string; data: Record<string, unknown> };

describe('playbooks', () => {
  const t = useTestApp();
  const fieldsOf = (body: { fields?: { field: string }[] }) => [...new Set((body.fields ?? []).map((f) => f.field))];
  const streamOf = (name: string) => collect(t.runtime.eventStore.readStream(name));
  /** Every event committed, once the default workflows have acted on what came before (they append on their own). */
  const eventCount = async (): Promise<number> => {
    await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp();
    return (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tally_events')).rows[0].n;
  };

  const questions = [
    { id: 'role', text: 'What is your role?', type: 'text', mapsTo: 'jobTitle' },
    { id: 'budget', text: 'What budget do you have?', type: 'number', mapsTo: 'budget', required: true },
    { id: 'horizon', text: 'When do you buy?', type: 'choice', options: ['now', 'later'], mapsTo: 'horizon' },
    { id: 'notes', text: 'Anything else?', type: 'text' },
  ];

  let playbookId = '';

  const createContact = async (body: Record<string, unknown> = {}): Promise<string> =>
    (await t.http().post('/v1/contacts').send({ email: `${randomUUID().slice(0, 8)}@example.com`, source: 'manual', ...body }).expect(201)).body.id;
  const logCall = async (contactIds: string[], kind = 'call'): Promise<string> =>
    (await t.http().post('/v1/engagements').send({ kind, ownerId: randomUUID(), subject: 'Discovery', contactIds }).expect(201)).body.id;
  const runPath = (engagementId: string) => `/v1/engagements/${engagementId}/playbook-runs`;

  beforeAll(async () => {
    await t.http().post('/v1/properties/contacts').send({ name: 'budget', label: 'Budget', type: 'number' }).expect(201);
    const horizon = [{ value: 'now', label: 'Now' }, { value: 'later', label: 'Later' }, { value: 'never', label: 'Never' }];
    await t.http().post('/v1/properties/contacts').send({ name: 'horizon', label: 'Horizon', type: 'enum', options: horizon }).expect(201);
    const created = await (await t.as('sales')).post('/v1/playbooks').send({ name: 'Discovery call', team: 'sales', questions }).expect(201);
    expect(created.body.events).toEqual(['PlaybookCreated']);
    playbookId = created.body.id;
  });

  it('records a run on the call and writes the mapped answers to the contact, caused by the run', async () => {
    const contactId = await createContact({ firstName: 'Ada' });
    const engagementId = await logCall([contactId]);
    const answers = { role: 'CTO', budget: 50000, horizon: 'now', notes: 'Wants SSO' };
    const run = await (await t.as('sales')).post(runPath(engagementId)).send({ playbookId, answers }).expect(201);
    expect(run.body).toMatchObject({ engagementId, contactId, events: ['PlaybookRunRecorded', 'ContactPropertiesChanged'] });

    // Read back through the contact.
    const contact = (await t.http().get(`/v1/contacts/${contactId}`).expect(200)).body;
    expect(contact).toMatchObject({ firstName: 'Ada', jobTitle: 'CTO', properties: { budget: 50000, horizon: 'now' } });

    // The run on the engagement's stream, the answers as structured data with each question as asked.
    const [logged, recorded] = await streamOf(`engagement-${engagementId}`);
    expect(logged.type).toBe('EngagementLogged');
    expect(recorded).toMatchObject({ id: run.body.runEventId, type: 'PlaybookRunRecorded' });
    expect(recorded.data).toEqual({
      engagementId,
      runId: run.body.id,
      playbookId,
      playbookVersion: 1,
      playbookName: 'Discovery call',
      team: 'sales',
      contactId,
      answers: [
        { questionId: 'role', question: 'What is your role?', type: 'text', value: 'CTO', mapsTo: 'jobTitle' },
        { questionId: 'budget', question: 'What budget do you have?', type: 'number', value: 50000, mapsTo: 'budget' },
        { questionId: 'horizon', question: 'When do you buy?', type: 'choice', value: 'now', mapsTo: 'horizon' },
        { questionId: 'notes', question: 'Anything else?', type: 'text', value: 'Wants SSO', mapsTo: null },
      ],
    });
    // The contact's ordinary property change, its cause the run's event, in the same correlation.
    const changed = (await streamOf(`contact-${contactId}`)).filter((event) => event.type === 'ContactPropertiesChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0].metadata).toMatchObject({ causationId: recorded.id, correlationId: recorded.metadata.correlationId });
    expect(changed[0].data).toEqual({
      contactId,
      changes: [
        { property: 'jobTitle', previous: null, value: 'CTO' },
        { property: 'budget', previous: null, value: 50000 },
        { property: 'horizon', previous: null, value: 'now' },
      ],
    });

    // On both timelines, with the answers.
    const onContact = (await t.http().get(`/v1/contacts/${contactId}/timeline`).query({ minPosition: run.body.position, limit: 100 }).expect(200)).body.data as Entry[];
    const runEntry = onContact.find((entry) => entry.eventType === 'PlaybookRunRecorded');
    expect(runEntry).toMatchObject({ eventId: recorded.id, summary: 'Ran playbook "Discovery call" (v1): role: "CTO"; budget: 50000; horizon: "now"; notes: "Wants SSO"' });
    expect(runEntry?.data).toMatchObject({ answers: (recorded.data as { answers: unknown }).answers });
    const onRecord = (await t.http().get(`/v1/timelines/contact/${contactId}`).query({ minPosition: run.body.position, limit: 100 }).expect(200)).body.data as Entry[];
    expect(onRecord.find((entry) => entry.eventType === 'PlaybookRunRecorded')).toMatchObject({ eventId: recorded.id, data: { answers: (recorded.data as { answers: unknown }).answers } });
  });

  it('writes neither the run nor the change twice when the request is sent again with its Idempotency-Key', async () => {
    const contactId = await createContact();
    const engagementId = await logCall([contactId]);
    const key = randomUUID();
    const send = async () => (await t.as('sales')).post(runPath(engagementId)).set('Idempotency-Key', key).send({ playbookId, answers: { budget: 12 } }).expect(201);
    const first = await send();
    const again = await send();
    expect(again.body).toEqual(first.body);
    expect((await streamOf(`engagement-${engagementId}`)).filter((event) => event.type === 'PlaybookRunRecorded')).toHaveLength(1);
    expect((await streamOf(`contact-${contactId}`)).filter((event) => event.type === 'ContactPropertiesChanged')).toHaveLength(1);
  });

  it('lets a role write only its own team\'s playbooks: 403 PLAYBOOK_TEAM_FORBIDDEN, super-admin writes all', async () => {
    const sales = await t.as('sales');
    const refused = await sales.post('/v1/playbooks').send({ name: 'Support triage', team: 'service', questions }).expect(403);
    expect(refused.body).toMatchObject({ error: 'PLAYBOOK_TEAM_FORBIDDEN', role: 'sales', team: 'service' });
    const service = (await (await t.as('service')).post('/v1/playbooks').send({ name: 'Support triage', team: 'service', questions }).expect(201)).body.id;
    await (await t.as('marketing')).post('/v1/playbooks').send({ name: 'Event follow-up', team: 'marketing', questions }).expect(201);
    await t.http().post('/v1/playbooks').send({ name: 'Any team', team: 'service', questions }).expect(201);

    expect((await sales.patch(`/v1/playbooks/${service}`).send({ name: 'Mine now' }).expect(403)).body.error).toBe('PLAYBOOK_TEAM_FORBIDDEN');
    await sales.delete(`/v1/playbooks/${service}`).expect(403);
    const revised = await (await t.as('service')).patch(`/v1/playbooks/${service}`).send({ name: 'Support triage v2' }).expect(200);
    expect(revised.body.events).toEqual(['PlaybookRevised']);
    expect((await t.http().get(`/v1/playbooks/${service}`).expect(200)).body).toMatchObject({ version: 2, name: 'Support triage v2', team: 'service', archived: false });
    const archived = await (await t.as('service')).delete(`/v1/playbooks/${service}`).expect(200);
    // The list by team (a read model); an archived playbook only when asked.
    const names = async (query: object) =>
      ((await t.http().get('/v1/playbooks').query({ minPosition: archived.body.position, ...query }).expect(200)).body.data as { name: string; version: number }[]).map((p) => `${p.name} v${p.version}`);
    expect(await names({ team: 'service' })).toEqual(['Any team v1']);
    expect(await names({ team: 'service', archived: 'true' })).toEqual(['Any team v1', 'Support triage v2 v2']);
    expect(await names({ team: 'sales' })).toEqual(['Discovery call v1']);
    expect(fieldsOf((await t.http().get('/v1/playbooks').query({ team: 'legal' }).expect(400)).body)).toEqual(['team']);
    const run = await t.http().post(runPath(await logCall([await createContact()]))).send({ playbookId: service, answers: {} }).expect(422);
    expect(run.body.rule).toBe('playbook-archived');
    await (await t.as('reporting')).post('/v1/playbooks').send({ name: 'x', team: 'sales', questions }).expect(403);
  });

  it('answers bad answers with 400s naming answers.<questionId>, and writes nothing', async () => {
    const contactId = await createContact();
    const engagementId = await logCall([contactId]);
    const before = await eventCount();
    const cases: [object, string[]][] = [
      [{ budget: '50000' }, ['answers.budget']],
      [{ budget: 1, horizon: 'someday' }, ['answers.horizon']],
      [{ budget: 1, role: 42 }, ['answers.role']],
      [{ budget: 1, nope: 'x' }, ['answers.nope']],
      [{ role: 'CTO' }, ['answers.budget']],
      [{ budget: 1e400 }, ['answers.budget']],
    ];
    for (const [answers, fields] of cases) {
      const response = await t.http().post(runPath(engagementId)).send({ playbookId, answers });
      expect([JSON.stringify(answers), response.status, fieldsOf(response.body)]).toEqual([JSON.stringify(answers), 400, fields]);
    }
    const shapes: [object, string][] = [
      [{ answers: { budget: 1 } }, 'playbookId'],
      [{ playbookId: 'x', answers: { budget: 1 } }, 'playbookId'],
      [{ playbookId: randomUUID(), answers: { budget: 1 } }, 'playbookId'],
      [{ playbookId }, 'answers'],
      [{ playbookId, answers: [1] }, 'answers'],
      [{ playbookId, answers: { budget: 1 }, contactId: randomUUID() }, 'contactId'],
      [{ playbookId, answers: { budget: 1 }, extra: true }, 'extra'],
    ];
    for (const [body, field] of shapes) {
      const response = await t.http().post(runPath(engagementId)).send(body);
      expect([JSON.stringify(body).slice(0, 80), response.status, fieldsOf(response.body)]).toEqual([JSON.stringify(body).slice(0, 80), 400, [field]]);
    }
    expect(await eventCount()).toBe(before);
    // An absent engagement is 404; a note is not a call or meeting (422).
    await t.http().post(runPath(randomUUID())).send({ playbookId, answers: { budget: 1 } }).expect(404);
    const note = await logCall([contactId], 'note');
    expect((await t.http().post(runPath(note)).send({ playbookId, answers: { budget: 1 } }).expect(422)).body.rule).toBe('playbook-run-needs-call-or-meeting');
  });

  it('asks which contact the mapped answers update when the call has several or none, and runs without one when nothing maps', async () => {
    const [ann, bob] = [await createContact(), await createContact()];
    const both = await logCall([ann, bob]);
    expect(fieldsOf((await t.http().post(runPath(both)).send({ playbookId, answers: { budget: 7 } }).expect(400)).body)).toEqual(['contactId']);
    const run = await t.http().post(runPath(both)).send({ playbookId, answers: { budget: 7 }, contactId: bob }).expect(201);
    expect(run.body.contactId).toBe(bob);
    expect((await t.http().get(`/v1/contacts/${bob}`).expect(200)).body.properties).toEqual({ budget: 7 });
    expect((await t.http().get(`/v1/contacts/${ann}`).expect(200)).body.properties).toEqual({});

    const acme = (await t.http().post('/v1/companies').send({ name: 'Acme' }).expect(201)).body.id;
    const companyCall = (await t.http().post('/v1/engagements').send({ kind: 'meeting', ownerId: randomUUID(), companyIds: [acme] }).expect(201)).body.id;
    const unmapped = await t.http().post(runPath(companyCall)).send({ playbookId, answers: { budget: 3 } }).expect(400);
    expect(fieldsOf(unmapped.body)).toEqual(['contactId']);
    // A playbook without mapped answers runs on a meeting with no contact: the run alone, on the company's timeline.
    const notesOnly = (await t.http().post('/v1/playbooks').send({ name: 'Notes', team: 'service', questions: [{ id: 'notes', text: 'Notes?', type: 'text' }] }).expect(201)).body.id;
    const plain = await (await t.as('service')).post(runPath(companyCall)).send({ playbookId: notesOnly, answers: { notes: 'Call back' } }).expect(201);
    expect(plain.body).toMatchObject({ contactId: null, events: ['PlaybookRunRecorded'] });
    const onCompany = (await t.http().get(`/v1/timelines/company/${acme}`).query({ minPosition: plain.body.position }).expect(200)).body.data as Entry[];
    expect(onCompany.map((entry) => entry.summary)).toContain('Ran playbook "Notes" (v1): notes: "Call back"');
  });

  it('refuses a playbook whose questions break the rules, naming each field', async () => {
    const cases: [object, string[]][] = [
      [{ name: 'x', team: 'legal', questions }, ['team']],
      [{ name: ' ', team: 'sales', questions }, ['name']],
      [{ name: 'x', team: 'sales', questions: [] }, ['questions']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a', text: 'A?', type: 'date' }] }, ['questions.0.type']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a', text: 'A?', type: 'choice' }] }, ['questions.0.options']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a', text: 'A?', type: 'text', options: ['x', 'y'] }] }, ['questions.0.options']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a', text: 'A?', type: 'text', mapsTo: 'shoeSize' }] }, ['questions.0.mapsTo']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a', text: 'A?', type: 'number', mapsTo: 'jobTitle' }] }, ['questions.0.mapsTo']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a', text: 'A?', type: 'text', mapsTo: 'email' }] }, ['questions.0.mapsTo']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a', text: 'A?', type: 'choice', options: ['now', 'soon'], mapsTo: 'horizon' }] }, ['questions.0.mapsTo']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a', text: 'A?', type: 'text' }, { id: 'a', text: 'B?', type: 'text' }] }, ['questions.1.id']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a b', text: 'A?', type: 'text' }] }, ['questions.0.id']],
      [{ name: 'x', team: 'sales', questions: [{ id: 'a', text: 'A?', type: 'text', admin: true }] }, ['questions.0.admin']],
    ];
    for (const [body, fields] of cases) {
      const response = await t.http().post('/v1/playbooks').send(body);
      expect([JSON.stringify(body).slice(0, 120), response.status, fieldsOf(response.body)]).toEqual([JSON.stringify(body).slice(0, 120), 400, fields]);
    }
  });
});
