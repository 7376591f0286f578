import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import type { NewEvent } from '#event-store';
import { contactCreated as contactCreatedEvent } from '#projection-specs';
import { newEvent } from '#test/support/events';
import { appendEvents, pageThrough as allPages, storable } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const T0 = Date.parse('2026-04-01T08:00:00.000Z');
const hour = (n: number): string => new Date(T0 + n * 3_600_000).toISOString();

type Entry = { eventId: string; eventType: string; occurredAt: string; position: string; summary: string; mergedFrom: string | null };

describe('contact timeline read model over HTTP', () => {
  const t = useTestApp();

  const append = (stream: string, events: NewEvent[]): Promise<string> => appendEvents(t, stream, events);

  const contactCreated = (contactId: string, at: string) =>
    storable(contactCreatedEvent(contactId, at, { firstName: 'Walk', lifecycleStage: 'subscriber' }));

  const timeline = (contactId: string, query: Record<string, string | number>) => t.http().get(`/v1/contacts/${contactId}/timeline`).query(query);

  const pageThrough = (contactId: string, query: Record<string, string | number>): Promise<Entry[]> =>
    allPages((cursor) => timeline(contactId, { ...query, ...(cursor ? { cursor } : {}) }));

  /**
   * A contact's walk: sign-up, browsing, a demo form, a deal that moves and is won, a ticket, a logged call. The deal's
   * events are as stored before amounts were strings (version 1, JSON numbers): the timeline reads them upcast.
   */
  const walk = async () => {
    const contactId = randomUUID();
    const dealId = randomUUID();
    const ticketId = randomUUID();
    const engagementId = randomUUID();
    await append(`contact-${contactId}`, [contactCreated(contactId, hour(0))]);
    await append(`activity-${contactId}`, [
      newEvent('PageViewed', { contactId, url: '/pricing', title: 'Pricing', referrer: null }, { occurredAt: hour(1) }),
      newEvent('FormSubmitted', { contactId, formId: 'demo', fields: { company: 'Acme' } }, { occurredAt: hour(2) }),
    ]);
    await append(`contact-${contactId}`, [
      newEvent('ContactPropertiesChanged', { contactId, changes: [{ property: 'jobTitle', previous: null, value: 'CTO' }] }, { occurredAt: hour(3) }),
      newEvent('ContactLifecycleStageChanged', { contactId, previous: 'subscriber', stage: 'opportunity' }, { occurredAt: hour(4) }),
    ]);
    const deal = {
      dealId,
      name: 'Acme pilot',
      pipelineId: 'sales',
      stageId: 'qualified',
      amount: 4800,
      currency: 'EUR',
      contractTermMonths: 12,
      closeDate: '2026-05-31',
      ownerId: null,
      contactIds: [contactId],
      companyId: null,
    };
    await append(`deal-${dealId}`, [
      newEvent('DealCreated', deal, { occurredAt: hour(5) }),
      newEvent('DealStageChanged', { dealId, pipelineId: 'sales', fromStageId: 'qualified', toStageId: 'proposal' }, { occurredAt: hour(6) }),
      newEvent('DealAmountChanged', { dealId, previous: { amount: 4800, currency: 'EUR' }, amount: 5000, currency: 'EUR' }, { occurredAt: hour(6) }),
    ]);
    const ticket = { ticketId, subject: 'SSO setup', pipelineId: 'support', stageId: 'new', priority: 'medium', ownerId: null, contactId, dealId: null };
    await append(`ticket-${ticketId}`, [newEvent('TicketCreated', ticket, { occurredAt: hour(7) })]);
    const call = {
      engagementId,
      kind: 'call',
      ownerId: 'rep-1',
      subject: 'Kick-off',
      body: null,
      durationMinutes: 30,
      outcome: 'connected',
      dueAt: null,
      contactIds: [contactId],
      companyIds: [],
      dealIds: [dealId],
      ticketIds: [],
    };
    await append(`engagement-${engagementId}`, [newEvent('EngagementLogged', call, { occurredAt: hour(8) })]);
    // Appended last but happened at the same hour as the ticket: the log position breaks the tie.
    await append(`ticket-${ticketId}`, [newEvent('TicketClosed', { ticketId, pipelineId: 'support', stageId: 'closed', ownerId: null }, { occurredAt: hour(8) })]);
    const position = await append(`deal-${dealId}`, [
      newEvent('DealWon', { dealId, pipelineId: 'sales', stageId: 'won', amount: 5000, currency: 'EUR', ownerId: null }, { occurredAt: hour(9) }),
    ]);
    return { contactId, dealId, ticketId, position };
  };

  it("shows a walk's events newest first, paged, with summaries", async () => {
    const { contactId, dealId, ticketId, position } = await walk();
    const { body } = await timeline(contactId, { minPosition: position, limit: 4 }).expect(200);
    expect(body.position).toEqual(expect.any(String));
    expect(body.data.map((entry: Entry) => entry.eventType)).toEqual(['DealWon', 'TicketClosed', 'EngagementLogged', 'TicketCreated']);
    expect(body.data[0]).toMatchObject({ occurredAt: hour(9), position, summary: `Deal ${dealId} won (5000.00 EUR)`, mergedFrom: null });
    expect(body.data[0].data).toMatchObject({ amount: '5000.00', currency: 'EUR' });
    expect(body.data[1].summary).toBe(`Ticket ${ticketId} closed`);
    expect(body.nextCursor).toEqual(expect.any(String));

    const all = await pageThrough(contactId, { limit: 4 });
    expect(all.map((entry) => entry.eventType)).toEqual([
      'DealWon',
      'TicketClosed',
      'EngagementLogged',
      'TicketCreated',
      'DealStageChanged',
      'DealCreated',
      'ContactLifecycleStageChanged',
      'ContactPropertiesChanged',
      'FormSubmitted',
      'PageViewed',
      'ContactCreated',
    ]);
    expect(all.find((entry) => entry.eventType === 'ContactPropertiesChanged')?.summary).toBe('Changed jobTitle from (empty) to "CTO"');
    expect(all.slice(0, 4)).toEqual(body.data);
  });

  it("shows a deal's amounts exactly as decimal strings in their currency's digits", async () => {
    const contactId = randomUUID();
    const dealId = randomUUID();
    await append(`contact-${contactId}`, [contactCreated(contactId, hour(0))]);
    const deal = {
      dealId, name: 'Tokyo pilot', pipelineId: 'sales', stageId: 'qualified', amount: '150000', currency: 'JPY', revenueType: 'one-off',
      billingPeriod: null, renewsDealId: null, contractTermMonths: 12, closeDate: '2026-05-31', ownerId: null, contactIds: [contactId],
      companyId: null, companyIds: [], properties: {},
    };
    const version = (type: string) => ({ schemaVersion: eventCatalog.schemaVersionOf(type) });
    const position = await append(`deal-${dealId}`, [
      newEvent('DealCreated', deal, { occurredAt: hour(1), ...version('DealCreated') }),
      newEvent('DealStageChanged', { dealId, pipelineId: 'sales', fromStageId: 'qualified', toStageId: 'won' }, { occurredAt: hour(2) }),
      newEvent('DealWon', { dealId, pipelineId: 'sales', stageId: 'won', amount: '150000', currency: 'JPY', ownerId: null }, { occurredAt: hour(2), ...version('DealWon') }),
    ]);
    const entries = await pageThrough(contactId, { minPosition: position, types: 'DealCreated,DealWon', limit: 10 });
    expect(entries.map((entry) => entry.summary)).toEqual([`Deal ${dealId} won (150000 JPY)`, 'Deal "Tokyo pilot" created in stage qualified (150000 JPY)']);
  });

  it('filters by event types, keeping the order and the paging', async () => {
    const { contactId, position } = await walk();
    const deals = await pageThrough(contactId, { minPosition: position, types: 'DealCreated,DealStageChanged,DealWon', limit: 2 });
    expect(deals.map((entry) => entry.eventType)).toEqual(['DealWon', 'DealStageChanged', 'DealCreated']);
    const { body } = await timeline(contactId, { types: 'TaskCompleted' }).expect(200);
    expect(body.data).toEqual([]);
  });

  it("gives the primary the duplicate's history on a merge, marked with where it came from", async () => {
    const primary = randomUUID();
    const duplicate = randomUUID();
    await append(`contact-${primary}`, [contactCreated(primary, hour(0))]);
    await append(`contact-${duplicate}`, [contactCreated(duplicate, hour(1))]);
    await append(`activity-${duplicate}`, [newEvent('PageViewed', { contactId: duplicate, url: '/docs', title: null, referrer: null }, { occurredAt: hour(2) })]);
    await append(`contact-${duplicate}`, [newEvent('ContactMerged', { contactId: duplicate, mergedInto: primary, email: 'd@example.com' }, { occurredAt: hour(3) })]);
    const position = await append(`contact-${primary}`, [
      newEvent('ContactAbsorbed', { contactId: primary, mergedContactId: duplicate, mergedEmail: 'd@example.com' }, { occurredAt: hour(3) }),
    ]);
    const entries = await pageThrough(primary, { minPosition: position, limit: 10 });
    expect(entries.map((entry) => [entry.eventType, entry.mergedFrom])).toEqual([
      ['ContactAbsorbed', null],
      ['ContactMerged', duplicate],
      ['PageViewed', duplicate],
      ['ContactCreated', duplicate],
      ['ContactCreated', null],
    ]);
  });

  it('answers CSV for Accept: text/csv', async () => {
    const { contactId, position } = await walk();
    const response = await timeline(contactId, { minPosition: position, limit: 2 }).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = response.text.trim().split('\r\n');
    // Issue 14: the event's data in a column per field (data.<field>), where the data field stood.
    expect(header).toMatch(/^eventId,eventType,occurredAt,position,summary,(data\.\w+,)+mergedFrom$/);
    expect(header.split(',')).toEqual(expect.arrayContaining(['data.dealId', 'data.amount', 'data.ticketId']));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(',DealWon,');
  });

  it('answers 404 for a contact without a timeline and 400 for bad parameters', async () => {
    await timeline(randomUUID(), {}).expect(404);
    await t.http().get('/v1/contacts/not-a-uuid/timeline').expect(400);
    const { contactId } = await walk();
    const bad: Record<string, string | number>[] = [
      { limit: 0 },
      { limit: 501 },
      { types: 'DealWon,Nonsense' },
      { cursor: 'bogus' },
      { minPosition: 'soon' },
    ];
    for (const query of bad) {
      await timeline(contactId, query).expect(400);
    }
  });
});
