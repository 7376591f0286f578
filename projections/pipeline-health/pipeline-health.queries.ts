// Pipeline health, answered from per-group totals the projection keeps (deals, amounts and entry instants per
// pipeline, stage, currency, outcome and close month) plus the open deals' entry instants: open deals per stage with
// their amounts per currency (never summed across currencies), weighted by the stage's current probability; ages
// and stuck deals as of a given instant; win rate; and the weighted forecast per month (open deals by their expected
// close date, closed ones by the date they closed). One statement, so one round trip and one snapshot, with the
// build's position. Amounts are decimal strings: sums and products stay numeric in SQL, and a weighted figure is
// rounded once, half to even, to its currency's digits (scaleAmount).
import { addAmounts, scaleAmount } from '#domain/shared';
import { activePositionSql } from '#projection-engine';
import { answerPosition, decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery, type Positioned, type ReadSource } from '#read-models';
import { PIPELINE_HEALTH, PIPELINE_HEALTH_TABLES as T } from './pipeline-health.tables.js';

/** Decimal strings in the currency's digits (JPY "150000", USD "0.59", BHD "1.250"). */
export type CurrencyAmount = Readonly<{ currency: string; total: string; weighted: string }>;

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

/** Open deals by the month of their expected close date, won ones by the month they were won; decimal strings. */
export type ForecastMonth = Readonly<{ month: string; currency: string; weighted: string; total: string }>;

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

// A numeric sum as PostgreSQL spells it, in the currency's form: its digits at least ("1000" EUR is "1000.00"),
// more only when a legacy amount carried more (see amountFromLegacyNumber).
const amountIn = (numeric: string, currency: string): string => addAmounts(numeric, '0', currency);

// The exact weighted sum, rounded once: half to even, to the currency's digits.
const weightedIn = (numeric: string, currency: string): string => scaleAmount(numeric, currency);

type StageRecord = {
  pipeline_id: string;
  pipeline_name: string;
  stage_id: string;
  label: string;
  probability: string;
  closed: 'won' | 'lost' | null;
  stuck_after_days: number | null;
  archived: boolean;
  stuck: number;
};
type OpenRecord = {
  pipeline_id: string;
  stage_id: string;
  currency: string;
  open_deals: number;
  age_seconds: number;
  total: string;
  weighted: string;
};
type OutcomeRecord = { pipeline_id: string; won: number; lost: number };
type ForecastRecord = { pipeline_id: string; month: string; currency: string; weighted: string; total: string };
type HealthRecord = {
  read_position: string | null;
  stages: StageRecord[] | null;
  open: OpenRecord[] | null;
  outcomes: OutcomeRecord[] | null;
  forecast: ForecastRecord[] | null;
};

