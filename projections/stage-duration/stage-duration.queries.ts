// Stage durations, answered from the visit rows at query time: per stage the median and 90th percentile time over
// completed visits and the conversion to the next stage; per deal its visits and time in each stage.
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery } from '#read-models';
import type { StageVisit } from './stage-duration.projection.js';
import { STAGE_DURATION_TABLES as T } from './stage-duration.tables.js';

export type StageDurationStats = Readonly<{
  pipelineId: string;
  stageId: string;
  label: string;
  closed: 'won' | 'lost' | null;
  archived: boolean;
  /** Every visit, the ones still in progress included. */
  visits: number;
  completedVisits: number;
  medianMs: number | null;
  p90Ms: number | null;
  /**
   * Of the deals that entered this stage, the share that later entered the next open stage in pipeline order or
   * went from this stage straight to a won stage. null for closed and archived stages and before any entry.
   */
  conversionToNext: number | null;
}>;

type StatsRecord = {
  pipeline_id: string;
  stage_id: string;
  label: string;
  closed: 'won' | 'lost' | null;
  archived: boolean;
  visits: number;
  completed_visits: number;
  median_ms: number | null;
  p90_ms: number | null;
  conversion: number | null;
};

/** Per stage of every deal pipeline (or of `pipelineId` only), in display order. */
export const stageDurationStats = async (dataSource: DataSource, query: Readonly<{ pipelineId?: string }>): Promise<StageDurationStats[]> => {
  const params = query.pipelineId === undefined ? [] : [query.pipelineId];
  const onlyPipeline = (column: string): string => (query.pipelineId === undefined ? '' : `AND ${column} = $1`);
  const records = await preparedQuery<StatsRecord>(
    dataSource,
    `WITH deal_stages AS (
       SELECT s.* FROM ${T.stages} s JOIN ${T.pipelines} p ON p.pipeline_id = s.pipeline_id
        WHERE p.object_type = 'deal' ${onlyPipeline('s.pipeline_id')}
     ),
     next_stage AS (
       SELECT pipeline_id, stage_id, lead(stage_id) OVER (PARTITION BY pipeline_id ORDER BY sort_order) AS next_stage_id
         FROM deal_stages WHERE closed IS NULL AND NOT archived
     ),
     entries AS (
       SELECT v.pipeline_id, v.deal_id, v.stage_id, min(v.seq) AS first_seq, max(v.seq) AS last_seq,
              coalesce(bool_or(w.closed = 'won'), false) AS won_from
         FROM ${T.visits} v
         LEFT JOIN deal_stages w ON w.pipeline_id = v.pipeline_id AND w.stage_id = v.exited_to
        WHERE true ${onlyPipeline('v.pipeline_id')}
        GROUP BY v.pipeline_id, v.deal_id, v.stage_id
     ),
     conversion AS (
       SELECT e.pipeline_id, e.stage_id, count(*) AS entered,
              count(*) FILTER (WHERE e.won_from OR n.last_seq > e.first_seq) AS converted
         FROM entries e
         JOIN next_stage x ON x.pipeline_id = e.pipeline_id AND x.stage_id = e.stage_id
         LEFT JOIN entries n ON n.pipeline_id = e.pipeline_id AND n.deal_id = e.deal_id AND n.stage_id = x.next_stage_id
        GROUP BY e.pipeline_id, e.stage_id
     ),
     durations AS (
       SELECT pipeline_id, stage_id, count(*) AS visits, count(duration_ms) AS completed_visits,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS median_ms,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_ms) AS p90_ms
         FROM ${T.visits}
        WHERE true ${onlyPipeline('pipeline_id')}
        GROUP BY pipeline_id, stage_id
     )
     SELECT s.pipeline_id, s.stage_id, s.label, s.closed, s.archived,
            coalesce(d.visits, 0)::int AS visits, coalesce(d.completed_visits, 0)::int AS completed_visits,
            round(d.median_ms)::float8 AS median_ms, round(d.p90_ms)::float8 AS p90_ms,
            CASE WHEN x.stage_id IS NULL OR coalesce(c.entered, 0) = 0 THEN NULL
                 ELSE round(c.converted::numeric / c.entered, 4)::float8 END AS conversion
       FROM deal_stages s
       LEFT JOIN durations d ON d.pipeline_id = s.pipeline_id AND d.stage_id = s.stage_id
       LEFT JOIN next_stage x ON x.pipeline_id = s.pipeline_id AND x.stage_id = s.stage_id
       LEFT JOIN conversion c ON c.pipeline_id = s.pipeline_id AND c.stage_id = s.stage_id
      ORDER BY s.pipeline_id, s.sort_order`,
    params,
  );
  return records.map((record) => ({
    pipelineId: record.pipeline_id,
    stageId: record.stage_id,
    label: record.label,
    closed: record.closed,
    archived: record.archived,
    visits: record.visits,
    completedVisits: record.completed_visits,
    medianMs: record.median_ms,
    p90Ms: record.p90_ms,
    conversionToNext: record.conversion,
  }));
};

