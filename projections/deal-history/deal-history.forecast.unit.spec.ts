import {
  convertForecast,
  currencyForecasts,
  figureLines,
  forecastAccuracy,
  forecastLine,
  type Converter,
  type ForecastDeal,
} from './deal-history.forecast.js';
import type { Conversion } from '#projections/exchange-rates';

const deal = (dealId: string, data: Partial<ForecastDeal> = {}): ForecastDeal => ({
  dealId,
  name: dealId,
  pipelineId: 'sales',
  stageId: 'demo',
  ownerId: null,
  outcome: 'open',
  amount: '1000.00',
  currency: 'EUR',
  closeDate: '2026-10-20',
  closedAt: null,
  probability: '0.5',
  eventId: `e-${dealId}`,
  validFrom: '2026-09-01T00:00:00.000Z',
  stageEventId: 'p-1',
  ...data,
});

// Rates in units of USD per 1 unit of the currency, by the first day they apply from; THB has none.
const RATES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  JPY: [['2026-10-01', '0.0067'], ['2026-10-15', '0.0070']],
  EUR: [['2026-01-01', '1.10']],
};
const book: Converter = {
  convert: (amount, from, to, onDate): Conversion => {
    if (from === to) return { ok: true, amount, currency: to, rateUsed: null };
    const rate = [...(RATES[from] ?? [])].reverse().find(([date]) => date <= onDate);
    if (!rate) return { ok: false, gap: { from, to, date: onDate, reason: `no ${from}/${to} rate on or before ${onDate}` } };
    const [rateDate, value] = rate;
    // Exact for the amounts below: USD has 2 digits, the products have at most 6.
    const converted = (Number(amount) * Number(value)).toFixed(2);
    return { ok: true, amount: converted, currency: to, rateUsed: { from, to, rate: value, rateDate } };
  },
};

