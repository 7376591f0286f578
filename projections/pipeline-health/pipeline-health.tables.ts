// Pipeline health's name and tables, written once: the persistence writes one build's tables, the queries read the
// stable views of the active build (named by the base names). Indexes serve the stuck counts, the ages of deals
// entered after the asked instant, and the stuck list.
import type { ProjectionTables } from '#projection-engine';
import type { ProjectionSchema } from '../projection-schema.js';
import { pipelineTablesDdl, pipelineTablesIn } from './pipeline-stages.tables.js';

export const PIPELINE_HEALTH = 'pipeline-health';

export const PIPELINE_HEALTH_TABLES = {
  pipelines: 'pipeline_health_pipelines',
  stages: 'pipeline_health_stages',
  deals: 'pipeline_health_deals',
  totals: 'pipeline_health_totals',
} as const;

const createTables = (tables: ProjectionTables): string => {
  const deals = tables.table(PIPELINE_HEALTH_TABLES.deals);
  const totals = tables.table(PIPELINE_HEALTH_TABLES.totals);
  return `${pipelineTablesDdl(pipelineTablesIn(PIPELINE_HEALTH_TABLES, tables))}
  CREATE TABLE ${deals} (
    deal_id text PRIMARY KEY,
    name text NOT NULL,
    pipeline_id text NOT NULL,
    stage_id text NOT NULL,
    amount numeric NOT NULL,
    currency text NOT NULL,
    owner_id text,
    -- as the event spells it: the schema allows any YYYY-MM-DD, and only its month is ever read
    close_date text NOT NULL,
    outcome text NOT NULL,
    entered_stage_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    closed_at timestamptz
  ) WITH (fillfactor = 80);
  CREATE INDEX ${deals}_open_stage_idx ON ${deals} (pipeline_id, stage_id, entered_stage_at) INCLUDE (currency) WHERE outcome = 'open';
  CREATE INDEX ${deals}_open_age_idx ON ${deals} (entered_stage_at, deal_id) WHERE outcome = 'open';
  -- Sums of the deals' stored values, kept exact in numeric; a group whose deals all moved on has no row.
  CREATE TABLE ${totals} (
    pipeline_id text NOT NULL,
    stage_id text NOT NULL,
    currency text NOT NULL,
    outcome text NOT NULL,
    close_month text NOT NULL,
    deals int NOT NULL,
    amount numeric NOT NULL,
    entered_epoch numeric NOT NULL,
    PRIMARY KEY (pipeline_id, stage_id, currency, outcome, close_month)
  );`;
};

export const PIPELINE_HEALTH_SCHEMA: ProjectionSchema = { name: PIPELINE_HEALTH, tables: Object.values(PIPELINE_HEALTH_TABLES), createTables };
