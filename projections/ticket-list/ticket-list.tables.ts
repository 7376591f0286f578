// The tickets list's name and tables, written once: the persistence writes one build's tables, the queries read the
// stable views of the active build (named by the base names). Every filter and sort has an index that ends in the
// ticket id, the tie-breaker keyset paging walks; sort keys compare byte by byte (COLLATE "C").
import type { ProjectionTables } from '#projection-engine';
import type { ProjectionSchema } from '../projection-schema.js';
import { listPropertiesDdl } from '../record-lists/list-properties.persistence.js';
import { pipelineTablesDdl, pipelineTablesIn } from '../pipeline-health/pipeline-stages.tables.js';

export const TICKET_LIST = 'ticket-list';

export const TICKET_LIST_TABLES = {
  tickets: 'ticket_list',
  pipelines: 'ticket_list_pipelines',
  stages: 'ticket_list_stages',
  properties: 'ticket_list_properties',
} as const;

const createTables = (tables: ProjectionTables): string => {
  const tickets = tables.table(TICKET_LIST_TABLES.tickets);
  return `${pipelineTablesDdl(pipelineTablesIn(TICKET_LIST_TABLES, tables))}
  ${listPropertiesDdl(tables.table(TICKET_LIST_TABLES.properties))}
  CREATE TABLE ${tickets} (
    ticket_id text PRIMARY KEY,
    subject text NOT NULL,
    subject_key text COLLATE "C" NOT NULL,
    pipeline_id text NOT NULL,
    stage_id text NOT NULL,
    priority text NOT NULL,
    -- numeric, as the cursor's key is read back: an int column compared with a numeric could not use its index
    priority_rank numeric NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'closed')),
    owner_id text,
    properties jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    search_text text NOT NULL
  );
  CREATE INDEX ${tickets}_created ON ${tickets} (created_at, ticket_id);
  CREATE INDEX ${tickets}_rank ON ${tickets} (priority_rank, ticket_id);
  CREATE INDEX ${tickets}_subject ON ${tickets} (subject_key, ticket_id);
  CREATE INDEX ${tickets}_stage ON ${tickets} (pipeline_id, stage_id, created_at, ticket_id);
  CREATE INDEX ${tickets}_owner ON ${tickets} (owner_id, created_at, ticket_id);
  CREATE INDEX ${tickets}_status ON ${tickets} (status, created_at, ticket_id);
  CREATE INDEX ${tickets}_priority ON ${tickets} (priority, created_at, ticket_id);
  CREATE INDEX ${tickets}_property_values ON ${tickets} USING gin (properties jsonb_path_ops);
  CREATE INDEX ${tickets}_search ON ${tickets} USING gin (search_text gin_trgm_ops);`;
};

export const TICKET_LIST_SCHEMA: ProjectionSchema = { name: TICKET_LIST, tables: Object.values(TICKET_LIST_TABLES), createTables };
