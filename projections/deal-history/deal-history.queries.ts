// Deal history, read as of any instant: the deal versions in force then (valid_from <= asOf < valid_to) with their
// stages as the pipelines stood then. Pipeline health as of a past instant, the forecast of a month as of a date and
// its accuracy against what closed are computed from them; sums in SQL numeric, weighting and conversion through the
// domain's money functions, so every figure is exact and the same on every run.
import { activePositionSql } from '#projection-engine';
import { answerPosition, Parameters, preparedQuery, type Positioned, type ReadSource } from '#read-models';
import { scaleAmount } from '#domain/shared';
import type { PipelineHealth, PipelineHealthFilter, StageHealth } from '#projections/pipeline-health';
import { loadRateBook, reportingCurrencyOf, type RateBook, type RateUsed } from '#projections/exchange-rates';
import { DEAL_HISTORY, DEAL_HISTORY_TABLES as T } from './deal-history.tables.js';
import {
  ACTUAL_LABEL,
  convertedFigureLines,
  convertForecast,
  currencyForecasts,
  figureLines,
  forecastAccuracy,
  forecastLine,
  sortLines,
  type ConvertedForecast,
  type CurrencyAccuracy,
  type CurrencyForecast,
  type ForecastDeal,
  type ForecastGap,
  type ForecastLine,
} from './deal-history.forecast.js';

// A version is in force at instant $n when it began at or before it and ended after it (or has not ended).
const inForce = (alias: string, asOf: string): string => `${alias}.valid_from <= ${asOf} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${asOf})`;

