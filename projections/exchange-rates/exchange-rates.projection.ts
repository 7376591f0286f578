// Exchange rates: each publication's set replaces the rows of its (date, base), so the table holds the rates in
// force per publication date; the reporting currency is the latest one set. Every publication and every setting is
// also kept with its business time and stream revision, for the answers as of a past instant. Pure: what a batch writes.
import type { ExchangeRatesPublished, ReportingCurrencySet } from '#domain/exchange-rates';
import { assertNever } from '#domain/shared';

export type ExchangeRatesReadEvent = ExchangeRatesPublished | ReportingCurrencySet;

export const EXCHANGE_RATES_EVENT_TYPES: readonly ExchangeRatesReadEvent['type'][] = ['ExchangeRatesPublished', 'ReportingCurrencySet'];

/** An event with its business time and its revision in its stream (the order of a date's publications). */
export type TimedRatesEvent = Readonly<{ id: string; event: ExchangeRatesReadEvent; occurredAt: string; revision?: number }>;

export type RateRow = Readonly<{ rateDate: string; base: string; quote: string; rate: string; eventId: string; publishedAt: string }>;

export type ReportingCurrencyRow = Readonly<{ singleton: true; currency: string; previous: string | null; eventId: string; setAt: string }>;

/** One quote of one publication, kept for good: what the rate book held as of any instant. */
export type PublicationRow = Readonly<{ rateDate: string; base: string; quote: string; rate: string; eventId: string; revision: number; occurredAt: string }>;

/** One setting of the reporting currency, kept for good. */
export type ReportingCurrencySetRow = Readonly<{ eventId: string; currency: string; previous: string | null; revision: number; occurredAt: string }>;

export type ExchangeRatesChanges = Readonly<{
  /** The (date, base) sets a publication of the batch replaced: their stored rows go. */
  replaced: readonly Readonly<{ rateDate: string; base: string }>[];
  /** The rows of each replaced set's latest publication in the batch. */
  rates: readonly RateRow[];
  reportingCurrency: ReportingCurrencyRow | null;
  /** Every publication of the batch (replaced or not) and every reporting currency set, for the answers as of a past instant. */
  publications: readonly PublicationRow[];
  reportingCurrencies: readonly ReportingCurrencySetRow[];
}>;

export const reduceExchangeRates = (events: readonly TimedRatesEvent[]): ExchangeRatesChanges => {
  const latest = new Map<string, TimedRatesEvent & { event: ExchangeRatesPublished }>();
  let reportingCurrency: ReportingCurrencyRow | null = null;
  const history: PublicationRow[] = [];
  const reportingCurrencies: ReportingCurrencySetRow[] = [];
  for (const timed of events) {
    const { event } = timed;
    const occurredAt = new Date(timed.occurredAt).toISOString();
    const revision = timed.revision ?? 0;
    switch (event.type) {
      case 'ExchangeRatesPublished':
        latest.set(`${event.data.date} ${event.data.base}`, { ...timed, event });
        for (const [quote, rate] of Object.entries(event.data.rates)) {
          history.push({ rateDate: event.data.date, base: event.data.base, quote, rate, eventId: timed.id, revision, occurredAt });
        }
        break;
      case 'ReportingCurrencySet':
        reportingCurrencies.push({ eventId: timed.id, currency: event.data.currency, previous: event.data.previous, revision, occurredAt });
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
    publications: history,
    reportingCurrencies,
  };
};
