// Recurring revenue per month, answered from the movement rows: a month's new, expansion, contraction and churn are
// the sums of its rows; the MRR in force (total) the sum of every row up to it. A renewal's two rows (the renewed
// contract's MRR out, the renewing one's in, one event id) net per currency and group into an expansion or a
// contraction. Per currency, never summed across currencies; optionally per owner or pipeline (the deal's current
// one). One statement, so one snapshot, with the build's position. Amounts are decimal strings (numeric sums).
import type { DataSource } from 'typeorm';
import { activePositionSql } from '#projection-engine';
import { addAmounts, compareAmounts, scaleAmount, subtractAmounts, sumAmounts } from '#domain/shared';
import { answerPosition, decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery, type Positioned } from '#read-models';
import { MRR, MRR_TABLES as T } from './mrr.tables.js';

export type MrrGroupBy = 'owner' | 'pipeline';
export const MRR_GROUP_BYS: readonly MrrGroupBy[] = ['owner', 'pipeline'];

export type MrrFigure = 'new' | 'expansion' | 'contraction' | 'churn';
export const MRR_FIGURES: readonly MrrFigure[] = ['new', 'expansion', 'contraction', 'churn'];
/** What a drill-down can explain: a month's movement figure, or the MRR in force (total). */
export type MrrDrillKind = MrrFigure | 'total';
export const MRR_DRILL_KINDS: readonly MrrDrillKind[] = [...MRR_FIGURES, 'total'];

/** A month is YYYY-MM. */
export const MRR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export type MrrRow = Readonly<{
  currency: string;
  /** With groupBy=owner: the deal's owner (null: none). */
  ownerId?: string | null;
  /** With groupBy=pipeline. */
  pipelineId?: string;
  new: string;
  expansion: string;
  contraction: string;
  churn: string;
  /** new + expansion - contraction - churn. */
  netNew: string;
  /** The MRR in force in the month. */
  total: string;
  /** total × 12. */
  arr: string;
}>;

export type MrrQuery = Readonly<{ month: string; groupBy?: MrrGroupBy }>;

// Fixed expressions chosen by the validated groupBy; no request text reaches the SQL.
const GROUP: Readonly<Record<MrrGroupBy | 'none', string>> = { none: 'NULL::text', owner: 'm.owner_id', pipeline: 'm.pipeline_id' };

type FigureRecord = { currency: string; grp: string | null; kind: MrrFigure | 'total'; amount: string };

const firstDay = (month: string): string => `${month}-01`;

/** Each currency's (and group's) figures for the month; a currency without movements or MRR in force has no row. */
export const mrrMonth = async (dataSource: DataSource, query: MrrQuery): Promise<Positioned<{ rows: MrrRow[] }>> => {
  const params = new Parameters();
  const position = activePositionSql(params.add(MRR));
  const month = `${params.add(firstDay(query.month))}::date`;
  const group = GROUP[query.groupBy ?? 'none'];
  const [record] = await preparedQuery<{ read_position: string | null; figures: FigureRecord[] | null }>(
    dataSource,
    `WITH moves AS (
       SELECT m.currency, ${group} AS grp, m.kind, m.event_id, m.delta FROM ${T.movements} m WHERE m.month = ${month}
     ), figures AS (
       SELECT currency, grp, kind, sum(delta) AS amount FROM moves WHERE kind <> 'renewal' GROUP BY currency, grp, kind
       UNION ALL
       SELECT currency, grp, CASE WHEN sum(delta) >= 0 THEN 'expansion' ELSE 'contraction' END, sum(delta)
         FROM moves WHERE kind = 'renewal' GROUP BY currency, grp, event_id
       UNION ALL
       SELECT m.currency, ${group}, 'total', sum(m.delta) FROM ${T.movements} m WHERE m.month <= ${month} GROUP BY m.currency, ${group}
     )
     SELECT ${position} AS read_position,
       (SELECT json_agg(json_build_object('currency', currency, 'grp', grp, 'kind', kind, 'amount', amount::text))
          FROM (SELECT currency, grp, kind, sum(amount) AS amount FROM figures GROUP BY currency, grp, kind) f) AS figures`,
    params.values,
  );
  const groups = new Map<string, { currency: string; grp: string | null; amounts: Map<string, string> }>();
  for (const figure of record?.figures ?? []) {
    const key = JSON.stringify([figure.currency, figure.grp]);
    const entry = groups.get(key) ?? { currency: figure.currency, grp: figure.grp, amounts: new Map<string, string>() };
    entry.amounts.set(figure.kind, figure.amount);
    groups.set(key, entry);
  }
  const rows: MrrRow[] = [];
  for (const { currency, grp, amounts } of groups.values()) {
    const signed = (kind: string) => addAmounts(amounts.get(kind) ?? '0', '0', currency);
    // Contraction and churn rows are negative movements; the figures name their size.
    const size = (kind: string) => subtractAmounts('0', signed(kind), currency);
    const [added, expansion, contraction, churn, total] = [signed('new'), signed('expansion'), size('contraction'), size('churn'), signed('total')];
    const netNew = sumAmounts(MRR_FIGURES.map(signed), currency);
    if ([added, expansion, contraction, churn, total].every((amount) => compareAmounts(amount, '0') === 0)) continue;
    const grouping = query.groupBy === 'owner' ? { ownerId: grp } : query.groupBy === 'pipeline' ? { pipelineId: grp as string } : {};
    rows.push({ currency, ...grouping, new: added, expansion, contraction, churn, netNew, total, arr: scaleAmount(total, currency, '12') });
  }
  rows.sort((a, b) => compareText(a.currency, b.currency) || compareText(a.ownerId ?? a.pipelineId ?? null, b.ownerId ?? b.pipelineId ?? null));
  return { position: answerPosition(record?.read_position ?? null), rows };
};

