// The survey results read model's name and tables, written once: the persistence writes one build's tables, the
// queries read the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const SURVEY_RESULTS = 'survey-results';

export const SURVEY_RESULTS_TABLES = {
  surveys: 'survey_results_surveys',
  contacts: 'survey_results_contact_owners',
  owners: 'survey_results_owner_teams',
  tickets: 'survey_results_ticket_pipelines',
  responses: 'survey_results_responses',
} as const;

export const SURVEY_RESULTS_SCHEMA = projectionSchema(SURVEY_RESULTS, SURVEY_RESULTS_TABLES, ({ surveys, contacts, owners, tickets, responses }) => `
    CREATE TABLE ${surveys} (
      survey_id text PRIMARY KEY,
      type text NOT NULL,
      name text NOT NULL,
      question text NOT NULL,
      created_at timestamptz NOT NULL,
      event_id text NOT NULL
    );
    CREATE TABLE ${contacts} (
      contact_id text PRIMARY KEY,
      owner_id text
    );
    CREATE TABLE ${owners} (
      owner_id text PRIMARY KEY,
      team text
    );
    CREATE TABLE ${tickets} (
      ticket_id text PRIMARY KEY,
      pipeline_id text NOT NULL
    );
    CREATE TABLE ${responses} (
      link_id text PRIMARY KEY,
      survey_id text NOT NULL,
      survey_type text NOT NULL,
      contact_id text NOT NULL,
      ticket_id text,
      score integer NOT NULL,
      category text NOT NULL,
      comment text,
      owner_id text,
      team text,
      pipeline_id text,
      responded_at timestamptz NOT NULL,
      period text NOT NULL,
      event_id text NOT NULL
    );
    CREATE INDEX ${responses}_survey ON ${responses} (survey_id, responded_at);
    CREATE INDEX ${responses}_type ON ${responses} (survey_type, responded_at);
    CREATE INDEX ${responses}_comments ON ${responses} (responded_at DESC, link_id DESC) WHERE comment IS NOT NULL;`);
