// Stores the deals list: per batch, load the deals it touches (by id, and those of a merged company) and the
// pipelines it touches in one query each, reduce in memory, write what changed with one multi-row upsert per table.
import type pg from 'pg';
import type { BillingPeriod, DealOutcome, RevenueType } from '#domain/deal';
import type { PropertyValues } from '#domain/shared';
import type { ProjectionDefinition } from '#projection-engine';
import { sortKeyOf } from '#read-models';
import { fieldColumns, probeByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { loadPipelines, savePipelines } from '../pipeline-health/pipeline-stages.persistence.js';
import { pipelineTablesIn } from '../pipeline-health/pipeline-stages.tables.js';
import { saveListProperties } from '../record-lists/list-properties.persistence.js';
import {
  DEAL_LIST_EVENT_TYPES,
  dealIdOf,
  dealSearchText,
  isDealStreamEvent,
  mergedCompanyOf,
  reduceDealList,
  type DealListRow,
} from './deal-list.projection.js';
import { DEAL_LIST_SCHEMA, DEAL_LIST_TABLES as T } from './deal-list.tables.js';

type DealRecord = {
  deal_id: string;
  name: string;
  pipeline_id: string;
  stage_id: string;
  amount: string;
  currency: string;
  close_date: string;
  owner_id: string | null;
  outcome: DealOutcome;
  contract_term_months: number;
  revenue_type: RevenueType;
  billing_period: BillingPeriod | null;
  renews_deal_id: string | null;
  mrr: string | null;
  closed_at: Date | null;
  company_id: string | null;
  properties: PropertyValues;
  created_at: Date;
  revision: number;
};

const RECORD_COLUMNS = [
  'deal_id', 'name', 'pipeline_id', 'stage_id', 'amount::text', 'currency', 'close_date', 'owner_id', 'outcome', 'contract_term_months',
  'revenue_type', 'billing_period', 'renews_deal_id', 'mrr::text', 'closed_at', 'company_id', 'properties', 'created_at',
  'revision',
];

const toRow = (r: DealRecord): DealListRow => ({
  dealId: r.deal_id,
  name: r.name,
  pipelineId: r.pipeline_id,
  stageId: r.stage_id,
  // numeric keeps the scale it was given: the text is the event's amount, digit for digit.
  amount: r.amount,
  currency: r.currency,
  closeDate: r.close_date,
  ownerId: r.owner_id,
  outcome: r.outcome,
  contractTermMonths: r.contract_term_months,
  revenueType: r.revenue_type,
  billingPeriod: r.billing_period,
  renewsDealId: r.renews_deal_id,
  mrr: r.mrr,
  closedAt: r.closed_at === null ? null : r.closed_at.toISOString(),
  companyId: r.company_id,
  properties: r.properties,
  createdAt: r.created_at.toISOString(),
  revision: r.revision,
});

const loadDeals = async (
  tx: pg.PoolClient,
  table: string,
  dealIds: readonly string[],
  mergedCompanies: readonly string[],
): Promise<Map<string, DealListRow>> => {
  const byId = await probeByKeys<DealRecord>(tx, table, 'deal_id', dealIds, RECORD_COLUMNS);
  const byCompany = await probeByKeys<DealRecord>(tx, table, 'company_id', mergedCompanies, RECORD_COLUMNS);
  return new Map([...byId, ...byCompany].map((r) => [r.deal_id, toRow(r)]));
};

const DEAL_COLUMNS: readonly RowColumn<DealListRow>[] = [
  ...fieldColumns<DealListRow>({
    dealId: 'text', name: 'text', pipelineId: 'text', stageId: 'text', currency: 'text', closeDate: 'text', ownerId: 'text', outcome: 'text',
    contractTermMonths: 'int', revenueType: 'text', billingPeriod: 'text', renewsDealId: 'text', closedAt: 'timestamptz', companyId: 'text',
    properties: 'jsonb', createdAt: 'timestamptz', amount: 'numeric', mrr: 'numeric', revision: 'int',
  }),
  ['name_key', 'text', (deal) => sortKeyOf(deal.name)],
  ['search_text', 'text', dealSearchText],
];

export const dealListProjection: ProjectionDefinition = {
  ...DEAL_LIST_SCHEMA,
  // 2: amounts as exact decimal strings, revenue terms, MRR and the actual close (#17).
  // 3: each row's deal stream revision, from every event of the stream (#19: the board's If-Match).
  codeVersion: 3,
  filter: { eventTypes: DEAL_LIST_EVENT_TYPES },
  // By deal: a row is its deal's. A company merge names none of the deals it moves, so it reaches every partition and
  // each moves only the deals it owns: the others it loads are at their own partition's place in the log, not at the
  // merge (one associated with the duplicate after the merge is not the merge's to move). The pipelines and property
  // definitions are no deal's (a row names its stage, it never reads it): partition 0 alone keeps them.
  partitioning: {
    keysOf: (event) => (isDealStreamEvent(event) ? [dealIdOf(event)] : []),
    toEveryPartition: (event) => mergedCompanyOf(event) !== undefined,
  },
  apply: async (events, { tx, table, partition }) => {
    const pipelineTables = pipelineTablesIn(T, { table });
    const dealIds = [...new Set(events.filter(isDealStreamEvent).map(dealIdOf))];
    const mergedCompanies = [...new Set(events.flatMap((event) => mergedCompanyOf(event) ?? []))];
    const state = {
      pipelines: await loadPipelines(tx, pipelineTables, events),
      deals: await loadDeals(tx, table(T.deals), dealIds, mergedCompanies),
    };
    const { changedPipelines, changedDeals } = reduceDealList(state, events);
    await savePipelines(tx, pipelineTables, changedPipelines);
    const owned = partition ? changedDeals.filter((deal) => partition.owns(deal.dealId)) : changedDeals;
    await writeRows(tx, table(T.deals), DEAL_COLUMNS, owned, { key: ['deal_id'], then: 'replace' });
    await saveListProperties(tx, table(T.properties), 'deal', events);
  },
};
