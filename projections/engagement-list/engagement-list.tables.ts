// The engagements list's name and table, written once: the persistence writes one build's table, the queries read
// the stable view `engagement_list` (and join the owners list for the owner's name).
import { projectionSchema } from '../projection-schema.js';

export const ENGAGEMENT_LIST = 'engagement-list';

export const ENGAGEMENT_LIST_TABLES = { engagements: 'engagement_list' } as const;

// The record ids are jsonb arrays so that `contact_ids @> '["c-1"]'` filters through a GIN index (jsonb_path_ops).
// The task queue sorts by due time (none last), then priority (high first), then id: the partial indexes hold
// tasks only, with and without the owner in front.
export const ENGAGEMENT_LIST_SCHEMA = projectionSchema(ENGAGEMENT_LIST, ENGAGEMENT_LIST_TABLES, ({ engagements }) => `
    CREATE TABLE ${engagements} (
      engagement_id text PRIMARY KEY,
      kind text NOT NULL,
      owner_id text NOT NULL,
      subject text,
      body text,
      outcome text,
      -- float8: the schema bounds no duration, and a JSON integer past int8 must not park the build.
      duration_minutes float8,
      occurred_at timestamptz NOT NULL,
      due_at timestamptz,
      priority text,
      priority_rank smallint NOT NULL,
      status text CHECK (status IN ('open', 'completed')),
      completed_at timestamptz,
      completed_by text,
      contact_ids jsonb NOT NULL,
      company_ids jsonb NOT NULL,
      deal_ids jsonb NOT NULL,
      ticket_ids jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX ${engagements}_occurred ON ${engagements} (occurred_at, engagement_id);
    CREATE INDEX ${engagements}_created ON ${engagements} (created_at, engagement_id);
    CREATE INDEX ${engagements}_updated ON ${engagements} (updated_at, engagement_id);
    CREATE INDEX ${engagements}_owner ON ${engagements} (owner_id, occurred_at, engagement_id);
    CREATE INDEX ${engagements}_contacts ON ${engagements} USING gin (contact_ids jsonb_path_ops);
    CREATE INDEX ${engagements}_companies ON ${engagements} USING gin (company_ids jsonb_path_ops);
    CREATE INDEX ${engagements}_deals ON ${engagements} USING gin (deal_ids jsonb_path_ops);
    CREATE INDEX ${engagements}_tickets ON ${engagements} USING gin (ticket_ids jsonb_path_ops);
    CREATE INDEX ${engagements}_tasks ON ${engagements} (status, (coalesce(due_at, 'infinity')), priority_rank, engagement_id) WHERE kind = 'task';
    CREATE INDEX ${engagements}_owner_tasks ON ${engagements} (owner_id, status, (coalesce(due_at, 'infinity')), priority_rank, engagement_id) WHERE kind = 'task';`);
