// Ticket reports: open tickets per pipeline stage with their ages as of an instant, and tickets created per ISO
// week. Stages are shown with their labels in the pipeline's display order.
import type { DataSource } from 'typeorm';
import { addDays, mondayOf, Parameters, preparedQuery, startOf, type DayRange } from '#read-models';
import type { TicketPipeline } from './tickets.projection.js';
import { TICKETS_TABLES as T } from './tickets.tables.js';

export type OpenTicketsByStage = Readonly<{
  pipelineId: string;
  pipelineName: string | null;
  stageId: string;
  stageLabel: string | null;
  openTickets: number;
  /** Days since creation as of asOf, two decimals; null when the stage holds no open ticket. */
  averageAgeDays: number | null;
  oldestAgeDays: number | null;
}>;

export type TicketsCreatedInWeek = Readonly<{
  pipelineId: string;
  pipelineName: string | null;
  /** The Monday (YYYY-MM-DD) of the ISO week. */
  week: string;
  created: number;
}>;

type StageRaw = { pipelineId: string; stageId: string; openTickets: number; averageAgeDays: number; oldestAgeDays: number };
type WeekRaw = { pipelineId: string; week: string; created: number };

type PipelineRaw = { pipelineId: string; name: string; stages: TicketPipeline['stages'] };

const loadPipelines = async (dataSource: DataSource, pipelineId?: string): Promise<Map<string, TicketPipeline>> => {
  const params = new Parameters();
  const pipelines = await preparedQuery<PipelineRaw>(
    dataSource,
    `SELECT p.pipeline_id AS "pipelineId", p.name, p.stages FROM ${T.pipelines} p WHERE true${params.equals('p.pipeline_id', pipelineId)}`,
    params.values,
  );
  return new Map(pipelines.map((p) => [p.pipelineId, p]));
};

// Known pipelines by name, then pipelines only seen on tickets (created before their pipeline event arrived).
const pipelineOrder = (pipelines: ReadonlyMap<string, TicketPipeline>, seen: Iterable<string>): string[] => {
  const known = [...pipelines.values()].sort((a, b) => a.name.localeCompare(b.name) || a.pipelineId.localeCompare(b.pipelineId));
  const unknown = [...new Set(seen)].filter((id) => !pipelines.has(id)).sort();
  return [...known.map((p) => p.pipelineId), ...unknown];
};

export const openTicketsByStage = async (
  dataSource: DataSource,
  query: Readonly<{ asOf: string; pipelineId?: string }>,
): Promise<OpenTicketsByStage[]> => {
  const params = new Parameters();
  const asOf = `${params.add(query.asOf)}::timestamptz`;
  const age = `extract(epoch from (${asOf} - t.created_at)) / 86400`;
  const aggregates = await preparedQuery<StageRaw>(
    dataSource,
    `SELECT t.pipeline_id AS "pipelineId", t.stage_id AS "stageId", count(*)::int AS "openTickets",
            round(avg(${age})::numeric, 2)::float8 AS "averageAgeDays", round(max(${age})::numeric, 2)::float8 AS "oldestAgeDays"
       FROM ${T.tickets} t
      WHERE t.status = 'open' AND t.created_at <= ${asOf}${params.equals('t.pipeline_id', query.pipelineId)}
      GROUP BY t.pipeline_id, t.stage_id`,
    params.values,
  );
  const pipelines = await loadPipelines(dataSource, query.pipelineId);
  const byStage = new Map(aggregates.map((a) => [`${a.pipelineId}|${a.stageId}`, a]));
  return pipelineOrder(pipelines, aggregates.map((a) => a.pipelineId)).flatMap((pipelineId) => {
    const pipeline = pipelines.get(pipelineId);
    // Every open stage is listed, empty or not; a closed or archived one only while it holds open tickets.
    const listed = (pipeline?.stages ?? []).filter((s) => (!s.closed && !s.archived) || byStage.has(`${pipelineId}|${s.stageId}`));
    const labelled = new Set(listed.map((s) => s.stageId));
    const unlabelled = aggregates
      .filter((a) => a.pipelineId === pipelineId && !labelled.has(a.stageId))
      .map((a) => a.stageId)
      .sort();
    return [...listed.map((s) => ({ stageId: s.stageId, label: s.label })), ...unlabelled.map((stageId) => ({ stageId, label: null }))].map(
      ({ stageId, label }) => {
        const found = byStage.get(`${pipelineId}|${stageId}`);
        return {
          pipelineId,
          pipelineName: pipeline?.name ?? null,
          stageId,
          stageLabel: label,
          openTickets: found?.openTickets ?? 0,
          averageAgeDays: found?.averageAgeDays ?? null,
          oldestAgeDays: found?.oldestAgeDays ?? null,
        };
      },
    );
  });
};

/** Weeks are those the range touches; the first and last count only the days inside the range. */
export const ticketsCreatedPerWeek = async (
  dataSource: DataSource,
  query: Readonly<{ range: DayRange; pipelineId?: string }>,
): Promise<TicketsCreatedInWeek[]> => {
  const week = `to_char(date_trunc('week', t.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
  const params = new Parameters();
  const from = params.add(startOf(query.range.from));
  const until = params.add(startOf(addDays(query.range.to, 1)));
  const counts = await preparedQuery<WeekRaw>(
    dataSource,
    `SELECT t.pipeline_id AS "pipelineId", ${week} AS week, count(*)::int AS created
       FROM ${T.tickets} t
      WHERE t.created_at >= ${from} AND t.created_at < ${until}${params.equals('t.pipeline_id', query.pipelineId)}
      GROUP BY t.pipeline_id, ${week}`,
    params.values,
  );
  const pipelines = await loadPipelines(dataSource, query.pipelineId);
  const byWeek = new Map(counts.map((c) => [`${c.pipelineId}|${c.week}`, c.created]));
  const weeks: string[] = [];
  for (let monday = mondayOf(query.range.from); monday <= query.range.to; monday = addDays(monday, 7)) weeks.push(monday);
  return pipelineOrder(pipelines, counts.map((c) => c.pipelineId)).flatMap((pipelineId) =>
    weeks.map((w) => ({
      pipelineId,
      pipelineName: pipelines.get(pipelineId)?.name ?? null,
      week: w,
      created: byWeek.get(`${pipelineId}|${w}`) ?? 0,
    })),
  );
};
