// The associations read model's name and tables, written once: the persistence writes one build's tables, the
// queries read the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const ASSOCIATIONS = 'associations';

export const ASSOCIATIONS_TABLES = {
  /** One row per label of a pair, (a, b) in canonical type order; label '' is the plain association. */
  associations: 'record_associations',
  /** Every record created, and where a merged one now lives: a later event naming it lands on the survivor. */
  records: 'association_records',
} as const;

export const ASSOCIATIONS_SCHEMA = projectionSchema(ASSOCIATIONS, ASSOCIATIONS_TABLES, ({ associations, records }) => `
    CREATE TABLE ${associations} (
      a_type text NOT NULL,
      a_id text NOT NULL,
      b_type text NOT NULL,
      b_id text NOT NULL,
      label text NOT NULL,
      associated_at timestamptz NOT NULL,
      position text NOT NULL,
      PRIMARY KEY (a_type, a_id, b_type, b_id, label)
    );
    CREATE INDEX ${associations}_b ON ${associations} (b_type, b_id, a_type, a_id);
    CREATE TABLE ${records} (
      object_type text NOT NULL,
      record_id text NOT NULL,
      merged_into text,
      PRIMARY KEY (object_type, record_id)
    );
    CREATE INDEX ${records}_merged_into ON ${records} (object_type, merged_into) WHERE merged_into IS NOT NULL;`);
