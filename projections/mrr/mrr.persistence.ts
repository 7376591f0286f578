// Recurring revenue, persisted: a batch loads the deals it names and the deals they renew or were renewed by, reduces
// in memory, then replaces the changed deals' rows and all their movements (derived afresh from their facts), so a
// batch applied again, or split differently, leaves the same rows.
import type pg from 'pg';
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, probeByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { MRR_SCHEMA, MRR_TABLES } from './mrr.tables.js';
import {
  movementsOf,
  MRR_EVENT_TYPES,
  pgMonth,
  reduceMrr,
  type MrrContract,
  type MrrDeal,
  type MrrDealEvent,
  type MrrInput,
  type MrrMovement,
  type MrrRenewal,
} from './mrr.projection.js';

type DealRecord = {
  deal_id: string;
  pipeline_id: string;
  owner_id: string | null;
  amount: string;
  currency: string;
  revenue_type: MrrDeal['revenueType'];
  billing_period: MrrDeal['billingPeriod'];
  contract_term_months: number;
  renews_deal_id: string | null;
  outcome: MrrDeal['outcome'];
  contract: MrrContract | null;
  renewed_by: MrrRenewal | null;
  position: string;
};

const DEAL_SELECT = [
  'deal_id', 'pipeline_id', 'owner_id', 'amount::text AS amount', 'currency', 'revenue_type', 'billing_period', 'contract_term_months',
  'renews_deal_id', 'outcome', 'contract', 'renewed_by', 'position',
];

const dealOf = (row: DealRecord): MrrDeal => ({
  dealId: row.deal_id,
  pipelineId: row.pipeline_id,
  ownerId: row.owner_id,
  amount: row.amount,
  currency: row.currency,
  revenueType: row.revenue_type,
  billingPeriod: row.billing_period,
  contractTermMonths: row.contract_term_months,
  renewsDealId: row.renews_deal_id,
  outcome: row.outcome,
  contract: row.contract,
  renewedBy: row.renewed_by,
  position: row.position,
});

const loadInto = async (tx: pg.PoolClient, table: string, deals: Map<string, MrrDeal>, dealIds: Iterable<string>): Promise<void> => {
  const missing = [...new Set(dealIds)].filter((dealId) => !deals.has(dealId));
  for (const row of await probeByKeys<DealRecord>(tx, table, 'deal_id', missing, DEAL_SELECT)) deals.set(row.deal_id, dealOf(row));
};

const DEAL_COLUMNS: readonly RowColumn<MrrDeal>[] = [
  ...fieldColumns<MrrDeal>({
    dealId: 'text', pipelineId: 'text', ownerId: 'text', amount: 'numeric', currency: 'text', revenueType: 'text', billingPeriod: 'text',
    contractTermMonths: 'int', renewsDealId: 'text', outcome: 'text', position: 'text',
  }),
  ['contract', 'jsonb', (deal) => deal.contract],
  ['renewed_by', 'jsonb', (deal) => deal.renewedBy],
];

const MOVEMENT_COLUMNS: readonly RowColumn<MrrMovement>[] = [
  ...fieldColumns<MrrMovement>({ dealId: 'text', seq: 'int' }),
  ['month', 'date', (movement) => pgMonth(movement.month)],
  ...fieldColumns<MrrMovement>({ kind: 'text', delta: 'numeric', currency: 'text', ownerId: 'text', pipelineId: 'text', eventId: 'text' }),
];

// The filter lets only these types through; their data was validated against the catalog (and upcast) on the way.
const inputOf = (event: RecordedEvent): MrrInput => ({
  id: event.id,
  position: event.position,
  occurredAt: event.metadata.occurredAt,
  event: { type: event.type, data: event.data } as MrrDealEvent,
});

export const mrrProjection: ProjectionDefinition = {
  ...MRR_SCHEMA,
  // 2: a change dated before the contract's latest step takes effect in that step's month (steps in month order).
  codeVersion: 2,
  filter: { eventTypes: MRR_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const inputs = events.map(inputOf);
    const dealsTable = table(MRR_TABLES.deals);
    const movementsTable = table(MRR_TABLES.movements);
    const deals = new Map<string, MrrDeal>();
    await loadInto(tx, dealsTable, deals, inputs.map(({ event }) => event.data.dealId));
    // The other side of each renewal a batch may make or undo: named by a stored deal, or by a deal created here.
    const linked = [
      ...[...deals.values()].flatMap((deal) => [deal.renewsDealId, deal.renewedBy?.dealId ?? null]),
      ...inputs.map(({ event }) => (event.type === 'DealCreated' ? event.data.renewsDealId : null)),
    ].filter((dealId): dealId is string => dealId !== null);
    await loadInto(tx, dealsTable, deals, linked);
    const { deals: after, changed } = reduceMrr(deals, inputs);
    const changedDeals = [...changed].map((dealId) => after.get(dealId) as MrrDeal);
    await writeRows(tx, dealsTable, DEAL_COLUMNS, changedDeals, { key: ['deal_id'], then: 'replace' });
    if (changedDeals.length === 0) return;
    await tx.query(`DELETE FROM ${movementsTable} WHERE deal_id = ANY($1::text[])`, [[...changed]]);
    await writeRows(tx, movementsTable, MOVEMENT_COLUMNS, changedDeals.flatMap(movementsOf));
  },
};
