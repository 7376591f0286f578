// Pipeline health, persisted: a batch loads the deal and pipeline rows it touches in one query per table, reduces in
// memory and writes back with one multi-row upsert per table; the totals per group move by the changed deals'
// shares in one more upsert, so a query reads a few hundred totals rather than every deal.
import type pg from 'pg';
import type { ProjectionDefinition } from '#projection-engine';
import type { DealOutcome } from '#domain/deal';
import { pgInstant } from '../pg-values.js';
import { fieldColumns, probeByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { loadPipelines, savePipelines } from './pipeline-stages.persistence.js';
import { pipelineTablesIn } from './pipeline-stages.tables.js';
import { PIPELINE_HEALTH_SCHEMA, PIPELINE_HEALTH_TABLES } from './pipeline-health.tables.js';
import {
  dealIdOf,
  isHealthDealEvent,
  PIPELINE_HEALTH_EVENT_TYPES,
  reducePipelineHealth,
  shareChanges,
  type DealShare,
  type HealthDeal,
} from './pipeline-health.projection.js';

type DealRecord = {
  deal_id: string;
  name: string;
  pipeline_id: string;
  stage_id: string;
  amount: string;
  currency: string;
  owner_id: string | null;
  close_date: string;
  outcome: DealOutcome;
  entered_stage_at: Date;
  created_at: Date;
  closed_at: Date | null;
};

const loadDeals = async (tx: pg.PoolClient, table: string, dealIds: readonly string[]): Promise<Map<string, HealthDeal>> => {
  const rows = await probeByKeys<DealRecord>(tx, table, 'deal_id', dealIds, [
    'deal_id', 'name', 'pipeline_id', 'stage_id', 'amount::text', 'currency', 'owner_id', 'close_date::text', 'outcome',
    'entered_stage_at', 'created_at', 'closed_at',
  ]);
  return new Map(
    rows.map((row) => [
      row.deal_id,
      {
        dealId: row.deal_id,
        name: row.name,
        pipelineId: row.pipeline_id,
        stageId: row.stage_id,
        // numeric as text: the decimal string the deal's events carried, exactly.
        amount: row.amount,
        currency: row.currency,
        ownerId: row.owner_id,
        closeDate: row.close_date,
        outcome: row.outcome,
        enteredStageAt: row.entered_stage_at.toISOString(),
        createdAt: row.created_at.toISOString(),
        closedAt: row.closed_at?.toISOString() ?? null,
      },
    ]),
  );
};

const DEAL_COLUMNS: readonly RowColumn<HealthDeal>[] = [
  ...fieldColumns<HealthDeal>({
    dealId: 'text', name: 'text', pipelineId: 'text', stageId: 'text', currency: 'text', ownerId: 'text', closeDate: 'text',
    outcome: 'text', enteredStageAt: 'timestamptz', createdAt: 'timestamptz', closedAt: 'timestamptz',
  }),
  ['amount', 'numeric', (deal) => deal.amount],
];

// Shares of one group are summed first: one upsert may not touch a row twice.
const saveTotals = async (tx: pg.PoolClient, table: string, shares: readonly DealShare[]): Promise<void> => {
  if (shares.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} AS t (pipeline_id, stage_id, currency, outcome, close_month, deals, amount, entered_epoch)
     SELECT pipeline_id, stage_id, currency, outcome, close_month, sum(sign)::int, sum(sign * amount),
            sum(sign * extract(epoch FROM entered_stage_at))
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::numeric[], $8::timestamptz[])
            AS share(pipeline_id, stage_id, currency, outcome, close_month, sign, amount, entered_stage_at)
      GROUP BY pipeline_id, stage_id, currency, outcome, close_month
     ON CONFLICT (pipeline_id, stage_id, currency, outcome, close_month) DO UPDATE SET deals = t.deals + excluded.deals,
       amount = t.amount + excluded.amount, entered_epoch = t.entered_epoch + excluded.entered_epoch`,
    [
      shares.map((s) => s.pipelineId),
      shares.map((s) => s.stageId),
      shares.map((s) => s.currency),
      shares.map((s) => s.outcome),
      shares.map((s) => s.closeMonth),
      shares.map((s) => s.sign),
      shares.map((s) => s.amount),
      shares.map((s) => pgInstant(s.enteredStageAt)),
    ],
  );
  // Whether an emptied group left a row would otherwise depend on where batches happened to end.
  await tx.query(`DELETE FROM ${table} WHERE deals = 0`);
};

export const pipelineHealthProjection: ProjectionDefinition = {
  ...PIPELINE_HEALTH_SCHEMA,
  // 2: the totals table. 3: amounts in unbounded numeric, close dates as text, instants of any year. 4: amounts as
  // the events' decimal strings (currency digits: JPY 0, BHD 3), a closed deal's totals in the month it closed.
  codeVersion: 4,
  filter: { eventTypes: PIPELINE_HEALTH_EVENT_TYPES },
  apply: async (events, context) => {
    const pipelinesTables = pipelineTablesIn(PIPELINE_HEALTH_TABLES, context);
    const dealsTable = context.table(PIPELINE_HEALTH_TABLES.deals);
    const totalsTable = context.table(PIPELINE_HEALTH_TABLES.totals);
    const dealIds = [...new Set(events.filter(isHealthDealEvent).map(dealIdOf))];
    const state = {
      pipelines: await loadPipelines(context.tx, pipelinesTables, events),
      deals: await loadDeals(context.tx, dealsTable, dealIds),
    };
    const { changedPipelines, changedDeals } = reducePipelineHealth(state, events);
    await savePipelines(context.tx, pipelinesTables, changedPipelines);
    await writeRows(context.tx, dealsTable, DEAL_COLUMNS, changedDeals, { key: ['deal_id'], then: 'replace' });
    await saveTotals(context.tx, totalsTable, shareChanges(state.deals, changedDeals));
  },
};
