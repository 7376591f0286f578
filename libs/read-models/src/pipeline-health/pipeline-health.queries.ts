// Pipeline health, answered from the deal and stage rows at query time: open deals per stage with their amounts
// per currency (never summed across currencies), weighted by the stage's current probability; ages and stuck
// deals as of a given instant; win rate; and the weighted forecast per close month.
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor } from '../cursor.js';
import { PipelineHealthDeal, PipelineHealthStage } from './pipeline-health.entity.js';

export type CurrencyAmount = Readonly<{ currency: string; total: number; weighted: number }>;

export type StageHealth = Readonly<{
  stageId: string;
  label: string;
  probability: number;
  closed: 'won' | 'lost' | null;
  archived: boolean;
  stuckAfterDays: number | null;
  openDeals: number;
  amounts: readonly CurrencyAmount[];
  averageAgeDays: number | null;
  stuckDeals: number;
}>;

export type ForecastMonth = Readonly<{ month: string; currency: string; weighted: number; total: number }>;

export type PipelineHealth = Readonly<{
  pipelineId: string;
  name: string;
  asOf: string;
  stages: readonly StageHealth[];
  /** won / (won + lost); null before the first closed deal. */
  winRate: number | null;
  won: number;
  lost: number;
  forecast: readonly ForecastMonth[];
}>;

export type PipelineHealthFilter = Readonly<{ pipelineId?: string; asOf: string; currency?: string }>;

const DAY_SECONDS = 86_400;

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

/** SQL conditions and parameters for the optional filters, always as placeholders. */
class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  add(sql: (placeholder: string) => string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(sql(`$${this.params.length}`));
    return this;
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  where(base: string): string {
    return [base, ...this.clauses].join(' AND ');
  }
}

type StageRecord = {
  pipeline_id: string;
  pipeline_name: string;
  stage_id: string;
  label: string;
  probability: string;
  closed: 'won' | 'lost' | null;
  stuck_after_days: number | null;
  archived: boolean;
};
type OpenRecord = {
  pipeline_id: string;
  stage_id: string;
  currency: string;
  open_deals: number;
  age_seconds: number;
  stuck: number;
  total: string;
  weighted: string;
};
type OutcomeRecord = { pipeline_id: string; won: number; lost: number };
type ForecastRecord = { pipeline_id: string; month: string; currency: string; weighted: string; total: string };

/** One entry per deal pipeline (or only `pipelineId`'s); empty when that pipeline is unknown. */
export const pipelineHealth = async (dataSource: DataSource, filter: PipelineHealthFilter): Promise<PipelineHealth[]> => {
  const stagesFilter = new Conditions();
  if (filter.pipelineId !== undefined) stagesFilter.add((p) => `s.pipeline_id = ${p}`, filter.pipelineId);
  const stages: StageRecord[] = await dataSource.query(
    `SELECT s.pipeline_id, p.name AS pipeline_name, s.stage_id, s.label, s.probability::text, s.closed,
            s.stuck_after_days, s.archived
       FROM pipeline_health_stages s JOIN pipeline_health_pipelines p ON p.pipeline_id = s.pipeline_id
      WHERE ${stagesFilter.where(`p.object_type = 'deal'`)}
      ORDER BY s.pipeline_id, s.sort_order`,
    stagesFilter.params,
  );
  if (stages.length === 0) return [];

  const dealsFilter = (): Conditions => {
    const conditions = new Conditions();
    if (filter.pipelineId !== undefined) conditions.add((p) => `d.pipeline_id = ${p}`, filter.pipelineId);
    if (filter.currency !== undefined) conditions.add((p) => `d.currency = ${p}`, filter.currency);
    return conditions;
  };

  const open = dealsFilter();
  const asOf = open.param(filter.asOf);
  // Deals entered after asOf count as age 0: the rows hold the present, asOf only moves the clock they are aged by.
  const openRows: OpenRecord[] = await dataSource.query(
    `SELECT d.pipeline_id, d.stage_id, d.currency, count(*)::int AS open_deals,
            sum(GREATEST(0, extract(epoch FROM (${asOf}::timestamptz - d.entered_stage_at))))::float8 AS age_seconds,
            count(*) FILTER (WHERE s.stuck_after_days IS NOT NULL
                               AND d.entered_stage_at < ${asOf}::timestamptz - make_interval(days => s.stuck_after_days))::int AS stuck,
            sum(d.amount)::text AS total, round(sum(d.amount * s.probability), 2)::text AS weighted
       FROM pipeline_health_deals d
       JOIN pipeline_health_stages s ON s.pipeline_id = d.pipeline_id AND s.stage_id = d.stage_id
      WHERE ${open.where(`d.outcome = 'open'`)}
      GROUP BY d.pipeline_id, d.stage_id, d.currency
      ORDER BY d.currency`,
    open.params,
  );

  const closed = dealsFilter();
  const outcomes: OutcomeRecord[] = await dataSource.query(
    `SELECT d.pipeline_id, count(*) FILTER (WHERE d.outcome = 'won')::int AS won, count(*) FILTER (WHERE d.outcome = 'lost')::int AS lost
       FROM pipeline_health_deals d
      WHERE ${closed.where(`d.outcome IN ('won', 'lost')`)}
      GROUP BY d.pipeline_id`,
    closed.params,
  );

  // Won deals count in full (a won stage has probability 1), lost ones not at all: the forecast of a month is
  // what is won plus what is weighted to come.
  const forecastFilter = dealsFilter();
  const forecast: ForecastRecord[] = await dataSource.query(
    `SELECT d.pipeline_id, to_char(d.close_date, 'YYYY-MM') AS month, d.currency,
            round(sum(d.amount * s.probability), 2)::text AS weighted, sum(d.amount)::text AS total
       FROM pipeline_health_deals d
       JOIN pipeline_health_stages s ON s.pipeline_id = d.pipeline_id AND s.stage_id = d.stage_id
      WHERE ${forecastFilter.where(`d.outcome IN ('open', 'won')`)}
      GROUP BY 1, 2, 3
      ORDER BY 2, 3`,
    forecastFilter.params,
  );

  const pipelineIds = [...new Set(stages.map((stage) => stage.pipeline_id))];
  return pipelineIds.map((pipelineId) => {
    const own = stages.filter((stage) => stage.pipeline_id === pipelineId);
    const outcome = outcomes.find((row) => row.pipeline_id === pipelineId) ?? { won: 0, lost: 0 };
    return {
      pipelineId,
      name: own[0].pipeline_name,
      asOf: filter.asOf,
      stages: own.map((stage) => {
        const groups = openRows.filter((row) => row.pipeline_id === pipelineId && row.stage_id === stage.stage_id);
        const openDeals = groups.reduce((sum, row) => sum + row.open_deals, 0);
        const ageSeconds = groups.reduce((sum, row) => sum + row.age_seconds, 0);
        return {
          stageId: stage.stage_id,
          label: stage.label,
          probability: Number(stage.probability),
          closed: stage.closed,
          archived: stage.archived,
          stuckAfterDays: stage.stuck_after_days,
          openDeals,
          amounts: groups.map((row) => ({ currency: row.currency, total: Number(row.total), weighted: Number(row.weighted) })),
          averageAgeDays: openDeals === 0 ? null : round(ageSeconds / openDeals / DAY_SECONDS, 2),
          stuckDeals: groups.reduce((sum, row) => sum + row.stuck, 0),
        };
      }),
      winRate: outcome.won + outcome.lost === 0 ? null : round(outcome.won / (outcome.won + outcome.lost), 4),
      won: outcome.won,
      lost: outcome.lost,
      forecast: forecast
        .filter((row) => row.pipeline_id === pipelineId)
        .map((row) => ({ month: row.month, currency: row.currency, weighted: Number(row.weighted), total: Number(row.total) })),
    };
  });
};

