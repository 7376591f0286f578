// The deals list's name and tables, written once: the persistence writes one build's tables, the queries read the
// stable views of the active build (named by the base names). Every filter and sort has an index that ends in the
// deal id, the tie-breaker keyset paging walks; sort keys compare byte by byte (COLLATE "C"), so pages are the same
// on PGlite and any server.
import type { ProjectionTables } from '#projection-engine';
import type { ProjectionSchema } from '../projection-schema.js';
import { pipelineTablesDdl, pipelineTablesIn } from '../pipeline-health/pipeline-stages.tables.js';
import { listPropertiesDdl } from '../record-lists/list-properties.persistence.js';

export const DEAL_LIST = 'deal-list';

export const DEAL_LIST_TABLES = {
  deals: 'deal_list',
  pipelines: 'deal_list_pipelines',
  stages: 'deal_list_stages',
  properties: 'deal_list_properties',
} as const;

const createTables = (tables: ProjectionTables): string => {
  const deals = tables.table(DEAL_LIST_TABLES.deals);
  return `${pipelineTablesDdl(pipelineTablesIn(DEAL_LIST_TABLES, tables))}
  ${listPropertiesDdl(tables.table(DEAL_LIST_TABLES.properties))}
  CREATE TABLE ${deals} (
    deal_id text PRIMARY KEY,
    name text NOT NULL,
    name_key text COLLATE "C" NOT NULL,
    pipeline_id text NOT NULL,
    stage_id text NOT NULL,
    amount numeric NOT NULL,
    currency text NOT NULL,
    -- as the event spells it (YYYY-MM-DD): compares and sorts as the day it names
    close_date text COLLATE "C" NOT NULL,
    owner_id text,
    outcome text NOT NULL CHECK (outcome IN ('open', 'won', 'lost')),
    contract_term_months int NOT NULL,
    revenue_type text NOT NULL CHECK (revenue_type IN ('one-off', 'recurring')),
    billing_period text CHECK (billing_period IN ('month', 'quarter', 'year')),
    renews_deal_id text,
    -- a recurring deal's amount / contract_term_months in the currency's digits; null for one-off
    mrr numeric,
    -- business time of the latest DealWon or DealLost; null while open
    closed_at timestamptz,
    company_id text,
    properties jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    search_text text NOT NULL,
    -- the revision of the last event in the deal's stream, for If-Match
    revision int NOT NULL
  );
  CREATE INDEX ${deals}_created ON ${deals} (created_at, deal_id);
  CREATE INDEX ${deals}_close ON ${deals} (close_date, deal_id);
  CREATE INDEX ${deals}_amount ON ${deals} (amount, deal_id);
  CREATE INDEX ${deals}_name ON ${deals} (name_key, deal_id);
  CREATE INDEX ${deals}_stage ON ${deals} (pipeline_id, stage_id, created_at, deal_id);
  CREATE INDEX ${deals}_owner ON ${deals} (owner_id, created_at, deal_id);
  CREATE INDEX ${deals}_outcome ON ${deals} (outcome, created_at, deal_id);
  CREATE INDEX ${deals}_currency ON ${deals} (currency, amount, deal_id);
  CREATE INDEX ${deals}_company ON ${deals} (company_id);
  CREATE INDEX ${deals}_closed ON ${deals} (closed_at, deal_id);
  CREATE INDEX ${deals}_property_values ON ${deals} USING gin (properties jsonb_path_ops);
  CREATE INDEX ${deals}_search ON ${deals} USING gin (search_text gin_trgm_ops);`;
};

export const DEAL_LIST_SCHEMA: ProjectionSchema = { name: DEAL_LIST, tables: Object.values(DEAL_LIST_TABLES), createTables };
