import { DeciderSpecification } from '../shared/decider-specification.js';
import {
  checkPublication,
  checkRate,
  exchangeRatesDecider,
  reportingCurrencyDecider,
  type ExchangeRatesPublished,
  type PublishExchangeRates,
  type ReportingCurrencySet,
  type SetReportingCurrency,
} from './index.js';

const metadata = { now: '2026-01-15T10:00:00.000Z' };
const given = DeciderSpecification.for(exchangeRatesDecider);
const givenSettings = DeciderSpecification.for(reportingCurrencyDecider);

const publish = (rates: Record<string, unknown>, base = 'USD', date = '2026-01-15'): PublishExchangeRates => ({
  type: 'PublishExchangeRates',
  data: { date, base, rates },
  metadata,
});

const published = (rates: Record<string, string>, base = 'USD', date = '2026-01-15'): ExchangeRatesPublished => ({
  type: 'ExchangeRatesPublished',
  data: { date, base, rates },
});

const setCurrency = (currency: string): SetReportingCurrency => ({ type: 'SetReportingCurrency', data: { currency }, metadata });

describe('exchange rates decider', () => {
  it('publishes a base currency\'s rates for a date, canonical and sorted by quote', () => {
    given([])
      .when(publish({ JPY: '149.2350', EUR: 0.92 }))
      .then([published({ EUR: '0.92', JPY: '149.235' })]);
  });

  it('records nothing when the same set is published again, however it is spelled', () => {
    given([published({ EUR: '0.92', JPY: '149.235' })])
      .when(publish({ JPY: 149.235, EUR: '0.920' }))
      .then([]);
  });

  it('publishes a changed set for the same date and base, and another base beside it', () => {
    given([published({ EUR: '0.92', JPY: '149.235' })])
      .when(publish({ EUR: '0.92' }))
      .then([published({ EUR: '0.92' })]);
    given([published({ EUR: '0.92' })])
      .when(publish({ USD: '1.087' }, 'EUR'))
      .then([published({ USD: '1.087' }, 'EUR')]);
  });

  it.each([
    ['a zero rate', { JPY: '0' }],
    ['a negative rate', { JPY: -1 }],
    ['NaN', { JPY: 'NaN' }],
    ['an exponent', { JPY: '1e400' }],
    ['more than 12 significant digits', { JPY: '149.2350000001' }],
    ['an unknown quote', { XYZ: '1' }],
    ['the base quoted against itself', { USD: '1' }],
    ['no rate at all', {}],
  ])('refuses %s', (_, rates) => {
    given([]).when(publish(rates)).thenThrows('RULE_VIOLATED', 'invalid-exchange-rates');
  });

  it('refuses an impossible date and an unknown base', () => {
    given([]).when(publish({ JPY: '149' }, 'USD', '2026-02-30')).thenThrows('RULE_VIOLATED', 'invalid-exchange-rates');
    given([]).when(publish({ JPY: '149' }, 'XXX')).thenThrows('RULE_VIOLATED', 'invalid-exchange-rates');
  });

  it('keeps each date on its own stream', () => {
    given([published({ JPY: '149' })]).when(publish({ JPY: '150' }, 'USD', '2026-01-16')).thenThrows('RULE_VIOLATED', 'exchange-rates-date');
  });
});

describe('checkPublication', () => {
  it('names every bad field', () => {
    expect(checkPublication({ date: '2026-13-01', base: 'usd', rates: { JPY: '-1', EUR: '0.9', ABC: '1' } })).toEqual({
      ok: false,
      problems: [
        { field: 'date', reason: expect.stringMatching(/calendar date/) },
        { field: 'base', reason: expect.stringMatching(/ISO 4217/) },
        { field: 'rates.ABC', reason: expect.stringMatching(/ISO 4217/) },
        { field: 'rates.JPY', reason: expect.stringMatching(/greater than 0/) },
      ],
    });
    expect(checkPublication({ date: '2026-01-01', base: 'USD', rates: ['JPY'] })).toMatchObject({ ok: false, problems: [{ field: 'rates' }] });
  });
});

describe('checkRate', () => {
  it.each([
    ['149.235', '149.235'],
    ['1.50', '1.5'],
    [1.5, '1.5'],
    [1e-7, '0.0000001'],
    ['0.000000000000000000000001', '0.000000000000000000000001'],
    ['999999999999', '999999999999'],
  ])('takes %p as %p', (value, rate) => {
    expect(checkRate(value)).toEqual({ ok: true, rate });
  });

  it.each(['0', '0.0', '-1', '', ' 1', '1e3', 'Infinity', '1000000000000', '0.0000000000000000000000001', '1.234567890123', '01.5'])(
    'refuses %p',
    (value) => {
      expect(checkRate(value)).toMatchObject({ ok: false });
    },
  );

  it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY, null, true, {}, 1e12])('refuses the value %p', (value) => {
    expect(checkRate(value)).toMatchObject({ ok: false });
  });
});

describe('reporting currency decider', () => {
  const set = (currency: string, previous: string | null): ReportingCurrencySet => ({ type: 'ReportingCurrencySet', data: { currency, previous } });

  it('sets the first reporting currency, then a new one naming the previous', () => {
    givenSettings([]).when(setCurrency('EUR')).then([set('EUR', null)]);
    givenSettings([set('EUR', null)]).when(setCurrency('JPY')).then([set('JPY', 'EUR')]);
  });

  it('records nothing when the currency is already the reporting currency', () => {
    givenSettings([set('EUR', null)]).when(setCurrency('EUR')).then([]);
  });

  it('refuses what is no ISO 4217 code', () => {
    givenSettings([]).when(setCurrency('eur')).thenThrows('RULE_VIOLATED', 'invalid-currency');
    givenSettings([]).when(setCurrency('XXX')).thenThrows('RULE_VIOLATED', 'invalid-currency');
  });
});