// Groups in code-point order, the deals without an owner last.
const compareText = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** One deal's share of a figure: the movement (signed change to its MRR), or for `total` its MRR in force. */
export type MrrDrillRow = Readonly<{
  dealId: string;
  currency: string;
  /** The movement's kind (new, expansion, contraction, churn, renewal: a renewal pair's out or in row), or in-force. */
  movement: string;
  /** Signed: the change to the deal's MRR, or the deal's MRR in force (kind=total). */
  mrr: string;
  /** The event behind it: the win, the change, the renewing win; for churn the win or term change that set the term; for total the deal's latest movement. */
  eventId: string;
  ownerId: string | null;
  pipelineId: string;
}>;

export type MrrDrillQuery = Readonly<{
  month: string;
  kind: MrrDrillKind;
  currency?: string;
  ownerId?: string;
  pipelineId?: string;
  limit: number;
  cursor?: string;
}>;

type DrillRecord = { deal_id: string; currency: string; movement: string; mrr: string; ord: number; event_id: string; owner_id: string | null; pipeline_id: string };

/**
 * The deals and events behind one figure of the month, filtered like a grouped figure (by currency, owner, pipeline),
 * by currency, deal and movement order, a page at a time. new and expansion are the sum of the rows' mrr; contraction
 * and churn minus that sum (their rows are negative); total the sum of the deals' MRR in force.
 */
export const mrrDrillDown = async (
  dataSource: DataSource,
  query: MrrDrillQuery,
): Promise<Positioned<{ rows: MrrDrillRow[]; nextCursor: string | null }>> => {
  const params = new Parameters();
  const position = activePositionSql(params.add(MRR));
  const month = `${params.add(firstDay(query.month))}::date`;
  const filters =
    params.equals('m.currency', query.currency) + params.equals('m.owner_id', query.ownerId) + params.equals('m.pipeline_id', query.pipelineId);
  const select =
    query.kind === 'total'
      ? `SELECT m.deal_id, m.currency, 'in-force' AS movement, sum(m.delta)::text AS mrr, 0 AS ord,
                (array_agg(m.event_id ORDER BY m.month DESC, m.seq DESC))[1] AS event_id, m.owner_id, m.pipeline_id
           FROM ${T.movements} m WHERE m.month <= ${month}${filters}
          GROUP BY m.deal_id, m.currency, m.owner_id, m.pipeline_id HAVING sum(m.delta) <> 0`
      : // A renewal row counts where its pair nets, among the rows the filters keep (as a grouped figure nets it).
        `SELECT c.deal_id, c.currency, c.kind AS movement, c.delta::text AS mrr, c.seq AS ord, c.event_id, c.owner_id, c.pipeline_id
           FROM (SELECT m.*, CASE WHEN m.kind <> 'renewal' THEN m.kind
                                  WHEN sum(m.delta) OVER (PARTITION BY m.event_id, m.currency) >= 0 THEN 'expansion'
                                  ELSE 'contraction' END AS figure
                   FROM ${T.movements} m WHERE m.month = ${month}${filters}) c
          WHERE c.figure = ${params.add(query.kind)}`;
  let after = '';
  if (query.cursor !== undefined) {
    const [currency, dealId, ord] = decodeCursor(query.cursor, 3);
    if (typeof currency !== 'string' || typeof dealId !== 'string' || typeof ord !== 'number') throw new InvalidCursor();
    after = `WHERE (d.currency, d.deal_id, d.ord) > (${params.add(currency)}, ${params.add(dealId)}, ${params.add(ord)}::int)`;
  }
  const [record] = await preparedQuery<{ read_position: string | null; rows: DrillRecord[] | null }>(
    dataSource,
    `SELECT ${position} AS read_position,
       (SELECT json_agg(p ORDER BY p.currency, p.deal_id, p.ord)
          FROM (SELECT * FROM (${select}) d ${after} ORDER BY d.currency, d.deal_id, d.ord LIMIT ${params.add(query.limit + 1)}) p) AS rows`,
    params.values,
  );
  const records = record?.rows ?? [];
  const page = records.slice(0, query.limit);
  const last = page.at(-1);
  const rows = page.map((row) => ({
    dealId: row.deal_id,
    currency: row.currency,
    movement: row.movement,
    mrr: addAmounts(row.mrr, '0', row.currency),
    eventId: row.event_id,
    ownerId: row.owner_id,
    pipelineId: row.pipeline_id,
  }));
  const nextCursor = records.length > query.limit && last ? encodeCursor([last.currency, last.deal_id, last.ord]) : null;
  return { position: answerPosition(record?.read_position ?? null), rows, nextCursor };
};
