// The exchange-rates read model's name and tables, written once: the persistence writes one build's tables, the
// queries read the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const EXCHANGE_RATES = 'exchange-rates';

export const EXCHANGE_RATES_TABLES = {
  /** The rates in force per publication date and base: a later publication for the same pair of keys replaces its rows. */
  rates: 'exchange_rates',
  /** The workspace's reporting currency: at most one row. */
  reportingCurrency: 'exchange_rates_reporting_currency',
} as const;

export const EXCHANGE_RATES_SCHEMA = projectionSchema(EXCHANGE_RATES, EXCHANGE_RATES_TABLES, ({ rates, reportingCurrency }) => `
    CREATE TABLE ${rates} (
      rate_date date NOT NULL,
      base text NOT NULL,
      quote text NOT NULL,
      rate numeric NOT NULL,
      event_id uuid NOT NULL,
      published_at timestamptz NOT NULL
    );
    -- What a publication replaces: the rows of its date and base.
    CREATE INDEX ${rates}_date_base ON ${rates} (rate_date, base);
    CREATE TABLE ${reportingCurrency} (
      singleton boolean PRIMARY KEY CHECK (singleton),
      currency text NOT NULL,
      previous text,
      event_id uuid NOT NULL,
      set_at timestamptz NOT NULL
    );`);
