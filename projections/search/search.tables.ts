// The search read model's name and tables, written once: one row per contact, company, deal and ticket with the
// text it is found by; the words of those texts, by record and (the Latin ones, for typos) each once with the number
// of records holding it; and the deal and ticket pipelines (their names find their records; their stage labels show).
import { projectionSchema } from '../projection-schema.js';

export const SEARCH_PROJECTION = 'search';

/** How much of a record's search text a typo is scored against (its title comes first). */
export const TYPO_TEXT_CHARS = 1000;

export const SEARCH_TABLES = {
  records: 'search_records',
  pipelines: 'search_pipelines',
  recordWords: 'search_record_words',
  words: 'search_words',
} as const;

export const SEARCH_SCHEMA = projectionSchema(SEARCH_PROJECTION, SEARCH_TABLES, ({ records, pipelines, recordWords, words }) => `
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
    CREATE INDEX ${records}_grams ON ${records} USING gin (search_grams jsonb_path_ops);
    CREATE INDEX ${records}_name ON ${records} USING gin (name_key gin_trgm_ops);
    CREATE INDEX ${records}_phone ON ${records} (phone_digits) WHERE phone_digits IS NOT NULL;
    CREATE INDEX ${records}_email ON ${records} (email) WHERE email IS NOT NULL;
    CREATE INDEX ${records}_email_key ON ${records} (email_key) WHERE email_key IS NOT NULL;
    CREATE INDEX ${records}_domain ON ${records} (domain) WHERE domain IS NOT NULL;
    CREATE INDEX ${records}_company ON ${records} (company_id) WHERE company_id IS NOT NULL;
    CREATE INDEX ${records}_pipeline ON ${records} (pipeline_id, object_type) WHERE pipeline_id IS NOT NULL;
    -- A word start is a range of this key (bytewise: a generic plan serves it too), a page of records its first rows.
    CREATE TABLE ${recordWords} (
      word text COLLATE "C" NOT NULL,
      object_type text NOT NULL,
      record_id text NOT NULL,
      PRIMARY KEY (word, object_type, record_id)
    );
    -- Typos: the nearest distinct words (KNN over thousands of names, not over every record's text), then their records.
    CREATE TABLE ${words} (
      word text COLLATE "C" PRIMARY KEY,
      records int NOT NULL CHECK (records > 0)
    );
    CREATE INDEX ${words}_near ON ${words} USING gist (word gist_trgm_ops);
    CREATE TABLE ${pipelines} (
      pipeline_id text PRIMARY KEY,
      object_type text NOT NULL,
      name text NOT NULL,
      search_name text NOT NULL,
      stages jsonb NOT NULL
    );`);
