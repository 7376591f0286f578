// The playbooks list's name and table, written once: the persistence writes one build's table, the queries read the
// stable view `playbooks`.
import { projectionSchema } from '../projection-schema.js';

export const PLAYBOOKS = 'playbooks';

export const PLAYBOOKS_TABLES = { playbooks: 'playbooks' } as const;

export const PLAYBOOKS_SCHEMA = projectionSchema(PLAYBOOKS, PLAYBOOKS_TABLES, ({ playbooks }) => `
    CREATE TABLE ${playbooks} (
      playbook_id text PRIMARY KEY,
      name text NOT NULL,
      team text NOT NULL,
      version integer NOT NULL,
      archived boolean NOT NULL,
      questions jsonb NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX ${playbooks}_team ON ${playbooks} (team, playbook_id);`);
