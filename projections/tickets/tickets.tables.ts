// The tickets read model's name and tables, written once: the persistence writes one build's tables, the queries
// read the stable views of the active build (named by the base names).
import type { ProjectionTables } from '../../libs/projection-engine/src/index.js';
import type { ProjectionSchema } from '../projection-schema.js';

export const TICKETS = 'tickets';

export const TICKETS_TABLES = {
  tickets: 'tickets',
  pipelines: 'ticket_pipelines',
} as const;

const createTables = ({ table }: ProjectionTables): string => {
  const tickets = table(TICKETS_TABLES.tickets);
  return `
    CREATE TABLE ${tickets} (
      ticket_id text PRIMARY KEY,
      pipeline_id text NOT NULL,
      stage_id text NOT NULL,
      priority text NOT NULL,
      owner_id text,
      status text NOT NULL CHECK (status IN ('open', 'closed')),
      created_at timestamptz NOT NULL,
      closed_at timestamptz,
      entered_stage_at timestamptz NOT NULL
    );
    CREATE INDEX ${tickets}_open ON ${tickets} (pipeline_id, stage_id, created_at) WHERE status = 'open';
    CREATE INDEX ${tickets}_created ON ${tickets} (created_at, pipeline_id);
    CREATE TABLE ${table(TICKETS_TABLES.pipelines)} (
      pipeline_id text PRIMARY KEY,
      name text NOT NULL,
      stages jsonb NOT NULL
    );`;
};

export const TICKETS_SCHEMA: ProjectionSchema = { name: TICKETS, tables: Object.values(TICKETS_TABLES), createTables };