/** One entry per deal pipeline (or only `pipelineId`'s); empty when that pipeline is unknown. */
export const pipelineHealth = async (dataSource: ReadSource, filter: PipelineHealthFilter): Promise<Positioned<{ pipelines: PipelineHealth[] }>> => {
  const params = new Parameters();
  const position = activePositionSql(params.add(PIPELINE_HEALTH));
  const asOf = `${params.add(filter.asOf)}::timestamptz`;
  const pipeline = (column: string): string => params.equals(column, filter.pipelineId);
  const currency = (column: string): string => params.equals(column, filter.currency);
  // Numeric throughout, as the sums are stored: the ages come out exactly as summing each deal's age would.
  const [row] = await preparedQuery<HealthRecord>(
    dataSource,
    `WITH stage AS (
       SELECT s.pipeline_id, p.name AS pipeline_name, s.stage_id, s.label, s.probability, s.closed, s.stuck_after_days,
              s.archived, s.sort_order
         FROM ${T.stages} s JOIN ${T.pipelines} p ON p.pipeline_id = s.pipeline_id
        WHERE p.object_type = 'deal'${pipeline('s.pipeline_id')}
     ), total AS (
       SELECT t.*, s.probability
         FROM ${T.totals} t
         LEFT JOIN ${T.stages} s ON s.pipeline_id = t.pipeline_id AND s.stage_id = t.stage_id
        WHERE t.deals > 0${pipeline('t.pipeline_id')}${currency('t.currency')}
     ), entered_later AS (
       -- Deals entered after asOf count as age 0 (the rows hold the present, asOf only moves the clock they are
       -- aged by): what deals * asOf - sum(entered) counted negative for them is added back.
       SELECT d.pipeline_id, d.stage_id, d.currency, sum(extract(epoch FROM d.entered_stage_at) - extract(epoch FROM ${asOf})) AS seconds
         FROM ${T.deals} d
        WHERE d.outcome = 'open' AND d.entered_stage_at > ${asOf}${pipeline('d.pipeline_id')}${currency('d.currency')}
        GROUP BY d.pipeline_id, d.stage_id, d.currency
     ), open_group AS (
       SELECT t.pipeline_id, t.stage_id, t.currency, sum(t.deals)::int AS open_deals,
              sum(t.deals) * extract(epoch FROM ${asOf}) - sum(t.entered_epoch) AS seconds,
              sum(t.amount) AS total, sum(t.amount) * t.probability AS weighted
         FROM total t
        WHERE t.outcome = 'open' AND t.probability IS NOT NULL
        GROUP BY t.pipeline_id, t.stage_id, t.currency, t.probability
     ), forecast AS (
       -- Won deals count in full (a won stage has probability 1), lost ones not at all: the forecast of a month is
       -- what is won plus what is weighted to come. A closed deal's close_month is the month it closed.
       SELECT t.pipeline_id, t.close_month AS month, t.currency, sum(t.amount * t.probability) AS weighted,
              sum(t.amount) AS total
         FROM total t
        WHERE t.outcome IN ('open', 'won') AND t.probability IS NOT NULL
        GROUP BY t.pipeline_id, t.close_month, t.currency
     )
     SELECT ${position} AS read_position,
       (SELECT json_agg(json_build_object('pipeline_id', s.pipeline_id, 'pipeline_name', s.pipeline_name, 'stage_id', s.stage_id,
                 'label', s.label, 'probability', s.probability::text, 'closed', s.closed, 'stuck_after_days', s.stuck_after_days,
                 'archived', s.archived,
                 'stuck', CASE WHEN s.stuck_after_days IS NULL THEN 0 ELSE (
                   SELECT count(*) FROM ${T.deals} d
                    WHERE d.outcome = 'open' AND d.pipeline_id = s.pipeline_id AND d.stage_id = s.stage_id
                      AND d.entered_stage_at < ${asOf} - make_interval(days => s.stuck_after_days)${currency('d.currency')}
                 ) END) ORDER BY s.pipeline_id, s.sort_order)
          FROM stage s) AS stages,
       (SELECT json_agg(json_build_object('pipeline_id', o.pipeline_id, 'stage_id', o.stage_id, 'currency', o.currency,
                 'open_deals', o.open_deals, 'age_seconds', (o.seconds + coalesce(l.seconds, 0))::float8,
                 'total', o.total::text, 'weighted', o.weighted::text) ORDER BY o.currency, o.pipeline_id, o.stage_id)
          FROM open_group o LEFT JOIN entered_later l USING (pipeline_id, stage_id, currency)) AS open,
       (SELECT json_agg(o) FROM (
          SELECT pipeline_id, coalesce(sum(deals) FILTER (WHERE outcome = 'won'), 0)::int AS won,
                 coalesce(sum(deals) FILTER (WHERE outcome = 'lost'), 0)::int AS lost
            FROM total WHERE outcome IN ('won', 'lost') GROUP BY pipeline_id) o) AS outcomes,
       (SELECT json_agg(json_build_object('pipeline_id', f.pipeline_id, 'month', f.month, 'currency', f.currency,
                 'weighted', f.weighted::text, 'total', f.total::text) ORDER BY f.month, f.currency, f.pipeline_id)
          FROM forecast f) AS forecast`,
    params.values,
  );
  const stages = row.stages ?? [];
  const openRows = row.open ?? [];
  const outcomes = row.outcomes ?? [];
  const forecast = row.forecast ?? [];
  const pipelineIds = [...new Set(stages.map((stage) => stage.pipeline_id))];
  const pipelines = pipelineIds.map((pipelineId) => {
    const own = stages.filter((stage) => stage.pipeline_id === pipelineId);
    const outcome = outcomes.find((record) => record.pipeline_id === pipelineId) ?? { won: 0, lost: 0 };
    return {
      pipelineId,
      name: own[0].pipeline_name,
      asOf: filter.asOf,
      stages: own.map((stage) => {
        const groups = openRows.filter((record) => record.pipeline_id === pipelineId && record.stage_id === stage.stage_id);
        const openDeals = groups.reduce((sum, record) => sum + record.open_deals, 0);
        const ageSeconds = groups.reduce((sum, record) => sum + record.age_seconds, 0);
        return {
          stageId: stage.stage_id,
          label: stage.label,
          probability: Number(stage.probability),
          closed: stage.closed,
          archived: stage.archived,
          stuckAfterDays: stage.stuck_after_days,
          openDeals,
          amounts: groups.map((record) => ({
            currency: record.currency,
            total: amountIn(record.total, record.currency),
            weighted: weightedIn(record.weighted, record.currency),
          })),
          averageAgeDays: openDeals === 0 ? null : round(ageSeconds / openDeals / DAY_SECONDS, 2),
          stuckDeals: stage.stuck,
        };
      }),
      winRate: outcome.won + outcome.lost === 0 ? null : round(outcome.won / (outcome.won + outcome.lost), 4),
      won: outcome.won,
      lost: outcome.lost,
      forecast: forecast
        .filter((record) => record.pipeline_id === pipelineId)
        .map((record) => ({
          month: record.month,
          currency: record.currency,
          weighted: weightedIn(record.weighted, record.currency),
          total: amountIn(record.total, record.currency),
        })),
    };
  });
  return { position: answerPosition(row.read_position), pipelines };
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
  /** A decimal string in the currency's digits. */
  amount: string;
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
  dataSource: ReadSource,
  query: StuckDealsQuery,
): Promise<{ rows: StuckDeal[]; nextCursor: string | null }> => {
  const params = new Parameters();
  const conditions = [
    `d.outcome = 'open'`,
    's.stuck_after_days IS NOT NULL',
    `d.entered_stage_at < ${params.add(query.asOf)}::timestamptz - make_interval(days => s.stuck_after_days)`,
  ];
  if (query.pipelineId !== undefined) conditions.push(`d.pipeline_id = ${params.add(query.pipelineId)}`);
  if (query.cursor !== undefined) {
    const [enteredStageAt, dealId] = decodeCursor(query.cursor, 2);
    if (typeof enteredStageAt !== 'string' || Number.isNaN(Date.parse(enteredStageAt)) || typeof dealId !== 'string') throw new InvalidCursor();
    conditions.push(`(d.entered_stage_at, d.deal_id) > (${params.add(enteredStageAt)}::timestamptz, ${params.add(dealId)})`);
  }
  const records = await preparedQuery<StuckRecord>(
    dataSource,
    `SELECT d.deal_id, d.name, d.pipeline_id, d.stage_id, d.owner_id, d.entered_stage_at, s.stuck_after_days, d.amount::text AS amount, d.currency
       FROM ${T.deals} d JOIN ${T.stages} s ON s.pipeline_id = d.pipeline_id AND s.stage_id = d.stage_id
      WHERE ${conditions.join(' AND ')}
      ORDER BY d.entered_stage_at, d.deal_id
      LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
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
    amount: amountIn(record.amount, record.currency),
    currency: record.currency,
  }));
  const last = rows[rows.length - 1];
  return { rows, nextCursor: records.length > query.limit && last ? encodeCursor([last.enteredStageAt, last.dealId]) : null };
};