/** A visit as answered: as the projection stores it, but for its ordering key. */
export type VisitView = Omit<StageVisit, 'seq'>;

export type DealStageTime = Readonly<{
  stageId: string;
  visits: number;
  /** The most recent visit; one still in progress counts up to asOf. */
  latestMs: number;
  /** All visits together, one in progress counted up to asOf. */
  cumulativeMs: number;
  inStageNow: boolean;
}>;

export type DealStageDurations = Readonly<{
  dealId: string;
  pipelineId: string;
  asOf: string;
  currentStageId: string;
  visits: readonly VisitView[];
  stages: readonly DealStageTime[];
}>;

type VisitRecord = {
  deal_id: string;
  seq: number;
  pipeline_id: string;
  stage_id: string;
  visit: number;
  entered_at: Date;
  exited_at: Date | null;
  exited_to: string | null;
  // bigint arrives as a string; a duration in milliseconds stays far below 2^53.
  duration_ms: string | null;
};

const VISIT_COLUMNS = 'v.deal_id, v.seq, v.pipeline_id, v.stage_id, v.visit, v.entered_at, v.exited_at, v.exited_to, v.duration_ms';

const toView = (visit: VisitRecord): VisitView => ({
  dealId: visit.deal_id,
  pipelineId: visit.pipeline_id,
  stageId: visit.stage_id,
  visit: visit.visit,
  enteredAt: visit.entered_at.toISOString(),
  exitedAt: visit.exited_at?.toISOString() ?? null,
  exitedTo: visit.exited_to,
  durationMs: visit.duration_ms === null ? null : Number(visit.duration_ms),
});

/** A deal's visits and its time per stage (in order of first entry); null when the deal is unknown. */
export const dealStageDurations = async (
  dataSource: DataSource,
  dealId: string,
  asOf: string,
): Promise<DealStageDurations | null> => {
  const visits = (
    await preparedQuery<VisitRecord>(dataSource, `SELECT ${VISIT_COLUMNS} FROM ${T.visits} v WHERE v.deal_id = $1 ORDER BY v.seq`, [dealId])
  ).map(toView);
  if (visits.length === 0) return null;
  const asOfMs = Date.parse(asOf);
  const elapsed = (visit: VisitView): number => visit.durationMs ?? Math.max(0, asOfMs - Date.parse(visit.enteredAt));
  const stageIds = [...new Set(visits.map((visit) => visit.stageId))];
  const current = visits[visits.length - 1];
  return {
    dealId,
    pipelineId: current.pipelineId,
    asOf,
    currentStageId: current.stageId,
    visits,
    stages: stageIds.map((stageId) => {
      const own = visits.filter((visit) => visit.stageId === stageId);
      return {
        stageId,
        visits: own.length,
        latestMs: elapsed(own[own.length - 1]),
        cumulativeMs: own.reduce((sum, visit) => sum + elapsed(visit), 0),
        inStageNow: own[own.length - 1] === current,
      };
    }),
  };
};

export type VisitsQuery = Readonly<{ pipelineId?: string; stageId?: string; limit: number; cursor?: string }>;

/** Visits oldest entry first, keyset-paginated on (enteredAt, dealId, seq). */
export const stageVisits = async (dataSource: DataSource, query: VisitsQuery): Promise<{ rows: VisitView[]; nextCursor: string | null }> => {
  const params = new Parameters();
  const conditions = ['true'];
  if (query.pipelineId !== undefined) conditions.push(`v.pipeline_id = ${params.add(query.pipelineId)}`);
  if (query.stageId !== undefined) conditions.push(`v.stage_id = ${params.add(query.stageId)}`);
  if (query.cursor !== undefined) {
    const [enteredAt, dealId, seq] = decodeCursor(query.cursor, 3);
    if (typeof enteredAt !== 'string' || Number.isNaN(Date.parse(enteredAt)) || typeof dealId !== 'string' || typeof seq !== 'number')
      throw new InvalidCursor();
    conditions.push(`(v.entered_at, v.deal_id, v.seq) > (${params.add(enteredAt)}::timestamptz, ${params.add(dealId)}, ${params.add(seq)})`);
  }
  const visits = await preparedQuery<VisitRecord>(
    dataSource,
    `SELECT ${VISIT_COLUMNS} FROM ${T.visits} v WHERE ${conditions.join(' AND ')}
      ORDER BY v.entered_at, v.deal_id, v.seq LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  const page = visits.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(toView),
    nextCursor: visits.length > query.limit && last ? encodeCursor([last.entered_at.toISOString(), last.deal_id, last.seq]) : null,
  };
};
