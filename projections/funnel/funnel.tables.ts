// The funnel's name and tables, written once: the persistence writes one build's tables, the queries read the stable
// views of the active build (named by the base names). Every row is a fact with its business instant and the log
// position of its event, never a running state, so any "as of" date is a filter at query time.
import { projectionSchema } from '../projection-schema.js';

export const FUNNEL = 'funnel';

export const FUNNEL_TABLES = {
  contacts: 'funnel_contacts',
  stageEntries: 'funnel_stage_entries',
  touches: 'funnel_touches',
  merges: 'funnel_merges',
  deals: 'funnel_deals',
  dealContacts: 'funnel_deal_contacts',
  outcomes: 'funnel_outcomes',
} as const;

// pos_commit/pos_prepare: the event's log position, the tie-break between facts of one instant.
export const FUNNEL_SCHEMA = projectionSchema(FUNNEL, FUNNEL_TABLES, (t) => `
    -- One row per ContactCreated: the cohort (created_at) and the way in (source).
    CREATE TABLE ${t.contacts} (
      contact_id text PRIMARY KEY,
      created_at timestamptz NOT NULL,
      source text NOT NULL,
      event_id text NOT NULL
    );
    CREATE INDEX ${t.contacts}_created ON ${t.contacts} (created_at, contact_id);
    -- Every lifecycle stage a contact entered: its creation's stage and each change.
    CREATE TABLE ${t.stageEntries} (
      event_id text PRIMARY KEY,
      contact_id text NOT NULL,
      stage text NOT NULL,
      entered_at timestamptz NOT NULL,
      pos_commit bigint NOT NULL,
      pos_prepare bigint NOT NULL
    );
    CREATE INDEX ${t.stageEntries}_contact ON ${t.stageEntries} (contact_id, entered_at);
    -- Every touch (creation, a campaign-tagged or referred visit, a tagged form, an email click) with its source.
    CREATE TABLE ${t.touches} (
      event_id text PRIMARY KEY,
      contact_id text NOT NULL,
      kind text NOT NULL,
      source text NOT NULL,
      touched_at timestamptz NOT NULL,
      pos_commit bigint NOT NULL,
      pos_prepare bigint NOT NULL
    );
    CREATE INDEX ${t.touches}_contact ON ${t.touches} (contact_id, touched_at);
    -- A duplicate merged into its primary: from merged_at on, its stages and touches are the primary's.
    CREATE TABLE ${t.merges} (
      event_id text PRIMARY KEY,
      contact_id text NOT NULL,
      merged_into text NOT NULL,
      merged_at timestamptz NOT NULL
    );
    CREATE TABLE ${t.deals} (
      deal_id text PRIMARY KEY,
      created_at timestamptz NOT NULL,
      event_id text NOT NULL
    );
    CREATE INDEX ${t.deals}_created ON ${t.deals} (created_at, deal_id);
    -- Each change of a deal-contact association (label '' for a plain one): the pair is associated while a label is.
    CREATE TABLE ${t.dealContacts} (
      event_id text NOT NULL,
      deal_id text NOT NULL,
      contact_id text NOT NULL,
      label text NOT NULL,
      added boolean NOT NULL,
      changed_at timestamptz NOT NULL,
      pos_commit bigint NOT NULL,
      pos_prepare bigint NOT NULL,
      PRIMARY KEY (event_id, deal_id, contact_id, label)
    );
    CREATE INDEX ${t.dealContacts}_deal ON ${t.dealContacts} (deal_id, contact_id);
    -- Each win, loss and reopen: a deal's outcome as of a date is its latest one by then.
    CREATE TABLE ${t.outcomes} (
      event_id text PRIMARY KEY,
      deal_id text NOT NULL,
      outcome text NOT NULL,
      amount numeric,
      currency text,
      closed_at timestamptz NOT NULL,
      pos_commit bigint NOT NULL,
      pos_prepare bigint NOT NULL
    );
    CREATE INDEX ${t.outcomes}_deal ON ${t.outcomes} (deal_id, closed_at);`);
