// Ticket reports: open tickets per pipeline stage with their ages as of an instant, and tickets created per ISO
// week. Stages are shown with their labels in the pipeline's display order.
import type { DataSource } from 'typeorm';
import { addDays, mondayOf, startOf, type DayRange } from '../rep-activity/day-range.js';
import { TicketPipelineReadModel, TicketReadModel } from './tickets.entity.js';

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

const loadPipelines = async (dataSource: DataSource, pipelineId?: string): Promise<Map<string, TicketPipelineReadModel>> => {
  const pipelines = await dataSource
    .getRepository(TicketPipelineReadModel)
    .find({ where: pipelineId === undefined ? {} : { pipelineId } });
  return new Map(pipelines.map((p) => [p.pipelineId, p]));
};

// Known pipelines by name, then pipelines only seen on tickets (created before their pipeline event arrived).
const pipelineOrder = (pipelines: ReadonlyMap<string, TicketPipelineReadModel>, seen: Iterable<string>): string[] => {
  const known = [...pipelines.values()].sort((a, b) => a.name.localeCompare(b.name) || a.pipelineId.localeCompare(b.pipelineId));
  const unknown = [...new Set(seen)].filter((id) => !pipelines.has(id)).sort();
  return [...known.map((p) => p.pipelineId), ...unknown];
};

export const openTicketsByStage = async (
  dataSource: DataSource,
  query: Readonly<{ asOf: string; pipelineId?: string }>,
): Promise<OpenTicketsByStage[]> => {
  const age = `extract(epoch from (CAST(:asOf AS timestamptz) - t.created_at)) / 86400`;
  const builder = dataSource
    .getRepository(TicketReadModel)
    .createQueryBuilder('t')
    .select('t.pipeline_id', 'pipelineId')
    .addSelect('t.stage_id', 'stageId')
    .addSelect('count(*)::int', 'openTickets')
    .addSelect(`round(avg(${age})::numeric, 2)::float8`, 'averageAgeDays')
    .addSelect(`round(max(${age})::numeric, 2)::float8`, 'oldestAgeDays')
    .where(`t.status = 'open'`)
    .andWhere('t.created_at <= :asOf', { asOf: query.asOf })
    .groupBy('t.pipeline_id')
    .addGroupBy('t.stage_id');
  if (query.pipelineId !== undefined) builder.andWhere('t.pipeline_id = :pipelineId', { pipelineId: query.pipelineId });
  const aggregates = await builder.getRawMany<StageRaw>();
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
  const builder = dataSource
    .getRepository(TicketReadModel)
    .createQueryBuilder('t')
    .select('t.pipeline_id', 'pipelineId')
    .addSelect(week, 'week')
    .addSelect('count(*)::int', 'created')
    .where('t.created_at >= :from AND t.created_at < :until', {
      from: startOf(query.range.from),
      until: startOf(addDays(query.range.to, 1)),
    })
    .groupBy('t.pipeline_id')
    .addGroupBy(week);
  if (query.pipelineId !== undefined) builder.andWhere('t.pipeline_id = :pipelineId', { pipelineId: query.pipelineId });
  const counts = await builder.getRawMany<WeekRaw>();
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
