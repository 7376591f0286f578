import type request from 'supertest';
import { eventCatalog } from '#domain/catalog';
import { parsePosition, type NewEvent } from '#event-store';
import { dealCreatedData, newEvent } from '#test/support/events';
import { appendEvents, csvPages, pageThrough } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const day = (n: number, hour = 9) => `2026-01-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

// Events as their writers store them: the catalog's current schema version.
const ev = (type: string, data: object, occurredAt: string): NewEvent =>
  newEvent(type, data, { occurredAt, schemaVersion: eventCatalog.schemaVersionOf(type) });

type Row = Record<string, unknown>;
type Query = Record<string, string | number>;
const ids = (rows: readonly Row[], id: string) => rows.map((row) => row[id]);
const fieldsOf = (response: request.Response) => response.body.fields.map((f: { field: string }) => f.field);

// The projections a list row is read from: its own, and the owners list it joins for the owner's name.
const PROJECTIONS = ['deal-list', 'ticket-list', 'owner-list'];

describe('records: deals, tickets and owners lists over HTTP', () => {
  const t = useTestApp();
  let position: string;

  const append = (stream: string, ...events: NewEvent[]) => appendEvents(t, stream, events);
  const owner = (ownerId: string, name: string, team: string | null, role: string) =>
    append(`owner-${ownerId}`, ev('OwnerCreated', { ownerId, name, email: `${ownerId}@example.com`, team, role }, day(1, 1)));
  const define = (objectType: string, name: string, type: string, options: readonly string[] = []) =>
    append(
      `property-definitions-${objectType}`,
      ev('PropertyDefined', { objectType, name, label: name, type, options: options.map((value) => ({ value, label: value })), unique: false }, day(1, 1)),
    );
  const deal = (dealId: string, occurredAt: string, data: Parameters<typeof dealCreatedData>[1], ...later: NewEvent[]) =>
    append(`deal-${dealId}`, ev('DealCreated', dealCreatedData(dealId, { pipelineId: 'default', stageId: 'appointmentscheduled', ...data }), occurredAt), ...later);
  const ticket = (ticketId: string, occurredAt: string, data: object, ...later: NewEvent[]) =>
    append(
      `ticket-${ticketId}`,
      ev('TicketCreated', { ticketId, pipelineId: 'support', stageId: 'new', priority: 'high', ownerId: null, contactIds: [], companyIds: [], dealIds: [], properties: {}, ...data }, occurredAt),
      ...later,
    );

  beforeAll(async () => {
    await owner('00000000-0000-4000-8000-0000000000a1', 'Rita Rep', 'EMEA', 'sales');
    // Same name as 00000000-0000-4000-8000-0000000000a1 but for case: the name sort ties them, the owner id breaks the tie.
    await owner('00000000-0000-4000-8000-0000000000a0', 'rita rep', null, 'sales');
    await owner('00000000-0000-4000-8000-0000000000a2', 'sam seller', null, 'sales');
    await append(
      'owner-00000000-0000-4000-8000-0000000000a2',
      ev('OwnerUpdated', { ownerId: '00000000-0000-4000-8000-0000000000a2', changes: [{ field: 'name', previous: 'sam seller', value: 'Sam Seller' }, { field: 'team', previous: null, value: 'APAC' }] }, day(1, 2)),
    );
    await owner('00000000-0000-4000-8000-0000000000a3', 'Tess Service', 'EMEA', 'service');

    await define('deal', 'advertiser_id', 'string');
    await define('deal', 'seats', 'number');
    await define('deal', 'vip', 'boolean');
    await define('deal', 'segment', 'enum', ['smb', 'enterprise']);
    await define('ticket', 'queue', 'enum', ['hw', 'sw']);
    await define('ticket', 'sla_hours', 'number');
    await append(
      'pipeline-partners',
      ev('PipelineCreated', {
        pipelineId: 'partners', objectType: 'deal', name: 'Partners',
        stages: [
          { id: 'intro', label: 'Intro call', probability: 0.1, closed: null, stuckAfterDays: null },
          { id: 'signed', label: 'Signed', probability: 1, closed: 'won', stuckAfterDays: null },
          { id: 'dropped', label: 'Dropped', probability: 0, closed: 'lost', stuckAfterDays: null },
        ],
      }, day(1, 1)),
    );

    await deal('d1', day(1), { name: 'Acme renewal', amount: '1000.00', currency: 'EUR', closeDate: '2026-03-31', ownerId: '00000000-0000-4000-8000-0000000000a1', companyId: '00000000-0000-4000-8000-0000000000c1', properties: { advertiser_id: 'ADV-001', seats: 10 } });
    // Three deals created at the same instant: pages must split them without a gap or a repeat.
    await deal('d2', day(2), {
      name: 'Globex expansion', amount: '5000.00', currency: 'EUR', closeDate: '2026-02-15', ownerId: '00000000-0000-4000-8000-0000000000a2', properties: { advertiser_id: 'ADV-002', vip: true, segment: 'enterprise' },
    });
    await deal(
      'd3', day(2), { name: 'Initech pilot', amount: '5000.00', currency: 'USD', closeDate: '2026-04-30', ownerId: null },
      ev('DealStageChanged', { dealId: 'd3', pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'closedwon' }, day(5)),
      ev('DealWon', { dealId: 'd3', pipelineId: 'default', stageId: 'closedwon', amount: '5000.00', currency: 'USD', ownerId: null }, day(5)),
    );
    await deal('d4', day(2), { name: 'บริษัท ทดสอบ deal', pipelineId: 'partners', stageId: 'intro', amount: '250000.50', currency: 'THB', closeDate: '2026-01-31', ownerId: '00000000-0000-4000-8000-0000000000a1' });
    await deal(
      'd5', day(3), { name: 'Umbrella', amount: '1000.00', currency: 'EUR', closeDate: '2026-03-31', ownerId: '00000000-0000-4000-8000-0000000000a3' },
      ev('DealStageChanged', { dealId: 'd5', pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'closedlost' }, day(6)),
      ev('DealLost', { dealId: 'd5', pipelineId: 'default', stageId: 'closedlost', reason: 'budget' }, day(6)),
      ev('DealPropertiesChanged', { dealId: 'd5', changes: [{ property: 'segment', previous: null, value: 'smb' }] }, day(6)),
    );
    await deal(
      'd6', day(4), { name: '田中商事 案件', amount: '0', currency: 'JPY', closeDate: '2026-06-01', ownerId: '00000000-0000-4000-8000-0000000000a2' },
      ev('DealRenamed', { dealId: 'd6', previous: '田中商事 案件', name: '田中商事 大型案件' }, day(7)),
      ev('DealOwnerAssigned', { dealId: 'd6', previous: '00000000-0000-4000-8000-0000000000a2', ownerId: '00000000-0000-4000-8000-0000000000a1' }, day(7)),
      ev('DealAmountChanged', { dealId: 'd6', previous: { amount: '0', currency: 'JPY' }, amount: '3000000', currency: 'JPY' }, day(7)),
    );

    await ticket('t1', day(1), { subject: 'Printer on fire', ownerId: '00000000-0000-4000-8000-0000000000a3', properties: { queue: 'hw', sla_hours: 4 } });
    await ticket('t2', day(2), { subject: 'カスタマーサクセス 問い合わせ', priority: 'urgent', ownerId: '00000000-0000-4000-8000-0000000000a3' });
    await ticket(
      't3', day(2), { subject: 'Login broken', priority: 'low' },
      ev('TicketStageChanged', { ticketId: 't3', pipelineId: 'support', fromStageId: 'new', toStageId: 'closed' }, day(5)),
      ev('TicketClosed', { ticketId: 't3', pipelineId: 'support', stageId: 'closed', ownerId: null }, day(5)),
    );
    await ticket(
      't4', day(2), { subject: 'Invoice question', priority: 'medium', ownerId: '00000000-0000-4000-8000-0000000000a1' },
      ev('TicketPriorityChanged', { ticketId: 't4', previous: 'medium', priority: 'high' }, day(5)),
      ev('TicketPropertiesChanged', { ticketId: 't4', changes: [{ property: 'queue', previous: null, value: 'sw' }] }, day(5)),
    );
    position = await ticket(
      't5', day(3), { subject: 'Printer jam', ownerId: '00000000-0000-4000-8000-0000000000a3' },
      ev('TicketStageChanged', { ticketId: 't5', pipelineId: 'support', fromStageId: 'new', toStageId: 'closed' }, day(5)),
      ev('TicketClosed', { ticketId: 't5', pipelineId: 'support', stageId: 'closed', ownerId: '00000000-0000-4000-8000-0000000000a3' }, day(5)),
      ev('TicketStageChanged', { ticketId: 't5', pipelineId: 'support', fromStageId: 'closed', toStageId: 'waiting-on-us' }, day(6)),
      ev('TicketReopened', { ticketId: 't5', pipelineId: 'support', stageId: 'waiting-on-us' }, day(6)),
    );

    for (const name of PROJECTIONS) {
      if (!(await t.runtime.projections.waitFor(name, parsePosition(position), 15_000))) throw new Error(`${name} did not catch up`);
    }
  });

  const list = (path: string) => (query: Query = {}) => t.http().get(path).query({ minPosition: position, ...query });
  const deals = list('/v1/deals');
  const tickets = list('/v1/tickets');
  const owners = list('/v1/owners');
  const idsOf = (get: (query?: Query) => request.Test, id: string) => async (query: Query) => ids((await get(query).expect(200)).body.data, id);
  const dealIds = idsOf(deals, 'dealId');
  const ticketIds = idsOf(tickets, 'ticketId');
  const ownerIds = idsOf(owners, 'ownerId');

  // Every sort and direction: the pages of `limit` rows, put together, are the whole list once, in order.
  const pagesMatch = async (get: (query?: Query) => request.Test, id: string, sorts: readonly string[], total: number) => {
    for (const sort of sorts.flatMap((s) => [s, `-${s}`])) {
      const all = ids((await get({ sort, limit: 500 }).expect(200)).body.data, id);
      expect(new Set(all).size).toBe(total);
      for (const limit of [1, 2]) {
        const paged = ids(await pageThrough<Row>((cursor) => get({ sort, limit, ...(cursor ? { cursor } : {}) })), id);
        expect({ sort, limit, paged }).toEqual({ sort, limit, paged: all });
      }
    }
  };

  describe('deals', () => {
    it('answers deals newest first, ties by id, with pipeline name, stage label, owner name and the position it reflects', async () => {
      const { body } = await deals().expect(200);
      expect(BigInt(body.position)).toBeGreaterThanOrEqual(parsePosition(position).commit);
      expect(ids(body.data, 'dealId')).toEqual(['d6', 'd5', 'd4', 'd3', 'd2', 'd1']);
      expect(body.nextCursor).toBeNull();
      expect(body.data[5]).toEqual({
        dealId: 'd1', name: 'Acme renewal', pipelineId: 'default', pipelineName: 'Sales Pipeline', stageId: 'appointmentscheduled',
        stageLabel: 'Appointment Scheduled', amount: '1000.00', currency: 'EUR', revenueType: 'one-off', billingPeriod: null, contractTermMonths: 12, mrr: null,
        arr: null, renewsDealId: null, closeDate: '2026-03-31', closedAt: null, ownerId: '00000000-0000-4000-8000-0000000000a1', ownerName: 'Rita Rep',
        outcome: 'open', companyId: '00000000-0000-4000-8000-0000000000c1', createdAt: day(1), properties: { advertiser_id: 'ADV-001', seats: 10 },
        // The deal stream's revision, for If-Match: d1 holds only its DealCreated.
        revision: 0,
      });
      expect(body.data[0]).toMatchObject({ name: '田中商事 大型案件', ownerId: '00000000-0000-4000-8000-0000000000a1', ownerName: 'Rita Rep', amount: '3000000' });
      expect(body.data[2]).toMatchObject({ pipelineId: 'partners', pipelineName: 'Partners', stageId: 'intro', stageLabel: 'Intro call', amount: '250000.50' });
      expect(body.data[3]).toMatchObject({ stageId: 'closedwon', stageLabel: 'Closed Won', outcome: 'won', closeDate: '2026-04-30', closedAt: day(5), ownerId: null, ownerName: null });
      expect(body.data[1]).toMatchObject({ outcome: 'lost', closedAt: day(6) });
    });

    it('sorts by creation, close date, amount and name (byte order of the case-folded name), ties by id', async () => {
      expect(await dealIds({ sort: 'createdAt' })).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
      expect(await dealIds({ sort: 'closeDate' })).toEqual(['d4', 'd2', 'd1', 'd5', 'd3', 'd6']);
      expect(await dealIds({ sort: '-closeDate' })).toEqual(['d6', 'd3', 'd5', 'd1', 'd2', 'd4']);
      expect(await dealIds({ sort: 'amount' })).toEqual(['d1', 'd5', 'd2', 'd3', 'd4', 'd6']);
      expect(await dealIds({ sort: 'name' })).toEqual(['d1', 'd2', 'd3', 'd5', 'd4', 'd6']);
    });

    it('pages through equal sort keys without a gap or a repeat, in every sort and direction', async () => {
      await pagesMatch(deals, 'dealId', ['createdAt', 'closeDate', 'amount', 'name'], 6);
    });

    it('finds by a case-insensitive substring of the name or a property value (Thai and Japanese too)', async () => {
      expect(await dealIds({ q: 'ACME' })).toEqual(['d1']);
      expect(await dealIds({ q: 'adv-00' })).toEqual(['d2', 'd1']);
      expect(await dealIds({ q: '田中' })).toEqual(['d6']);
      expect(await dealIds({ q: 'บริษัท' })).toEqual(['d4']);
      expect(await dealIds({ q: '%' })).toEqual([]);
    });

    it('filters by pipeline, stage, owner and outcome', async () => {
      expect(await dealIds({ pipelineId: 'partners' })).toEqual(['d4']);
      expect(await dealIds({ stageId: 'closedwon' })).toEqual(['d3']);
      expect(await dealIds({ ownerId: '00000000-0000-4000-8000-0000000000a1' })).toEqual(['d6', 'd4', 'd1']);
      expect(await dealIds({ outcome: 'won' })).toEqual(['d3']);
      expect(await dealIds({ outcome: 'lost' })).toEqual(['d5']);
      expect(await dealIds({ outcome: 'open', sort: 'name' })).toEqual(['d1', 'd2', 'd4', 'd6']);
    });

    it('filters amounts within one currency, and close dates by day, bounds included', async () => {
      expect(await dealIds({ currency: 'EUR' })).toEqual(['d5', 'd2', 'd1']);
      expect(await dealIds({ currency: 'EUR', amountMin: 2000 })).toEqual(['d2']);
      expect(await dealIds({ currency: 'EUR', amountMax: 1000 })).toEqual(['d5', 'd1']);
      expect(await dealIds({ currency: 'USD', amountMin: 5000, amountMax: 5000 })).toEqual(['d3']);
      expect(await dealIds({ currency: 'THB', amountMin: 250000.5 })).toEqual(['d4']);
      // Bounds are decimal strings, compared as decimals: 250000.50 is 250000.5, and one more cent is above it.
      expect(await dealIds({ currency: 'THB', amountMin: '250000.50', amountMax: '250000.500' })).toEqual(['d4']);
      expect(await dealIds({ currency: 'THB', amountMin: '250000.51' })).toEqual([]);
      expect(await dealIds({ currency: 'JPY', amountMin: '3000000', amountMax: '3000000' })).toEqual(['d6']);
      expect(await dealIds({ closeFrom: '2026-03-01', closeTo: '2026-04-30' })).toEqual(['d5', 'd3', 'd1']);
      expect(await dealIds({ closeTo: '2026-01-31' })).toEqual(['d4']);
    });

    it('filters by defined custom properties, typed by their definitions, and combines filters', async () => {
      expect(await dealIds({ 'property.advertiser_id': 'ADV-002' })).toEqual(['d2']);
      expect(await dealIds({ 'property.seats': '10' })).toEqual(['d1']);
      expect(await dealIds({ 'property.vip': 'true' })).toEqual(['d2']);
      expect(await dealIds({ 'property.segment': 'smb' })).toEqual(['d5']);
      expect(await dealIds({ 'property.segment': 'smb', outcome: 'open' })).toEqual([]);
      expect(await dealIds({ ownerId: '00000000-0000-4000-8000-0000000000a1', currency: 'EUR', q: 'renewal', 'property.seats': '10', sort: 'amount' })).toEqual(['d1']);
    });

    it('refuses an amount bound without its currency, an unknown parameter, an undefined property and bad values, naming each', async () => {
      const amountWithout = await deals({ amountMin: 100 }).expect(400);
      expect(fieldsOf(amountWithout)).toEqual(['amountMin']);
      expect(amountWithout.body.message).toMatch(/currency/);
      expect(fieldsOf(await deals({ amountMax: 100 }).expect(400))).toEqual(['amountMax']);
      expect(fieldsOf(await deals({ currency: 'EUR', amountMin: 10, amountMax: 5 }).expect(400))).toEqual(['amountMax']);
      expect(fieldsOf(await deals({ currency: 'EUR', amountMin: -1 }).expect(400))).toEqual(['amountMin']);
      await deals({ currency: 'EUR', amountMin: '9', amountMax: '10.5' }).expect(200);
      expect(fieldsOf(await deals({ currency: 'EUR', amountMin: '10.5', amountMax: '9' }).expect(400))).toEqual(['amountMax']);
      for (const amountMin of ['1.2345', '1e3', 'abc', '1000000000000'])
        expect(fieldsOf(await deals({ currency: 'EUR', amountMin }).expect(400))).toEqual(['amountMin']);
      expect(fieldsOf(await deals({ currency: 'eur' }).expect(400))).toEqual(['currency']);
      expect(fieldsOf(await deals({ shoeSize: 42 }).expect(400))).toEqual(['shoeSize']);
      expect(fieldsOf(await deals({ 'property.shoe_size': 42 }).expect(400))).toEqual(['property.shoe_size']);
      expect(fieldsOf(await deals({ 'property.seats': 'many' }).expect(400))).toEqual(['property.seats']);
      expect(fieldsOf(await deals({ 'property.segment': 'mid' }).expect(400))).toEqual(['property.segment']);
      expect(fieldsOf(await deals({ outcome: 'pending' }).expect(400))).toEqual(['outcome']);
      expect(fieldsOf(await deals({ sort: 'ownerId' }).expect(400))).toEqual(['sort']);
      expect(fieldsOf(await deals({ closeFrom: '2026-02-30' }).expect(400))).toEqual(['closeFrom']);
      expect(fieldsOf(await deals({ closeFrom: '2026-03-01', closeTo: '2026-02-01' }).expect(400))).toEqual(['closeTo']);
      expect(fieldsOf(await deals({ limit: 501 }).expect(400))).toEqual(['limit']);
      expect(fieldsOf(await deals({ limit: 0 }).expect(400))).toEqual(['limit']);
      await deals({ cursor: 'not-a-cursor' }).expect(400);
      // A cursor of one sort is no position in another.
      const { body } = await deals({ sort: 'amount', limit: 1 }).expect(200);
      await deals({ sort: 'closeDate', limit: 1, cursor: body.nextCursor }).expect(400);
    });

    it('answers CSV pages with a property.<name> column per custom property', async () => {
      const pages = await csvPages(t, `/v1/deals?minPosition=${position}&limit=4&sort=createdAt`);
      expect(pages).toHaveLength(2);
      const header = pages[0].header.split(',');
      expect(header.slice(0, 6)).toEqual(['dealId', 'name', 'pipelineId', 'pipelineName', 'stageId', 'stageLabel']);
      expect(header).toEqual(expect.arrayContaining(['ownerName', 'outcome', 'property.advertiser_id', 'property.seats']));
      expect(header.some((column) => column.startsWith('properties'))).toBe(false);
      const first = pages[0].lines[0].split(',');
      expect(first[header.indexOf('dealId')]).toBe('d1');
      expect(first[header.indexOf('property.advertiser_id')]).toBe('ADV-001');
      expect(first[header.indexOf('ownerName')]).toBe('Rita Rep');
      expect(first[header.indexOf('amount')]).toBe('1000.00');
      expect(header).toEqual(expect.arrayContaining(['revenueType', 'billingPeriod', 'contractTermMonths', 'mrr', 'arr', 'closeDate', 'closedAt']));
      const lines = pages.flatMap((page) => page.lines).map((line) => line.split(','));
      expect(lines.map((line) => line[header.indexOf('amount')])).toEqual(['1000.00', '5000.00', '5000.00', '250000.50', '1000.00', '3000000']);
      expect(pages.flatMap((page) => page.lines).map((line) => line.split(',')[0])).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    });
  });

  describe('tickets', () => {
    it('answers tickets newest first, ties by id, with pipeline name, stage label, owner name and status', async () => {
      const { body } = await tickets().expect(200);
      expect(BigInt(body.position)).toBeGreaterThanOrEqual(parsePosition(position).commit);
      expect(ids(body.data, 'ticketId')).toEqual(['t5', 't4', 't3', 't2', 't1']);
      expect(body.data[4]).toEqual({
        ticketId: 't1', subject: 'Printer on fire', pipelineId: 'support', pipelineName: 'Support Pipeline', stageId: 'new', stageLabel: 'New',
        priority: 'high', status: 'open', ownerId: '00000000-0000-4000-8000-0000000000a3', ownerName: 'Tess Service', createdAt: day(1), properties: { queue: 'hw', sla_hours: 4 },
      });
      expect(body.data[0]).toMatchObject({ stageId: 'waiting-on-us', stageLabel: 'Waiting on us', status: 'open' });
      expect(body.data[2]).toMatchObject({ stageLabel: 'Closed', status: 'closed', ownerName: null });
    });

    it('sorts by priority (low to urgent), subject and creation, ties by id', async () => {
      expect(await ticketIds({ sort: 'priority' })).toEqual(['t3', 't1', 't4', 't5', 't2']);
      expect(await ticketIds({ sort: '-priority' })).toEqual(['t2', 't5', 't4', 't1', 't3']);
      expect(await ticketIds({ sort: 'subject' })).toEqual(['t4', 't3', 't5', 't1', 't2']);
      expect(await ticketIds({ sort: 'createdAt' })).toEqual(['t1', 't2', 't3', 't4', 't5']);
    });

    it('pages through equal sort keys without a gap or a repeat, in every sort and direction', async () => {
      await pagesMatch(tickets, 'ticketId', ['createdAt', 'priority', 'subject'], 5);
    });

    it('filters by pipeline, stage, owner, priority, status, q and defined properties', async () => {
      expect(await ticketIds({ pipelineId: 'support' })).toEqual(['t5', 't4', 't3', 't2', 't1']);
      expect(await ticketIds({ pipelineId: 'default' })).toEqual([]);
      expect(await ticketIds({ stageId: 'waiting-on-us' })).toEqual(['t5']);
      expect(await ticketIds({ ownerId: '00000000-0000-4000-8000-0000000000a3' })).toEqual(['t5', 't2', 't1']);
      expect(await ticketIds({ priority: 'high' })).toEqual(['t5', 't4', 't1']);
      expect(await ticketIds({ status: 'closed' })).toEqual(['t3']);
      expect(await ticketIds({ status: 'open', priority: 'urgent' })).toEqual(['t2']);
      expect(await ticketIds({ q: 'サクセス' })).toEqual(['t2']);
      expect(await ticketIds({ q: 'PRINTER' })).toEqual(['t5', 't1']);
      expect(await ticketIds({ 'property.queue': 'sw' })).toEqual(['t4']);
      expect(await ticketIds({ 'property.sla_hours': '4', ownerId: '00000000-0000-4000-8000-0000000000a3' })).toEqual(['t1']);
    });

    it('refuses an unknown parameter, an undefined property and bad values, naming each', async () => {
      expect(fieldsOf(await tickets({ outcome: 'won' }).expect(400))).toEqual(['outcome']);
      expect(fieldsOf(await tickets({ 'property.advertiser_id': 'x' }).expect(400))).toEqual(['property.advertiser_id']);
      expect(fieldsOf(await tickets({ 'property.sla_hours': 'soon' }).expect(400))).toEqual(['property.sla_hours']);
      expect(fieldsOf(await tickets({ priority: 'critical' }).expect(400))).toEqual(['priority']);
      expect(fieldsOf(await tickets({ status: 'pending' }).expect(400))).toEqual(['status']);
      expect(fieldsOf(await tickets({ sort: 'amount' }).expect(400))).toEqual(['sort']);
      const { body } = await tickets({ sort: 'priority', limit: 1 }).expect(200);
      await tickets({ sort: '-priority', limit: 1, cursor: body.nextCursor }).expect(400);
    });

    it('answers CSV with a property.<name> column', async () => {
      const [page] = await csvPages(t, `/v1/tickets?minPosition=${position}&sort=subject`);
      const header = page.header.split(',');
      expect(header).toEqual(expect.arrayContaining(['ticketId', 'stageLabel', 'ownerName', 'property.queue', 'property.sla_hours']));
      expect(page.lines.map((line) => line.split(',')[header.indexOf('ticketId')])).toEqual(['t4', 't3', 't5', 't1', 't2']);
      expect(page.lines[0].split(',')[header.indexOf('property.queue')]).toBe('sw');
    });
  });

  describe('owners', () => {
    it('answers owners by name, case-insensitively, ties by id, with team and role', async () => {
      const { body } = await owners().expect(200);
      expect(BigInt(body.position)).toBeGreaterThanOrEqual(parsePosition(position).commit);
      expect(ids(body.data, 'ownerId')).toEqual(['00000000-0000-4000-8000-0000000000a0', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a3']);
      expect(body.data[2]).toEqual({ ownerId: '00000000-0000-4000-8000-0000000000a2', name: 'Sam Seller', email: '00000000-0000-4000-8000-0000000000a2@example.com', team: 'APAC', role: 'sales', createdAt: day(1, 1) });
      expect(await ownerIds({ sort: '-name' })).toEqual(['00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a0']);
    });

    it('filters by team, role and q, and pages without a gap or a repeat', async () => {
      expect(await ownerIds({ team: 'EMEA' })).toEqual(['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a3']);
      expect(await ownerIds({ role: 'service' })).toEqual(['00000000-0000-4000-8000-0000000000a3']);
      expect(await ownerIds({ q: 'SELLER' })).toEqual(['00000000-0000-4000-8000-0000000000a2']);
      expect(await ownerIds({ q: 'apac' })).toEqual(['00000000-0000-4000-8000-0000000000a2']);
      expect(await ownerIds({ q: 'rita' })).toEqual(['00000000-0000-4000-8000-0000000000a0', '00000000-0000-4000-8000-0000000000a1']);
      await pagesMatch(owners, 'ownerId', ['name'], 4);
    });

    it('refuses an unknown parameter and bad values, naming each', async () => {
      expect(fieldsOf(await owners({ 'property.x': 'y' }).expect(400))).toEqual(['property.x']);
      expect(fieldsOf(await owners({ role: 'boss' }).expect(400))).toEqual(['role']);
      expect(fieldsOf(await owners({ sort: 'createdAt' }).expect(400))).toEqual(['sort']);
    });

    it('answers CSV', async () => {
      const [page] = await csvPages(t, `/v1/owners?minPosition=${position}`);
      expect(page.header).toBe('ownerId,name,email,team,role,createdAt');
      expect(page.lines[2]).toBe(`00000000-0000-4000-8000-0000000000a2,Sam Seller,00000000-0000-4000-8000-0000000000a2@example.com,APAC,sales,${day(1, 1)}`);
    });
  });

  describe('reads after writes and who may read', () => {
    it('waits for minPosition: a deal renamed just now shows under its new name', async () => {
      const written = await append('deal-d2', ev('DealRenamed', { dealId: 'd2', previous: 'Globex expansion', name: 'Globex global rollout' }, day(8)));
      const { body } = await t.http().get('/v1/deals').query({ minPosition: written, q: 'rollout' }).expect(200);
      expect(ids(body.data, 'dealId')).toEqual(['d2']);
      expect(BigInt(body.position)).toBeGreaterThanOrEqual(parsePosition(written).commit);
      await t.http().get('/v1/deals').query({ minPosition: 'soon' }).expect(400);
    });

    it("keeps each list in its record's area: who reads a deal reads the deals list", async () => {
      await (await t.as('sales')).get('/v1/deals').expect(200);
      await (await t.as('service')).get('/v1/deals').expect(200);
      await (await t.as('service')).get('/v1/tickets').expect(200);
      await (await t.as('marketing')).get('/v1/owners').expect(200);
      await (await t.as('marketing')).get('/v1/deals').expect(403);
      await (await t.as('reporting')).get('/v1/tickets').expect(403);
      await (await t.as('reporting')).get('/v1/owners').expect(403);
    });
  });
});
