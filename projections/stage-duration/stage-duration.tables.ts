// Stage durations' name and tables, written once: the persistence writes one build's tables, the queries read the
// stable views of the active build (named by the base names).
import type { ProjectionTables } from '#projection-engine';
import type { ProjectionSchema } from '../projection-schema.js';
import { pipelineTablesDdl, pipelineTablesIn } from '../pipeline-health/pipeline-stages.tables.js';

export const STAGE_DURATION = 'stage-duration';

export const STAGE_DURATION_TABLES = {
  pipelines: 'stage_duration_pipelines',
  stages: 'stage_duration_stages',
  visits: 'stage_duration_visits',
  deals: 'stage_duration_deals',
} as const;

const createTables = (tables: ProjectionTables): string => {
  const visits = tables.table(STAGE_DURATION_TABLES.visits);
  const deals = tables.table(STAGE_DURATION_TABLES.deals);
  return `${pipelineTablesDdl(pipelineTablesIn(STAGE_DURATION_TABLES, tables))}
  CREATE TABLE ${visits} (
    deal_id text NOT NULL,
    seq int NOT NULL,
    pipeline_id text NOT NULL,
    stage_id text NOT NULL,
    visit int NOT NULL,
    entered_at timestamptz NOT NULL,
    exited_at timestamptz,
    exited_to text,
    duration_ms bigint,
    PRIMARY KEY (deal_id, seq)
  ) WITH (fillfactor = 80);
  CREATE INDEX ${visits}_stage_idx ON ${visits} (pipeline_id, stage_id, entered_at, deal_id, seq);
  CREATE INDEX ${visits}_entered_idx ON ${visits} (entered_at, deal_id, seq);
  CREATE TABLE ${deals} (
    deal_id text PRIMARY KEY,
    pipeline_id text NOT NULL,
    stage_id text NOT NULL,
    seq int NOT NULL,
    visit int NOT NULL,
    entered_at timestamptz NOT NULL,
    visit_counts jsonb NOT NULL
  ) WITH (fillfactor = 80);`;
};

export const STAGE_DURATION_SCHEMA: ProjectionSchema = { name: STAGE_DURATION, tables: Object.values(STAGE_DURATION_TABLES), createTables };
