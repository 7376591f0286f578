// Stage durations, answered from the visit rows at query time: per stage the median and 90th percentile time over
// completed visits and the conversion to the next stage; per deal its visits and time in each stage.
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor } from '../cursor.js';
import { StageDurationVisit } from './stage-duration.entity.js';

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
  const records: StatsRecord[] = await dataSource.query(
    `WITH deal_stages AS (
       SELECT s.* FROM stage_duration_stages s JOIN stage_duration_pipelines p ON p.pipeline_id = s.pipeline_id
        WHERE p.object_type = 'deal' ${onlyPipeline('s.pipeline_id')}
     ),
     next_stage AS (
       SELECT pipeline_id, stage_id, lead(stage_id) OVER (PARTITION BY pipeline_id ORDER BY sort_order) AS next_stage_id
         FROM deal_stages WHERE closed IS NULL AND NOT archived
     ),
     entries AS (
       SELECT v.pipeline_id, v.deal_id, v.stage_id, min(v.seq) AS first_seq, max(v.seq) AS last_seq,
              coalesce(bool_or(w.closed = 'won'), false) AS won_from
         FROM stage_duration_visits v
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
         FROM stage_duration_visits
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

export type VisitView = Readonly<{
  dealId: string;
  pipelineId: string;
  stageId: string;
  visit: number;
  enteredAt: string;
  exitedAt: string | null;
  exitedTo: string | null;
  durationMs: number | null;
}>;

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

const toView = (visit: StageDurationVisit): VisitView => ({
  dealId: visit.dealId,
  pipelineId: visit.pipelineId,
  stageId: visit.stageId,
  visit: visit.visit,
  enteredAt: visit.enteredAt.toISOString(),
  exitedAt: visit.exitedAt?.toISOString() ?? null,
  exitedTo: visit.exitedTo,
  durationMs: visit.durationMs,
});

/** A deal's visits and its time per stage (in order of first entry); null when the deal is unknown. */
export const dealStageDurations = async (
  dataSource: DataSource,
  dealId: string,
  asOf: string,
): Promise<DealStageDurations | null> => {
  const visits = await dataSource.getRepository(StageDurationVisit).find({ where: { dealId }, order: { seq: 'ASC' } });
  if (visits.length === 0) return null;
  const asOfMs = Date.parse(asOf);
  const elapsed = (visit: StageDurationVisit): number => visit.durationMs ?? Math.max(0, asOfMs - visit.enteredAt.getTime());
  const stageIds = [...new Set(visits.map((visit) => visit.stageId))];
  const current = visits[visits.length - 1];
  return {
    dealId,
    pipelineId: current.pipelineId,
    asOf,
    currentStageId: current.stageId,
    visits: visits.map(toView),
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
  const builder = dataSource
    .getRepository(StageDurationVisit)
    .createQueryBuilder('v')
    .orderBy('v.enteredAt', 'ASC')
    .addOrderBy('v.dealId', 'ASC')
    .addOrderBy('v.seq', 'ASC')
    .take(query.limit + 1);
  if (query.pipelineId !== undefined) builder.andWhere('v.pipelineId = :pipelineId', { pipelineId: query.pipelineId });
  if (query.stageId !== undefined) builder.andWhere('v.stageId = :stageId', { stageId: query.stageId });
  if (query.cursor !== undefined) {
    const [enteredAt, dealId, seq] = decodeCursor(query.cursor, 3);
    if (typeof enteredAt !== 'string' || Number.isNaN(Date.parse(enteredAt)) || typeof dealId !== 'string' || typeof seq !== 'number')
      throw new InvalidCursor();
    builder.andWhere('(v.enteredAt, v.dealId, v.seq) > (CAST(:enteredAt AS timestamptz), :dealId, :seq)', { enteredAt, dealId, seq });
  }
  const visits = await builder.getMany();
  const page = visits.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(toView),
    nextCursor: visits.length > query.limit && last ? encodeCursor([last.enteredAt.toISOString(), last.dealId, last.seq]) : null,
  };
};
