// Lead scores' name and tables, written once: the persistence writes one build's tables, the queries read the stable
// views of the active build (named by the base names) or, to compare builds, one build's own tables.
import { projectionSchema } from '../projection-schema.js';

export const LEAD_SCORE_PROJECTION = 'lead-score';

export const LEAD_SCORE_TABLES = {
  scores: 'lead_scores',
  contributions: 'lead_score_contributions',
  events: 'lead_score_events',
  /** Every change of a contact's qualification, with the event that caused it: workflows enrol on them. */
  qualificationChanges: 'lead_score_qualification_changes',
} as const;

export const LEAD_SCORE_SCHEMA = projectionSchema(LEAD_SCORE_PROJECTION, LEAD_SCORE_TABLES, ({ scores, contributions, events, qualificationChanges }) => `
    CREATE TABLE ${scores} (
      contact_id text PRIMARY KEY,
      properties jsonb NOT NULL,
      fit numeric(14, 2) NOT NULL,
      engagement numeric(14, 2) NOT NULL,
      total numeric(14, 2) NOT NULL,
      qualification text NOT NULL CHECK (qualification IN ('none', 'mql', 'sql')),
      formula_id text NOT NULL,
      as_of timestamptz NOT NULL,
      position text NOT NULL,
      merged_into text
    );
    -- Lists never show merged duplicates; the top-N query walks the first index.
    CREATE INDEX ${scores}_total_idx ON ${scores} (total DESC, contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${scores}_qualification_idx ON ${scores} (qualification, total DESC, contact_id) WHERE merged_into IS NULL;
    CREATE INDEX ${scores}_as_of_idx ON ${scores} (as_of DESC, contact_id) WHERE merged_into IS NULL;
    CREATE TABLE ${contributions} (
      contact_id text NOT NULL,
      ordinal int NOT NULL,
      group_id text NOT NULL,
      rule_id text NOT NULL,
      event_id text,
      event_type text,
      stream_name text,
      revision bigint,
      position text,
      occurred_at timestamptz,
      raw_points numeric(14, 2) NOT NULL,
      decay_factor double precision NOT NULL,
      points numeric(14, 2) NOT NULL,
      cut_by_rule_cap numeric(14, 2) NOT NULL,
      cut_by_group_limit numeric(14, 2) NOT NULL,
      cut_by_total_limit numeric(14, 2) NOT NULL,
      counted numeric(14, 2) NOT NULL,
      PRIMARY KEY (contact_id, ordinal)
    );
    CREATE TABLE ${events} (
      contact_id text NOT NULL,
      event_id text NOT NULL,
      event_type text NOT NULL,
      stream_name text NOT NULL,
      revision bigint NOT NULL,
      position text NOT NULL,
      occurred_at timestamptz NOT NULL,
      data jsonb NOT NULL,
      PRIMARY KEY (contact_id, event_id)
    );
    CREATE TABLE ${qualificationChanges} (
      contact_id text NOT NULL,
      -- Of the causing event; commit and prepare order the rows as the log does.
      position text NOT NULL,
      position_commit bigint NOT NULL,
      position_prepare bigint NOT NULL,
      event_id text NOT NULL,
      occurred_at timestamptz NOT NULL,
      previous text NOT NULL,
      qualification text NOT NULL,
      formula_id text NOT NULL,
      total numeric(14, 2) NOT NULL,
      PRIMARY KEY (contact_id, event_id)
    );
    -- The workflow runner reads the changes in log order, a window of positions at a time.
    CREATE INDEX ${qualificationChanges}_position_idx ON ${qualificationChanges} (position_commit, position_prepare, contact_id);`);
