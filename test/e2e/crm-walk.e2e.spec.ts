// One customer's story through the whole write side, asserting the exact events in the store: a contact comes in
// through a form, browses, asks for a demo, a rep works a deal through every stage to closed won, support opens a
// ticket, and the activity is logged.
import type { RecordedEvent } from '#event-store';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

describe('a contact from first visit to customer', () => {
  const t = useTestApp();

  const typesOf = (events: readonly RecordedEvent[]) => events.map((e) => e.type);
  const stream = (name: string) => collect(t.runtime.eventStore.readStream(name));

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
    await t.http().put(`/v1/contacts/${contact}/owner`).send({ ownerId: rep }).expect(200);
    await t.http().put(`/v1/contacts/${contact}/lifecycle-stage`).send({ stage: 'sales-qualified' }).expect(200);

    const deal = (
      await t.http()
        .post('/v1/deals')
        .send({ name: 'Acme platform', amount: 24000, currency: 'EUR', ownerId: rep, contactIds: [contact], companyId: company })
        .expect(201)
    ).body.id;
    const stages = ['qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon'];
    for (const stageId of stages) await t.http().put(`/v1/deals/${deal}/stage`).send({ stageId }).expect(200);
    await t.http().put(`/v1/contacts/${contact}/lifecycle-stage`).send({ stage: 'customer' }).expect(200);

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

    expect(typesOf(await stream(`contact-${contact}`))).toEqual([
      'ContactCreated',
      'ContactOwnerAssigned',
      'ContactLifecycleStageChanged',
      'ContactLifecycleStageChanged',
    ]);
    const activity = await stream(`activity-${contact}`);
    expect(typesOf(activity)).toEqual(['PageViewed', 'PageViewed', 'FormSubmitted', 'MarketingEmailClicked']);
    expect(activity[0].metadata.occurredAt).toBe('2026-01-05T09:00:00.000Z');
    expect(activity[2].data).toEqual({ contactId: contact, formId: 'demo', fields: { seats: '40' } });

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
    expect(dealEvents[0].data).toMatchObject({ pipelineId: 'default', stageId: 'appointmentscheduled', amount: 24000, currency: 'EUR', contractTermMonths: 12 });
    expect(dealEvents.slice(1, 6).map((e) => (e.data as { toStageId: string }).toStageId)).toEqual(stages);
    expect(dealEvents[6].data).toMatchObject({ dealId: deal, amount: 24000, currency: 'EUR', ownerId: rep });

    expect(typesOf(await stream(`ticket-${ticket}`))).toEqual(['TicketCreated', 'TicketStageChanged', 'TicketClosed']);
    expect(typesOf(await stream(`engagement-${call.body.id}`))).toEqual(['EngagementLogged']);
    expect(typesOf(await stream(`engagement-${task}`))).toEqual(['EngagementLogged', 'TaskCompleted']);

    // Every event of the walk says who asked and carries its own correlation id.
    for (const event of [...activity, ...dealEvents]) {
      expect(event.metadata).toMatchObject({ actor: expect.any(String), correlationId: expect.any(String), schemaVersion: expect.any(Number) });
    }
  });
});
