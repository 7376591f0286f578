// The exchange-rates read model's name and tables, written once: the persistence writes one build's tables, the
// queries read the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const EXCHANGE_RATES = 'exchange-rates';

export const EXCHANGE_RATES_TABLES = {
  /** The rates in force per publication date and base: a later publication for the same pair of keys replaces its rows. */
  rates: 'exchange_rates',
  /** The workspace's reporting currency: at most one row. */
  reportingCurrency: 'exchange_rates_reporting_currency',
  /**
   * Every publication ever made, quote by quote, with its business time and its revision in its date's stream: the
   * rate book as it stood at any instant (for each date and base, the last publication that had occurred by then).
   */
  publications: 'exchange_rates_publications',
  /** Every reporting currency ever set, with its business time and revision: the setting as it stood at any instant. */
  reportingCurrencies: 'exchange_rates_reporting_currencies',
} as const;

export const EXCHANGE_RATES_SCHEMA = projectionSchema(EXCHANGE_RATES, EXCHANGE_RATES_TABLES, ({ rates, reportingCurrency, publications, reportingCurrencies }) => `
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
    );
    CREATE TABLE ${publications} (
      rate_date date NOT NULL,
      base text NOT NULL,
      quote text NOT NULL,
      rate numeric NOT NULL,
      event_id uuid NOT NULL,
      revision integer NOT NULL,
      occurred_at timestamptz NOT NULL
    );
    -- The last publication per date and base by an instant; a publication's quotes (no key on quote: any text fits).
    CREATE INDEX ${publications}_date_base ON ${publications} (rate_date, base, revision);
    CREATE INDEX ${publications}_event ON ${publications} (event_id);
    CREATE TABLE ${reportingCurrencies} (
      event_id uuid PRIMARY KEY,
      currency text NOT NULL,
      previous text,
      revision integer NOT NULL,
      occurred_at timestamptz NOT NULL
    );`);
