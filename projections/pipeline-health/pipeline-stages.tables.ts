// The pipeline and stage tables, for any projection that keeps its own copy of them (pipeline-health,
// stage-duration): their DDL is written here once, each projection names its own pair of base tables.
import type { ProjectionTables } from '#projection-engine';

/** A pair of table names: base names in a tables file, physical ones of one build in persistence. */
export type PipelineTables = Readonly<{ pipelines: string; stages: string }>;

/** One build's physical pipeline and stage tables, from their base names. */
export const pipelineTablesIn = (names: PipelineTables, { table }: ProjectionTables): PipelineTables => ({
  pipelines: table(names.pipelines),
  stages: table(names.stages),
});

export const pipelineTablesDdl = ({ pipelines, stages }: PipelineTables): string => `
  CREATE TABLE ${pipelines} (
    pipeline_id text PRIMARY KEY,
    object_type text NOT NULL,
    name text NOT NULL
  );
  CREATE TABLE ${stages} (
    pipeline_id text NOT NULL,
    stage_id text NOT NULL,
    label text NOT NULL,
    probability numeric NOT NULL,
    sort_order int NOT NULL,
    closed text,
    stuck_after_days int,
    archived boolean NOT NULL,
    PRIMARY KEY (pipeline_id, stage_id)
  );`;
