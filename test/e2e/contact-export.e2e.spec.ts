import { randomUUID } from 'node:crypto';
import { ROLES } from '#auth';
import { eventCatalog } from '#domain/catalog';
import { contactCreatedData, dealCreatedData, engagementLoggedData, newEvent } from '#test/support/events';
import { appendEvents } from '#test/support/read-model-requests';
import { eventually } from '#test/support/test-database';
import { useTestApp } from '#test/support/test-app';

type Exported = { id: string; type: string; streamName: string; data: Record<string, unknown> };
type ExportDocument = {
  format: string;
  formatVersion: number;
  contactId: string;
  exportedAt: string;
  exportedBy: string;
  erased: boolean;
  contact: { status: string };
  events: Exported[];
  readModels: {
    leadScore: { score: unknown };
    timeline: { eventType: string }[];
    recordTimeline: unknown[];
    engagements: { engagementId: string }[];
    associations: { id: string }[];
  };
};

describe('GET /v1/contacts/:id/export', () => {
  const t = useTestApp();

  const exportOf = (contactId: string) => t.http().get(`/v1/contacts/${contactId}/export`).set('Accept', 'application/json');

  /** A person with a profile, browsing, a form, a deal, a logged call and a ticket; and a deal of someone else. */
  const person = async () => {
    const contactId = randomUUID();
    const email = `ada.${contactId.slice(0, 8)}@lovelace.example`;
    await appendEvents(t, `contact-${contactId}`, [
      newEvent('ContactCreated', contactCreatedData(contactId, { email, firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0958' }), {
        schemaVersion: eventCatalog.schemaVersionOf('ContactCreated'),
      }),
    ]);
    await appendEvents(t, `activity-${contactId}`, [
      newEvent('PageViewed', { contactId, url: 'https://tally.example/pricing', title: 'Pricing', referrer: null }),
      newEvent('FormSubmitted', { contactId, formId: 'demo', fields: { message: 'Call me about the engine' } }),
    ]);
    const dealId = randomUUID();
    await appendEvents(t, `deal-${dealId}`, [newEvent('DealCreated', dealCreatedData(dealId, { contactIds: [contactId] }), { schemaVersion: eventCatalog.schemaVersionOf('DealCreated') })]);
    const engagementId = randomUUID();
    await appendEvents(t, `engagement-${engagementId}`, [
      newEvent('EngagementLogged', engagementLoggedData(engagementId, { body: 'Talked analytical engines', contactIds: [contactId] }), {
        schemaVersion: eventCatalog.schemaVersionOf('EngagementLogged'),
      }),
    ]);
    const ticketId = randomUUID();
    await appendEvents(t, `ticket-${ticketId}`, [
      newEvent('TicketCreated', {
        ticketId,
        subject: 'Punched cards jam',
        pipelineId: 'support',
        stageId: 'new',
        priority: 'medium',
        ownerId: null,
        contactIds: [contactId],
        companyIds: [],
        dealIds: [],
        properties: {},
      }, { schemaVersion: eventCatalog.schemaVersionOf('TicketCreated') }),
    ]);
    const otherDeal = randomUUID();
    await appendEvents(t, `deal-${otherDeal}`, [newEvent('DealCreated', dealCreatedData(otherDeal, { contactIds: [randomUUID()] }), { schemaVersion: eventCatalog.schemaVersionOf('DealCreated') })]);
    return { contactId, email, dealId, engagementId, ticketId, otherDeal };
  };

  it('answers one attachment holding the events that name the contact and its read-model rows', async () => {
    const p = await person();
    // The read models follow the log: wait until every one the document shows has seen the walk.
    const document = await eventually(async () => {
      const answer = await exportOf(p.contactId).expect(200);
      const body = answer.body as ExportDocument;
      const caughtUp =
        body.readModels.timeline.length >= 4 &&
        body.readModels.associations.length >= 2 &&
        body.readModels.engagements.length >= 1 &&
        body.readModels.recordTimeline.length > 0;
      if (!caughtUp) throw new Error('read models not caught up');
      return answer;
    });
    expect(document.headers['content-type']).toMatch(/^application\/json/);
    expect(document.headers['content-disposition']).toBe(`attachment; filename="tally-contact-${p.contactId}.json"`);
    const body = document.body as ExportDocument;
    expect(body).toMatchObject({ format: 'tally.contact-export', formatVersion: 1, contactId: p.contactId, erased: false, contact: { status: 'active' } });
    expect(Date.parse(body.exportedAt)).not.toBeNaN();
    expect(body.exportedBy).toEqual(expect.any(String));
    // The contact's own streams first, then the others'. The default workflows act on the contact meanwhile (a
    // lifecycle change in its stream, their runs): those come too, whenever they happen to be done.
    const named = body.events.map((e) => `${e.streamName.split('-')[0]} ${e.type}`);
    expect(named.filter((e) => !e.startsWith('contact ') && !e.startsWith('workflowrun '))).toEqual([
      'activity PageViewed',
      'activity FormSubmitted',
      'deal DealCreated',
      'engagement EngagementLogged',
      'ticket TicketCreated',
    ]);
    expect(named[0]).toBe('contact ContactCreated');
    expect(body.events.some((e) => e.streamName === `deal-${p.otherDeal}`)).toBe(false);
    expect(body.events[0].data).toMatchObject({ email: p.email, firstName: 'Ada', phone: '+44 20 7946 0958' });
    expect(body.readModels.associations.map((a) => a.id)).toEqual(expect.arrayContaining([p.dealId, p.ticketId]));
    expect(body.readModels.recordTimeline.length).toBeGreaterThan(0);
    expect(body.readModels.engagements.map((e) => e.engagementId)).toEqual([p.engagementId]);
    expect(body.readModels.timeline.map((e) => e.eventType)).toEqual(expect.arrayContaining(['PageViewed', 'FormSubmitted']));
    expect(body.readModels.leadScore).toHaveProperty('score');
  });

  it('brings the streams of a duplicate merged into the contact, and keeps the duplicate exportable as a pointer', async () => {
    const create = async (email: string, firstName: string): Promise<string> =>
      (await t.http().post('/v1/contacts').send({ email, firstName, source: 'api' }).expect(201)).body.id;
    const tag = randomUUID().slice(0, 8);
    const primary = await create(`charles.${tag}@babbage.example`, 'Charles');
    const duplicate = await create(`c.babbage.${tag}@babbage.example`, 'Chas');
    await appendEvents(t, `activity-${duplicate}`, [newEvent('PageViewed', { contactId: duplicate, url: 'https://tally.example/engine', title: null, referrer: null })]);
    await t.http().post(`/v1/contacts/${primary}/merge`).send({ duplicateId: duplicate }).expect(200);

    // Other records' events are read from the log up to what every reader can see: on a server, an append still open
    // elsewhere (a workflow's) holds the claims back a moment.
    const body = await eventually(async () => {
      const exported = (await exportOf(primary).expect(200)).body as ExportDocument;
      if (!exported.events.some((e) => e.type === 'UniqueValueClaimed')) throw new Error('the claims are not readable yet');
      return exported;
    });
    const streams = new Set(body.events.map((e) => e.streamName));
    for (const stream of [`contact-${primary}`, `contact-${duplicate}`, `activity-${duplicate}`]) expect(streams.has(stream)).toBe(true);
    expect(body.events.filter((e) => e.type === 'UniqueValueClaimed').map((e) => e.data.value)).toEqual(
      expect.arrayContaining([`charles.${tag}@babbage.example`]),
    );
    const pointer = (await exportOf(duplicate).expect(200)).body as ExportDocument;
    expect(pointer.contact).toEqual({ status: 'merged', contactId: duplicate, email: `c.babbage.${tag}@babbage.example`, mergedInto: primary });
  });

  it('is 404 for a contact Tally never held, 400 for what is not an id', async () => {
    await exportOf(randomUUID()).expect(404);
    await exportOf('not-an-id').expect(400);
    await exportOf('a'.repeat(5_000)).expect(400);
    await exportOf(`${randomUUID()}%00`).expect(400);
  });

  it('is refused to every role but the super admin', async () => {
    const { contactId } = await person();
    for (const role of ROLES.filter((r) => r !== 'super-admin')) {
      await (await t.as(role)).get(`/v1/contacts/${contactId}/export`).expect(403);
    }
    await (await t.as('super-admin')).get(`/v1/contacts/${contactId}/export`).expect(200);
  });

  it('answers an erased contact with its redacted document, without a personal string left', async () => {
    const p = await person();
    // A default workflow may change the contact meanwhile: a 409 is then asked again, as any client would.
    await eventually(async () => {
      await t.http().post(`/v1/contacts/${p.contactId}/erasure`).send({ reason: 'Art. 17 request', legalBasis: 'consent-withdrawn' }).expect(200);
    });
    const personal = [p.email, 'Ada', 'Lovelace', '7946', 'Call me about the engine', 'Talked analytical engines'];
    // The log reads redacted at once; the read models purge as their projections reach the erasure.
    const answer = await eventually(async () => {
      const exported = await exportOf(p.contactId).expect(200);
      const body = exported.body as ExportDocument;
      // Where each value is left, by event type or read model, so a failure says whose part it is.
      const places: Record<string, unknown> = { contact: body.contact, ...body.readModels };
      for (const event of body.events) places[`event ${event.type}`] = [places[`event ${event.type}`], event.data];
      const left = Object.entries(places).flatMap(([place, held]) =>
        personal.filter((value) => JSON.stringify(held ?? null).includes(value)).map((value) => `${value} in ${place}`),
      );
      if (left.length > 0 || personal.some((value) => exported.text.includes(value))) throw new Error(`still in the export: ${left.join('; ')}`);
      // Redacted, not left out: the other records' events that named the person are still there.
      const types = new Set(body.events.map((e) => e.type));
      if (!['DealCreated', 'EngagementLogged', 'TicketCreated', 'FormSubmitted'].every((type) => types.has(type))) throw new Error('events missing');
      return exported;
    });
    expect(answer.body).toMatchObject({ erased: true, contact: { status: 'erased' }, erasure: { type: 'ContactErased' } });
  });
});
