// The contacts list's name and table, written once: the persistence writes one build's table, the queries read the
// stable view `contact_list`. Every index serves the list of live contacts (merged duplicates are hidden), one per
// sort and one per filter (with the default sort, newest first, behind it).
import { listPropertiesDdl } from '../record-lists/list-properties.persistence.js';
import { projectionSchema } from '../projection-schema.js';

export const CONTACT_LIST = 'contact-list';

export const CONTACT_LIST_TABLES = {
  contacts: 'contact_list',
  /** The contacts' custom property definitions as of this list's position: what `property.<name>` may name. */
  properties: 'contact_list_properties',
} as const;

/** The key lastActivityAt sorts on: a contact without activity sorts before every instant (after them, newest first). */
export const activityKey = (column: string): string => `coalesce(${column}, '-infinity'::timestamptz)`;

// Sort keys are compared byte by byte (COLLATE "C"): the same order, so the same pages, on PGlite and any server.
export const CONTACT_LIST_SCHEMA = projectionSchema(CONTACT_LIST, CONTACT_LIST_TABLES, ({ contacts, properties }) => `
    ${listPropertiesDdl(properties)}
    CREATE TABLE ${contacts} (
      contact_id text PRIMARY KEY,
      email text,
      first_name text,
      last_name text,
      name text NOT NULL,
      name_key text COLLATE "C" NOT NULL,
      phone text,
      phone_digits text,
      job_title text,
      country text,
      owner_id text,
      lifecycle_stage text NOT NULL,
      marketing_status text NOT NULL,
      source text NOT NULL,
      company_id text,
      properties jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      last_activity_at timestamptz,
      merged_into text,
      search_text text NOT NULL
    );
    CREATE INDEX ${contacts}_created ON ${contacts} (created_at, contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${contacts}_activity ON ${contacts} ((${activityKey('last_activity_at')}), contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${contacts}_name ON ${contacts} (name_key, contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${contacts}_owner ON ${contacts} (owner_id, created_at, contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${contacts}_lifecycle ON ${contacts} (lifecycle_stage, created_at, contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${contacts}_marketing ON ${contacts} (marketing_status, created_at, contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${contacts}_source ON ${contacts} (source, created_at, contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${contacts}_company ON ${contacts} (company_id, created_at, contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${contacts}_search ON ${contacts} USING gin (search_text gin_trgm_ops) WHERE merged_into IS NULL;
    CREATE INDEX ${contacts}_custom ON ${contacts} USING gin (properties jsonb_path_ops) WHERE merged_into IS NULL;`);
