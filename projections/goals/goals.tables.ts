// The goals read model's name and tables, written once: the persistence writes one build's tables, the queries read
// the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const GOALS = 'goals';

export const GOALS_TABLES = {
  goals: 'goals_definitions',
  owners: 'goals_owner_teams',
  wonDeals: 'goals_won_deals',
  engagements: 'goals_engagements',
} as const;

export const GOALS_SCHEMA = projectionSchema(GOALS, GOALS_TABLES, ({ goals, owners, wonDeals, engagements }) => `
    CREATE TABLE ${goals} (
      goal_id text PRIMARY KEY,
      owner_id text,
      team text,
      period text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      metric text NOT NULL,
      currency text,
      target text NOT NULL,
      set_event_id text NOT NULL,
      target_event_id text NOT NULL
    );
    CREATE INDEX ${goals}_period ON ${goals} (period);
    CREATE TABLE ${owners} (
      owner_id text PRIMARY KEY,
      team text
    );
    CREATE TABLE ${wonDeals} (
      deal_id text PRIMARY KEY,
      owner_id text NOT NULL,
      team text,
      currency text NOT NULL,
      amount numeric NOT NULL,
      won_at timestamptz NOT NULL,
      won_event_id text NOT NULL,
      amount_event_id text
    );
    CREATE INDEX ${wonDeals}_owner ON ${wonDeals} (owner_id, won_at);
    -- Hash indexes: a team is free text as long as its event allows, past what a btree entry can hold.
    CREATE INDEX ${wonDeals}_team ON ${wonDeals} USING hash (team);
    CREATE TABLE ${engagements} (
      engagement_id text PRIMARY KEY,
      kind text NOT NULL,
      owner_id text NOT NULL,
      team text,
      logged_at timestamptz NOT NULL,
      event_id text NOT NULL
    );
    CREATE INDEX ${engagements}_owner ON ${engagements} (owner_id, kind, logged_at);
    CREATE INDEX ${engagements}_team ON ${engagements} USING hash (team);`);
