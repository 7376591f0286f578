// Stores the deals list: per batch, load the deals it touches (by id, and those of a merged company) and the
// pipelines it touches in one query each, reduce in memory, write what changed with one multi-row upsert per table.
import type pg from 'pg';
import type { DealOutcome } from '#domain/deal';
import type { PropertyValues } from '#domain/shared';
import type { ProjectionDefinition } from '#projection-engine';
import { sortKeyOf } from '#read-models';
import { pgAmount } from '../pg-values.js';
import { fieldColumns, probeByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { loadPipelines, savePipelines } from '../pipeline-health/pipeline-stages.persistence.js';
import { pipelineTablesIn } from '../pipeline-health/pipeline-stages.tables.js';
import { saveListProperties } from '../record-lists/list-properties.persistence.js';
import {
  DEAL_LIST_EVENT_TYPES,
  dealIdOf,
  dealSearchText,
  isDealListDealEvent,
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
  company_id: string | null;
  properties: PropertyValues;
  created_at: Date;
};

const RECORD_COLUMNS = [
  'deal_id', 'name', 'pipeline_id', 'stage_id', 'amount::text', 'currency', 'close_date', 'owner_id', 'outcome', 'contract_term_months',
  'company_id', 'properties', 'created_at',
];

const toRow = (r: DealRecord): DealListRow => ({
  dealId: r.deal_id,
  name: r.name,
  pipelineId: r.pipeline_id,
  stageId: r.stage_id,
  amount: Number(r.amount),
  currency: r.currency,
  closeDate: r.close_date,
  ownerId: r.owner_id,
  outcome: r.outcome,
  contractTermMonths: r.contract_term_months,
  companyId: r.company_id,
  properties: r.properties,
  createdAt: r.created_at.toISOString(),
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
    contractTermMonths: 'int', companyId: 'text', properties: 'jsonb', createdAt: 'timestamptz',
  }),
  ['amount', 'numeric', (deal) => pgAmount(deal.amount)],
  ['name_key', 'text', (deal) => sortKeyOf(deal.name)],
  ['search_text', 'text', dealSearchText],
];

export const dealListProjection: ProjectionDefinition = {
  ...DEAL_LIST_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: DEAL_LIST_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const pipelineTables = pipelineTablesIn(T, { table });
    const dealIds = [...new Set(events.filter(isDealListDealEvent).map(dealIdOf))];
    const mergedCompanies = [...new Set(events.flatMap((event) => mergedCompanyOf(event) ?? []))];
    const state = {
      pipelines: await loadPipelines(tx, pipelineTables, events),
      deals: await loadDeals(tx, table(T.deals), dealIds, mergedCompanies),
    };
    const { changedPipelines, changedDeals } = reduceDealList(state, events);
    await savePipelines(tx, pipelineTables, changedPipelines);
    await writeRows(tx, table(T.deals), DEAL_COLUMNS, changedDeals, { key: ['deal_id'], then: 'replace' });
    await saveListProperties(tx, table(T.properties), 'deal', events);
  },
};
