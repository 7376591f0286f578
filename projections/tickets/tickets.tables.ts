// The tickets read model's name and tables, written once: the persistence writes one build's tables, the queries
// read the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const TICKETS = 'tickets';

export const TICKETS_TABLES = {
  tickets: 'tickets',
  pipelines: 'ticket_pipelines',
} as const;

export const TICKETS_SCHEMA = projectionSchema(TICKETS, TICKETS_TABLES, ({ tickets, pipelines }) => `
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
    CREATE TABLE ${pipelines} (
      pipeline_id text PRIMARY KEY,
      name text NOT NULL,
      stages jsonb NOT NULL
    );`);
