// The forms read model's name and tables, written once: the persistence writes one build's tables, the queries read
// the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const FORMS = 'forms';

export const FORMS_TABLES = {
  forms: 'forms_definitions',
  submissions: 'forms_submissions',
} as const;

// Submissions are counted by form id as FormSubmitted names it (a form defined elsewhere, `demo`, counts too).
export const FORMS_SCHEMA = projectionSchema(FORMS, FORMS_TABLES, ({ forms, submissions }) => `
    CREATE TABLE ${forms} (
      form_id text PRIMARY KEY,
      name text NOT NULL,
      version integer NOT NULL,
      field_count integer NOT NULL,
      consent_policy text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX ${forms}_created ON ${forms} (created_at, form_id);
    CREATE TABLE ${submissions} (
      form_id text PRIMARY KEY,
      submissions bigint NOT NULL,
      last_submitted_at timestamptz NOT NULL
    );`);
