import { inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { exchangeRatesProjection } from './exchange-rates.persistence.js';

const published = (date: string, base: string, rates: Record<string, string>, occurredAt = `${date}T16:00:00.000Z`): SpecEvent => ({
  type: 'ExchangeRatesPublished',
  data: { date, base, rates },
  metadata: { occurredAt },
});
const currencySet = (currency: string, previous: string | null): SpecEvent => ({
  type: 'ReportingCurrencySet',
  data: { currency, previous },
  metadata: { occurredAt: '2026-01-20T09:00:00.000Z' },
});
const ofDate = (date: string, ...events: SpecEvent[]) => inStream(`exchange-rates-${date}`, ...events);

const RATES = `SELECT to_char(rate_date, 'YYYY-MM-DD') AS date, base, quote, rate::text AS rate FROM exchange_rates ORDER BY rate_date, base, quote`;
const CURRENCY = `SELECT currency, previous FROM exchange_rates_reporting_currency`;

describe('exchange-rates persistence', () => {
  const spec = useProjectionSpec(exchangeRatesProjection);

  it('stores each rate exactly as published, by date, base and quote', async () => {
    await spec
      .given([
        ...ofDate('2026-01-15', published('2026-01-15', 'USD', { EUR: '0.92', JPY: '149.235' })),
        ...ofDate('2026-01-16', published('2026-01-16', 'USD', { IDR: '0.000000000000000000000001' })),
      ])
      .then(RATES, [
        { date: '2026-01-15', base: 'USD', quote: 'EUR', rate: '0.92' },
        { date: '2026-01-15', base: 'USD', quote: 'JPY', rate: '149.235' },
        { date: '2026-01-16', base: 'USD', quote: 'IDR', rate: '0.000000000000000000000001' },
      ]);
  });

  it('replaces a date and base\'s set by a later publication stored in an earlier batch, keeping other bases', async () => {
    await spec
      .given(ofDate('2026-01-15', published('2026-01-15', 'USD', { EUR: '0.92', JPY: '149.235' }), published('2026-01-15', 'EUR', { GBP: '0.86' })))
      .when(ofDate('2026-01-15', published('2026-01-15', 'USD', { JPY: '150' })), { times: 2 })
      .then(RATES, [
        { date: '2026-01-15', base: 'EUR', quote: 'GBP', rate: '0.86' },
        { date: '2026-01-15', base: 'USD', quote: 'JPY', rate: '150' },
      ]);
  });

  it('keeps every publication with its business time and stream revision, once even when a batch comes again', async () => {
    await spec
      .given(ofDate('2026-01-15', published('2026-01-15', 'USD', { EUR: '0.92', JPY: '149.235' })))
      .when(ofDate('2026-01-15', published('2026-01-15', 'USD', { JPY: '150' }, '2026-01-17T08:00:00.000Z')), { times: 2 })
      .then(
        `SELECT to_char(rate_date, 'YYYY-MM-DD') AS date, base, quote, rate::text AS rate, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS occurred_at
           FROM exchange_rates_publications ORDER BY revision, quote`,
        [
          { date: '2026-01-15', base: 'USD', quote: 'EUR', rate: '0.92', occurred_at: '2026-01-15 16:00' },
          { date: '2026-01-15', base: 'USD', quote: 'JPY', rate: '149.235', occurred_at: '2026-01-15 16:00' },
          { date: '2026-01-15', base: 'USD', quote: 'JPY', rate: '150', occurred_at: '2026-01-17 08:00' },
        ],
      );
  });

  it('keeps every reporting currency set, with its business time', async () => {
    await spec
      .given(inStream('settings-reporting-currency', currencySet('EUR', null)))
      .when(inStream('settings-reporting-currency', currencySet('JPY', 'EUR')), { times: 2 })
      .then(`SELECT currency, previous FROM exchange_rates_reporting_currencies ORDER BY revision`, [
        { currency: 'EUR', previous: null },
        { currency: 'JPY', previous: 'EUR' },
      ]);
  });

  it('keeps the latest reporting currency', async () => {
    await spec
      .given(inStream('settings-reporting-currency', currencySet('EUR', null)))
      .when(inStream('settings-reporting-currency', currencySet('JPY', 'EUR')))
      .then(CURRENCY, [{ currency: 'JPY', previous: 'EUR' }]);
  });
});

describe('exchange-rates rebuild', () => {
  const bed = useRebuildBed(exchangeRatesProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...ofDate('2026-01-15', published('2026-01-15', 'USD', { EUR: '0.92', JPY: '149.235' })),
      ...inStream('settings-reporting-currency', currencySet('EUR', null)),
      ...ofDate('2026-01-16', published('2026-01-16', 'USD', { EUR: '0.91' })),
      ...ofDate('2026-01-15', published('2026-01-15', 'USD', { JPY: '150', THB: '35.5' }, '2026-01-17T08:00:00.000Z')),
      ...ofDate('2026-01-15', published('2026-01-15', 'EUR', { GBP: '0.86' })),
      ...inStream('settings-reporting-currency', currencySet('USD', 'EUR')),
    ];
    const { live, rebuilt } = await bed.compare(history, {
      exchange_rates: 'rate_date, base, quote',
      exchange_rates_reporting_currency: 'singleton',
      exchange_rates_publications: 'event_id, quote',
      exchange_rates_reporting_currencies: 'event_id',
    });
    expect(live.exchange_rates).toHaveLength(4);
    expect(live.exchange_rates_publications).toHaveLength(6);
    expect(live.exchange_rates_reporting_currencies).toHaveLength(2);
    expect(live.exchange_rates_reporting_currency).toEqual([expect.objectContaining({ currency: 'USD', previous: 'EUR' })]);
    expect(rebuilt).toEqual(live);
  });
});
