// Per-rep activity rolled up at query time from daily rows into days, ISO weeks (labelled by their Monday) or
// months (YYYY-MM). Only periods with some activity are answered.
import type { DataSource } from 'typeorm';
import { addAmounts } from '#domain/shared';
import { Parameters, preparedQuery, type DayRange } from '#read-models';
import type { ActivityCounter } from './rep-activity.projection.js';
import { REP_ACTIVITY_COLUMNS, REP_ACTIVITY_TABLES as T } from './rep-activity.tables.js';

export type Granularity = 'day' | 'week' | 'month';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

/** The amount is a decimal string in the currency's digits (JPY "150000", USD "0.59", BHD "1.250"). */
export type WonAmount = Readonly<{ currency: string; dealsWon: number; amount: string }>;

export type RepActivityRow = Readonly<{
  ownerId: string;
  /** YYYY-MM-DD for a day, the Monday YYYY-MM-DD for a week, YYYY-MM for a month. */
  period: string;
  /** Won deals per currency, by currency code; amounts are never added across currencies. */
  wonAmounts: readonly WonAmount[];
}> &
  Readonly<Record<ActivityCounter, number>>;

export type RepActivityQuery = Readonly<{ range: DayRange; granularity: Granularity; ownerId?: string }>;

// Fixed expressions chosen by the validated granularity; no request text reaches the SQL.
const PERIOD: Readonly<Record<Granularity, string>> = {
  day: `to_char(a.day, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', a.day::timestamp), 'YYYY-MM-DD')`,
  month: `to_char(a.day, 'YYYY-MM')`,
};

type CountsRaw = { ownerId: string; period: string } & Record<ActivityCounter, number>;
type WonRaw = { ownerId: string; period: string; currency: string; dealsWon: number; amount: string };

export const repActivity = async (dataSource: DataSource, query: RepActivityQuery): Promise<RepActivityRow[]> => {
  const period = PERIOD[query.granularity];
  const params = new Parameters();
  const scope = `a.day BETWEEN ${params.add(query.range.from)} AND ${params.add(query.range.to)}${params.equals('a.owner_id', query.ownerId)}`;
  const counters = REP_ACTIVITY_COLUMNS.map(([column, field]) => `, sum(a.${column})::int AS "${field}"`).join('');
  const countRows = await preparedQuery<CountsRaw>(
    dataSource,
    `SELECT a.owner_id AS "ownerId", ${period} AS period${counters}
       FROM ${T.daily} a WHERE ${scope}
      GROUP BY a.owner_id, ${period} ORDER BY period, a.owner_id`,
    params.values,
  );
  const wonRows = await preparedQuery<WonRaw>(
    dataSource,
    `SELECT a.owner_id AS "ownerId", ${period} AS period, a.currency, sum(a.deals_won)::int AS "dealsWon", sum(a.amount)::text AS amount
       FROM ${T.wonAmounts} a WHERE ${scope}
      GROUP BY a.owner_id, ${period}, a.currency ORDER BY a.currency`,
    params.values,
  );
  const amounts = new Map<string, WonAmount[]>();
  for (const row of wonRows) {
    const key = `${row.ownerId}|${row.period}`;
    // The numeric sum in the currency's form: its digits at least, more only when a legacy amount had more.
    const amount = addAmounts(row.amount, '0', row.currency);
    amounts.set(key, [...(amounts.get(key) ?? []), { currency: row.currency, dealsWon: row.dealsWon, amount }]);
  }
  return countRows.map((row) => ({ ...row, wonAmounts: amounts.get(`${row.ownerId}|${row.period}`) ?? [] }));
};
