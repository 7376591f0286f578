// The search read model's name and tables, written once: one row per contact, company, deal and ticket with the
// text it is found by, and the deal and ticket pipelines (their names find their records; their stage labels show).
import { projectionSchema } from '../projection-schema.js';

export const SEARCH_PROJECTION = 'search';

/** How much of a record's search text typo matching reads (its title comes first): at most ~1.5k trigrams of 3 bytes. */
export const TYPO_TEXT_CHARS = 1000;

export const SEARCH_TABLES = {
  records: 'search_records',
  pipelines: 'search_pipelines',
} as const;

export const SEARCH_SCHEMA = projectionSchema(SEARCH_PROJECTION, SEARCH_TABLES, ({ records, pipelines }) => `
    CREATE TABLE ${records} (
      object_type text NOT NULL CHECK (object_type IN ('contact', 'company', 'deal', 'ticket')),
      record_id text NOT NULL,
      title text NOT NULL,
      subtitle text,
      search_text text NOT NULL,
      search_grams jsonb NOT NULL,
      name_key text NOT NULL,
      phone_digits text,
      email text,
      email_key text,
      domain text,
      company_id text,
      pipeline_id text,
      stage_id text,
      fields jsonb NOT NULL,
      properties jsonb NOT NULL,
      merged_into text,
      updated_position text NOT NULL,
      PRIMARY KEY (object_type, record_id)
    );
    CREATE INDEX ${records}_text ON ${records} USING gin (search_text gin_trgm_ops);
    -- Typos: nearest words first (KNN), stopping after a page. A longer signature than the default 12 bytes keeps a
    -- record's trigrams apart enough that the scan reads few pages; a leaf holds every trigram of its text, so the
    -- text is bounded to fit an index row (8 kB) whatever a record holds.
    CREATE INDEX ${records}_words ON ${records} USING gist ((left(search_text, ${TYPO_TEXT_CHARS})) gist_trgm_ops(siglen=256));
    CREATE INDEX ${records}_grams ON ${records} USING gin (search_grams jsonb_path_ops);
    CREATE INDEX ${records}_name ON ${records} USING gin (name_key gin_trgm_ops);
    CREATE INDEX ${records}_phone ON ${records} (phone_digits) WHERE phone_digits IS NOT NULL;
    CREATE INDEX ${records}_email ON ${records} (email) WHERE email IS NOT NULL;
    CREATE INDEX ${records}_email_key ON ${records} (email_key) WHERE email_key IS NOT NULL;
    CREATE INDEX ${records}_domain ON ${records} (domain) WHERE domain IS NOT NULL;
    CREATE INDEX ${records}_company ON ${records} (company_id) WHERE company_id IS NOT NULL;
    CREATE INDEX ${records}_pipeline ON ${records} (pipeline_id, object_type) WHERE pipeline_id IS NOT NULL;
    CREATE TABLE ${pipelines} (
      pipeline_id text PRIMARY KEY,
      object_type text NOT NULL,
      name text NOT NULL,
      search_name text NOT NULL,
      stages jsonb NOT NULL
    );`);