/** A calendar day (YYYY-MM-DD) as of its end (everything that occurred on it counts); an instant as itself. */
export const resolveAsOf = (asOf: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999Z` : new Date(asOf).toISOString());

/** The first instant of a YYYY-MM month and of the next one. */
export const monthBounds = (month: string): readonly [string, string] => {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return [new Date(Date.UTC(year, index - 1, 1)).toISOString(), new Date(Date.UTC(year, index, 1)).toISOString()];
};

// ---- pipeline health as of ----

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
type OpenRecord = { pipeline_id: string; stage_id: string; currency: string; open_deals: number; age_seconds: number; total: string; stuck: number };
type OutcomeRecord = { pipeline_id: string; won: number; lost: number };
type ForecastRecord = { pipeline_id: string; month: string; currency: string; weighted: string; total: string };
type HealthRecord = {
  read_position: string | null;
  stages: StageRecord[] | null;
  open: OpenRecord[] | null;
  outcomes: OutcomeRecord[] | null;
  forecast: ForecastRecord[] | null;
};

const DAY_SECONDS = 86_400;
const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

/**
 * Pipeline health as the pipelines and deals stood at `asOf`: the stages, names and probabilities of then, the deals
 * open then in the stage they were in, aged and counted stuck at asOf, won and lost as closed by then, and the
 * forecast per month (expected close for open deals, close date for won ones). Same answer shape as pipelineHealth.
 */
export const pipelineHealthAsOf = async (dataSource: ReadSource, filter: PipelineHealthFilter): Promise<Positioned<{ pipelines: PipelineHealth[] }>> => {
  const params = new Parameters();
  const position = activePositionSql(params.add(DEAL_HISTORY));
  const asOf = `${params.add(resolveAsOf(filter.asOf))}::timestamptz`;
  const pipeline = (column: string): string => params.equals(column, filter.pipelineId);
  const currency = (column: string): string => params.equals(column, filter.currency);
  const [row] = await preparedQuery<HealthRecord>(
    dataSource,
    `WITH pv AS (
       SELECT p.pipeline_id, p.seq, p.name FROM ${T.pipelines} p
        WHERE p.object_type = 'deal' AND ${inForce('p', asOf)}${pipeline('p.pipeline_id')}
     ), stage AS (
       SELECT s.pipeline_id, pv.name AS pipeline_name, s.stage_id, s.label, s.probability, s.closed, s.stuck_after_days, s.archived, s.sort_order
         FROM pv JOIN ${T.stages} s ON s.pipeline_id = pv.pipeline_id AND s.seq = pv.seq
     ), dv AS (
       SELECT d.pipeline_id, d.stage_id, d.currency, d.amount, d.outcome, d.close_date, d.closed_at, d.entered_stage_at
         FROM ${T.deals} d
        WHERE ${inForce('d', asOf)}${pipeline('d.pipeline_id')}${currency('d.currency')}
     ), open_group AS (
       SELECT dv.pipeline_id, dv.stage_id, dv.currency, count(*)::int AS open_deals, sum(dv.amount) AS total,
              sum(extract(epoch FROM ${asOf}) - extract(epoch FROM dv.entered_stage_at)) AS seconds,
              (count(*) FILTER (WHERE s.stuck_after_days IS NOT NULL
                 AND dv.entered_stage_at < ${asOf} - make_interval(days => s.stuck_after_days)))::int AS stuck
         FROM dv JOIN stage s ON s.pipeline_id = dv.pipeline_id AND s.stage_id = dv.stage_id
        WHERE dv.outcome = 'open'
        GROUP BY dv.pipeline_id, dv.stage_id, dv.currency
     ), forecast AS (
       -- Won deals count in full in the month they were won, open ones weighted in their expected month.
       -- The exact weighted sum, rounded once afterwards (as pipeline health rounds it).
       SELECT dv.pipeline_id, dv.currency,
              CASE WHEN dv.outcome = 'won' THEN to_char(dv.closed_at AT TIME ZONE 'UTC', 'YYYY-MM') ELSE left(dv.close_date, 7) END AS month,
              sum(CASE WHEN dv.outcome = 'won' THEN dv.amount ELSE dv.amount * s.probability END) AS weighted, sum(dv.amount) AS total
         FROM dv JOIN stage s ON s.pipeline_id = dv.pipeline_id AND s.stage_id = dv.stage_id
        WHERE dv.outcome IN ('open', 'won')
        GROUP BY 1, 2, 3
     )
     SELECT ${position} AS read_position,
       (SELECT json_agg(json_build_object('pipeline_id', s.pipeline_id, 'pipeline_name', s.pipeline_name, 'stage_id', s.stage_id,
                 'label', s.label, 'probability', s.probability::text, 'closed', s.closed, 'stuck_after_days', s.stuck_after_days,
                 'archived', s.archived) ORDER BY s.pipeline_id, s.sort_order)
          FROM stage s) AS stages,
       (SELECT json_agg(json_build_object('pipeline_id', o.pipeline_id, 'stage_id', o.stage_id, 'currency', o.currency,
                 'open_deals', o.open_deals, 'age_seconds', o.seconds::float8, 'total', o.total::text, 'stuck', o.stuck)
                 ORDER BY o.currency, o.pipeline_id, o.stage_id)
          FROM open_group o) AS open,
       (SELECT json_agg(json_build_object('pipeline_id', pipeline_id, 'won', won, 'lost', lost)) FROM (
          SELECT pipeline_id, (count(*) FILTER (WHERE outcome = 'won'))::int AS won, (count(*) FILTER (WHERE outcome = 'lost'))::int AS lost
            FROM dv WHERE outcome IN ('won', 'lost') GROUP BY pipeline_id) o) AS outcomes,
       (SELECT json_agg(json_build_object('pipeline_id', f.pipeline_id, 'month', f.month, 'currency', f.currency,
                 'weighted', f.weighted::text, 'total', f.total::text) ORDER BY f.month, f.currency, f.pipeline_id)
          FROM forecast f) AS forecast`,
    params.values,
  );
  const stages = row.stages ?? [];
  const openRows = row.open ?? [];
  const outcomes = row.outcomes ?? [];
  const forecastRows = row.forecast ?? [];
  const pipelineIds = [...new Set(stages.map((stage) => stage.pipeline_id))];
  const pipelines = pipelineIds.map((pipelineId): PipelineHealth => {
    const own = stages.filter((stage) => stage.pipeline_id === pipelineId);
    const outcome = outcomes.find((record) => record.pipeline_id === pipelineId) ?? { won: 0, lost: 0 };
    return {
      pipelineId,
      name: own[0].pipeline_name,
      asOf: filter.asOf,
      stages: own.map((stage): StageHealth => {
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
            total: record.total,
            weighted: scaleAmount(record.total, record.currency, stage.probability),
          })),
          averageAgeDays: openDeals === 0 ? null : round(ageSeconds / openDeals / DAY_SECONDS, 2),
          stuckDeals: groups.reduce((sum, record) => sum + record.stuck, 0),
        };
      }),
      winRate: outcome.won + outcome.lost === 0 ? null : round(outcome.won / (outcome.won + outcome.lost), 4),
      won: outcome.won,
      lost: outcome.lost,
      forecast: forecastRows
        .filter((record) => record.pipeline_id === pipelineId)
        .map((record) => ({
          month: record.month,
          currency: record.currency,
          weighted: scaleAmount(record.weighted, record.currency),
          total: record.total,
        })),
    };
  });
  return { position: answerPosition(row.read_position), pipelines };
};

// ---- the forecast of a month ----

type DealRecord = {
  read_position: string | null;
  snapshot: number | null;
  deal_id: string;
  name: string;
  pipeline_id: string;
  stage_id: string;
  owner_id: string | null;
  outcome: 'open' | 'won';
  amount: string;
  currency: string;
  close_date: string;
  closed_at: Date | null;
  probability: string | null;
  event_id: string;
  valid_from: Date;
  stage_event_id: string | null;
};

/**
 * The deals in month M's forecast at each of `instants` (open with the expected close in M, or won in M), in one
 * statement and one snapshot of the read model. 'infinity' reads the versions in force now.
 */
const forecastDealsAt = async (
  dataSource: ReadSource,
  query: Readonly<{ month: string; instants: readonly string[]; pipelineId?: string }>,
): Promise<{ position: string | null; snapshots: ForecastDeal[][] }> => {
  const params = new Parameters();
  const position = activePositionSql(params.add(DEAL_HISTORY));
  const instants = params.add(query.instants);
  const [monthStart, monthEnd] = monthBounds(query.month);
  const records = await preparedQuery<DealRecord>(
    dataSource,
    `SELECT pos.read_position, x.* FROM (SELECT ${position} AS read_position) pos LEFT JOIN (
       SELECT snap.n::int AS snapshot, d.deal_id, d.name, d.pipeline_id, d.stage_id, d.owner_id, d.outcome, d.amount::text, d.currency,
              d.close_date, d.closed_at, s.probability::text, d.event_id, d.valid_from,
              CASE WHEN s.stage_id IS NULL THEN NULL ELSE pv.event_id END AS stage_event_id
         FROM unnest(${instants}::timestamptz[]) WITH ORDINALITY AS snap(as_of, n)
         JOIN ${T.deals} d ON ${inForce('d', 'snap.as_of')}
         LEFT JOIN ${T.pipelines} pv ON pv.pipeline_id = d.pipeline_id AND ${inForce('pv', 'snap.as_of')}
         LEFT JOIN ${T.stages} s ON s.pipeline_id = pv.pipeline_id AND s.seq = pv.seq AND s.stage_id = d.stage_id
        WHERE ((d.outcome = 'open' AND left(d.close_date, 7) = ${params.add(query.month)})
           OR (d.outcome = 'won' AND d.closed_at >= ${params.add(monthStart)}::timestamptz AND d.closed_at < ${params.add(monthEnd)}::timestamptz))
          ${params.equals('d.pipeline_id', query.pipelineId)}
     ) x ON true
     ORDER BY x.snapshot, x.deal_id`,
    params.values,
  );
  const snapshots: ForecastDeal[][] = query.instants.map(() => []);
  for (const record of records) {
    if (record.snapshot === null) continue;
    snapshots[record.snapshot - 1].push({
      dealId: record.deal_id,
      name: record.name,
      pipelineId: record.pipeline_id,
      stageId: record.stage_id,
      ownerId: record.owner_id,
      outcome: record.outcome,
      amount: record.amount,
      currency: record.currency,
      closeDate: record.close_date,
      closedAt: record.closed_at?.toISOString() ?? null,
      probability: record.probability,
      eventId: record.event_id,
      validFrom: record.valid_from.toISOString(),
      stageEventId: record.stage_event_id,
    });
  }
  return { position: answerPosition(records[0]?.read_position ?? null), snapshots };
};

/** A currency to convert to: an ISO code, or 'reporting' for the workspace's reporting currency. */
export type TargetCurrency = string;

export class ReportingCurrencyNotSet extends Error {
  readonly code = 'REPORTING_CURRENCY_NOT_SET';
  constructor(asOf?: string) {
    super(
      asOf === undefined
        ? 'currency=reporting needs a reporting currency: set one with PUT /v1/settings/reporting-currency'
        : `currency=reporting needs a reporting currency, and none was set as of ${asOf}: ask for an ISO code, or a later asOf`,
    );
  }
}

/**
 * The ISO code to convert to; undefined when none was asked. 'reporting' is the workspace's setting as it stood at
 * `asOf` (an instant; now without one). Throws ReportingCurrencyNotSet when none was set by then.
 */
const targetOf = async (dataSource: ReadSource, currency: TargetCurrency | undefined, asOf?: string): Promise<string | undefined> => {
  if (currency !== 'reporting') return currency;
  const reporting = await reportingCurrencyOf(dataSource, asOf);
  if (reporting === null) throw new ReportingCurrencyNotSet(asOf);
  return reporting;
};

export type ForecastQuery = Readonly<{
  /** YYYY-MM. */
  month: string;
  /** A calendar day (as of its end) or an instant. */
  asOf: string;
  pipelineId?: string;
  currency?: TargetCurrency;
}>;

export type Forecast = Readonly<{
  month: string;
  asOf: string;
  /** The instant the history was read at. */
  asOfInstant: string;
  pipelineId: string | null;
  /** Per currency of the deals, never added across currencies. */
  currencies: readonly CurrencyForecast[];
  /** In the asked currency, when one was asked. */
  converted: ConvertedForecast | null;
  /** The drill-down: each deal behind the figures, the versions used and, when asked, its conversion. */
  deals: readonly ForecastLine[];
}>;

/**
 * The forecast of `month` as it stood at `asOf`: the deals, the reporting currency and the rate book of then (a rate
 * published later, by its business time, is not in it: a deal it would convert is a gap).
 */
export const forecastAsOf = async (dataSource: ReadSource, query: ForecastQuery): Promise<Positioned<{ forecast: Forecast }>> => {
  const asOfInstant = resolveAsOf(query.asOf);
  const target = await targetOf(dataSource, query.currency, asOfInstant);
  const { position, snapshots } = await forecastDealsAt(dataSource, { month: query.month, instants: [asOfInstant], pipelineId: query.pipelineId });
  let lines = snapshots[0].map(forecastLine);
  let converted: ConvertedForecast | null = null;
  if (target !== undefined) {
    ({ lines, converted } = convertForecast(lines, await loadRateBook(dataSource, asOfInstant), target));
  }
  return {
    position,
    forecast: {
      month: query.month,
      asOf: query.asOf,
      asOfInstant,
      pipelineId: query.pipelineId ?? null,
      currencies: currencyForecasts(lines),
      converted,
      deals: sortLines(lines),
    },
  };
};

export type AccuracyQuery = Readonly<{ month: string; asOf: readonly string[]; pipelineId?: string; currency?: TargetCurrency }>;

export type ConvertedAccuracy = CurrencyAccuracy &
  Readonly<{
    complete: boolean;
    ratesUsed: readonly RateUsed[];
    /** Deals left out of a snapshot's (or the actual's) converted figures for want of a rate. */
    gaps: readonly (ForecastGap & Readonly<{ asOf: string }>)[];
  }>;

export type ForecastAccuracy = Readonly<{
  month: string;
  /** The dates (or instants) compared, in the order asked, then 'actual'. */
  asOf: readonly string[];
  pipelineId: string | null;
  currencies: readonly CurrencyAccuracy[];
  converted: ConvertedAccuracy | null;
}>;

/**
 * What was forecast for `month` at each of the `asOf` dates, against what closed won in it (as the history stands
 * now), with the waterfall from each date to the next and to the actual. Converted, each date's figures use the rate
 * book of that date and the actual today's; all in one currency, the reporting currency of now (the actual's).
 */
export const forecastAccuracyOf = async (dataSource: ReadSource, query: AccuracyQuery): Promise<Positioned<{ accuracy: ForecastAccuracy }>> => {
  const target = await targetOf(dataSource, query.currency);
  const instants = query.asOf.map(resolveAsOf);
  const { position, snapshots } = await forecastDealsAt(dataSource, {
    month: query.month,
    instants: [...instants, 'infinity'],
    pipelineId: query.pipelineId,
  });
  const lineSets = snapshots.map((deals) => deals.map(forecastLine));
  // The actual: what is won in the month now; open deals of the month are still only a forecast.
  lineSets[lineSets.length - 1] = lineSets[lineSets.length - 1].filter((line) => line.outcome === 'won');
  const labels = [...query.asOf, ACTUAL_LABEL];
  const currencies = forecastAccuracy(
    lineSets.slice(0, -1).map((lines, index) => ({ label: labels[index], lines: figureLines(lines) })),
    figureLines(lineSets[lineSets.length - 1]),
  );
  let converted: ConvertedAccuracy | null = null;
  if (target !== undefined) {
    const books: RateBook[] = [];
    for (const instant of instants) books.push(await loadRateBook(dataSource, instant));
    books.push(await loadRateBook(dataSource));
    const conversions = lineSets.map((lines, index) => convertForecast(lines, books[index], target));
    const [accuracy] = forecastAccuracy(
      conversions.slice(0, -1).map((conversion, index) => ({ label: labels[index], lines: convertedFigureLines(conversion.lines) })),
      convertedFigureLines(conversions[conversions.length - 1].lines),
      [target],
    );
    const gaps = conversions.flatMap((conversion, index) => conversion.converted.gaps.map((gap) => ({ ...gap, asOf: labels[index] })));
    const rates = new Map(conversions.flatMap((conversion) => conversion.converted.ratesUsed).map((rate) => [`${rate.from}|${rate.to}|${rate.rateDate}|${rate.rate}`, rate]));
    const ratesUsed = [...rates.keys()].sort().map((key) => rates.get(key)!);
    converted = { ...accuracy, complete: gaps.length === 0, ratesUsed, gaps };
  }
  return { position, accuracy: { month: query.month, asOf: labels, pipelineId: query.pipelineId ?? null, currencies, converted } };
};
