import type { Migration } from '#postgres';

export const projectionEngineMigrations: readonly Migration[] = [
  {
    id: '0001-projection-builds',
    sql: `
CREATE TABLE tally_projection_builds (
  name text NOT NULL,
  version int NOT NULL,
  code_version int NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  -- building: filling its tables; active: behind the stable views; retired: kept until dropped; failed
  state text NOT NULL,
  -- a dry run builds and reports but never replaces the active build
  activate_when_caught_up boolean NOT NULL DEFAULT true,
  position text,
  position_commit bigint NOT NULL DEFAULT -1,
  events_processed bigint NOT NULL DEFAULT 0,
  parked jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  activated_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version)
);
CREATE UNIQUE INDEX tally_projection_builds_one_active ON tally_projection_builds (name) WHERE state = 'active';`,
  },
  {
    id: '0002-projection-partitions',
    sql: `
-- 1: one checkpoint in this row; N: one checkpoint per partition in tally_projection_partitions, and the build has
-- reached a position when every partition has.
ALTER TABLE tally_projection_builds ADD COLUMN partitions int NOT NULL DEFAULT 1;
CREATE TABLE tally_projection_partitions (
  name text NOT NULL,
  version int NOT NULL,
  partition int NOT NULL,
  position text,
  position_commit bigint NOT NULL DEFAULT -1,
  position_prepare bigint NOT NULL DEFAULT -1,
  events_processed bigint NOT NULL DEFAULT 0,
  parked jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version, partition)
);`,
  },
];
