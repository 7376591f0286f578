// Exchange rates: each publication's set replaces the rows of its (date, base), so the table holds the rates in
// force per publication date; the reporting currency is the latest one set. Pure: what a batch writes.
import type { ExchangeRatesPublished, ReportingCurrencySet } from '#domain/exchange-rates';
import { assertNever } from '#domain/shared';

export type ExchangeRatesReadEvent = ExchangeRatesPublished | ReportingCurrencySet;

export const EXCHANGE_RATES_EVENT_TYPES: readonly ExchangeRatesReadEvent['type'][] = ['ExchangeRatesPublished', 'ReportingCurrencySet'];

export type TimedRatesEvent = Readonly<{ id: string; event: ExchangeRatesReadEvent; occurredAt: string }>;

export type RateRow = Readonly<{ rateDate: string; base: string; quote: string; rate: string; eventId: string; publishedAt: string }>;

export type ReportingCurrencyRow = Readonly<{ singleton: true; currency: string; previous: string | null; eventId: string; setAt: string }>;

export type ExchangeRatesChanges = Readonly<{
  /** The (date, base) sets a publication of the batch replaced: their stored rows go. */
  replaced: readonly Readonly<{ rateDate: string; base: string }>[];
  /** The rows of each replaced set's latest publication in the batch. */
  rates: readonly RateRow[];
  reportingCurrency: ReportingCurrencyRow | null;
}>;

export const reduceExchangeRates = (events: readonly TimedRatesEvent[]): ExchangeRatesChanges => {
  const latest = new Map<string, TimedRatesEvent & { event: ExchangeRatesPublished }>();
  let reportingCurrency: ReportingCurrencyRow | null = null;
  for (const timed of events) {
    const { event } = timed;
    switch (event.type) {
      case 'ExchangeRatesPublished':
        latest.set(`${event.data.date} ${event.data.base}`, { ...timed, event });
        break;
      case 'ReportingCurrencySet':
        reportingCurrency = {
          singleton: true,
          currency: event.data.currency,
          previous: event.data.previous,
          eventId: timed.id,
          setAt: new Date(timed.occurredAt).toISOString(),
        };
        break;
      default:
        assertNever(event);
    }
  }
  const publications = [...latest.values()];
  return {
    replaced: publications.map(({ event }) => ({ rateDate: event.data.date, base: event.data.base })),
    rates: publications.flatMap(({ id, event, occurredAt }) =>
      Object.entries(event.data.rates).map(([quote, rate]) => ({
        rateDate: event.data.date,
        base: event.data.base,
        quote,
        rate,
        eventId: id,
        publishedAt: new Date(occurredAt).toISOString(),
      })),
    ),
    reportingCurrency,
  };
};
