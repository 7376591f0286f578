// The deals list: filters by pipeline, stage, owner, outcome, amount (within one currency: amounts in different
// currencies do not compare), close date, custom properties and a substring of the name or a property value; a
// stable sort with keyset paging. One statement answers a page and the build's position; each row carries its
// pipeline's name, its stage's label (this slice's copy of the pipelines) and its owner's name (owner_list).
import { dealArr, type BillingPeriod, type DealOutcome, type RevenueType } from '#domain/deal';
import { addAmounts, type PropertyValues } from '#domain/shared';
import { activePositionSql } from '#projection-engine';
import {
  answerPosition,
  Parameters,
  preparedQuery,
  propertyConditions,
  searchCondition,
  type ListSort,
  type Positioned,
  type PropertyFilter,
  type PropertyFilterDefinition,
  type ReadSource,
  type SortKey,
} from '#read-models';
import { listPropertyDefinitions } from '../record-lists/list-properties.queries.js';
import { readListPage } from '../record-lists/list-page.js';
import { ownerJoin } from '../record-lists/owner-names.js';
import { DEAL_LIST, DEAL_LIST_TABLES as T } from './deal-list.tables.js';

export const DEAL_SORT_KEYS: readonly SortKey[] = [
  { name: 'createdAt', sql: 'd.created_at', type: 'timestamptz' },
  { name: 'closeDate', sql: 'd.close_date', type: 'text' },
  { name: 'amount', sql: 'd.amount', type: 'numeric' },
  { name: 'name', sql: 'd.name_key', type: 'text' },
];

export const DEFAULT_DEAL_SORT = '-createdAt';

export const DEAL_LIST_OUTCOMES = ['open', 'won', 'lost'] as const satisfies readonly DealOutcome[];

export type DealListQuery = Readonly<{
  q?: string;
  pipelineId?: string;
  stageId?: string;
  ownerId?: string;
  outcome?: DealOutcome;
  currency?: string;
  /** Decimal strings, compared as numeric in the filter's currency. */
  amountMin?: string;
  amountMax?: string;
  /** Inclusive days, YYYY-MM-DD. */
  closeFrom?: string;
  closeTo?: string;
  properties: readonly PropertyFilter[];
  sort: ListSort;
  limit: number;
  cursor?: string;
}>;

export type DealListItem = Readonly<{
  dealId: string;
  name: string;
  pipelineId: string;
  pipelineName: string | null;
  stageId: string;
  stageLabel: string | null;
  /** Decimal string, as the deal's events carry it. */
  amount: string;
  currency: string;
  revenueType: RevenueType;
  billingPeriod: BillingPeriod | null;
  contractTermMonths: number;
  mrr: string | null;
  arr: string | null;
  renewsDealId: string | null;
  /** The expected close, YYYY-MM-DD. */
  closeDate: string;
  /** When it was won or lost (ISO); null while open. */
  closedAt: string | null;
  ownerId: string | null;
  ownerName: string | null;
  outcome: DealOutcome;
  companyId: string | null;
  createdAt: string;
  properties: PropertyValues;
  /** The revision of the last event in the deal's stream, for If-Match (as of the page's position). */
  revision: number;
}>;

export type DealListPage = Positioned<Readonly<{ data: DealListItem[]; nextCursor: string | null }>>;

type DealRecord = {
  deal_id: string;
  name: string;
  pipeline_id: string;
  pipeline_name: string | null;
  stage_id: string;
  stage_label: string | null;
  amount_text: string;
  currency: string;
  close_date: string;
  owner_id: string | null;
  owner_name: string | null;
  outcome: DealOutcome;
  contract_term_months: number;
  revenue_type: RevenueType;
  billing_period: BillingPeriod | null;
  renews_deal_id: string | null;
  mrr_text: string | null;
  closed_at: Date | null;
  company_id: string | null;
  properties: PropertyValues;
  created_at: Date;
  revision: number;
};

const toItem = (r: DealRecord): DealListItem => ({
  dealId: r.deal_id,
  name: r.name,
  pipelineId: r.pipeline_id,
  pipelineName: r.pipeline_name,
  stageId: r.stage_id,
  stageLabel: r.stage_label,
  amount: r.amount_text,
  currency: r.currency,
  revenueType: r.revenue_type,
  billingPeriod: r.billing_period,
  contractTermMonths: r.contract_term_months,
  mrr: r.mrr_text,
  arr: dealArr(r.mrr_text, r.currency),
  renewsDealId: r.renews_deal_id,
  closeDate: r.close_date,
  closedAt: r.closed_at === null ? null : r.closed_at.toISOString(),
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  outcome: r.outcome,
  companyId: r.company_id,
  createdAt: r.created_at.toISOString(),
  properties: r.properties,
  revision: r.revision,
});

