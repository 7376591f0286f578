// The marketing-contacts read model's name and tables, written once: the persistence writes one build's tables,
// the queries read the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const MARKETING_CONTACTS = 'marketing-contacts';

export const MARKETING_CONTACTS_TABLES = {
  /** One change of one contact's marketing status, valid from effective_at until valid_to (null: still). */
  changes: 'marketing_contact_changes',
  status: 'marketing_contact_status',
} as const;

export const MARKETING_CONTACTS_SCHEMA = projectionSchema(MARKETING_CONTACTS, MARKETING_CONTACTS_TABLES, ({ changes, status }) => `
    CREATE TABLE ${changes} (
      event_id uuid PRIMARY KEY,
      contact_id text NOT NULL,
      effective_at timestamptz NOT NULL,
      status text NOT NULL,
      previous text,
      reason text NOT NULL,
      valid_to timestamptz
    );
    CREATE INDEX ${changes}_feed ON ${changes} (effective_at DESC, event_id DESC);
    CREATE INDEX ${changes}_marketing ON ${changes} (effective_at) INCLUDE (valid_to)
      WHERE status = 'marketing';
    CREATE TABLE ${status} (
      contact_id text PRIMARY KEY,
      status text NOT NULL,
      merged boolean NOT NULL,
      effective_at timestamptz NOT NULL,
      event_id uuid NOT NULL
    );
    CREATE INDEX ${status}_marketing ON ${status} (contact_id)
      WHERE status = 'marketing';`);
