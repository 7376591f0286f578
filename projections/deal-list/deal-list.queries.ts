// The deals list: filters by pipeline, stage, owner, outcome, amount (within one currency: amounts in different
// currencies do not compare), close date, custom properties and a substring of the name or a property value; a
// stable sort with keyset paging. One statement answers a page and the build's position; each row carries its
// pipeline's name, its stage's label (this slice's copy of the pipelines) and its owner's name (owner_list).
import type { DealOutcome } from '#domain/deal';
import type { PropertyValues } from '#domain/shared';
import {
  Parameters,
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
  amountMin?: number;
  amountMax?: number;
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
  amount: number;
  currency: string;
  closeDate: string;
  ownerId: string | null;
  ownerName: string | null;
  outcome: DealOutcome;
  contractTermMonths: number;
  companyId: string | null;
  createdAt: string;
  properties: PropertyValues;
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
  company_id: string | null;
  properties: PropertyValues;
  created_at: Date;
};

const toItem = (r: DealRecord): DealListItem => ({
  dealId: r.deal_id,
  name: r.name,
  pipelineId: r.pipeline_id,
  pipelineName: r.pipeline_name,
  stageId: r.stage_id,
  stageLabel: r.stage_label,
  amount: Number(r.amount_text),
  currency: r.currency,
  closeDate: r.close_date,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  outcome: r.outcome,
  contractTermMonths: r.contract_term_months,
  companyId: r.company_id,
  createdAt: r.created_at.toISOString(),
  properties: r.properties,
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
  if (query.amountMin !== undefined) conditions.push(`d.amount >= ${params.add(String(query.amountMin))}::numeric`);
  if (query.amountMax !== undefined) conditions.push(`d.amount <= ${params.add(String(query.amountMax))}::numeric`);
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
              d.owner_id, d.outcome, d.contract_term_months, d.company_id, d.properties, d.created_at`,
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

/** The properties a `property.<name>` filter of the deals list may name, with their types. */
export const dealPropertyDefinitions = (source: ReadSource): Promise<Map<string, PropertyFilterDefinition>> =>
  listPropertyDefinitions(source, T.properties);
