// Stage durations, persisted: a batch loads the state of the deals it touches (the visit in progress and the visit
// counts per stage) in one query, reduces in memory and upserts the deals and the closed and new visits.
import type pg from 'pg';
import type { ProjectionDefinition } from '#projection-engine';
import { loadPipelines, savePipelines } from '../pipeline-health/pipeline-stages.persistence.js';
import { pipelineTablesIn } from '../pipeline-health/pipeline-stages.tables.js';
import {
  isStageEntryEvent,
  reduceStageDurations,
  STAGE_DURATION_EVENT_TYPES,
  type DealVisits,
  type StageVisit,
} from './stage-duration.projection.js';
import { fieldColumns, probeByKeys, writeRows } from '../pg-rows.js';
import { STAGE_DURATION_SCHEMA, STAGE_DURATION_TABLES } from './stage-duration.tables.js';

type DealRecord = {
  deal_id: string;
  pipeline_id: string;
  stage_id: string;
  seq: number;
  visit: number;
  entered_at: Date;
  visit_counts: Record<string, number>;
};

// A batch reads one small row per deal (the visit in progress and the counts), never the deal's visit history.
const loadDeals = async (tx: pg.PoolClient, table: string, dealIds: readonly string[]): Promise<Map<string, DealVisits>> => {
  const columns = ['deal_id', 'pipeline_id', 'stage_id', 'seq', 'visit', 'entered_at', 'visit_counts'];
  const rows = await probeByKeys<DealRecord>(tx, table, 'deal_id', dealIds, columns);
  return new Map(
    rows.map((row) => [
      row.deal_id,
      {
        current: {
          dealId: row.deal_id,
          pipelineId: row.pipeline_id,
          stageId: row.stage_id,
          seq: row.seq,
          visit: row.visit,
          enteredAt: row.entered_at.toISOString(),
          exitedAt: null,
          exitedTo: null,
          durationMs: null,
        },
        visitCounts: row.visit_counts,
      },
    ]),
  );
};

// A deal's row is its visit in progress and its visit counts.
type DealRow = StageVisit & Pick<DealVisits, 'visitCounts'>;
const DEAL_COLUMNS = fieldColumns<DealRow>({
  dealId: 'text', pipelineId: 'text', stageId: 'text', seq: 'int', visit: 'int', enteredAt: 'timestamptz', visitCounts: 'jsonb',
});

const VISIT_COLUMNS = fieldColumns<StageVisit>({
  dealId: 'text', seq: 'int', pipelineId: 'text', stageId: 'text', visit: 'int', enteredAt: 'timestamptz', exitedAt: 'timestamptz',
  exitedTo: 'text', durationMs: 'bigint',
});

export const stageDurationProjection: ProjectionDefinition = {
  ...STAGE_DURATION_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: STAGE_DURATION_EVENT_TYPES },
  apply: async (events, context) => {
    const pipelinesTables = pipelineTablesIn(STAGE_DURATION_TABLES, context);
    const visitsTable = context.table(STAGE_DURATION_TABLES.visits);
    const dealsTable = context.table(STAGE_DURATION_TABLES.deals);
    const dealIds = [...new Set(events.filter(isStageEntryEvent).map((event) => (event.data as { dealId: string }).dealId))];
    const state = {
      pipelines: await loadPipelines(context.tx, pipelinesTables, events),
      deals: await loadDeals(context.tx, dealsTable, dealIds),
    };
    const { changedPipelines, changedDeals, changedVisits } = reduceStageDurations(state, events);
    await savePipelines(context.tx, pipelinesTables, changedPipelines);
    const dealRows = changedDeals.map((deal): DealRow => ({ ...deal.current, visitCounts: deal.visitCounts }));
    await writeRows(context.tx, dealsTable, DEAL_COLUMNS, dealRows, { key: ['deal_id'], then: 'replace' });
    await writeRows(context.tx, visitsTable, VISIT_COLUMNS, changedVisits, { key: ['deal_id', 'seq'], then: 'replace' });
  },
};
