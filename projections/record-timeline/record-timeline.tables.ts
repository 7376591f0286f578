// The record timelines' name and tables, written once: the persistence writes one build's tables, the queries read
// the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const RECORD_TIMELINE_PROJECTION = 'record-timeline';

export const RECORD_TIMELINE_TABLES = {
  /** One row per (record, event, way it got there): via '' is the record's own event. */
  timeline: 'record_timeline',
  /** One row per event: what every timeline shows of it. */
  events: 'record_timeline_events',
  /** The association state, as of the last applied event: one row per direction and label. */
  associations: 'record_timeline_associations',
  /** The records each engagement was logged on. */
  anchors: 'record_timeline_anchors',
  /** Merged duplicates: the record each one went into. */
  merges: 'record_timeline_merges',
} as const;

export const RECORD_TIMELINE_SCHEMA = projectionSchema(
  RECORD_TIMELINE_PROJECTION,
  RECORD_TIMELINE_TABLES,
  ({ timeline, events, associations, anchors, merges }) => `
    CREATE TABLE ${timeline} (
      record_type text NOT NULL,
      record_id text NOT NULL,
      position_commit bigint NOT NULL,
      position_prepare bigint NOT NULL,
      -- '' on the record's own events; the record it came through otherwise: an associated record (an engagement
      -- rolled up) or, of the same type, the merged duplicate the event happened to.
      via_type text NOT NULL,
      via_id text NOT NULL,
      event_id text NOT NULL,
      -- Kept beside the key so that the types filter reads no other table.
      event_type text NOT NULL,
      -- An engagement event the record holds itself (logged on it, or on a duplicate merged into it): it rolls up
      -- to the records associated with this one.
      rolls_up boolean NOT NULL,
      -- Scanned backwards, the key serves the newest-first pages: one index per row to maintain.
      PRIMARY KEY (record_type, record_id, position_commit, position_prepare, via_type, via_id)
    );
    CREATE TABLE ${events} (
      event_id text PRIMARY KEY,
      event_type text NOT NULL,
      position text NOT NULL,
      occurred_at timestamptz NOT NULL,
      actor text NOT NULL,
      summary text NOT NULL,
      previous jsonb,
      data jsonb NOT NULL
    );
    CREATE TABLE ${associations} (
      record_key text NOT NULL,
      other_type text NOT NULL,
      other_id text NOT NULL,
      -- '' for a plain association.
      label text NOT NULL,
      PRIMARY KEY (record_key, other_type, other_id, label)
    );
    CREATE TABLE ${anchors} (
      engagement_id text NOT NULL,
      record_type text NOT NULL,
      record_id text NOT NULL,
      PRIMARY KEY (engagement_id, record_type, record_id)
    );
    CREATE TABLE ${merges} (
      record_key text PRIMARY KEY,
      into_id text NOT NULL
    );`,
);
