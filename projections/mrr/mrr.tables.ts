// Recurring revenue's name and tables, written once: the persistence writes one build's tables, the queries read the
// stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const MRR = 'mrr';

export const MRR_TABLES = {
  deals: 'mrr_deals',
  movements: 'mrr_movements',
} as const;

export const MRR_SCHEMA = projectionSchema(MRR, MRR_TABLES, ({ deals, movements }) => `
    -- Each deal's contract facts, what its movements are derived from; contract and renewed_by as the reducer keeps them.
    CREATE TABLE ${deals} (
      deal_id text PRIMARY KEY,
      pipeline_id text NOT NULL,
      owner_id text,
      amount numeric NOT NULL,
      currency text NOT NULL,
      revenue_type text NOT NULL,
      billing_period text,
      contract_term_months integer NOT NULL,
      renews_deal_id text,
      outcome text NOT NULL,
      contract jsonb,
      renewed_by jsonb,
      position text NOT NULL
    );
    -- Signed MRR movements: a month's figures are sums of its rows, the MRR in force the sum of every row up to it.
    CREATE TABLE ${movements} (
      deal_id text NOT NULL,
      seq integer NOT NULL,
      month date NOT NULL,
      kind text NOT NULL,
      delta numeric NOT NULL,
      currency text NOT NULL,
      owner_id text,
      pipeline_id text NOT NULL,
      event_id text NOT NULL,
      PRIMARY KEY (deal_id, seq)
    );
    CREATE INDEX ${movements}_month ON ${movements} (month);`);
