import { reduceExchangeRates, type TimedRatesEvent } from './exchange-rates.projection.js';

const at = '2026-01-15T10:00:00.000Z';
const published = (id: string, date: string, base: string, rates: Record<string, string>): TimedRatesEvent => ({
  id,
  event: { type: 'ExchangeRatesPublished', data: { date, base, rates } },
  occurredAt: at,
});

describe('exchange rates reducer', () => {
  it('writes each (date, base) set from its latest publication in the batch, replacing what was stored', () => {
    const changes = reduceExchangeRates([
      published('e1', '2026-01-15', 'USD', { EUR: '0.92', JPY: '149.235' }),
      published('e2', '2026-01-15', 'EUR', { USD: '1.087' }),
      published('e3', '2026-01-15', 'USD', { JPY: '150' }),
    ]);
    expect(changes.replaced).toEqual([
      { rateDate: '2026-01-15', base: 'USD' },
      { rateDate: '2026-01-15', base: 'EUR' },
    ]);
    expect(changes.rates).toEqual([
      { rateDate: '2026-01-15', base: 'USD', quote: 'JPY', rate: '150', eventId: 'e3', publishedAt: at },
      { rateDate: '2026-01-15', base: 'EUR', quote: 'USD', rate: '1.087', eventId: 'e2', publishedAt: at },
    ]);
    expect(changes.reportingCurrency).toBeNull();
  });

  it('keeps the latest reporting currency of the batch', () => {
    const set = (id: string, currency: string, previous: string | null): TimedRatesEvent => ({
      id,
      event: { type: 'ReportingCurrencySet', data: { currency, previous } },
      occurredAt: '2026-01-15T11:00:00+01:00',
    });
    expect(reduceExchangeRates([set('s1', 'EUR', null), set('s2', 'JPY', 'EUR')]).reportingCurrency).toEqual({
      singleton: true, currency: 'JPY', previous: 'EUR', eventId: 's2', setAt: '2026-01-15T10:00:00.000Z',
    });
  });
});
