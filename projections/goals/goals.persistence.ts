// Goals, persisted: a batch loads the rows of the owners, deals and goals it touches (one statement each), reduces
// in memory, then replaces or deletes those rows and inserts the counted engagements, so a replayed batch writes
// the same rows again and a rebuild equals the live build.
import type pg from 'pg';
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, probeByKeys, selectByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import {
  GOALS_EVENT_TYPES,
  reduceGoals,
  touchedKeys,
  type EngagementRow,
  type GoalRow,
  type GoalsEvent,
  type GoalsSourceEvent,
  type WonDealRow,
} from './goals.projection.js';
import { GOALS_SCHEMA, GOALS_TABLES } from './goals.tables.js';

// The filter lets only these types through; their data was validated against the catalog at append time.
const asSource = (event: RecordedEvent): GoalsSourceEvent => ({
  id: event.id,
  occurredAt: event.metadata.occurredAt,
  event: { type: event.type, data: event.data } as GoalsEvent,
});

const GOAL_COLUMNS = fieldColumns<GoalRow>({
  goalId: 'text', ownerId: 'text', team: 'text', period: 'text', startsOn: 'date', endsOn: 'date', metric: 'text', currency: 'text',
  target: 'text', setEventId: 'text', targetEventId: 'text',
});
const OWNER_COLUMNS = fieldColumns<{ ownerId: string; team: string | null }>({ ownerId: 'text', team: 'text' });
const WON_COLUMNS = fieldColumns<WonDealRow>({
  dealId: 'text', ownerId: 'text', team: 'text', currency: 'text', amount: 'numeric', wonAt: 'timestamptz', wonEventId: 'text', amountEventId: 'text',
});
const ENGAGEMENT_COLUMNS = fieldColumns<EngagementRow>({
  engagementId: 'text', kind: 'text', ownerId: 'text', team: 'text', loggedAt: 'timestamptz', eventId: 'text',
});

type GoalRecord = {
  goal_id: string; owner_id: string | null; team: string | null; period: string; starts_on: string; ends_on: string; metric: GoalRow['metric'];
  currency: string | null; target: string; set_event_id: string; target_event_id: string;
};
type WonRecord = {
  deal_id: string; owner_id: string; team: string | null; currency: string; amount: string; won_at: Date; won_event_id: string; amount_event_id: string | null;
};

const loadGoals = async (tx: pg.PoolClient, table: string, goalIds: readonly string[]): Promise<Map<string, GoalRow>> => {
  const columns = ['goal_id', 'owner_id', 'team', 'period', 'starts_on::text', 'ends_on::text', 'metric', 'currency', 'target', 'set_event_id', 'target_event_id'];
  const rows = await selectByKeys<GoalRecord>(tx, table, 'goal_id', goalIds, columns);
  return new Map(rows.map((r) => [r.goal_id, {
    goalId: r.goal_id, ownerId: r.owner_id, team: r.team, period: r.period, startsOn: r.starts_on, endsOn: r.ends_on, metric: r.metric,
    currency: r.currency, target: r.target, setEventId: r.set_event_id, targetEventId: r.target_event_id,
  }]));
};

// Deals grow with the history: one index probe per deal.
const loadWonDeals = async (tx: pg.PoolClient, table: string, dealIds: readonly string[]): Promise<Map<string, WonDealRow>> => {
  // numeric comes back as its exact text, timestamptz as a Date.
  const columns = ['deal_id', 'owner_id', 'team', 'currency', 'amount', 'won_at', 'won_event_id', 'amount_event_id'];
  const rows = await probeByKeys<WonRecord>(tx, table, 'deal_id', dealIds, columns);
  return new Map(rows.map((r) => [r.deal_id, {
    dealId: r.deal_id, ownerId: r.owner_id, team: r.team, currency: r.currency, amount: r.amount, wonAt: r.won_at.toISOString(), wonEventId: r.won_event_id,
    amountEventId: r.amount_event_id,
  }]));
};

const loadTeams = async (tx: pg.PoolClient, table: string, ownerIds: readonly string[]): Promise<Map<string, string | null>> => {
  const rows = await selectByKeys<{ owner_id: string; team: string | null }>(tx, table, 'owner_id', ownerIds, ['owner_id', 'team']);
  return new Map(rows.map((r) => [r.owner_id, r.team]));
};

/** Replaces the rows of the changed keys that remain and deletes those that go. */
const saveChanged = async <R>(
  tx: pg.PoolClient,
  table: string,
  key: string,
  columns: readonly RowColumn<R>[],
  changed: ReadonlyMap<string, R | null>,
): Promise<void> => {
  const gone = [...changed].filter(([, row]) => row === null).map(([id]) => id);
  if (gone.length > 0) await tx.query(`DELETE FROM ${table} WHERE ${key} = ANY($1::text[])`, [gone]);
  const kept = [...changed.values()].filter((row): row is R => row !== null);
  await writeRows(tx, table, columns, kept, { key: [key], then: 'replace' });
};

export const goalsProjection: ProjectionDefinition = {
  ...GOALS_SCHEMA,
  // 2: a team of any length (hash indexes; a btree refused a team past 2,704 bytes and parked the build).
  codeVersion: 2,
  filter: { eventTypes: GOALS_EVENT_TYPES },
  apply: async (recorded, { tx, table }) => {
    const events = recorded.map(asSource);
    const keys = touchedKeys(events.map((e) => e.event));
    const tables = {
      goals: table(GOALS_TABLES.goals),
      owners: table(GOALS_TABLES.owners),
      wonDeals: table(GOALS_TABLES.wonDeals),
      engagements: table(GOALS_TABLES.engagements),
    };
    const changes = reduceGoals(
      {
        teams: await loadTeams(tx, tables.owners, keys.ownerIds),
        wonDeals: await loadWonDeals(tx, tables.wonDeals, keys.dealIds),
        goals: await loadGoals(tx, tables.goals, keys.goalIds),
      },
      events,
    );
    const owners = [...changes.teams].map(([ownerId, team]) => ({ ownerId, team }));
    await writeRows(tx, tables.owners, OWNER_COLUMNS, owners, { key: ['owner_id'], then: 'replace' });
    await saveChanged(tx, tables.wonDeals, 'deal_id', WON_COLUMNS, changes.wonDeals);
    await saveChanged(tx, tables.goals, 'goal_id', GOAL_COLUMNS, changes.goals);
    // An engagement is logged once; a replayed batch finds it stored.
    await writeRows(tx, tables.engagements, ENGAGEMENT_COLUMNS, changes.engagements, { key: ['engagement_id'], then: 'nothing' });
  },
};