export type StuckDeal = Readonly<{
  dealId: string;
  name: string;
  pipelineId: string;
  stageId: string;
  ownerId: string | null;
  enteredStageAt: string;
  daysInStage: number;
  stuckAfterDays: number;
  amount: number;
  currency: string;
}>;

export type StuckDealsQuery = Readonly<{ pipelineId?: string; asOf: string; limit: number; cursor?: string }>;

type StuckRecord = {
  deal_id: string;
  name: string;
  pipeline_id: string;
  stage_id: string;
  owner_id: string | null;
  entered_stage_at: Date;
  stuck_after_days: number;
  amount: string;
  currency: string;
};

/** Open deals in their stage longer than its stuckAfterDays as of `asOf`, longest in stage first. */
export const stuckDeals = async (
  dataSource: DataSource,
  query: StuckDealsQuery,
): Promise<{ rows: StuckDeal[]; nextCursor: string | null }> => {
  const builder = dataSource
    .getRepository(PipelineHealthDeal)
    .createQueryBuilder('d')
    .innerJoin(PipelineHealthStage, 's', 's.pipeline_id = d.pipeline_id AND s.stage_id = d.stage_id')
    .select([
      'd.deal_id AS deal_id',
      'd.name AS name',
      'd.pipeline_id AS pipeline_id',
      'd.stage_id AS stage_id',
      'd.owner_id AS owner_id',
      'd.entered_stage_at AS entered_stage_at',
      's.stuck_after_days AS stuck_after_days',
      'd.amount AS amount',
      'd.currency AS currency',
    ])
    .where(`d.outcome = 'open'`)
    .andWhere('s.stuck_after_days IS NOT NULL')
    .andWhere(`d.entered_stage_at < CAST(:asOf AS timestamptz) - make_interval(days => s.stuck_after_days)`, { asOf: query.asOf })
    .orderBy('d.entered_stage_at', 'ASC')
    .addOrderBy('d.deal_id', 'ASC')
    .limit(query.limit + 1);
  if (query.pipelineId !== undefined) builder.andWhere('d.pipeline_id = :pipelineId', { pipelineId: query.pipelineId });
  if (query.cursor !== undefined) {
    const [enteredStageAt, dealId] = decodeCursor(query.cursor, 2);
    if (typeof enteredStageAt !== 'string' || Number.isNaN(Date.parse(enteredStageAt)) || typeof dealId !== 'string') throw new InvalidCursor();
    builder.andWhere('(d.entered_stage_at, d.deal_id) > (CAST(:enteredStageAt AS timestamptz), :dealId)', { enteredStageAt, dealId });
  }
  const records = await builder.getRawMany<StuckRecord>();
  const page = records.slice(0, query.limit);
  const asOfMs = Date.parse(query.asOf);
  const rows = page.map((record) => ({
    dealId: record.deal_id,
    name: record.name,
    pipelineId: record.pipeline_id,
    stageId: record.stage_id,
    ownerId: record.owner_id,
    enteredStageAt: record.entered_stage_at.toISOString(),
    daysInStage: round((asOfMs - record.entered_stage_at.getTime()) / (DAY_SECONDS * 1000), 2),
    stuckAfterDays: record.stuck_after_days,
    amount: Number(record.amount),
    currency: record.currency,
  }));
  const last = rows[rows.length - 1];
  return { rows, nextCursor: records.length > query.limit && last ? encodeCursor([last.enteredStageAt, last.dealId]) : null };
};
