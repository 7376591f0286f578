import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { dealHistoryProjection, pipelineHealthAsOf } from '#projections/deal-history';
import { exchangeRatesProjection } from '#projections/exchange-rates';
import { dealCreatedData, newEvent } from '#test/support/events';
import { appendEvents } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const stage = (id: string, probability: number, closed: 'won' | 'lost' | null = null) => ({ id, label: id, probability, closed, stuckAfterDays: null });
const at = (day: string) => `${day}T09:00:00.000Z`;

describe('forecasts as they stood, their accuracy and their conversion, over HTTP', () => {
  const t = useTestApp({ projections: [dealHistoryProjection, exchangeRatesProjection] });
  let position = '';

  // Events as the deciders write them (current schema versions), at the business time given.
  const append = async (stream: string, type: string, data: object, day: string): Promise<string> => {
    const event = newEvent(type, data, { occurredAt: at(day), schemaVersion: eventCatalog.schemaVersionOf(type) });
    position = await appendEvents(t, stream, [event]);
    return event.id;
  };
  const pipeline = async (): Promise<string> => {
    const pipelineId = `p-${randomUUID().slice(0, 8)}`;
    await append(`pipeline-${pipelineId}`, 'PipelineCreated', {
      pipelineId,
      objectType: 'deal',
      name: 'Sales',
      stages: [stage('lead', 0.2), stage('demo', 0.5), stage('won', 1, 'won'), stage('lost', 0, 'lost')],
    }, '2026-08-01');
    return pipelineId;
  };
  const deal = async (pipelineId: string, day: string, data: { stageId: string; amount: string; currency?: string; closeDate: string }) => {
    const dealId = randomUUID();
    const eventId = await append(`deal-${dealId}`, 'DealCreated', dealCreatedData(dealId, { pipelineId, currency: 'EUR', ...data }), day);
    return { dealId, eventId };
  };
  const dealEvent = (dealId: string, type: string, data: object, day: string) => append(`deal-${dealId}`, type, { dealId, ...data }, day);
  const move = (pipelineId: string, dealId: string, fromStageId: string, toStageId: string, day: string) =>
    dealEvent(dealId, 'DealStageChanged', { pipelineId, fromStageId, toStageId }, day);
  const win = async (pipelineId: string, dealId: string, from: string, amount: string, day: string) => {
    await move(pipelineId, dealId, from, 'won', day);
    return dealEvent(dealId, 'DealWon', { pipelineId, stageId: 'won', amount, currency: 'EUR', ownerId: null }, day);
  };

  const publish = (date: string, base: string, rates: Record<string, string>, day: string) =>
    append(`exchange-rates-${date}`, 'ExchangeRatesPublished', { date, base, rates }, day);

  const get = (url: string, query: Record<string, string>) => t.http().get(url).query({ ...(position ? { minPosition: position } : {}), ...query });
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map(({ field }) => field);

  it('refuses what it cannot answer with a 400 naming the parameter', async () => {
    for (const [query, field] of [
      [{ month: '2026-13' }, 'month'],
      [{}, 'month'],
      [{ month: '2026-10', asOf: '2026-02-30' }, 'asOf'],
      [{ month: '2026-10', currency: 'XYZ' }, 'currency'],
      // No reporting currency is set yet.
      [{ month: '2026-10', currency: 'reporting' }, 'currency'],
    ] as const) {
      const { body } = await get('/v1/read-models/forecast', query).expect(400);
      expect(fieldsOf(body)).toEqual([field]);
    }
    const { body } = await get('/v1/read-models/forecast-accuracy', { month: '2026-10', asOf: '2026-09-01,yesterday' }).expect(400);
    expect(fieldsOf(body)).toEqual(['asOf']);
  });

  it('answers as the pipeline stood then, and the waterfall of a month from three dates to what closed', async () => {
    const pipelineId = await pipeline();
    const a = await deal(pipelineId, '2026-08-15', { stageId: 'lead', amount: '1000.00', closeDate: '2026-10-20' });
    const b = await deal(pipelineId, '2026-08-20', { stageId: 'demo', amount: '2000.00', closeDate: '2026-10-25' });
    const d = await deal(pipelineId, '2026-08-10', { stageId: 'lead', amount: '3000.00', closeDate: '2026-11-15' });
    const aMoved = await move(pipelineId, a.dealId, 'lead', 'demo', '2026-09-20');
    const c = await deal(pipelineId, '2026-09-15', { stageId: 'lead', amount: '500.00', closeDate: '2026-10-31' });
    await dealEvent(d.dealId, 'DealCloseDateChanged', { previous: '2026-11-15', closeDate: '2026-10-30' }, '2026-09-25');
    const e = await deal(pipelineId, '2026-10-02', { stageId: 'demo', amount: '400.00', closeDate: '2026-10-31' });
    await dealEvent(c.dealId, 'DealAmountChanged', { previous: { amount: '500.00', currency: 'EUR' }, amount: '800.00', currency: 'EUR' }, '2026-10-05');
    await append(`pipeline-${pipelineId}`, 'PipelineStageProbabilityChanged', { pipelineId, stageId: 'lead', previous: 0.2, probability: 0.25 }, '2026-10-08');
    const aWon = await win(pipelineId, a.dealId, 'demo', '1000.00', '2026-10-10');
    await move(pipelineId, b.dealId, 'demo', 'lost', '2026-10-12');
    await dealEvent(b.dealId, 'DealLost', { pipelineId, stageId: 'lost', reason: 'budget' }, '2026-10-12');
    const cWon = await win(pipelineId, c.dealId, 'lead', '800.00', '2026-10-28');

    // On Sep 1, A was still in lead (it moved on Sep 20), C and E did not exist, D was expected in November.
    const { body: september } = await get('/v1/read-models/forecast', { month: '2026-10', asOf: '2026-09-01', pipelineId }).expect(200);
    expect(september.data.currencies).toEqual([
      { currency: 'EUR', openDeals: 2, openAmount: '3000.00', weighted: '1200.00', wonDeals: 0, wonAmount: '0.00', forecast: '1200.00' },
    ]);
    expect(september.data.converted).toBeNull();
    // By expected close date: A (Oct 20) before B (Oct 25).
    expect(september.data.deals.map(({ dealId, stageId, probability, weighted, eventId }: Record<string, string>) => ({ dealId, stageId, probability, weighted, eventId }))).toEqual([
      { dealId: a.dealId, stageId: 'lead', probability: '0.2', weighted: '200.00', eventId: a.eventId },
      { dealId: b.dealId, stageId: 'demo', probability: '0.5', weighted: '1000.00', eventId: b.eventId },
    ]);

    // Pipeline health as of Sep 1: A in its old stage, neither C nor E.
    const health = await pipelineHealthAsOf(t.db.pool, { pipelineId, asOf: '2026-09-01T23:59:59.999Z' });
    expect(health.pipelines[0].stages.map(({ stageId, openDeals, amounts }) => ({ stageId, openDeals, amounts }))).toEqual([
      { stageId: 'lead', openDeals: 2, amounts: [{ currency: 'EUR', total: '4000.00', weighted: '800.00' }] },
      { stageId: 'demo', openDeals: 1, amounts: [{ currency: 'EUR', total: '2000.00', weighted: '1000.00' }] },
      { stageId: 'won', openDeals: 0, amounts: [] },
      { stageId: 'lost', openDeals: 0, amounts: [] },
    ]);

    const { body: accuracy } = await get('/v1/read-models/forecast-accuracy', { month: '2026-10', asOf: '2026-09-01,2026-10-01,2026-10-15', pipelineId }).expect(200);
    expect(accuracy.data.asOf).toEqual(['2026-09-01', '2026-10-01', '2026-10-15', 'actual']);
    const [eur] = accuracy.data.currencies;
    expect(eur).toMatchObject({ currency: 'EUR', actual: '1800.00', actualDeals: 2 });
    expect(eur.snapshots).toEqual([
      { asOf: '2026-09-01', openDeals: 2, weighted: '1200.00', wonDeals: 0, won: '0.00', forecast: '1200.00', difference: '600.00' },
      { asOf: '2026-10-01', openDeals: 4, weighted: '2200.00', wonDeals: 0, won: '0.00', forecast: '2200.00', difference: '-400.00' },
      { asOf: '2026-10-15', openDeals: 3, weighted: '1150.00', wonDeals: 1, won: '1000.00', forecast: '2150.00', difference: '-350.00' },
    ]);
    const steps = eur.steps.map(({ moves, ...figures }: { moves: unknown[] }) => figures);
    expect(steps).toEqual([
      { from: '2026-09-01', to: '2026-10-01', start: '1200.00', end: '2200.00', added: '700.00', removed: '0.00', won: '0.00', changed: '300.00' },
      { from: '2026-10-01', to: '2026-10-15', start: '2200.00', end: '2150.00', added: '200.00', removed: '-1000.00', won: '500.00', changed: '250.00' },
      { from: '2026-10-15', to: 'actual', start: '2150.00', end: '1800.00', added: '0.00', removed: '-950.00', won: '600.00', changed: '0.00' },
    ]);
    // The drill-down names each move's deal and the version behind it.
    const moveOf = (step: number, dealId: string) => eur.steps[step].moves.find((m: { dealId: string }) => m.dealId === dealId);
    expect(moveOf(0, a.dealId)).toEqual({ dealId: a.dealId, kind: 'changed', before: '200.00', after: '500.00', change: '300.00', eventId: aMoved });
    expect(moveOf(1, a.dealId)).toEqual({ dealId: a.dealId, kind: 'won', before: '500.00', after: '1000.00', change: '500.00', eventId: aWon });
    expect(moveOf(1, e.dealId)).toMatchObject({ kind: 'added', after: '200.00', eventId: e.eventId });
    expect(moveOf(2, c.dealId)).toEqual({ dealId: c.dealId, kind: 'won', before: '200.00', after: '800.00', change: '600.00', eventId: cWon });
    expect(moveOf(2, d.dealId)).toMatchObject({ kind: 'removed', before: '750.00', after: null, change: '-750.00' });

    // The same as CSV: one row per deal of the drill-down.
    const csv = await t.http().get('/v1/read-models/forecast/deals').query({ month: '2026-10', asOf: '2026-10-15', pipelineId }).set('Accept', 'text/csv').expect(200);
    const [header, ...lines] = csv.text.trim().split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['dealId', 'name', 'pipelineId']);
    expect(lines).toHaveLength(4);
  });

  it('converts each deal at the rate of its own date, names the rates, keeps the per-currency figures and shows a missing rate as a gap', async () => {
    // Two JPY rates, none for THB; deals appended after them, so minPosition covers the rates too. The reporting
    // currency and the rates are set at business times before the asOf asked (as PUT /v1/settings/reporting-currency
    // and PUT /v1/exchange-rates record them, at the time of the request): an answer as of a date uses only those.
    await append('settings-reporting-currency', 'ReportingCurrencySet', { currency: 'USD', previous: null }, '2026-10-01');
    await publish('2026-11-01', 'JPY', { USD: '0.0067' }, '2026-11-01');
    await publish('2026-11-15', 'JPY', { USD: '0.0062' }, '2026-11-15');
    const pipelineId = await pipeline();
    const jpyOpen = await deal(pipelineId, '2026-10-01', { stageId: 'demo', amount: '150000', currency: 'JPY', closeDate: '2026-11-20' });
    const jpyWon = await deal(pipelineId, '2026-10-01', { stageId: 'demo', amount: '100000', currency: 'JPY', closeDate: '2026-11-30' });
    await move(pipelineId, jpyWon.dealId, 'demo', 'won', '2026-11-05');
    await dealEvent(jpyWon.dealId, 'DealWon', { pipelineId, stageId: 'won', amount: '100000', currency: 'JPY', ownerId: null }, '2026-11-05');
    const thb = await deal(pipelineId, '2026-10-01', { stageId: 'demo', amount: '50000.00', currency: 'THB', closeDate: '2026-11-25' });
    const usd = await deal(pipelineId, '2026-10-01', { stageId: 'lead', amount: '1000.00', currency: 'USD', closeDate: '2026-11-10' });

    const { body } = await get('/v1/read-models/forecast', { month: '2026-11', asOf: '2026-11-30', pipelineId, currency: 'reporting' }).expect(200);
    expect(body.data.currencies).toEqual([
      { currency: 'JPY', openDeals: 1, openAmount: '150000', weighted: '75000', wonDeals: 1, wonAmount: '100000', forecast: '175000' },
      { currency: 'THB', openDeals: 1, openAmount: '50000.00', weighted: '25000.00', wonDeals: 0, wonAmount: '0.00', forecast: '25000.00' },
      { currency: 'USD', openDeals: 1, openAmount: '1000.00', weighted: '200.00', wonDeals: 0, wonAmount: '0.00', forecast: '200.00' },
    ]);
    expect(body.data.converted).toMatchObject({
      currency: 'USD',
      openDeals: 2,
      openAmount: '1930.00',
      weighted: '665.00',
      wonDeals: 1,
      wonAmount: '670.00',
      forecast: '1335.00',
      complete: false,
      gaps: [{ dealId: thb.dealId, from: 'THB', to: 'USD', date: '2026-11-25', reason: expect.any(String) }],
    });
    expect(body.data.converted.ratesUsed).toEqual([
      expect.objectContaining({ from: 'JPY', to: 'USD', rate: '0.0067', rateDate: '2026-11-01' }),
      expect.objectContaining({ from: 'JPY', to: 'USD', rate: '0.0062', rateDate: '2026-11-15' }),
    ]);
    const converted = Object.fromEntries(body.data.deals.map((line: { dealId: string; converted: unknown; gap: unknown }) => [line.dealId, [line.converted, line.gap]]));
    expect(converted).toEqual({
      [jpyOpen.dealId]: [{ currency: 'USD', amount: '930.00', weighted: '465.00', rate: '0.0062', rateDate: '2026-11-15' }, null],
      [jpyWon.dealId]: [{ currency: 'USD', amount: '670.00', weighted: '670.00', rate: '0.0067', rateDate: '2026-11-01' }, null],
      [thb.dealId]: [null, expect.any(String)],
      [usd.dealId]: [{ currency: 'USD', amount: '1000.00', weighted: '200.00', rate: null, rateDate: null }, null],
    });

    // The waterfall converts the same way; the gap stays visible there too.
    const { body: accuracy } = await get('/v1/read-models/forecast-accuracy', { month: '2026-11', asOf: '2026-11-30', pipelineId, currency: 'USD' }).expect(200);
    expect(accuracy.data.converted).toMatchObject({
      currency: 'USD',
      actual: '670.00',
      actualDeals: 1,
      snapshots: [{ asOf: '2026-11-30', forecast: '1335.00', difference: '-665.00' }],
      complete: false,
      gaps: [{ dealId: thb.dealId, asOf: '2026-11-30', from: 'THB' }],
    });
    // Each converted move names the rate and rate date behind its figures (null for a deal in USD already).
    const toActual = accuracy.data.converted.steps[0].moves;
    expect(toActual.find((m: { dealId: string }) => m.dealId === jpyOpen.dealId)).toEqual({
      dealId: jpyOpen.dealId, kind: 'removed', before: '465.00', after: null, change: '-465.00', eventId: jpyOpen.eventId,
      beforeRate: '0.0062', beforeRateDate: '2026-11-15', afterRate: null, afterRateDate: null,
    });
    expect(toActual.find((m: { dealId: string }) => m.dealId === usd.dealId)).toMatchObject({ kind: 'removed', before: '200.00', beforeRate: null, beforeRateDate: null });
    // Per currency, the moves stay in the deals' own currencies and name no rate.
    const jpy = accuracy.data.currencies.find((c: { currency: string }) => c.currency === 'JPY');
    expect(jpy.steps[0].moves).toEqual([{ dealId: jpyOpen.dealId, kind: 'removed', before: '75000', after: null, change: '-75000', eventId: jpyOpen.eventId }]);
  });

  it('answers as of a date with the rate book and the reporting currency of that date: a later rate shows only in later answers', async () => {
    const pipelineId = await pipeline();
    // A CHF deal for July; its only rate is for 2026-06-01, published (by business time) on 06-20, then replaced on 07-10.
    const chf = await deal(pipelineId, '2026-06-01', { stageId: 'demo', amount: '10000.00', currency: 'CHF', closeDate: '2026-07-20' });
    await publish('2026-06-01', 'CHF', { USD: '1.1' }, '2026-06-20');
    await publish('2026-06-01', 'CHF', { USD: '1.2' }, '2026-07-10');
    const forecast = async (asOf: string, currency = 'USD') =>
      (await get('/v1/read-models/forecast', { month: '2026-07', asOf, pipelineId, currency }).expect(200)).body.data;

    // On 06-10 no CHF rate had been published: the deal is a gap, listed, never converted as 0; its CHF figure stays.
    const june10 = await forecast('2026-06-10');
    expect(june10.currencies).toEqual([
      { currency: 'CHF', openDeals: 1, openAmount: '10000.00', weighted: '5000.00', wonDeals: 0, wonAmount: '0.00', forecast: '5000.00' },
    ]);
    expect(june10.converted).toMatchObject({ currency: 'USD', openDeals: 0, weighted: '0.00', complete: false, ratesUsed: [] });
    expect(june10.converted.gaps).toEqual([{ dealId: chf.dealId, from: 'CHF', to: 'USD', date: '2026-07-20', reason: expect.stringMatching(/no CHF\/USD rate/) }]);
    expect(june10.deals[0]).toMatchObject({ dealId: chf.dealId, converted: null, gap: expect.any(String) });

    // The first publication from 06-20, the one replacing it from 07-10.
    const june30 = await forecast('2026-06-30');
    expect(june30.converted).toMatchObject({ weighted: '5500.00', forecast: '5500.00', complete: true, gaps: [] });
    expect(june30.converted.ratesUsed).toEqual([{ from: 'CHF', to: 'USD', rate: '1.1', rateDate: '2026-06-01' }]);
    expect(june30.deals[0].converted).toEqual({ currency: 'USD', amount: '11000.00', weighted: '5500.00', rate: '1.1', rateDate: '2026-06-01' });
    const july15 = await forecast('2026-07-15');
    expect(july15.deals[0].converted).toEqual({ currency: 'USD', amount: '12000.00', weighted: '6000.00', rate: '1.2', rateDate: '2026-06-01' });

    // The reporting currency as it was set then: none before 10-01, USD from 10-01, CHF from 10-20.
    await append('settings-reporting-currency', 'ReportingCurrencySet', { currency: 'CHF', previous: 'USD' }, '2026-10-20');
    const unset = await get('/v1/read-models/forecast', { month: '2026-07', asOf: '2026-06-30', pipelineId, currency: 'reporting' }).expect(400);
    expect(fieldsOf(unset.body)).toEqual(['currency']);
    expect(unset.body.message).toMatch(/none was set as of 2026-06-30/);
    expect((await forecast('2026-10-15', 'reporting')).converted).toMatchObject({ currency: 'USD', weighted: '6000.00' });
    expect((await forecast('2026-10-25', 'reporting')).deals[0].converted).toEqual({ currency: 'CHF', amount: '10000.00', weighted: '5000.00', rate: null, rateDate: null });

    // The waterfall: the deal enters the converted forecast when its rate appears, then moves by the new rate alone
    // (same deal version), each move naming the rates on both sides.
    const { body: accuracy } = await get('/v1/read-models/forecast-accuracy', { month: '2026-07', asOf: '2026-06-10,2026-06-30,2026-07-15', pipelineId, currency: 'USD' }).expect(200);
    const converted = accuracy.data.converted;
    expect(converted.snapshots.map(({ asOf, forecast: figure }: Record<string, string>) => [asOf, figure])).toEqual([
      ['2026-06-10', '0.00'],
      ['2026-06-30', '5500.00'],
      ['2026-07-15', '6000.00'],
    ]);
    expect(converted.gaps).toEqual([expect.objectContaining({ dealId: chf.dealId, asOf: '2026-06-10', from: 'CHF' })]);
    expect(converted.steps.map((step: { moves: unknown[] }) => step.moves)).toEqual([
      [{ dealId: chf.dealId, kind: 'added', before: null, after: '5500.00', change: '5500.00', eventId: chf.eventId, beforeRate: null, beforeRateDate: null, afterRate: '1.1', afterRateDate: '2026-06-01' }],
      [{ dealId: chf.dealId, kind: 'changed', before: '5500.00', after: '6000.00', change: '500.00', eventId: chf.eventId, beforeRate: '1.1', beforeRateDate: '2026-06-01', afterRate: '1.2', afterRateDate: '2026-06-01' }],
      [{ dealId: chf.dealId, kind: 'removed', before: '6000.00', after: null, change: '-6000.00', eventId: chf.eventId, beforeRate: '1.2', beforeRateDate: '2026-06-01', afterRate: null, afterRateDate: null }],
    ]);
    // In CHF the forecast never moved until the deal was not won by the end.
    const [own] = accuracy.data.currencies;
    expect(own.steps.map((step: { moves: unknown[] }) => step.moves.length)).toEqual([0, 0, 1]);
  });
});
