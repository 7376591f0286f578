// Stores the owners list: per batch, load the touched owners in one query, reduce in memory, write the changed rows
// in one multi-row upsert.
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import type { OwnerEvent, OwnerRole } from '#domain/owner';
import { sortKeyOf } from '#read-models';
import { fieldColumns, selectByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { OWNER_LIST_EVENT_TYPES, ownerSearchText, reduceOwnerList, type OwnerListRow, type TimedOwnerEvent } from './owner-list.projection.js';
import { OWNER_LIST_SCHEMA, OWNER_LIST_TABLES as T } from './owner-list.tables.js';

type OwnerRecord = { owner_id: string; name: string; email: string; team: string | null; role: OwnerRole; created_at: Date };

const toRow = (r: OwnerRecord): OwnerListRow => ({
  ownerId: r.owner_id,
  name: r.name,
  email: r.email,
  team: r.team,
  role: r.role,
  createdAt: r.created_at.toISOString(),
});

// The filter lets only these types through; their data was validated against the catalog at append time.
const timed = (event: RecordedEvent): TimedOwnerEvent => ({
  event: { type: event.type, data: event.data } as OwnerEvent,
  occurredAt: event.metadata.occurredAt,
});

const COLUMNS: readonly RowColumn<OwnerListRow>[] = [
  ...fieldColumns<OwnerListRow>({ ownerId: 'text', name: 'text', email: 'text', team: 'text', role: 'text', createdAt: 'timestamptz' }),
  ['name_key', 'text', (owner) => sortKeyOf(owner.name)],
  ['search_text', 'text', ownerSearchText],
];

export const ownerListProjection: ProjectionDefinition = {
  ...OWNER_LIST_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: OWNER_LIST_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const batch = events.map(timed);
    const ownerIds = [...new Set(batch.map(({ event }) => event.data.ownerId))];
    const stored = await selectByKeys<OwnerRecord>(tx, table(T.owners), 'owner_id', ownerIds, ['owner_id', 'name', 'email', 'team', 'role', 'created_at']);
    const changed = reduceOwnerList(new Map(stored.map((r) => [r.owner_id, toRow(r)])), batch);
    await writeRows(tx, table(T.owners), COLUMNS, changed, { key: ['owner_id'], then: 'replace' });
  },
};
