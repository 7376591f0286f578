// Issue #17, done when: "an upcast keeps every existing deal event readable; a full rebuild gives the same old figures
// plus the new ones". A log written before amounts were strings and deals had revenue terms (DealCreated v1 and v2,
// DealWon v1, DealAmountChanged v1: JSON numbers, no revenueType) is read by every read model: the figures that existed
// before (deal list, pipeline health) come out exact, with the currency's digits, and the new ones (closedAt, MRR, the
// forecast as it stood) come out of the same events; then every read model is rebuilt from the log and answers the same.
// Fails if an upcaster breaks (a number or a missing field reaches a reader) or if a rebuild differs from the live build.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { eventCatalog, EventValidator } from '#domain/catalog';
import { parsePosition, type NewEvent } from '#event-store';
import { ALL_PROJECTIONS } from '#projections';
import { collect, newEvent } from '#test/support/events';
import { appendEvents } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

const at = (day: string) => `${day}T09:00:00.000Z`;
const stage = (id: string, probability: number, closed: 'won' | 'lost' | null = null) => ({ id, label: id, probability, closed, stuckAfterDays: null });

// As the writers stored them before #17, never edited: numbers for amounts, no revenue terms; v1 without companyIds.
const legacy = (type: string, schemaVersion: number, data: object, day: string): NewEvent => newEvent(type, data, { occurredAt: at(day), schemaVersion });
const current = (type: string, data: object, day: string): NewEvent =>
  newEvent(type, data, { occurredAt: at(day), schemaVersion: eventCatalog.schemaVersionOf(type) });

/** Every row of every read-model view as canonical JSON, ordered by all its columns. */
const dumpReadModels = async (pool: pg.Pool): Promise<Record<string, string[]>> => {
  const dump: Record<string, string[]> = {};
  for (const view of ALL_PROJECTIONS.flatMap((d) => d.tables)) {
    const { rows: columns } = await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
      [view],
    );
    const order = columns.map((c) => `"${c.column_name}"::text`).join(', ');
    dump[view] = (await pool.query<{ row: string }>(`SELECT to_jsonb(v)::text AS row FROM ${view} v ORDER BY ${order}`)).rows.map((r) => r.row);
  }
  return dump;
};

