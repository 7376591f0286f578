// Load and save of the pipeline and stage rows, for any projection that keeps its own copy of them.
import type pg from 'pg';
import type { Pipeline, PipelineObjectType, StageOutcome } from '#domain/pipeline';
import { pipelineFromRows, pipelineRowOf, stageRowsOf, type StageRow } from './pipeline-stages.projection.js';
import type { PipelineTables } from './pipeline-stages.tables.js';

type PipelineRecord = { pipeline_id: string; object_type: PipelineObjectType; name: string };
type StageRecord = {
  pipeline_id: string;
  stage_id: string;
  label: string;
  probability: string;
  sort_order: number;
  closed: StageOutcome | null;
  stuck_after_days: number | null;
  archived: boolean;
};

export const loadPipelines = async (tx: pg.PoolClient, tables: PipelineTables, pipelineIds: readonly string[]): Promise<Map<string, Pipeline>> => {
  const loaded = new Map<string, Pipeline>();
  if (pipelineIds.length === 0) return loaded;
  const { rows: pipelines } = await tx.query<PipelineRecord>(
    `SELECT pipeline_id, object_type, name FROM ${tables.pipelines} WHERE pipeline_id = ANY($1)`,
    [pipelineIds],
  );
  const { rows: stages } = await tx.query<StageRecord>(
    `SELECT pipeline_id, stage_id, label, probability::text, sort_order, closed, stuck_after_days, archived
       FROM ${tables.stages} WHERE pipeline_id = ANY($1)`,
    [pipelineIds],
  );
  for (const pipeline of pipelines) {
    const own: StageRow[] = stages
      .filter((stage) => stage.pipeline_id === pipeline.pipeline_id)
      .map((stage) => ({
        pipelineId: stage.pipeline_id,
        stageId: stage.stage_id,
        label: stage.label,
        probability: Number(stage.probability),
        sortOrder: stage.sort_order,
        closed: stage.closed,
        stuckAfterDays: stage.stuck_after_days,
        archived: stage.archived,
      }));
    loaded.set(
      pipeline.pipeline_id,
      pipelineFromRows({ pipelineId: pipeline.pipeline_id, objectType: pipeline.object_type, name: pipeline.name }, own),
    );
  }
  return loaded;
};

// The schema bounds stuckAfterDays below only; queries subtract it from an instant as days, so it is stored at most
// a million days (2,700 years: still never stuck in practice), deterministically, instead of overflowing int.
export const MAX_STUCK_AFTER_DAYS = 1_000_000;

/** Writes the pipelines and every one of their stages (a reorder moves them all) in two statements. */
export const savePipelines = async (tx: pg.PoolClient, tables: PipelineTables, changed: readonly Pipeline[]): Promise<void> => {
  if (changed.length === 0) return;
  const pipelines = changed.map(pipelineRowOf);
  await tx.query(
    `INSERT INTO ${tables.pipelines} (pipeline_id, object_type, name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (pipeline_id) DO UPDATE SET object_type = excluded.object_type, name = excluded.name`,
    [pipelines.map((p) => p.pipelineId), pipelines.map((p) => p.objectType), pipelines.map((p) => p.name)],
  );
  const stages = changed.flatMap(stageRowsOf);
  await tx.query(
    `INSERT INTO ${tables.stages} (pipeline_id, stage_id, label, probability, sort_order, closed, stuck_after_days, archived)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::int[], $6::text[], $7::int[], $8::boolean[])
     ON CONFLICT (pipeline_id, stage_id) DO UPDATE SET label = excluded.label, probability = excluded.probability,
       sort_order = excluded.sort_order, closed = excluded.closed, stuck_after_days = excluded.stuck_after_days,
       archived = excluded.archived`,
    [
      stages.map((s) => s.pipelineId),
      stages.map((s) => s.stageId),
      stages.map((s) => s.label),
      stages.map((s) => String(s.probability)),
      stages.map((s) => s.sortOrder),
      stages.map((s) => s.closed),
      stages.map((s) => (s.stuckAfterDays === null ? null : Math.min(s.stuckAfterDays, MAX_STUCK_AFTER_DAYS))),
      stages.map((s) => s.archived),
    ],
  );
};
