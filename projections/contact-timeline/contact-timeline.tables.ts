// The contact timeline's name and tables, written once: the persistence writes one build's tables, the queries
// read the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const CONTACT_TIMELINE_PROJECTION = 'contact-timeline';

export const CONTACT_TIMELINE_TABLES = {
  /** One row per (contact, event). */
  timeline: 'contact_timeline',
  /** deal/ticket/engagement -> contact, to fan later events out. */
  associations: 'contact_timeline_associations',
} as const;

export const CONTACT_TIMELINE_SCHEMA = projectionSchema(CONTACT_TIMELINE_PROJECTION, CONTACT_TIMELINE_TABLES, ({ timeline, associations }) => `
    CREATE TABLE ${timeline} (
      contact_id text NOT NULL,
      event_id text NOT NULL,
      event_type text NOT NULL,
      position text NOT NULL,
      position_commit bigint NOT NULL,
      position_prepare bigint NOT NULL,
      occurred_at timestamptz NOT NULL,
      summary text NOT NULL,
      data jsonb NOT NULL,
      -- Set on rows a primary took over from a merged duplicate: the contact the event happened to.
      merged_from text,
      -- An event has one position and one instant, so this key is as unique as (contact, event), and the same
      -- index serves the newest-first pages (scanned backwards): one index to maintain per row instead of two.
      PRIMARY KEY (contact_id, occurred_at, position_commit, position_prepare)
    );
    CREATE TABLE ${associations} (
      record text NOT NULL,
      contact_id text NOT NULL,
      PRIMARY KEY (record, contact_id)
    );`);