describe('a log from before exact money and revenue terms, upcast and rebuilt', () => {
  const t = useTestApp();
  const pipelineId = `p-${randomUUID().slice(0, 8)}`;
  const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const ids: Record<string, string> = {};
  let position = '';

  const append = async (stream: string, events: NewEvent[]) => {
    for (const event of events) ids[`${stream}:${event.type}`] = event.id;
    position = await appendEvents(t, stream, events);
  };

  beforeAll(async () => {
    await append(`pipeline-${pipelineId}`, [
      current('PipelineCreated', { pipelineId, objectType: 'deal', name: 'Legacy', stages: [stage('lead', 0.2), stage('demo', 0.5), stage('won', 1, 'won'), stage('lost', 0, 'lost')] }, '2025-12-01'),
    ]);
    const base = { pipelineId, contractTermMonths: 12, ownerId: null, contactIds: [], companyId: null };
    // a: EUR, v1 (no companyIds, no properties), re-priced by a v1 change, won by a v1 win on March 5.
    await append(`deal-${a}`, [
      legacy('DealCreated', 1, { ...base, dealId: a, name: 'A', stageId: 'lead', amount: 12000.5, currency: 'EUR', closeDate: '2026-03-31' }, '2026-01-10'),
      legacy('DealAmountChanged', 1, { dealId: a, previous: { amount: 12000.5, currency: 'EUR' }, amount: 13000.1, currency: 'EUR' }, '2026-01-20'),
      legacy('DealStageChanged', 1, { dealId: a, pipelineId, fromStageId: 'lead', toStageId: 'won' }, '2026-03-05'),
      legacy('DealWon', 1, { dealId: a, pipelineId, stageId: 'won', amount: 13000.1, currency: 'EUR', ownerId: null }, '2026-03-05'),
    ]);
    // b: JPY (0 digits), v2, still open in demo, expected in March.
    await append(`deal-${b}`, [
      legacy('DealCreated', 2, { ...base, dealId: b, name: 'B', stageId: 'demo', amount: 150000, currency: 'JPY', closeDate: '2026-03-20', companyIds: [], properties: {} }, '2026-01-15'),
    ]);
    // c: BHD (3 digits), v2, expected in March but won by a v1 win in February.
    await append(`deal-${c}`, [
      legacy('DealCreated', 2, { ...base, dealId: c, name: 'C', stageId: 'lead', amount: 1.25, currency: 'BHD', closeDate: '2026-03-31', companyIds: [], properties: {} }, '2026-01-20'),
      legacy('DealStageChanged', 1, { dealId: c, pipelineId, fromStageId: 'lead', toStageId: 'won' }, '2026-02-15'),
      legacy('DealWon', 1, { dealId: c, pipelineId, stageId: 'won', amount: 1.25, currency: 'BHD', ownerId: null }, '2026-02-15'),
    ]);
    // d: USD, v1, lost.
    await append(`deal-${d}`, [
      legacy('DealCreated', 1, { ...base, dealId: d, name: 'D', stageId: 'demo', amount: 0.29, currency: 'USD', closeDate: '2026-04-30' }, '2026-01-25'),
      legacy('DealStageChanged', 1, { dealId: d, pipelineId, fromStageId: 'demo', toStageId: 'lost' }, '2026-02-20'),
      legacy('DealLost', 1, { dealId: d, pipelineId, stageId: 'lost', reason: 'budget' }, '2026-02-20'),
    ]);
    // After the upgrade: the old won deal a becomes a monthly contract (an event in today's shape on the old stream).
    await append(`deal-${a}`, [
      current('DealRevenueTypeChanged', { dealId: a, previous: { revenueType: 'one-off', billingPeriod: null }, revenueType: 'recurring', billingPeriod: 'month' }, '2026-04-01'),
    ]);
  });

  /** The figures that existed before #17 and the new ones, as the api answers them now. */
  const figures = async () => {
    const http = t.http();
    const get = async (url: string, query: Record<string, string> = {}) => (await http.get(url).query({ minPosition: position, ...query }).expect(200)).body;
    const list = await get('/v1/deals', { pipelineId, sort: 'name' });
    const health = await get('/v1/read-models/pipeline-health', { pipelineId });
    const views = [];
    for (const id of [a, b, c, d]) views.push((await http.get(`/v1/deals/${id}`).expect(200)).body);
    return {
      old: {
        list: list.data.map((row: Record<string, unknown>) => [row.name, row.amount, row.currency, row.outcome, row.closeDate]),
        health: {
          won: health.data.won,
          lost: health.data.lost,
          winRate: health.data.winRate,
          stages: health.data.stages.map((s: { stageId: string; openDeals: number; amounts: unknown[] }) => [s.stageId, s.openDeals, s.amounts]),
          forecast: health.data.forecast,
        },
      },
      new: {
        deals: views.map((view) => [view.name, view.amount, view.revenueType, view.billingPeriod, view.mrr, view.arr, view.closedAt]),
        listed: list.data.map((row: Record<string, unknown>) => [row.name, row.revenueType, row.mrr, row.closedAt]),
        mrr: {
          march: (await get('/v1/read-models/mrr', { month: '2026-03' })).data,
          april: (await get('/v1/read-models/mrr', { month: '2026-04' })).data,
          churn: (await get('/v1/read-models/mrr', { month: '2027-03' })).data,
          drill: (await get('/v1/read-models/mrr/deals', { month: '2026-04', kind: 'new' })).data,
        },
        forecast: (await get('/v1/read-models/forecast', { month: '2026-03', asOf: '2026-02-01', pipelineId })).data.currencies,
        accuracy: (await get('/v1/read-models/forecast-accuracy', { month: '2026-03', asOf: '2026-02-01', pipelineId })).data.currencies.map(
          ({ currency, actual, snapshots, steps }: { currency: string; actual: string; snapshots: unknown[]; steps: { moves: unknown }[] }) => ({
            currency, actual, snapshots, steps: steps.map(({ moves: _moves, ...step }) => step),
          }),
        ),
      },
    };
  };

  let before: Awaited<ReturnType<typeof figures>>;

  it('reads every stored deal event at its current schema version, valid against its current schema', async () => {
    const validator = new EventValidator(eventCatalog);
    const read = [];
    for (const id of [a, b, c, d]) {
      for (const event of await collect(t.runtime.eventStore.readStream(`deal-${id}`))) {
        read.push([event.type, event.metadata.schemaVersion, validator.validate(event.type, event.data)]);
      }
    }
    expect(read).toHaveLength(12);
    expect(read).toEqual(read.map(([type]) => [type, eventCatalog.schemaVersionOf(type as string), { valid: true }]));
  });

  it('reads every legacy deal event through its upcaster: the old figures exact, in each currency\'s digits', async () => {
    before = await figures();
    expect(before.old.list).toEqual([
      ['A', '13000.10', 'EUR', 'won', '2026-03-31'],
      ['B', '150000', 'JPY', 'open', '2026-03-20'],
      ['C', '1.250', 'BHD', 'won', '2026-03-31'],
      ['D', '0.29', 'USD', 'lost', '2026-04-30'],
    ]);
    expect(before.old.health).toEqual({
      won: 2,
      lost: 1,
      winRate: 0.6667,
      stages: [
        ['lead', 0, []],
        ['demo', 1, [{ currency: 'JPY', total: '150000', weighted: '75000' }]],
        ['won', 0, []],
        ['lost', 0, []],
      ],
      forecast: [
        { month: '2026-02', currency: 'BHD', weighted: '1.250', total: '1.250' },
        { month: '2026-03', currency: 'EUR', weighted: '13000.10', total: '13000.10' },
        { month: '2026-03', currency: 'JPY', weighted: '75000', total: '150000' },
      ],
    });
  });

  it('gives the new figures from the same events: closedAt, the MRR of the converted contract, the forecast as it stood', async () => {
    expect(before.new.deals).toEqual([
      ['A', '13000.10', 'recurring', 'month', '1083.34', '13000.08', at('2026-03-05')],
      ['B', '150000', 'one-off', null, null, null, null],
      ['C', '1.250', 'one-off', null, null, null, at('2026-02-15')],
      ['D', '0.29', 'one-off', null, null, null, at('2026-02-20')],
    ]);
    expect(before.new.listed).toEqual([
      ['A', 'recurring', '1083.34', at('2026-03-05')],
      ['B', 'one-off', null, null],
      ['C', 'one-off', null, at('2026-02-15')],
      ['D', 'one-off', null, at('2026-02-20')],
    ]);
    const eur = (fields: Record<string, string>) => ({ currency: 'EUR', new: '0.00', expansion: '0.00', contraction: '0.00', churn: '0.00', netNew: '0.00', total: '0.00', arr: '0.00', ...fields });
    // A one-off win has no MRR; from the month it became a contract, 13000.10 / 12 a month until its term ends.
    expect(before.new.mrr).toEqual({
      march: [],
      april: [eur({ new: '1083.34', netNew: '1083.34', total: '1083.34', arr: '13000.08' })],
      churn: [eur({ churn: '1083.34', netNew: '-1083.34' })],
      drill: [{ dealId: a, currency: 'EUR', movement: 'new', mrr: '1083.34', eventId: ids[`deal-${a}:DealRevenueTypeChanged`], ownerId: null, pipelineId }],
    });
    // On Feb 1: a at lead (0.2 of the re-priced 13000.10), b at demo, c at lead (won later, in February).
    expect(before.new.forecast).toEqual([
      { currency: 'BHD', openDeals: 1, openAmount: '1.250', weighted: '0.250', wonDeals: 0, wonAmount: '0.000', forecast: '0.250' },
      { currency: 'EUR', openDeals: 1, openAmount: '13000.10', weighted: '2600.02', wonDeals: 0, wonAmount: '0.00', forecast: '2600.02' },
      { currency: 'JPY', openDeals: 1, openAmount: '150000', weighted: '75000', wonDeals: 0, wonAmount: '0', forecast: '75000' },
    ]);
    expect(before.new.accuracy).toEqual([
      expect.objectContaining({ currency: 'BHD', actual: '0.000' }),
      {
        currency: 'EUR',
        actual: '13000.10',
        snapshots: [{ asOf: '2026-02-01', openDeals: 1, weighted: '2600.02', wonDeals: 0, won: '0.00', forecast: '2600.02', difference: '10400.08' }],
        steps: [{ from: '2026-02-01', to: 'actual', start: '2600.02', end: '13000.10', added: '0.00', removed: '0.00', won: '10400.08', changed: '0.00' }],
      },
      expect.objectContaining({ currency: 'JPY', actual: '0' }),
    ]);
  });

  it('rebuilds every read model from the log to the same rows and the same answers', async () => {
    const live = await dumpReadModels(t.db.pool);
    expect(live.mrr_movements.length).toBeGreaterThan(0);
    const rebuilt = new Map<string, number>();
    for (const build of (await t.runtime.projections.status()).filter((b) => b.state === 'active')) {
      rebuilt.set(build.name, await t.runtime.projections.rebuild(build.name, build.params));
    }
    await eventually(async () => {
      const active = (await t.runtime.projections.status()).filter((b) => b.state === 'active');
      expect(Object.fromEntries(active.map((b) => [b.name, b.version]))).toEqual(Object.fromEntries(rebuilt));
    }, 120_000);
    const head = parsePosition(position);
    for (const { name } of ALL_PROJECTIONS) expect([name, await t.runtime.projections.waitFor(name, head, 30_000)]).toEqual([name, true]);
    expect(await dumpReadModels(t.db.pool)).toEqual(live);
    expect(await figures()).toEqual(before);
  }, 180_000);
});
