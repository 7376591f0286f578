import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { funnelProjection } from '#projections/funnel';
import { contactCreatedData, dealCreatedData, newEvent } from '#test/support/events';
import { appendEvents } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const URL = '/v1/read-models/funnel';
const DAY = 86_400_000;
// Day n of March 2025 at 10:00 UTC (past 31: into April).
const day = (n: number) => new Date(Date.UTC(2025, 2, n, 10)).toISOString();
const RANGE = { from: '2025-03-01', to: '2025-03-31' };

type Stage = { stage: string; reached: number; conversionToNext: number | null; timedToNext: number; medianMsToNext: number | null; p90MsToNext: number | null };
type Group = { group: string; contacts: number; stages: Stage[] };

/** Per stage: [reached, conversionToNext, timedToNext, medianMsToNext, p90MsToNext]. */
const figures = (group: Group) => group.stages.map((s) => [s.stage, s.reached, s.conversionToNext, s.timedToNext, s.medianMsToNext, s.p90MsToNext]);

describe('the revenue funnel over HTTP', () => {
  // Only the read model under test: no workflow or lead score moves these contacts behind the spec's back.
  const t = useTestApp({ projections: [funnelProjection] });
  let position = '';
  const ids = new Map<string, string>();
  const id = (name: string): string => ids.get(name) ?? (ids.set(name, `${name}-${randomUUID()}`), ids.get(name) as string);
  const eventIds = new Map<string, string>();

  // Events as the deciders write them (current schema versions), at the business time given; `key` remembers the id.
  const append = async (stream: string, type: string, data: object, occurredAt: string, key?: string) => {
    const event = newEvent(type, data, { occurredAt, schemaVersion: eventCatalog.schemaVersionOf(type) });
    if (key) eventIds.set(key, event.id);
    position = await appendEvents(t, stream, [event]);
  };
  const contact = async (name: string, source: 'form' | 'import', createdDay: number, path: [stage: string, day: number][]) => {
    const contactId = id(name);
    const lifecycleStage = source === 'form' ? 'subscriber' : 'lead';
    await append(`contact-${contactId}`, 'ContactCreated', contactCreatedData(contactId, { source, lifecycleStage }), day(createdDay), `${name}:created`);
    let previous: string = lifecycleStage;
    for (const [stage, on] of path) {
      await append(`contact-${contactId}`, 'ContactLifecycleStageChanged', { contactId, previous, stage }, day(on), `${name}:${stage}`);
      previous = stage;
    }
  };
  const activity = (name: string, type: string, data: object, on: number, key?: string) =>
    append(`activity-${id(name)}`, type, { contactId: id(name), ...data }, day(on), key);
  const deal = (name: string, createdDay: number, contacts: string[]) =>
    append(`deal-${id(name)}`, 'DealCreated', dealCreatedData(id(name), { contactIds: contacts.map(id) }), day(createdDay), `${name}:created`);
  const won = (name: string, on: number, amount: string, currency: string) =>
    append(`deal-${id(name)}`, 'DealWon', { dealId: id(name), pipelineId: 'sales', stageId: 'won', amount, currency, ownerId: null }, day(on), `${name}:won`);

  beforeAll(async () => {
    // form contacts come in as subscribers; a1 goes all the way, a2 becomes a lead, a3 stays.
    await contact('a1', 'form', 1, [['lead', 3], ['marketing-qualified', 7], ['sales-qualified', 8], ['opportunity', 10], ['customer', 20]]);
    await contact('a2', 'form', 2, [['lead', 8]]);
    await contact('a3', 'form', 3, []);
    // import contacts come in as leads; b2 jumps from lead straight to customer.
    await contact('b1', 'import', 1, [['marketing-qualified', 2], ['sales-qualified', 5], ['opportunity', 6], ['customer', 16]]);
    await contact('b2', 'import', 2, [['customer', 12]]);
    // Created after the range: never counted.
    await contact('late', 'form', 40, [['lead', 41]]);
    await activity('a1', 'PageViewed', { url: 'https://acme.example/pricing?utm_source=google', title: null, referrer: null }, 9, 'a1:google');
    // Browsing within the site is no touch.
    await activity('a1', 'PageViewed', { url: 'https://acme.example/demo', title: null, referrer: 'https://acme.example/pricing' }, 10);
    await activity('b1', 'PageViewed', { url: 'https://acme.example/', title: null, referrer: 'https://www.linkedin.com/feed' }, 4, 'b1:linkedin');
    await activity('b2', 'MarketingEmailClicked', { emailId: 'spring', url: 'https://acme.example/?utm_source=newsletter' }, 9, 'b2:newsletter');
    await activity('b2', 'MarketingEmailClicked', { emailId: 'summer', url: 'https://acme.example/?utm_source=late' }, 12);
    await deal('d1', 10, ['a1']);
    await won('d1', 20, '1200.50', 'EUR');
    await deal('d2', 6, ['b1']);
    await won('d2', 16, '150000', 'JPY');
    // d3 gets its contact after it was created: b2's touches up to d3's creation count.
    await deal('d3', 11, []);
    await append(`deal-${id('d3')}`, 'DealContactAssociated', { dealId: id('d3'), contactId: id('b2') }, day(13));
    await won('d3', 12, '300.00', 'EUR');
    await deal('d4', 15, ['a2']);
    await append(`deal-${id('d4')}`, 'DealLost', { dealId: id('d4'), pipelineId: 'sales', stageId: 'lost', reason: 'budget' }, day(18));
  });

  const get = (path: string, query: Record<string, string>) => t.http().get(`${URL}${path}`).query({ minPosition: position, ...RANGE, ...query });

  it('counts, converts and times each stage per original source, and attributes won amounts to first and last touches', async () => {
    const { body } = await get('', { groupBy: 'source', asOf: '2025-06-01T00:00:00.000Z' }).expect(200);
    expect(body).toMatchObject({ range: RANGE, asOf: '2025-06-01T00:00:00.000Z', groupBy: 'source' });
    expect(body.data.map((g: Group) => [g.group, g.contacts])).toEqual([['form', 3], ['import', 2]]);
    const [form, imported] = body.data as Group[];
    expect(figures(form)).toEqual([
      // a1 2 days, a2 6 days from subscriber to lead: median 4, p90 2 + 0.9 × 4 = 5.6 days.
      ['subscriber', 3, 0.6667, 2, 4 * DAY, Math.round(5.6 * DAY)],
      ['lead', 2, 0.5, 1, 4 * DAY, 4 * DAY],
      ['marketing-qualified', 1, 1, 1, 1 * DAY, 1 * DAY],
      ['sales-qualified', 1, 1, 1, 2 * DAY, 2 * DAY],
      ['opportunity', 1, 1, 1, 10 * DAY, 10 * DAY],
      ['customer', 1, null, 0, null, null],
    ]);
    // b2's jump from lead to customer counts it at every stage between, and times none of them.
    expect(figures(imported)).toEqual([
      ['subscriber', 2, 1, 0, null, null],
      ['lead', 2, 1, 1, 1 * DAY, 1 * DAY],
      ['marketing-qualified', 2, 1, 1, 3 * DAY, 3 * DAY],
      ['sales-qualified', 2, 1, 1, 1 * DAY, 1 * DAY],
      ['opportunity', 2, 1, 1, 10 * DAY, 10 * DAY],
      ['customer', 2, null, 0, null, null],
    ]);
    expect(body.attribution).toEqual([
      { model: 'first-touch', source: 'form', deals: 2, wonDeals: 1, won: [{ currency: 'EUR', amount: '1200.50' }] },
      { model: 'first-touch', source: 'import', deals: 2, wonDeals: 2, won: [{ currency: 'EUR', amount: '300.00' }, { currency: 'JPY', amount: '150000' }] },
      { model: 'last-touch', source: 'form', deals: 1, wonDeals: 0, won: [] },
      { model: 'last-touch', source: 'google', deals: 1, wonDeals: 1, won: [{ currency: 'EUR', amount: '1200.50' }] },
      { model: 'last-touch', source: 'linkedin.com', deals: 1, wonDeals: 1, won: [{ currency: 'JPY', amount: '150000' }] },
      { model: 'last-touch', source: 'newsletter', deals: 1, wonDeals: 1, won: [{ currency: 'EUR', amount: '300.00' }] },
    ]);
    const attribution = await get('/attribution', { asOf: '2025-06-01T00:00:00.000Z' }).expect(200);
    expect(attribution.body.data).toEqual(body.attribution);

    const cohorts = await get('', { groupBy: 'cohort', asOf: '2025-06-01T00:00:00.000Z' }).expect(200);
    expect(cohorts.body.data.map((g: Group) => [g.group, g.contacts, g.stages.map((s) => s.reached)])).toEqual([['2025-03', 5, [5, 4, 3, 3, 3, 3]]]);
  });

  it('answers as of a date: transitions, deals and wins after it are left out', async () => {
    const { body } = await get('', { asOf: '2025-03-09T12:00:00.000Z' }).expect(200);
    expect(body.groupBy).toBe('source');
    const [form, imported] = body.data as Group[];
    expect(form.stages.map((s) => [s.reached, s.conversionToNext])).toEqual([[3, 0.6667], [2, 0.5], [1, 1], [1, 0], [0, null], [0, null]]);
    expect(imported.stages.map((s) => [s.reached, s.conversionToNext])).toEqual([[2, 1], [2, 0.5], [1, 1], [1, 1], [1, 0], [0, null]]);
    // Only d2 existed, not won yet.
    expect(body.attribution).toEqual([
      { model: 'first-touch', source: 'import', deals: 1, wonDeals: 0, won: [] },
      { model: 'last-touch', source: 'linkedin.com', deals: 1, wonDeals: 0, won: [] },
    ]);
  });

  it('drills down to the contacts and deals and the events behind a figure', async () => {
    const asOf = '2025-06-01T00:00:00.000Z';
    const mql = await get('/contacts', { asOf, stage: 'marketing-qualified', group: 'import' }).expect(200);
    expect(mql.body.data.map((c: { contactId: string; reachedEventId: string; enteredAt: string | null; msToNext: number | null; nextEventId: string | null }) => [c.contactId, c.reachedEventId, c.enteredAt, c.msToNext, c.nextEventId])).toEqual([
      [id('b1'), eventIds.get('b1:marketing-qualified'), day(2), 3 * DAY, eventIds.get('b1:sales-qualified')],
      // Skipped: reached by the jump to customer.
      [id('b2'), eventIds.get('b2:customer'), null, null, null],
    ]);
    const newsletter = await get('/deals', { asOf, model: 'last-touch', source: 'newsletter' }).expect(200);
    expect(newsletter.body.data).toEqual([
      {
        dealId: id('d3'), model: 'last-touch', source: 'newsletter', createdAt: day(11), createdEventId: eventIds.get('d3:created'),
        touchContactId: id('b2'), touchEventId: eventIds.get('b2:newsletter'), touchedAt: day(9),
        outcome: 'won', amount: '300.00', currency: 'EUR', outcomeEventId: eventIds.get('d3:won'),
      },
    ]);
    const first = await get('/deals', { asOf }).expect(200);
    expect(first.body.data.map((d: { dealId: string; source: string; outcome: string }) => [d.dealId, d.source, d.outcome])).toEqual([
      [id('d2'), 'import', 'won'],
      [id('d1'), 'form', 'won'],
      [id('d3'), 'import', 'won'],
      [id('d4'), 'form', 'lost'],
    ]);
  });

  it('reads a merged duplicate as its primary from the merge on: one contact, its touches and deals the primary\'s', async () => {
    const may = (n: number) => new Date(Date.UTC(2024, 4, n, 10)).toISOString();
    const [p, dup, m1] = [id('primary'), id('duplicate'), id('m1')];
    await append(`contact-${p}`, 'ContactCreated', contactCreatedData(p, { source: 'form', lifecycleStage: 'subscriber' }), may(1));
    await append(`contact-${dup}`, 'ContactCreated', contactCreatedData(dup, { source: 'import', lifecycleStage: 'lead' }), may(2));
    await append(`activity-${dup}`, 'PageViewed', { contactId: dup, url: 'https://acme.example/?utm_source=bing', title: null, referrer: null }, may(3));
    await append(`deal-${m1}`, 'DealCreated', dealCreatedData(m1, { contactIds: [dup], currency: 'USD', amount: '50.00' }), may(4));
    await append(`contact-${dup}`, 'ContactMerged', { contactId: dup, mergedInto: p, email: `${dup}@example.com` }, may(5));
    await append(`contact-${p}`, 'ContactAbsorbed', { contactId: p, mergedContactId: dup, mergedEmail: `${dup}@example.com` }, may(5));
    await append(`deal-${m1}`, 'DealWon', { dealId: m1, pipelineId: 'sales', stageId: 'won', amount: '50.00', currency: 'USD', ownerId: null }, may(6));
    const range = { from: '2024-05-01', to: '2024-05-31' };

    const before = await get('', { ...range, asOf: may(4) }).expect(200);
    expect(before.body.data.map((g: Group) => [g.group, g.contacts])).toEqual([['form', 1], ['import', 1]]);
    expect(before.body.attribution.map((r: { model: string; source: string; wonDeals: number }) => [r.model, r.source, r.wonDeals])).toEqual([
      ['first-touch', 'import', 0],
      ['last-touch', 'bing', 0],
    ]);

    const after = await get('', { ...range, asOf: may(31) }).expect(200);
    // The duplicate's lead entry is the primary's now: one contact, a day from subscriber to lead.
    expect(after.body.data.map((g: Group) => [g.group, g.contacts, g.stages[0].reached, g.stages[1].reached, g.stages[0].medianMsToNext])).toEqual([['form', 1, 1, 1, DAY]]);
    expect(after.body.attribution).toEqual([
      { model: 'first-touch', source: 'form', deals: 1, wonDeals: 1, won: [{ currency: 'USD', amount: '50.00' }] },
      { model: 'last-touch', source: 'bing', deals: 1, wonDeals: 1, won: [{ currency: 'USD', amount: '50.00' }] },
    ]);
  });

  it('answers CSV, with one column per stage figure', async () => {
    const csv = await get('', { asOf: '2025-06-01T00:00:00.000Z' }).set('Accept', 'text/csv').expect(200);
    const [header, form] = csv.text.split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['group', 'contacts', 'stages.subscriber.reached', 'stages.subscriber.conversionToNext']);
    expect(form.split(',').slice(0, 4)).toEqual(['form', '3', '3', '0.6667']);
  });

  it('refuses an unknown groupBy, bad dates and a range that ends before it starts, naming the field', async () => {
    for (const [query, field] of [
      [{ groupBy: 'owner' }, 'groupBy'],
      [{ from: '2025-02-30' }, 'from'],
      [{ to: '20250301' }, 'to'],
      [{ asOf: 'tomorrow' }, 'asOf'],
      [{ stage: 'evangelist' }, 'stage'],
    ] as const) {
      const path = field === 'stage' ? '/contacts' : '';
      const { body } = await t.http().get(`${URL}${path}`).query(query).expect(400);
      expect(body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    const reversed = await t.http().get(URL).query({ from: '2025-03-31', to: '2025-03-01' }).expect(400);
    expect(reversed.body.error).toBe('INVALID_DATE_RANGE');
    await t.http().get(`${URL}/deals`).query({ model: 'linear' }).expect(400);
  });
});
