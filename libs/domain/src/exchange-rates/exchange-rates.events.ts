// Exchange rates as dated facts: one stream per publication date, each publication the whole set of rates of one
// base on that date (a later one for the same date and base replaces it). The reporting currency is a workspace
// setting on its own settings stream.
import {
  dataSchema,
  defineEvent,
  type DomainEvent,
  type EventDefinition,
  type JsonSchema,
} from '../shared/index.js';
import { RATE_PATTERN } from './exchange-rates.rules.js';

export const EXCHANGE_RATES_STREAM_PREFIX = 'exchange-rates-';

/** The stream of the rates published for `date` (YYYY-MM-DD). */
export const exchangeRatesStream = (date: string): string => `${EXCHANGE_RATES_STREAM_PREFIX}${date}`;

// One settings stream per setting, beside settings-marketing-policy.
export const REPORTING_CURRENCY_STREAM = 'settings-reporting-currency';

/** rates: units of the quote currency per 1 base, as canonical decimal strings, by quote. */
export type ExchangeRatesPublished = DomainEvent<
  'ExchangeRatesPublished',
  Readonly<{ date: string; base: string; rates: Readonly<Record<string, string>> }>
>;

export type ReportingCurrencySet = DomainEvent<'ReportingCurrencySet', Readonly<{ currency: string; previous: string | null }>>;

export type ExchangeRatesEvent = ExchangeRatesPublished;
export type ReportingCurrencyEvent = ReportingCurrencySet;

// The pattern beside the format keeps every reader (and generator) of the schema to three capitals.
const currencySchema: JsonSchema = { type: 'string', format: 'currency', pattern: '^[A-Z]{3}$' };

export const exchangeRatesEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'ExchangeRatesPublished',
    schemaVersion: 1,
    description:
      'The rates of one base currency on one date (units of each quote per 1 base, decimal strings); replaces any ' +
      'earlier publication for the same date and base.',
    schema: dataSchema({
      date: { type: 'string', format: 'date' },
      base: currencySchema,
      rates: {
        type: 'object',
        minProperties: 1,
        propertyNames: currencySchema,
        additionalProperties: { type: 'string', pattern: RATE_PATTERN },
      },
    }),
  }),
  defineEvent({
    type: 'ReportingCurrencySet',
    schemaVersion: 1,
    description: 'The workspace reports converted figures in this currency from now on; previous is the one before (null: none).',
    schema: dataSchema({
      currency: currencySchema,
      previous: { type: ['string', 'null'], format: 'currency', pattern: '^[A-Z]{3}$' },
    }),
  }),
];
