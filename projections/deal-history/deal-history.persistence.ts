// Deal history, persisted: a batch loads the versions in force of the deals and pipelines it touches (one query per
// table), reduces in memory, and writes the new versions and the closed ones (their valid_to) in one multi-row
// upsert per table. Stage rows belong to one pipeline version and never change once written.
import type pg from 'pg';
import type { ProjectionDefinition } from '#projection-engine';
import type { PipelineObjectType, StageOutcome } from '#domain/pipeline';
import { fieldColumns, writeRows, type RowColumn } from '../pg-rows.js';
import { MAX_STUCK_AFTER_DAYS } from '../pipeline-health/pipeline-stages.persistence.js';
import { isPipelineEvent, pipelineFromRows, pipelineIdOf, type StageRow } from '../pipeline-health/pipeline-stages.projection.js';
import { DEAL_HISTORY_SCHEMA, DEAL_HISTORY_TABLES } from './deal-history.tables.js';
import {
  DEAL_HISTORY_EVENT_TYPES,
  dealIdOf,
  isDealHistoryDealEvent,
  pipelineIdNamedBy,
  reduceDealHistory,
  type DealOutcomeAt,
  type DealVersion,
  type PipelineVersion,
  type RevenueType,
  type StageVersionRow,
} from './deal-history.projection.js';

type OriginRecord = {
  seq: number;
  event_id: string;
  position_commit: string;
  position_prepare: string;
  occurred_at: Date;
  valid_from: Date;
  valid_to: Date | null;
};

type DealRecord = OriginRecord & {
  deal_id: string;
  event_type: string;
  name: string;
  pipeline_id: string;
  stage_id: string;
  probability: string | null;
  amount: string;
  currency: string;
  close_date: string;
  outcome: DealOutcomeAt;
  closed_at: Date | null;
  entered_stage_at: Date;
  created_at: Date;
  owner_id: string | null;
  revenue_type: RevenueType;
  billing_period: string | null;
  contract_term_months: number;
};

type PipelineRecord = OriginRecord & { pipeline_id: string; object_type: PipelineObjectType; name: string };

type StageRecord = {
  pipeline_id: string;
  stage_id: string;
  label: string;
  probability: string;
  sort_order: number;
  closed: StageOutcome | null;
  stuck_after_days: number | null;
  archived: boolean;
};

const originOf = (record: OriginRecord) => ({
  seq: record.seq,
  eventId: record.event_id,
  positionCommit: record.position_commit,
  positionPrepare: record.position_prepare,
  occurredAt: record.occurred_at.toISOString(),
  validFrom: record.valid_from.toISOString(),
  validTo: record.valid_to?.toISOString() ?? null,
});

// The version in force is each key's highest seq: one index probe per key (the history grows with every change).
const currentVersions = async <R extends pg.QueryResultRow>(tx: pg.PoolClient, table: string, key: string, keys: readonly string[], columns: string): Promise<R[]> =>
  keys.length === 0
    ? []
    : (
        await tx.query<R>(
          `SELECT ${columns} FROM unnest($1::text[]) AS wanted(${key})
             CROSS JOIN LATERAL (SELECT * FROM ${table} v WHERE v.${key} = wanted.${key} ORDER BY v.seq DESC LIMIT 1) AS d`,
          [keys],
        )
      ).rows;

const ORIGIN_COLUMNS = 'd.seq, d.event_id, d.position_commit::text, d.position_prepare::text, d.occurred_at, d.valid_from, d.valid_to';

const loadDeals = async (tx: pg.PoolClient, table: string, dealIds: readonly string[]): Promise<Map<string, DealVersion>> => {
  const rows = await currentVersions<DealRecord>(
    tx,
    table,
    'deal_id',
    dealIds,
    `${ORIGIN_COLUMNS}, d.deal_id, d.event_type, d.name, d.pipeline_id, d.stage_id, d.probability::text, d.amount::text, d.currency,
     d.close_date, d.outcome, d.closed_at, d.entered_stage_at, d.created_at, d.owner_id, d.revenue_type, d.billing_period, d.contract_term_months`,
  );
  return new Map(
    rows.map((row) => [
      row.deal_id,
      {
        ...originOf(row),
        dealId: row.deal_id,
        eventType: row.event_type,
        name: row.name,
        pipelineId: row.pipeline_id,
        stageId: row.stage_id,
        probability: row.probability,
        amount: row.amount,
        currency: row.currency,
        closeDate: row.close_date,
        outcome: row.outcome,
        closedAt: row.closed_at?.toISOString() ?? null,
        enteredStageAt: row.entered_stage_at.toISOString(),
        createdAt: row.created_at.toISOString(),
        ownerId: row.owner_id,
        revenueType: row.revenue_type,
        billingPeriod: row.billing_period,
        contractTermMonths: row.contract_term_months,
      },
    ]),
  );
};

