// The snippets list's name and table, written once: the persistence writes one build's table, the queries read the
// stable view `snippets`.
import { projectionSchema } from '../projection-schema.js';

export const SNIPPETS = 'snippets';

export const SNIPPETS_TABLES = { snippets: 'snippets' } as const;

// Shortcuts compare byte by byte (COLLATE "C"): the same order on PGlite and any server.
export const SNIPPETS_SCHEMA = projectionSchema(SNIPPETS, SNIPPETS_TABLES, ({ snippets }) => `
    CREATE TABLE ${snippets} (
      snippet_id text PRIMARY KEY,
      shortcut text COLLATE "C" NOT NULL,
      name text NOT NULL,
      body text NOT NULL,
      variables jsonb NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX ${snippets}_shortcut ON ${snippets} (shortcut, snippet_id);`);