const conditionsOf = (query: DealListQuery, params: Parameters): string[] => {
  const conditions: string[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) conditions.push(`${column} = ${params.add(value)}`);
  };
  if (query.q !== undefined) conditions.push(searchCondition('d.search_text', query.q, params));
  equal('d.pipeline_id', query.pipelineId);
  equal('d.stage_id', query.stageId);
  equal('d.owner_id', query.ownerId);
  equal('d.outcome', query.outcome);
  equal('d.currency', query.currency);
  if (query.amountMin !== undefined) conditions.push(`d.amount >= ${params.add(query.amountMin)}::numeric`);
  if (query.amountMax !== undefined) conditions.push(`d.amount <= ${params.add(query.amountMax)}::numeric`);
  if (query.closeFrom !== undefined) conditions.push(`d.close_date >= ${params.add(query.closeFrom)}`);
  if (query.closeTo !== undefined) conditions.push(`d.close_date <= ${params.add(query.closeTo)}`);
  conditions.push(...propertyConditions('d.properties', query.properties, params));
  return conditions;
};

/** One page of deals, in one statement with the build's position (an empty page still brings it). */
export const listDeals = async (source: ReadSource, query: DealListQuery): Promise<DealListPage> => {
  const params = new Parameters();
  // Names join the page's rows only: 51 rows, not the deals the filters keep.
  const page = await readListPage<DealRecord>(source, params, {
    readModel: DEAL_LIST,
    table: T.deals,
    alias: 'd',
    id: 'deal_id',
    columns: `d.deal_id, d.name, d.name_key, d.pipeline_id, d.stage_id, d.amount, d.amount::text AS amount_text, d.currency, d.close_date,
              d.owner_id, d.outcome, d.contract_term_months, d.revenue_type, d.billing_period, d.renews_deal_id, d.mrr::text AS mrr_text,
              d.closed_at, d.company_id, d.properties, d.created_at, d.revision`,
    conditions: conditionsOf(query, params),
    labels: 'p.name AS pipeline_name, s.label AS stage_label, o.name AS owner_name',
    joins: [
      `LEFT JOIN ${T.pipelines} p ON p.pipeline_id = d.pipeline_id`,
      `LEFT JOIN ${T.stages} s ON s.pipeline_id = d.pipeline_id AND s.stage_id = d.stage_id`,
      ownerJoin('o', 'd.owner_id'),
    ],
  }, query);
  return { position: page.position, data: page.rows.map(toItem), nextCursor: page.nextCursor };
};

/** A stage's deals in one currency, whatever their outcome: how many, and their exact sum (a decimal string). */
export type DealStageTotal = Readonly<{ stageId: string; currency: string; deals: number; total: string }>;

type TotalsRecord = {
  read_position: string | null;
  known: boolean;
  totals: { stage_id: string; currency: string; deals: number; total: string }[] | null;
};

/**
 * Per stage and currency of one deal pipeline, every deal the list holds there (not a page of them), in the
 * pipeline's stage order; null when the list does not know that deal pipeline. Sums stay numeric in SQL, exact, and
 * come out in the currency's digits. One statement, with the build's position.
 */
export const dealTotals = async (source: ReadSource, pipelineId: string): Promise<Positioned<{ totals: DealStageTotal[] | null }>> => {
  const params = new Parameters();
  const position = activePositionSql(params.add(DEAL_LIST));
  const pipeline = params.add(pipelineId);
  // One pipeline's rows through the (pipeline_id, stage_id, ...) index, grouped in memory: no index of its own.
  const [row] = await preparedQuery<TotalsRecord>(
    source,
    `SELECT ${position} AS read_position,
       EXISTS (SELECT 1 FROM ${T.pipelines} p WHERE p.pipeline_id = ${pipeline} AND p.object_type = 'deal') AS known,
       (SELECT json_agg(json_build_object('stage_id', g.stage_id, 'currency', g.currency, 'deals', g.deals, 'total', g.total::text)
                 ORDER BY s.sort_order, g.stage_id, g.currency)
          FROM (SELECT d.stage_id, d.currency, count(*)::int AS deals, sum(d.amount) AS total
                  FROM ${T.deals} d
                 WHERE d.pipeline_id = ${pipeline}
                 GROUP BY d.stage_id, d.currency) g
          LEFT JOIN ${T.stages} s ON s.pipeline_id = ${pipeline} AND s.stage_id = g.stage_id) AS totals`,
    params.values,
  );
  const totals = row.known
    ? (row.totals ?? []).map((r) => ({ stageId: r.stage_id, currency: r.currency, deals: r.deals, total: addAmounts(r.total, '0', r.currency) }))
    : null;
  return { position: answerPosition(row.read_position), totals };
};

/** The properties a `property.<name>` filter of the deals list may name, with their types. */
export const dealPropertyDefinitions = (source: ReadSource): Promise<Map<string, PropertyFilterDefinition>> =>
  listPropertyDefinitions(source, T.properties);
