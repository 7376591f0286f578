// The workflows read model's name and tables, written once: the persistence writes one build's tables, the queries
// read the stable views of the active build (named by the base names).
import { projectionSchema } from '../projection-schema.js';

export const WORKFLOWS_PROJECTION = 'workflows';

export const WORKFLOWS_TABLES = {
  /** One row per workflow: its latest version and whether it enrols. */
  workflows: 'workflows',
  /** One row per run (enrolment) with where it stands. */
  runs: 'workflow_runs',
  /** Every step a run took, in order: the explain trail. */
  steps: 'workflow_run_steps',
} as const;

export const WORKFLOWS_SCHEMA = projectionSchema(WORKFLOWS_PROJECTION, WORKFLOWS_TABLES, ({ workflows, runs, steps }) => `
    CREATE TABLE ${workflows} (
      workflow_id text PRIMARY KEY,
      name text NOT NULL,
      version integer NOT NULL,
      status text NOT NULL,
      definition jsonb NOT NULL,
      definition_hash text NOT NULL,
      updated_at timestamptz NOT NULL,
      actor text NOT NULL,
      -- The last event applied to the row: a batch applied again after a lost checkpoint changes nothing.
      last_position text NOT NULL
    );
    CREATE TABLE ${runs} (
      run_id text PRIMARY KEY,
      workflow_id text NOT NULL,
      version integer NOT NULL,
      record_type text NOT NULL,
      record_id text NOT NULL,
      status text NOT NULL,
      outcome text,
      trigger jsonb NOT NULL,
      enrolled_at timestamptz NOT NULL,
      waiting_step_id text,
      due_at timestamptz,
      finished_at timestamptz,
      -- Of the enrolment: runs are listed in log order.
      position text NOT NULL,
      position_commit bigint NOT NULL,
      position_prepare bigint NOT NULL,
      step_count integer NOT NULL,
      last_position text NOT NULL
    );
    CREATE INDEX ${runs}_workflow ON ${runs} (workflow_id, position_commit DESC, position_prepare DESC, run_id);
    CREATE INDEX ${runs}_record ON ${runs} (workflow_id, record_id, position_commit DESC, position_prepare DESC, run_id);
    -- The timers poll this: only waiting runs, earliest first.
    CREATE INDEX ${runs}_due ON ${runs} (due_at, run_id) WHERE status = 'waiting';
    CREATE TABLE ${steps} (
      run_id text NOT NULL,
      ordinal integer NOT NULL,
      step_id text NOT NULL,
      kind text NOT NULL,
      outcome text NOT NULL,
      "values" jsonb NOT NULL,
      branch text,
      command_id text,
      produced jsonb NOT NULL,
      detail text,
      at timestamptz NOT NULL,
      PRIMARY KEY (run_id, ordinal)
    );`);