const loadPipelines = async (tx: pg.PoolClient, tables: Readonly<{ pipelines: string; stages: string }>, pipelineIds: readonly string[]): Promise<Map<string, PipelineVersion>> => {
  const rows = await currentVersions<PipelineRecord>(tx, tables.pipelines, 'pipeline_id', pipelineIds, `${ORIGIN_COLUMNS}, d.pipeline_id, d.object_type, d.name`);
  if (rows.length === 0) return new Map();
  const stages = (
    await tx.query<StageRecord>(
      `SELECT s.pipeline_id, s.stage_id, s.label, s.probability::text, s.sort_order, s.closed, s.stuck_after_days, s.archived
         FROM unnest($1::text[], $2::int[]) AS wanted(pipeline_id, seq)
         JOIN ${tables.stages} s ON s.pipeline_id = wanted.pipeline_id AND s.seq = wanted.seq`,
      [rows.map((row) => row.pipeline_id), rows.map((row) => row.seq)],
    )
  ).rows;
  return new Map(
    rows.map((row) => {
      const own: StageRow[] = stages
        .filter((stage) => stage.pipeline_id === row.pipeline_id)
        .map((stage) => ({
          pipelineId: stage.pipeline_id,
          stageId: stage.stage_id,
          label: stage.label,
          // The domain's probability is a number; its text came from String(number), so this is the same number.
          probability: Number(stage.probability),
          sortOrder: stage.sort_order,
          closed: stage.closed,
          stuckAfterDays: stage.stuck_after_days,
          archived: stage.archived,
        }));
      const pipeline = pipelineFromRows({ pipelineId: row.pipeline_id, objectType: row.object_type, name: row.name }, own);
      return [row.pipeline_id, { ...originOf(row), pipeline }];
    }),
  );
};

const ORIGIN_FIELDS = {
  seq: 'int', eventId: 'text', positionCommit: 'bigint', positionPrepare: 'bigint', occurredAt: 'timestamptz', validFrom: 'timestamptz', validTo: 'timestamptz',
} as const;

const DEAL_COLUMNS: readonly RowColumn<DealVersion>[] = fieldColumns<DealVersion>({
  dealId: 'text', ...ORIGIN_FIELDS, eventType: 'text', name: 'text', pipelineId: 'text', stageId: 'text', probability: 'numeric', amount: 'numeric',
  currency: 'text', closeDate: 'text', outcome: 'text', closedAt: 'timestamptz', enteredStageAt: 'timestamptz', createdAt: 'timestamptz',
  ownerId: 'text', revenueType: 'text', billingPeriod: 'text', contractTermMonths: 'int',
});

const PIPELINE_COLUMNS: readonly RowColumn<PipelineVersion>[] = [
  ...fieldColumns<PipelineVersion>({ ...ORIGIN_FIELDS }),
  ['pipeline_id', 'text', (version) => version.pipeline.pipelineId],
  ['object_type', 'text', (version) => version.pipeline.objectType],
  ['name', 'text', (version) => version.pipeline.name],
];

const STAGE_COLUMNS: readonly RowColumn<StageVersionRow>[] = [
  ...fieldColumns<StageVersionRow>({ pipelineId: 'text', seq: 'int', stageId: 'text', label: 'text', sortOrder: 'int', closed: 'text', archived: 'boolean' }),
  ['probability', 'numeric', (stage) => String(stage.probability)],
  // Queries subtract it from an instant as days: bounded as pipeline health bounds it.
  ['stuck_after_days', 'int', ({ stuckAfterDays }) => (stuckAfterDays === null ? null : Math.min(stuckAfterDays, MAX_STUCK_AFTER_DAYS))],
];

export const dealHistoryProjection: ProjectionDefinition = {
  ...DEAL_HISTORY_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: DEAL_HISTORY_EVENT_TYPES },
  apply: async (events, context) => {
    const tables = {
      deals: context.table(DEAL_HISTORY_TABLES.deals),
      pipelines: context.table(DEAL_HISTORY_TABLES.pipelines),
      stages: context.table(DEAL_HISTORY_TABLES.stages),
    };
    const deals = await loadDeals(context.tx, tables.deals, [...new Set(events.filter(isDealHistoryDealEvent).map(dealIdOf))]);
    // The pipelines named by the batch and those of its deals: a version records its stage's probability then.
    const pipelineIds = new Set<string>([...deals.values()].map((deal) => deal.pipelineId));
    for (const event of events) {
      const named = isPipelineEvent(event) ? pipelineIdOf(event) : pipelineIdNamedBy(event);
      if (named !== undefined) pipelineIds.add(named);
    }
    const pipelines = await loadPipelines(context.tx, tables, [...pipelineIds]);
    const changes = reduceDealHistory({ pipelines, deals }, events);
    await writeRows(context.tx, tables.deals, DEAL_COLUMNS, changes.dealVersions, { key: ['deal_id', 'seq'], then: 'replace' });
    await writeRows(context.tx, tables.pipelines, PIPELINE_COLUMNS, changes.pipelineVersions, { key: ['pipeline_id', 'seq'], then: 'replace' });
    await writeRows(context.tx, tables.stages, STAGE_COLUMNS, changes.stageRows, { key: ['pipeline_id', 'seq', 'stage_id'], then: 'nothing' });
  },
};
