// The owners list's name and table, written once: the persistence writes one build's table, the queries (and the
// other lists, which join it for an owner's name) read the stable view `owner_list`.
import { projectionSchema } from '../projection-schema.js';

export const OWNER_LIST = 'owner-list';

export const OWNER_LIST_TABLES = { owners: 'owner_list' } as const;

// Sort keys are compared byte by byte (COLLATE "C"): the same order, so the same pages, on PGlite and any server.
export const OWNER_LIST_SCHEMA = projectionSchema(OWNER_LIST, OWNER_LIST_TABLES, ({ owners }) => `
    CREATE TABLE ${owners} (
      owner_id text PRIMARY KEY,
      name text NOT NULL,
      email text NOT NULL,
      team text,
      role text NOT NULL,
      created_at timestamptz NOT NULL,
      name_key text COLLATE "C" NOT NULL,
      search_text text NOT NULL
    );
    -- A team or role filter walks the name order: a company has tens or hundreds of reps, and a team's name may be
    -- longer than a btree entry holds.
    CREATE INDEX ${owners}_name ON ${owners} (name_key, owner_id);
    CREATE INDEX ${owners}_search ON ${owners} USING gin (search_text gin_trgm_ops);`);
