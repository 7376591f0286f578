// Deal history's name and tables, written once. Valid time: each row is one version of a deal (or of a pipeline with
// its stages), valid from its event's business time (occurredAt) until the next version's; valid_to null is the
// version in force now. A question "as of T" reads the rows with valid_from <= T < valid_to.
import type { ProjectionTables } from '#projection-engine';
import type { ProjectionSchema } from '../projection-schema.js';

export const DEAL_HISTORY = 'deal-history';

export const DEAL_HISTORY_TABLES = {
  deals: 'deal_history_deals',
  pipelines: 'deal_history_pipelines',
  stages: 'deal_history_stages',
} as const;

const createTables = ({ table }: ProjectionTables): string => {
  const deals = table(DEAL_HISTORY_TABLES.deals);
  const pipelines = table(DEAL_HISTORY_TABLES.pipelines);
  const stages = table(DEAL_HISTORY_TABLES.stages);
  return `
  CREATE TABLE ${deals} (
    deal_id text NOT NULL,
    seq int NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    position_commit bigint NOT NULL,
    position_prepare bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    valid_from timestamptz NOT NULL,
    valid_to timestamptz,
    name text NOT NULL,
    pipeline_id text NOT NULL,
    stage_id text NOT NULL,
    -- the stage's probability when this version began; queries weight by the stage as it stood at their asOf
    probability numeric,
    amount numeric NOT NULL,
    currency text NOT NULL,
    -- the expected close date as the event spells it
    close_date text NOT NULL,
    outcome text NOT NULL,
    closed_at timestamptz,
    entered_stage_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    owner_id text,
    revenue_type text NOT NULL,
    billing_period text,
    contract_term_months int NOT NULL,
    PRIMARY KEY (deal_id, seq)
  ) WITH (fillfactor = 90);
  CREATE INDEX ${deals}_valid_idx ON ${deals} (valid_from, valid_to);
  CREATE INDEX ${deals}_current_idx ON ${deals} (outcome, closed_at) WHERE valid_to IS NULL;
  CREATE TABLE ${pipelines} (
    pipeline_id text NOT NULL,
    seq int NOT NULL,
    event_id text NOT NULL,
    position_commit bigint NOT NULL,
    position_prepare bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    valid_from timestamptz NOT NULL,
    valid_to timestamptz,
    object_type text NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (pipeline_id, seq)
  );
  CREATE TABLE ${stages} (
    pipeline_id text NOT NULL,
    seq int NOT NULL,
    stage_id text NOT NULL,
    label text NOT NULL,
    probability numeric NOT NULL,
    sort_order int NOT NULL,
    closed text,
    stuck_after_days int,
    archived boolean NOT NULL,
    PRIMARY KEY (pipeline_id, seq, stage_id)
  );`;
};

export const DEAL_HISTORY_SCHEMA: ProjectionSchema = { name: DEAL_HISTORY, tables: Object.values(DEAL_HISTORY_TABLES), createTables };
