import type { Command } from '../shared/index.js';

/** rates: quote -> decimal string (or number, as a client sent it); checked and made canonical by the decider. */
export type PublishExchangeRates = Command<
  'PublishExchangeRates',
  Readonly<{ date: string; base: string; rates: Readonly<Record<string, unknown>> }>
>;

export type SetReportingCurrency = Command<'SetReportingCurrency', Readonly<{ currency: string }>>;

export type ExchangeRatesCommand = PublishExchangeRates;
export type ReportingCurrencyCommand = SetReportingCurrency;
