// The companies list's name and table, written once: the persistence writes one build's table, the queries read the
// stable view `company_list`. Every index serves the list of live companies (merged duplicates are hidden), one per
// sort and one per filter.
import { listPropertiesDdl } from '../record-lists/list-properties.persistence.js';
import { projectionSchema } from '../projection-schema.js';

export const COMPANY_LIST = 'company-list';

export const COMPANY_LIST_TABLES = {
  companies: 'company_list',
  /** The companies' custom property definitions as of this list's position: what `property.<name>` may name. */
  properties: 'company_list_properties',
} as const;

// Sort keys are compared byte by byte (COLLATE "C"): the same order, so the same pages, on PGlite and any server.
// A domain may be longer than a btree entry holds: its (equality) index is a hash.
export const COMPANY_LIST_SCHEMA = projectionSchema(COMPANY_LIST, COMPANY_LIST_TABLES, ({ companies, properties }) => `
    ${listPropertiesDdl(properties)}
    CREATE TABLE ${companies} (
      company_id text PRIMARY KEY,
      name text NOT NULL,
      name_key text COLLATE "C" NOT NULL,
      domain text,
      industry text,
      industry_key text COLLATE "C",
      employees numeric,
      country text,
      properties jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      merged_into text,
      search_text text NOT NULL
    );
    CREATE INDEX ${companies}_created ON ${companies} (created_at, company_id) WHERE merged_into IS NULL;
    CREATE INDEX ${companies}_name ON ${companies} (name_key, company_id) WHERE merged_into IS NULL;
    CREATE INDEX ${companies}_domain ON ${companies} USING hash (domain) WHERE merged_into IS NULL;
    CREATE INDEX ${companies}_industry ON ${companies} (industry_key, created_at, company_id) WHERE merged_into IS NULL;
    CREATE INDEX ${companies}_search ON ${companies} USING gin (search_text gin_trgm_ops) WHERE merged_into IS NULL;
    CREATE INDEX ${companies}_custom ON ${companies} USING gin (properties jsonb_path_ops) WHERE merged_into IS NULL;`);
