// Stores the engagements list: per batch, load the touched rows in one query, reduce in memory, and write what
// changed with one multi-row upsert.
import type { EngagementEvent } from '#domain/engagement';
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, selectByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import {
  ENGAGEMENT_LIST_EVENT_TYPES,
  priorityRank,
  reduceEngagementList,
  type EngagementListRow,
  type TimedEngagementEvent,
} from './engagement-list.projection.js';
import { rowOf, type EngagementRecord } from './engagement-list.records.js';
import { ENGAGEMENT_LIST_SCHEMA, ENGAGEMENT_LIST_TABLES as T } from './engagement-list.tables.js';

// The filter lets only these types through; their data was validated against the catalog at append time.
const timed = (event: RecordedEvent): TimedEngagementEvent => ({
  event: { type: event.type, data: event.data } as EngagementEvent,
  occurredAt: event.metadata.occurredAt,
});

const COLUMNS: RowColumn<EngagementListRow>[] = [
  ...fieldColumns<EngagementListRow>({
    engagementId: 'text', kind: 'text', ownerId: 'text', subject: 'text', body: 'text', outcome: 'text', durationMinutes: 'float8',
    occurredAt: 'timestamptz', dueAt: 'timestamptz', priority: 'text', status: 'text', completedAt: 'timestamptz', completedBy: 'text',
    contactIds: 'jsonb', companyIds: 'jsonb', dealIds: 'jsonb', ticketIds: 'jsonb', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  }),
  ['priority_rank', 'int2', (row) => priorityRank(row.priority)],
];

export const engagementListProjection: ProjectionDefinition = {
  ...ENGAGEMENT_LIST_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: [...ENGAGEMENT_LIST_EVENT_TYPES] },
  apply: async (events, { tx, table }) => {
    const batch = events.map(timed);
    const ids = [...new Set(batch.map(({ event }) => event.data.engagementId))];
    const stored = (await selectByKeys<EngagementRecord>(tx, table(T.engagements), 'engagement_id', ids)).map(rowOf);
    const changed = reduceEngagementList(new Map(stored.map((row) => [row.engagementId, row])), batch);
    await writeRows(tx, table(T.engagements), COLUMNS, changed, { key: ['engagement_id'], then: 'replace' });
  },
};
