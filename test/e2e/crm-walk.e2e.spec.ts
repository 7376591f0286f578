// One customer's story through the whole write side, asserting the exact events in the store: a contact comes in
// through a form, browses, asks for a demo, a rep works a deal through every stage to closed won, support opens a
// ticket, and the activity is logged. The default lifecycle workflows move the contact's stage on their own (#16).
import type { RecordedEvent } from '#event-store';
import { defaultWorkflowId } from '#api/workflows/default-workflows.bootstrap';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

describe('a contact from first visit to customer', () => {
  const t = useTestApp();

  const typesOf = (events: readonly RecordedEvent[]) => events.map((e) => e.type);
  const stream = (name: string) => collect(t.runtime.eventStore.readStream(name));
  const stageOf = async (contact: string) => (await t.http().get(`/v1/contacts/${contact}`).expect(200)).body.lifecycleStage;

  it('records every step as the events a user would expect', async () => {
    const rep = (await t.http().post('/v1/owners').send({ name: 'Rita Rep', email: 'rita@tally.test', role: 'sales' }).expect(201)).body.id;
    const company = (await t.http().post('/v1/companies').send({ name: 'Acme', domain: 'https://www.acme.test/about' }).expect(201)).body.id;

    const contact = (
      await t.http()
        .post('/v1/contacts')
        .send({ email: 'Carol@Acme.test', firstName: 'Carol', jobTitle: 'VP Operations', source: 'form', companyId: company })
        .expect(201)
    ).body.id;

    await t.http().post(`/v1/contacts/${contact}/page-views`).send({ url: 'https://tally.test/pricing', occurredAt: '2026-01-05T09:00:00Z' }).expect(201);
    await t.http().post(`/v1/contacts/${contact}/page-views`).send({ url: 'https://tally.test/blog', referrer: 'https://search.test' }).expect(201);
    await t.http().post(`/v1/contacts/${contact}/form-submissions`).send({ formId: 'demo', fields: { seats: '40' } }).expect(201);
    await t.http().post(`/v1/contacts/${contact}/email-events`).send({ emailId: 'welcome-1', kind: 'clicked', url: 'https://tally.test/demo' }).expect(201);
    // The demo request takes the lead score to MQL: the default workflow makes the contact marketing-qualified.
    await eventually(async () => expect(await stageOf(contact)).toBe('marketing-qualified'), 15_000);
    await t.http().put(`/v1/contacts/${contact}/owner`).send({ ownerId: rep }).expect(200);
    await t.http().put(`/v1/contacts/${contact}/lifecycle-stage`).send({ stage: 'sales-qualified' }).expect(200);

    const deal = (
      await t.http()
        .post('/v1/deals')
        .send({ name: 'Acme platform', amount: 24000, currency: 'EUR', ownerId: rep, contactIds: [contact], companyId: company })
        .expect(201)
    ).body.id;
    const stages = ['qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon'];
    await eventually(async () => expect(await stageOf(contact)).toBe('opportunity'), 15_000);
    for (const stageId of stages) await t.http().put(`/v1/deals/${deal}/stage`).send({ stageId }).expect(200);
    // Nobody sets the stage by hand any more: the won deal makes its contact a customer.
    await eventually(async () => expect(await stageOf(contact)).toBe('customer'), 15_000);

    const ticket = (await t.http().post('/v1/tickets').send({ subject: 'SSO set-up', priority: 'high', contactId: contact, dealId: deal }).expect(201)).body.id;
    await t.http().put(`/v1/tickets/${ticket}/stage`).send({ stageId: 'closed' }).expect(200);

    const call = await t.http()
      .post('/v1/engagements')
      .send({ kind: 'call', ownerId: rep, durationMinutes: 25, outcome: 'connected', contactIds: [contact], dealIds: [deal] })
      .expect(201);
    const task = (
      await t.http()
        .post('/v1/engagements')
        .send({ kind: 'task', ownerId: rep, subject: 'Send the contract', dueAt: '2026-02-01T12:00:00Z', dealIds: [deal] })
        .expect(201)
    ).body.id;
    await t.http().post(`/v1/engagements/${task}/complete`).send({}).expect(200);

    const contactEvents = await stream(`contact-${contact}`);
    expect(typesOf(contactEvents)).toEqual([
      'ContactCreated',
      'ContactLifecycleStageChanged',
      'ContactOwnerAssigned',
      'ContactLifecycleStageChanged',
      'ContactLifecycleStageChanged',
      'ContactLifecycleStageChanged',
    ]);
    const stageChanges = contactEvents.filter((e) => e.type === 'ContactLifecycleStageChanged');
    expect(stageChanges.map((e) => [(e.data as { stage: string }).stage, e.metadata.actor])).toEqual([
      ['marketing-qualified', `workflow:${defaultWorkflowId('lifecycle-mql')}@1`],
      ['sales-qualified', expect.stringMatching(/^key:/)],
      ['opportunity', `workflow:${defaultWorkflowId('lifecycle-deal-created')}@1`],
      ['customer', `workflow:${defaultWorkflowId('lifecycle-deal-won')}@1`],
    ]);
    const activity = await stream(`activity-${contact}`);
    expect(typesOf(activity)).toEqual(['PageViewed', 'PageViewed', 'FormSubmitted', 'MarketingEmailClicked']);
    expect(activity[0].metadata.occurredAt).toBe('2026-01-05T09:00:00.000Z');
    expect(activity[2].data).toEqual({
      contactId: contact,
      formId: 'demo',
      fields: { seats: '40' },
      // FormSubmitted v2: the contact route knows no page.
      pageUrl: null,
      utm: { source: null, medium: null, campaign: null, term: null, content: null },
    });

    const dealEvents = await stream(`deal-${deal}`);
    expect(typesOf(dealEvents)).toEqual([
      'DealCreated',
      'DealStageChanged',
      'DealStageChanged',
      'DealStageChanged',
      'DealStageChanged',
      'DealStageChanged',
      'DealWon',
    ]);
    expect(dealEvents[0].data).toMatchObject({ pipelineId: 'default', stageId: 'appointmentscheduled', amount: '24000.00', currency: 'EUR', contractTermMonths: 12 });
    expect(dealEvents.slice(1, 6).map((e) => (e.data as { toStageId: string }).toStageId)).toEqual(stages);
    expect(dealEvents[6].data).toMatchObject({ dealId: deal, amount: '24000.00', currency: 'EUR', ownerId: rep });

    expect(typesOf(await stream(`ticket-${ticket}`))).toEqual(['TicketCreated', 'TicketStageChanged', 'TicketClosed']);
    expect(typesOf(await stream(`engagement-${call.body.id}`))).toEqual(['EngagementLogged']);
    expect(typesOf(await stream(`engagement-${task}`))).toEqual(['EngagementLogged', 'TaskCompleted']);

    // Every event of the walk says who asked and carries its own correlation id.
    for (const event of [...activity, ...dealEvents]) {
      expect(event.metadata).toMatchObject({ actor: expect.any(String), correlationId: expect.any(String), schemaVersion: expect.any(Number) });
    }
  });
});
