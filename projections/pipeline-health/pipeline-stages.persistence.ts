// Load and save of the pipeline and stage rows, for any projection that keeps its own copy of them.
import type pg from 'pg';
import type { Pipeline, PipelineObjectType, StageOutcome } from '#domain/pipeline';
import type { RecordedEvent } from '#event-store';
import {
  isPipelineEvent,
  pipelineFromRows,
  pipelineIdOf,
  pipelineRowOf,
  stageRowsOf,
  type PipelineRow,
  type StageRow,
} from './pipeline-stages.projection.js';
import type { PipelineTables } from './pipeline-stages.tables.js';
import { fieldColumns, selectByKeys, writeRows, type RowColumn } from '../pg-rows.js';

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

// The schema bounds stuckAfterDays below only; queries subtract it from an instant as days, so it is stored at most
// a million days (2,700 years: still never stuck in practice), deterministically, instead of overflowing int.
export const MAX_STUCK_AFTER_DAYS = 1_000_000;

const PIPELINE_COLUMNS = fieldColumns<PipelineRow>({ pipelineId: 'text', objectType: 'text', name: 'text' });

const STAGE_COLUMNS: readonly RowColumn<StageRow>[] = [
  ...fieldColumns<StageRow>({ pipelineId: 'text', stageId: 'text', label: 'text', sortOrder: 'int', closed: 'text', archived: 'boolean' }),
  ['probability', 'numeric', (stage) => String(stage.probability)],
  ['stuck_after_days', 'int', ({ stuckAfterDays }) => (stuckAfterDays === null ? null : Math.min(stuckAfterDays, MAX_STUCK_AFTER_DAYS))],
];

/** The stored pipelines that a batch's pipeline events name. */
export const loadPipelines = async (tx: pg.PoolClient, tables: PipelineTables, events: readonly RecordedEvent[]): Promise<Map<string, Pipeline>> => {
  const loaded = new Map<string, Pipeline>();
  const pipelineIds = [...new Set(events.filter(isPipelineEvent).map(pipelineIdOf))];
  const pipelines = await selectByKeys<PipelineRecord>(tx, tables.pipelines, 'pipeline_id', pipelineIds);
  const stages = await selectByKeys<StageRecord>(tx, tables.stages, 'pipeline_id', pipelineIds, [
    'pipeline_id', 'stage_id', 'label', 'probability::text', 'sort_order', 'closed', 'stuck_after_days', 'archived',
  ]);
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

/** Writes the pipelines and every one of their stages (a reorder moves them all) in two statements. */
export const savePipelines = async (tx: pg.PoolClient, tables: PipelineTables, changed: readonly Pipeline[]): Promise<void> => {
  await writeRows(tx, tables.pipelines, PIPELINE_COLUMNS, changed.map(pipelineRowOf), { key: ['pipeline_id'], then: 'replace' });
  await writeRows(tx, tables.stages, STAGE_COLUMNS, changed.flatMap(stageRowsOf), { key: ['pipeline_id', 'stage_id'], then: 'replace' });
};
