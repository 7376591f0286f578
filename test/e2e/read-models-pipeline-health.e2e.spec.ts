import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import type { NewEvent } from '#event-store';
import { dealCreated } from '#projection-specs';
import { pipelineHealthAsOf } from '#projections/deal-history';
import { pipelineHealth } from '#projections/pipeline-health';
import { newEvent } from '#test/support/events';
import { appendEvents, BAD_INSTANTS, storable } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const AS_OF = '2026-03-01T00:00:00.000Z';
const DAY = 86_400_000;
const daysBefore = (days: number): string => new Date(Date.parse(AS_OF) - days * DAY).toISOString();

// An event as its writers store it now (amounts as decimal strings); a number amount only in a legacy event below.
const current = (type: string, data: object, occurredAt?: string): NewEvent =>
  newEvent(type, data, { schemaVersion: eventCatalog.schemaVersionOf(type), ...(occurredAt === undefined ? {} : { occurredAt }) });

const stage = (id: string, probability: number, closed: 'won' | 'lost' | null = null, stuckAfterDays: number | null = null) => ({
  id,
  label: id.toUpperCase(),
  probability,
  closed,
  stuckAfterDays,
});

describe('pipeline health read model over HTTP', () => {
  const t = useTestApp();

  const append = (stream: string, events: NewEvent[]): Promise<string> => appendEvents(t, stream, events);

  const createPipeline = (objectType: 'deal' | 'ticket' = 'deal') => {
    const pipelineId = `p-${randomUUID().slice(0, 8)}`;
    const stages =
      objectType === 'deal'
        ? [stage('lead', 0.2, null, 7), stage('demo', 0.5, null, 14), stage('won', 1, 'won'), stage('lost', 0, 'lost')]
        : [stage('new', 0), stage('closed', 1, 'won')];
    return {
      pipelineId,
      position: append(`pipeline-${pipelineId}`, [
        newEvent('PipelineCreated', { pipelineId, objectType, name: `Pipeline ${pipelineId}`, stages }, { occurredAt: daysBefore(100) }),
      ]),
    };
  };

  type DealInput = { stageId?: string; amount?: string; currency?: string; closeDate?: string; ownerId?: string | null; name?: string };

  /** A deal created `daysAgo` before AS_OF, then the given follow-up events (built with its id). */
  const createDeal = async (
    pipelineId: string,
    daysAgo: number,
    input: DealInput = {},
    then: (dealId: string) => NewEvent[] = () => [],
  ): Promise<{ dealId: string; position: string }> => {
    const dealId = randomUUID();
    const data = { ...input, pipelineId, stageId: input.stageId ?? 'lead', ownerId: input.ownerId === undefined ? 'owner-1' : input.ownerId };
    const created = storable(dealCreated(dealId, daysBefore(daysAgo), data), { schemaVersion: eventCatalog.schemaVersionOf('DealCreated') });
    const position = await append(`deal-${dealId}`, [created, ...then(dealId)]);
    return { dealId, position };
  };

  const moved = (pipelineId: string, dealId: string, from: string, to: string, daysAgo: number) =>
    current('DealStageChanged', { dealId, pipelineId, fromStageId: from, toStageId: to }, daysBefore(daysAgo));
  const won = (pipelineId: string, dealId: string, stageId: string, amount: string, currency: string, daysAgo: number) =>
    current('DealWon', { dealId, pipelineId, stageId, amount, currency, ownerId: 'owner-1' }, daysBefore(daysAgo));
  const lost = (pipelineId: string, dealId: string, daysAgo: number) =>
    current('DealLost', { dealId, pipelineId, stageId: 'lost', reason: 'budget' }, daysBefore(daysAgo));

  const health = (query: Record<string, string>) => t.http().get('/v1/read-models/pipeline-health').query(query);

  /** A pipeline with open, stuck, won, lost and reopened deals in two currencies. */
  const seed = async () => {
    const { pipelineId, position } = createPipeline();
    await position;
    const stuckLead = await createDeal(pipelineId, 28, { amount: '1000.00', currency: 'EUR', ownerId: 'owner-a' });
    const freshLead = await createDeal(pipelineId, 4, { amount: '500.00', currency: 'USD', closeDate: '2026-04-15' });
    const stuckDemo = await createDeal(pipelineId, 60, { amount: '2000.00', currency: 'EUR' }, (id) => [moved(pipelineId, id, 'lead', 'demo', 19)]);
    // Expected to close in February, won on 20 January: it counts in January.
    await createDeal(pipelineId, 50, { amount: '3000.00', currency: 'EUR', closeDate: '2026-02-28' }, (id) => [
      moved(pipelineId, id, 'lead', 'won', 40),
      won(pipelineId, id, 'won', '3000.00', 'EUR', 40),
    ]);
    await createDeal(pipelineId, 50, { amount: '700.00', currency: 'EUR' }, (id) => [moved(pipelineId, id, 'lead', 'lost', 30), lost(pipelineId, id, 30)]);
    // Won, then reopened: open again, in demo for 2 days, no longer a win.
    const reopened = await createDeal(pipelineId, 50, { amount: '400.00', currency: 'USD', closeDate: '2026-04-15' }, (id) => [
      moved(pipelineId, id, 'lead', 'won', 10),
      won(pipelineId, id, 'won', '400.00', 'USD', 10),
      current('DealReopened', { dealId: id, pipelineId, fromStageId: 'won', toStageId: 'demo' }, daysBefore(2)),
    ]);
    return { pipelineId, stuckLead, freshLead, stuckDemo, reopened, position: reopened.position };
  };

  it('answers per stage the open deals, amounts per currency and weighted, average age and stuck deals; win rate and forecast', async () => {
    const { pipelineId, position } = await seed();
    const response = await health({ pipelineId, asOf: AS_OF, minPosition: position }).expect(200);
    expect(BigInt(response.body.position)).toBeGreaterThanOrEqual(BigInt(position));
    const data = response.body.data;
    expect(data).toMatchObject({ pipelineId, asOf: AS_OF, won: 1, lost: 1, winRate: 0.5 });
    expect(data.stages.map((s: { stageId: string }) => s.stageId)).toEqual(['lead', 'demo', 'won', 'lost']);
    const [lead, demo, wonStage] = data.stages;
    expect(lead).toEqual({
      stageId: 'lead',
      label: 'LEAD',
      probability: 0.2,
      closed: null,
      archived: false,
      stuckAfterDays: 7,
      openDeals: 2,
      amounts: [
        { currency: 'EUR', total: '1000.00', weighted: '200.00' },
        { currency: 'USD', total: '500.00', weighted: '100.00' },
      ],
      averageAgeDays: 16,
      stuckDeals: 1,
    });
    expect(demo).toMatchObject({
      openDeals: 2,
      amounts: [
        { currency: 'EUR', total: '2000.00', weighted: '1000.00' },
        { currency: 'USD', total: '400.00', weighted: '200.00' },
      ],
      averageAgeDays: 10.5,
      stuckDeals: 1,
    });
    expect(wonStage).toMatchObject({ openDeals: 0, amounts: [], averageAgeDays: null, stuckDeals: 0 });
    // Open deals weighted by probability in the month they are expected, the won deal in full in the month it was
    // won (not the February it was expected), the lost one not at all; currencies apart.
    expect(data.forecast).toEqual([
      { month: '2026-01', currency: 'EUR', weighted: '3000.00', total: '3000.00' },
      { month: '2026-03', currency: 'EUR', weighted: '1200.00', total: '3000.00' },
      { month: '2026-04', currency: 'USD', weighted: '300.00', total: '900.00' },
    ]);
  });

  it('sums amounts exactly per currency in its own digits, weights them rounding half to even, and never adds currencies', async () => {
    const { pipelineId, position: created } = createPipeline();
    await created;
    await createDeal(pipelineId, 5, { amount: '0.10', currency: 'USD' });
    await createDeal(pipelineId, 5, { amount: '0.20', currency: 'USD' });
    // The third as stored before amounts were strings (DealCreated v1, a JSON number): the upcast reads "0.29".
    const legacyId = randomUUID();
    await append(`deal-${legacyId}`, [
      newEvent(
        'DealCreated',
        { dealId: legacyId, name: 'Legacy', pipelineId, stageId: 'lead', amount: 0.29, currency: 'USD', contractTermMonths: 12, closeDate: '2026-03-31', ownerId: null, contactIds: [], companyId: null },
        { occurredAt: daysBefore(5), schemaVersion: 1 },
      ),
    ]);
    // Demo weighs 0.5: 0.25 USD -> 0.125 -> "0.12", 150001 JPY -> 75000.5 -> "75000", 1.255 BHD -> 0.6275 -> "0.628".
    await createDeal(pipelineId, 5, { stageId: 'demo', amount: '0.25', currency: 'USD' });
    await createDeal(pipelineId, 5, { stageId: 'demo', amount: '150001', currency: 'JPY' });
    const { position } = await createDeal(pipelineId, 5, { stageId: 'demo', amount: '1.255', currency: 'BHD' });
    const { body } = await health({ pipelineId, asOf: AS_OF, minPosition: position }).expect(200);
    const [lead, demo] = body.data.stages;
    // 0.10 + 0.20 + 0.29 is 0.59, not 0.5900000000000001; weighted 0.118 -> "0.12".
    expect(lead.amounts).toEqual([{ currency: 'USD', total: '0.59', weighted: '0.12' }]);
    expect(demo.amounts).toEqual([
      { currency: 'BHD', total: '1.255', weighted: '0.628' },
      { currency: 'JPY', total: '150001', weighted: '75000' },
      { currency: 'USD', total: '0.25', weighted: '0.12' },
    ]);
    // The month's weighted figure is the exact sum rounded once: 0.118 + 0.125 = 0.243 -> "0.24".
    expect(body.data.forecast).toEqual([
      { month: '2026-03', currency: 'BHD', weighted: '0.628', total: '1.255' },
      { month: '2026-03', currency: 'JPY', weighted: '75000', total: '150001' },
      { month: '2026-03', currency: 'USD', weighted: '0.24', total: '0.84' },
    ]);
    const csv = await health({ pipelineId, asOf: AS_OF }).set('Accept', 'text/csv').expect(200);
    const [header, row] = csv.text.trim().split('\r\n');
    const cell = (column: string) => row.split(',')[header.split(',').indexOf(column)];
    expect([cell('stages.lead.amounts.USD.total'), cell('stages.demo.amounts.JPY.weighted'), cell('forecast.2026-03.BHD.total')]).toEqual(['0.59', '75000', '1.255']);
  });

  it('counts a legacy win (numbers, before amounts were strings) in the month it was won, as decimal strings', async () => {
    const { pipelineId, position: created } = createPipeline();
    await created;
    const dealId = randomUUID();
    const position = await append(`deal-${dealId}`, [
      newEvent(
        'DealCreated',
        { dealId, name: 'Old win', pipelineId, stageId: 'lead', amount: 1200.5, currency: 'EUR', contractTermMonths: 12, closeDate: '2026-06-30', ownerId: null, contactIds: [], companyId: null, companyIds: [], properties: {} },
        { occurredAt: daysBefore(60), schemaVersion: 2 },
      ),
      newEvent('DealAmountChanged', { dealId, previous: { amount: 1200.5, currency: 'EUR' }, amount: 1300.1, currency: 'EUR' }, { occurredAt: daysBefore(50), schemaVersion: 1 }),
      newEvent('DealStageChanged', { dealId, pipelineId, fromStageId: 'lead', toStageId: 'won' }, { occurredAt: daysBefore(45) }),
      newEvent('DealWon', { dealId, pipelineId, stageId: 'won', amount: 1300.1, currency: 'EUR', ownerId: null }, { occurredAt: daysBefore(45), schemaVersion: 1 }),
    ]);
    const { body } = await health({ pipelineId, asOf: AS_OF, minPosition: position }).expect(200);
    expect(body.data.forecast).toEqual([{ month: '2026-01', currency: 'EUR', weighted: '1300.10', total: '1300.10' }]);
  });

  it('answers a past asOf as the pipeline stood then: each deal in the stage it was in, aged then, later deals absent', async () => {
    const { pipelineId, position } = await seed();
    const { body } = await health({ pipelineId, asOf: daysBefore(20), minPosition: position }).expect(200);
    const [lead, demo] = body.data.stages;
    // 20 days earlier: the stuck lead 8 days in lead, the later demo 40, the later reopened deal 30 (not won until
    // day 10); the fresh lead not created yet. One deal won (day 40), one lost (day 30).
    expect(lead).toMatchObject({ openDeals: 3, averageAgeDays: 26, stuckDeals: 3 });
    expect(demo).toMatchObject({ openDeals: 0, stuckDeals: 0 });
    expect(body.data).toMatchObject({ won: 1, lost: 1 });
  });

  it('answers from the deal history what the live read model answers once every event has happened', async () => {
    const { pipelineId, position } = await seed();
    // The live read model is read for stuck deals, the deal history for a past asOf: wait for both.
    await t.http().get('/v1/read-models/pipeline-health/stuck-deals').query({ pipelineId, minPosition: position }).expect(200);
    await health({ pipelineId, asOf: AS_OF, minPosition: position }).expect(200);
    const live = await pipelineHealth(t.db.pool, { pipelineId, asOf: AS_OF });
    const history = await pipelineHealthAsOf(t.db.pool, { pipelineId, asOf: AS_OF });
    expect(history.pipelines).toEqual(live.pipelines);
    expect(live.pipelines[0].stages.map((stage) => stage.openDeals)).toEqual([2, 2, 0, 0]);
  });

  it('moves an amount between currency buckets when its currency changes, and re-weights on a probability change', async () => {
    const { pipelineId, freshLead } = await seed();
    await append(`deal-${freshLead.dealId}`, [
      current('DealAmountChanged', { dealId: freshLead.dealId, previous: { amount: '500.00', currency: 'USD' }, amount: '600.00', currency: 'EUR' }),
    ]);
    const position = await append(`pipeline-${pipelineId}`, [
      newEvent('PipelineStageProbabilityChanged', { pipelineId, stageId: 'lead', previous: 0.2, probability: 0.25 }),
    ]);
    const { body } = await health({ pipelineId, asOf: AS_OF, minPosition: position }).expect(200);
    expect(body.data.stages[0]).toMatchObject({ probability: 0.25, openDeals: 2, amounts: [{ currency: 'EUR', total: '1600.00', weighted: '400.00' }] });
    expect(body.data.forecast).toEqual(
      expect.arrayContaining([
        { month: '2026-04', currency: 'EUR', weighted: '150.00', total: '600.00' },
        { month: '2026-04', currency: 'USD', weighted: '200.00', total: '400.00' },
      ]),
    );
  });

  it('keeps deals in an archived stage counted there, the stage listed after the active ones', async () => {
    const { pipelineId, position: created } = createPipeline();
    await created;
    await append(`pipeline-${pipelineId}`, [
      newEvent('PipelineStageAdded', { pipelineId, stage: stage('trial', 0.6, null, 3), position: 1 }, { occurredAt: daysBefore(90) }),
    ]);
    await createDeal(pipelineId, 10, { stageId: 'trial', amount: '100.00', currency: 'EUR' });
    const position = await append(`pipeline-${pipelineId}`, [
      newEvent('PipelineStageArchived', { pipelineId, stageId: 'trial' }, { occurredAt: daysBefore(5) }),
      newEvent('PipelineStageRenamed', { pipelineId, stageId: 'lead', previous: 'LEAD', label: 'Lead' }, { occurredAt: daysBefore(5) }),
    ]);
    const { body } = await health({ pipelineId, asOf: AS_OF, minPosition: position }).expect(200);
    expect(body.data.stages.map((s: { stageId: string; label: string; archived: boolean }) => [s.stageId, s.label, s.archived])).toEqual([
      ['lead', 'Lead', false],
      ['demo', 'DEMO', false],
      ['won', 'WON', false],
      ['lost', 'LOST', false],
      ['trial', 'TRIAL', true],
    ]);
    expect(body.data.stages[4]).toMatchObject({ openDeals: 1, amounts: [{ currency: 'EUR', total: '100.00', weighted: '60.00' }], stuckDeals: 1 });
  });

  it('filters by currency, and lists every deal pipeline (not ticket pipelines) without pipelineId', async () => {
    const { pipelineId, position } = await seed();
    const ticket = createPipeline('ticket');
    const last = await ticket.position;
    const usd = await health({ pipelineId, asOf: AS_OF, currency: 'USD', minPosition: position }).expect(200);
    expect(usd.body.data.stages.map((s: { openDeals: number }) => s.openDeals)).toEqual([1, 1, 0, 0]);
    expect(usd.body.data.stages.flatMap((s: { amounts: { currency: string }[] }) => s.amounts.map((a) => a.currency))).toEqual(['USD', 'USD']);
    expect(usd.body.data).toMatchObject({ won: 0, lost: 0, winRate: null, forecast: [{ month: '2026-04', currency: 'USD', weighted: '300.00', total: '900.00' }] });

    const all = await health({ asOf: AS_OF, minPosition: last }).expect(200);
    const ids = all.body.data.map((entry: { pipelineId: string }) => entry.pipelineId);
    expect(ids).toContain(pipelineId);
    expect(ids).not.toContain(ticket.pipelineId);
    expect(all.body.data.find((entry: { pipelineId: string }) => entry.pipelineId === pipelineId)).toMatchObject({ won: 1, lost: 1 });
  });

  it('lists stuck deals longest in stage first, paged by cursor, with owner changes applied', async () => {
    const { pipelineId, stuckLead, stuckDemo } = await seed();
    // Stuck for 3 more days in lead, created after the others.
    const third = await createDeal(pipelineId, 10, { amount: '50.00', currency: 'GBP', ownerId: null });
    const position = await append(`deal-${stuckLead.dealId}`, [
      newEvent('DealOwnerAssigned', { dealId: stuckLead.dealId, previous: 'owner-a', ownerId: 'owner-b' }),
      newEvent('DealRenamed', { dealId: stuckLead.dealId, previous: 'x', name: 'Renamed deal' }),
    ]);
    const url = '/v1/read-models/pipeline-health/stuck-deals';
    const first = await t.http().get(url).query({ pipelineId, asOf: AS_OF, limit: 2, minPosition: position }).expect(200);
    expect(first.body.data).toEqual([
      {
        dealId: stuckLead.dealId,
        name: 'Renamed deal',
        pipelineId,
        stageId: 'lead',
        ownerId: 'owner-b',
        enteredStageAt: daysBefore(28),
        daysInStage: 28,
        stuckAfterDays: 7,
        amount: '1000.00',
        currency: 'EUR',
      },
      expect.objectContaining({ dealId: stuckDemo.dealId, stageId: 'demo', daysInStage: 19, stuckAfterDays: 14 }),
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http().get(url).query({ pipelineId, asOf: AS_OF, limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.data).toEqual([expect.objectContaining({ dealId: third.dealId, ownerId: null, daysInStage: 10, amount: '50.00', currency: 'GBP' })]);
    expect(second.body.nextCursor).toBeNull();

    const csv = await t.http().get(url).query({ pipelineId, asOf: AS_OF }).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['x-tally-position']).toMatch(/^\d+$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('dealId,name,pipelineId,stageId,ownerId,enteredStageAt,daysInStage,stuckAfterDays,amount,currency');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`${stuckLead.dealId},Renamed deal,${pipelineId},lead,owner-b`);
  });

  it('answers CSV for the health of a pipeline', async () => {
    const { pipelineId, position } = await seed();
    const csv = await health({ pipelineId, asOf: AS_OF, minPosition: position }).set('Accept', 'text/csv').expect(200);
    const [header, row] = csv.text.trim().split('\r\n');
    // Issue 14: nested values in columns of their own, a stage by its id, an amount by its currency, a forecast by month and currency.
    const columns = header.split(',');
    expect(columns.filter((column) => !column.includes('.'))).toEqual(['pipelineId', 'name', 'asOf', 'winRate', 'won', 'lost']);
    expect(columns.slice(0, 4)).toEqual(['pipelineId', 'name', 'asOf', 'stages.lead.label']);
    expect(columns).toEqual(expect.arrayContaining(['stages.lead.amounts.EUR.total', 'stages.demo.amounts.USD.weighted', 'stages.won.openDeals', 'forecast.2026-04.USD.total']));
    expect(row.startsWith(`${pipelineId},Pipeline ${pipelineId},${AS_OF},`)).toBe(true);
  });

  it('answers 404 for an unknown pipeline and 400 for bad parameters or a forged cursor', async () => {
    await health({ pipelineId: 'no-such-pipeline' }).expect(404);
    const bad = await health({ asOf: '2026-03-01', currency: 'eur', extra: '1' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['asOf', 'currency', 'extra']));
    const url = '/v1/read-models/pipeline-health/stuck-deals';
    await t.http().get(url).query({ limit: 0 }).expect(400);
    await t.http().get(url).query({ limit: 'many' }).expect(400);
    const forged = await t.http().get(url).query({ cursor: 'not-a-cursor' }).expect(400);
    expect(forged.body.error).toBe('INVALID_CURSOR');
    await t.http().get(url).query({ cursor: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url') }).expect(400);
  });

  it('refuses an asOf outside what every store holds', async () => {
    for (const asOf of BAD_INSTANTS) {
      for (const url of ['/v1/read-models/pipeline-health', '/v1/read-models/pipeline-health/stuck-deals']) {
        const { body } = await t.http().get(url).query({ asOf }).expect(400);
        expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['asOf']);
      }
    }
    await health({ asOf: '2026-03-01T14:00:00+14:00' }).expect(200);
  });

  it('answers 503 while a new build whose table has no view yet has not taken over', async () => {
    const { pipelineId, position } = createPipeline();
    await health({ pipelineId, minPosition: await position }).expect(200);
    const { rows } = await t.db.pool.query<{ definition: string }>(
      `SELECT pg_get_viewdef('pipeline_health_totals') AS definition`,
    );
    await t.db.pool.query('DROP VIEW pipeline_health_totals');
    try {
      const response = await health({ pipelineId }).expect(503);
      expect(response.body.error).toBe('READ_MODEL_BUILDING');
      expect(response.headers['retry-after']).toBe('5');
    } finally {
      await t.db.pool.query(`CREATE VIEW pipeline_health_totals AS ${rows[0].definition}`);
    }
    await health({ pipelineId }).expect(200);
  });

  it('answers 503 when asked to wait for a position the read model does not reach', async () => {
    const response = await health({ minPosition: '9'.repeat(19) }).expect(503);
    expect(response.headers['retry-after']).toBe('1');
  });
});
