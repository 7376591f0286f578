// Per-rep activity rolled up at query time from daily rows into days, ISO weeks (labelled by their Monday) or
// months (YYYY-MM). Only periods with some activity are answered.
import type { DataSource } from 'typeorm';
import type { DayRange } from './day-range.js';
import { RepActivityDay, RepActivityWonAmount } from './rep-activity.entity.js';

export type Granularity = 'day' | 'week' | 'month';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

export type WonAmount = Readonly<{ currency: string; dealsWon: number; amount: number }>;

export type RepActivityRow = Readonly<{
  ownerId: string;
  /** YYYY-MM-DD for a day, the Monday YYYY-MM-DD for a week, YYYY-MM for a month. */
  period: string;
  emails: number;
  calls: number;
  meetings: number;
  notes: number;
  tasksCreated: number;
  tasksCompleted: number;
  dealsCreated: number;
  dealsWon: number;
  ticketsClosed: number;
  /** Won deals per currency, by currency code; amounts are never added across currencies. */
  wonAmounts: readonly WonAmount[];
}>;

export type RepActivityQuery = Readonly<{ range: DayRange; granularity: Granularity; ownerId?: string }>;

// Fixed expressions chosen by the validated granularity; no request text reaches the SQL.
const PERIOD: Readonly<Record<Granularity, string>> = {
  day: `to_char(a.day, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', a.day::timestamp), 'YYYY-MM-DD')`,
  month: `to_char(a.day, 'YYYY-MM')`,
};

const COUNTERS = [
  ['emails', 'emails'],
  ['calls', 'calls'],
  ['meetings', 'meetings'],
  ['notes', 'notes'],
  ['tasks_created', 'tasksCreated'],
  ['tasks_completed', 'tasksCompleted'],
  ['deals_created', 'dealsCreated'],
  ['deals_won', 'dealsWon'],
  ['tickets_closed', 'ticketsClosed'],
] as const;

type CountsRaw = { ownerId: string; period: string } & Record<(typeof COUNTERS)[number][1], number>;
type WonRaw = { ownerId: string; period: string; currency: string; dealsWon: number; amount: string };

export const repActivity = async (dataSource: DataSource, query: RepActivityQuery): Promise<RepActivityRow[]> => {
  const period = PERIOD[query.granularity];
  const scoped = <T extends object>(entity: new () => T) => {
    const builder = dataSource
      .getRepository(entity)
      .createQueryBuilder('a')
      .where('a.day BETWEEN :from AND :to', { from: query.range.from, to: query.range.to });
    if (query.ownerId !== undefined) builder.andWhere('a.owner_id = :ownerId', { ownerId: query.ownerId });
    return builder.select('a.owner_id', 'ownerId').addSelect(period, 'period').groupBy('a.owner_id').addGroupBy(period);
  };
  const counts = scoped(RepActivityDay).orderBy('period').addOrderBy('a.owner_id');
  for (const [column, alias] of COUNTERS) counts.addSelect(`sum(a.${column})::int`, alias);
  const won = scoped(RepActivityWonAmount)
    .addSelect('a.currency', 'currency')
    .addSelect('sum(a.deals_won)::int', 'dealsWon')
    .addSelect('sum(a.amount)::text', 'amount')
    .addGroupBy('a.currency')
    .orderBy('a.currency');
  const countRows = await counts.getRawMany<CountsRaw>();
  const wonRows = await won.getRawMany<WonRaw>();
  const amounts = new Map<string, WonAmount[]>();
  for (const row of wonRows) {
    const key = `${row.ownerId}|${row.period}`;
    amounts.set(key, [...(amounts.get(key) ?? []), { currency: row.currency, dealsWon: row.dealsWon, amount: Number(row.amount) }]);
  }
  return countRows.map((row) => ({ ...row, wonAmounts: amounts.get(`${row.ownerId}|${row.period}`) ?? [] }));
};