describe('the forecast of a month, pure', () => {
  it('weights an open deal by its probability, half to even in its currency, and counts a won one in full on its close date', () => {
    expect(forecastLine(deal('a', { amount: '100.05' }))).toMatchObject({ weighted: '50.02', figureDate: '2026-10-20' });
    expect(forecastLine(deal('b', { amount: '100.15' }))).toMatchObject({ weighted: '50.08' });
    expect(forecastLine(deal('c', { amount: '15001', currency: 'JPY', probability: '0.5' }))).toMatchObject({ weighted: '7500' });
    expect(forecastLine(deal('d', { outcome: 'won', probability: '1', closedAt: '2026-10-03T23:30:00.000Z', closeDate: '2026-12-31' }))).toMatchObject({
      weighted: '1000.00',
      figureDate: '2026-10-03',
    });
  });

  it('sums per currency, never across', () => {
    const lines = [
      deal('a'),
      deal('b', { amount: '250.50', probability: '0.2' }),
      deal('c', { outcome: 'won', closedAt: '2026-10-02T00:00:00.000Z', amount: '300.00' }),
      deal('d', { currency: 'JPY', amount: '150000' }),
    ].map(forecastLine);
    expect(currencyForecasts(lines)).toEqual([
      { currency: 'EUR', openDeals: 2, openAmount: '1250.50', weighted: '550.10', wonDeals: 1, wonAmount: '300.00', forecast: '850.10' },
      { currency: 'JPY', openDeals: 1, openAmount: '150000', weighted: '75000', wonDeals: 0, wonAmount: '0', forecast: '75000' },
    ]);
  });

  it("converts each deal at the rate of its figure's date, names the rates, and lists a missing rate as a gap instead of a 0", () => {
    const lines = [
      deal('jpy-open', { currency: 'JPY', amount: '150000', probability: '0.5', closeDate: '2026-10-20' }),
      deal('jpy-won', { currency: 'JPY', amount: '100000', outcome: 'won', closedAt: '2026-10-05T12:00:00.000Z', closeDate: '2026-10-31' }),
      deal('thb', { currency: 'THB', amount: '50000.00' }),
      deal('usd', { currency: 'USD', amount: '10.00', probability: '0.5' }),
    ].map(forecastLine);
    const { lines: converted, converted: totals } = convertForecast(lines, book, 'USD');
    expect(converted.map(({ dealId, converted: figure, gap }) => ({ dealId, figure, gap }))).toEqual([
      { dealId: 'jpy-open', figure: { currency: 'USD', amount: '1050.00', weighted: '525.00', rate: '0.0070', rateDate: '2026-10-15' }, gap: null },
      { dealId: 'jpy-won', figure: { currency: 'USD', amount: '670.00', weighted: '670.00', rate: '0.0067', rateDate: '2026-10-01' }, gap: null },
      { dealId: 'thb', figure: null, gap: 'no THB/USD rate on or before 2026-10-20' },
      { dealId: 'usd', figure: { currency: 'USD', amount: '10.00', weighted: '5.00', rate: null, rateDate: null }, gap: null },
    ]);
    expect(totals).toEqual({
      currency: 'USD',
      openDeals: 2,
      openAmount: '1060.00',
      weighted: '530.00',
      wonDeals: 1,
      wonAmount: '670.00',
      forecast: '1200.00',
      complete: false,
      ratesUsed: [
        { from: 'JPY', to: 'USD', rate: '0.0067', rateDate: '2026-10-01' },
        { from: 'JPY', to: 'USD', rate: '0.0070', rateDate: '2026-10-15' },
      ],
      gaps: [{ dealId: 'thb', from: 'THB', to: 'USD', date: '2026-10-20', reason: 'no THB/USD rate on or before 2026-10-20' }],
    });
  });

  it('explains how the forecast moved from date to date and to what was won: added, removed, won, changed', () => {
    const september = [deal('a'), deal('b', { amount: '400.00' }), deal('c', { amount: '600.00', probability: '0.2' })].map(forecastLine);
    const october = [
      deal('a', { amount: '1200.00', eventId: 'e-a2' }),
      deal('c', { amount: '600.00', outcome: 'won', closedAt: '2026-10-10T00:00:00.000Z', eventId: 'e-c2' }),
      deal('d', { amount: '100.00', eventId: 'e-d' }),
    ].map(forecastLine);
    const actual = [deal('c', { amount: '600.00', outcome: 'won', closedAt: '2026-10-10T00:00:00.000Z', eventId: 'e-c2' })].map(forecastLine);
    const [eur] = forecastAccuracy(
      [
        { label: '2026-09-01', lines: figureLines(september) },
        { label: '2026-10-01', lines: figureLines(october) },
      ],
      figureLines(actual),
    );
    expect(eur.actual).toBe('600.00');
    expect(eur.snapshots).toEqual([
      { asOf: '2026-09-01', openDeals: 3, weighted: '820.00', wonDeals: 0, won: '0.00', forecast: '820.00', difference: '-220.00' },
      { asOf: '2026-10-01', openDeals: 2, weighted: '650.00', wonDeals: 1, won: '600.00', forecast: '1250.00', difference: '-650.00' },
    ]);
    const [first, last] = eur.steps;
    expect(first).toMatchObject({ from: '2026-09-01', to: '2026-10-01', start: '820.00', end: '1250.00', added: '50.00', removed: '-200.00', won: '480.00', changed: '100.00' });
    expect(first.moves).toEqual([
      { dealId: 'a', kind: 'changed', before: '500.00', after: '600.00', change: '100.00', eventId: 'e-a2' },
      { dealId: 'b', kind: 'removed', before: '200.00', after: null, change: '-200.00', eventId: 'e-b' },
      { dealId: 'c', kind: 'won', before: '120.00', after: '600.00', change: '480.00', eventId: 'e-c2' },
      { dealId: 'd', kind: 'added', before: null, after: '50.00', change: '50.00', eventId: 'e-d' },
    ]);
    expect(last).toMatchObject({ from: '2026-10-01', to: 'actual', start: '1250.00', end: '600.00', added: '0.00', removed: '-650.00', won: '0.00', changed: '0.00' });
  });
});
