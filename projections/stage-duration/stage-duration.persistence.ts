// Stage durations, persisted: a batch loads the state of the deals it touches (the visit in progress and the visit
// counts per stage) in one query, reduces in memory and upserts the deals and the closed and new visits.
import type pg from 'pg';
import type { ProjectionDefinition } from '#projection-engine';
import { loadPipelines, savePipelines } from '../pipeline-health/pipeline-stages.persistence.js';
import { pipelineTablesIn } from '../pipeline-health/pipeline-stages.tables.js';
import { isPipelineEvent, pipelineIdOf } from '../pipeline-health/pipeline-stages.projection.js';
import {
  isStageEntryEvent,
  reduceStageDurations,
  STAGE_DURATION_EVENT_TYPES,
  type DealVisits,
  type StageVisit,
} from './stage-duration.projection.js';
import { pgInstant, pgInstantOrNull } from '../pg-values.js';
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
  if (dealIds.length === 0) return new Map();
  const { rows } = await tx.query<DealRecord>(
    // One index probe per key: with = ANY the planner scans the whole table once a batch touches many deals.
    `SELECT d.deal_id, pipeline_id, stage_id, seq, visit, entered_at, visit_counts
       FROM unnest($1::text[]) AS wanted(deal_id)
       CROSS JOIN LATERAL (SELECT * FROM ${table} d WHERE d.deal_id = wanted.deal_id OFFSET 0) AS d`,
    [dealIds],
  );
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

const saveDeals = async (tx: pg.PoolClient, table: string, deals: readonly DealVisits[]): Promise<void> => {
  if (deals.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (deal_id, pipeline_id, stage_id, seq, visit, entered_at, visit_counts)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::timestamptz[], $7::jsonb[])
     ON CONFLICT (deal_id) DO UPDATE SET pipeline_id = excluded.pipeline_id, stage_id = excluded.stage_id,
       seq = excluded.seq, visit = excluded.visit, entered_at = excluded.entered_at, visit_counts = excluded.visit_counts`,
    [
      deals.map((d) => d.current.dealId),
      deals.map((d) => d.current.pipelineId),
      deals.map((d) => d.current.stageId),
      deals.map((d) => d.current.seq),
      deals.map((d) => d.current.visit),
      deals.map((d) => pgInstant(d.current.enteredAt)),
      deals.map((d) => JSON.stringify(d.visitCounts)),
    ],
  );
};

const saveVisits = async (tx: pg.PoolClient, table: string, visits: readonly StageVisit[]): Promise<void> => {
  if (visits.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (deal_id, seq, pipeline_id, stage_id, visit, entered_at, exited_at, exited_to, duration_ms)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::timestamptz[],
                          $7::timestamptz[], $8::text[], $9::bigint[])
     ON CONFLICT (deal_id, seq) DO UPDATE SET pipeline_id = excluded.pipeline_id, stage_id = excluded.stage_id,
       visit = excluded.visit, entered_at = excluded.entered_at, exited_at = excluded.exited_at,
       exited_to = excluded.exited_to, duration_ms = excluded.duration_ms`,
    [
      visits.map((v) => v.dealId),
      visits.map((v) => v.seq),
      visits.map((v) => v.pipelineId),
      visits.map((v) => v.stageId),
      visits.map((v) => v.visit),
      visits.map((v) => pgInstant(v.enteredAt)),
      visits.map((v) => pgInstantOrNull(v.exitedAt)),
      visits.map((v) => v.exitedTo),
      visits.map((v) => v.durationMs),
    ],
  );
};

export const stageDurationProjection: ProjectionDefinition = {
  ...STAGE_DURATION_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: STAGE_DURATION_EVENT_TYPES },
  apply: async (events, context) => {
    const pipelinesTables = pipelineTablesIn(STAGE_DURATION_TABLES, context);
    const visitsTable = context.table(STAGE_DURATION_TABLES.visits);
    const dealsTable = context.table(STAGE_DURATION_TABLES.deals);
    const pipelineIds = [...new Set(events.filter(isPipelineEvent).map(pipelineIdOf))];
    const dealIds = [...new Set(events.filter(isStageEntryEvent).map((event) => (event.data as { dealId: string }).dealId))];
    const state = {
      pipelines: await loadPipelines(context.tx, pipelinesTables, pipelineIds),
      deals: await loadDeals(context.tx, dealsTable, dealIds),
    };
    const { changedPipelines, changedDeals, changedVisits } = reduceStageDurations(state, events);
    await savePipelines(context.tx, pipelinesTables, changedPipelines);
    await saveDeals(context.tx, dealsTable, changedDeals);
    await saveVisits(context.tx, visitsTable, changedVisits);
  },
};
