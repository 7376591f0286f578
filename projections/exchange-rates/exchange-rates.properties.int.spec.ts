import type { ExchangeRatesPublished, ReportingCurrencySet } from '#domain/exchange-rates';
import { assertProjects, eventsOf, usePropertyBed } from '../projection-properties.spec-helper.js';
import { exchangeRatesProjection } from './exchange-rates.persistence.js';

describe('exchange-rates takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws, keeps each date and base\'s latest set exactly as published, and the latest reporting currency', async () => {
    await assertProjects(bed, exchangeRatesProjection, async ({ events, table, pool }) => {
      const latest = new Map<string, ExchangeRatesPublished['data']>();
      for (const { data } of eventsOf<ExchangeRatesPublished['data']>(events, 'ExchangeRatesPublished')) latest.set(`${data.date} ${data.base}`, data);
      const expected = [...latest.values()].flatMap(({ date, base, rates }) => Object.entries(rates).map(([quote, rate]) => `${date}|${base}|${quote}|${rate}`));
      const { rows } = await pool.query<{ key: string }>(
        `SELECT to_char(rate_date, 'YYYY-MM-DD') || '|' || base || '|' || quote || '|' || rate::text AS key FROM ${table('exchange_rates')}`,
      );
      expect(rows.map((row) => row.key).sort()).toEqual(expected.sort());
      const set = eventsOf<ReportingCurrencySet['data']>(events, 'ReportingCurrencySet');
      const { rows: currency } = await pool.query<{ currency: string }>(`SELECT currency FROM ${table('exchange_rates_reporting_currency')}`);
      expect(currency.map((row) => row.currency)).toEqual(set.length === 0 ? [] : [set[set.length - 1].data.currency]);
      // Every publication and every setting is kept for the answers as of a past instant, each quote once.
      const all = eventsOf<ExchangeRatesPublished['data']>(events, 'ExchangeRatesPublished').flatMap(({ data: { date, base, rates } }) =>
        Object.entries(rates).map(([quote, rate]) => `${date}|${base}|${quote}|${rate}`),
      );
      const { rows: kept } = await pool.query<{ key: string }>(
        `SELECT to_char(rate_date, 'YYYY-MM-DD') || '|' || base || '|' || quote || '|' || rate::text AS key FROM ${table('exchange_rates_publications')}`,
      );
      expect(kept.map((row) => row.key).sort()).toEqual(all.sort());
      const { rows: settings } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table('exchange_rates_reporting_currencies')}`);
      expect(settings[0].n).toBe(set.length);
    });
  });
});
