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
import { applyWithErasures, CONTACT_ERASED } from '../erasure.js';

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
  // 2: ContactErased clears the subject, body and outcome of every engagement logged on the contact: the text is
  // about them (and the log reads it redacted once their key is gone).
  codeVersion: 2,
  filter: { eventTypes: [...ENGAGEMENT_LIST_EVENT_TYPES, CONTACT_ERASED] },
  // By engagement: a row is its own events' alone. An erasure reaches every partition, each clearing the engagements
  // it owns, so that none of them is cleared before a partition behind it has applied the engagement's earlier events.
  partitioning: {
    keysOf: (event) => (event.type === CONTACT_ERASED ? [] : [(event.data as { engagementId: string }).engagementId]),
    toEveryPartition: (event) => event.type === CONTACT_ERASED,
  },
  apply: async (events, { tx, table, partition }) => {
    await applyWithErasures(
      events,
      async (segment) => {
        const batch = segment.map(timed);
        const ids = [...new Set(batch.map(({ event }) => event.data.engagementId))];
        const stored = (await selectByKeys<EngagementRecord>(tx, table(T.engagements), 'engagement_id', ids)).map(rowOf);
        const changed = reduceEngagementList(new Map(stored.map((row) => [row.engagementId, row])), batch);
        await writeRows(tx, table(T.engagements), COLUMNS, changed, { key: ['engagement_id'], then: 'replace' });
      },
      async (contactIds) => {
        // One probe of the contacts index per contact (the containment operator is what the index answers). Every
        // erased contact, not only those the partition owns: the rows are keyed by engagement (no partition above).
        for (const contactId of contactIds) {
          const on = JSON.stringify([contactId]);
          if (!partition) {
            await tx.query(`UPDATE ${table(T.engagements)} SET subject = NULL, body = NULL, outcome = NULL WHERE contact_ids @> $1::jsonb`, [on]);
            continue;
          }
          const { rows } = await tx.query<{ engagement_id: string }>(`SELECT engagement_id FROM ${table(T.engagements)} WHERE contact_ids @> $1::jsonb`, [on]);
          const owned = rows.map((row) => row.engagement_id).filter((id) => partition.owns(id));
          await tx.query(`UPDATE ${table(T.engagements)} SET subject = NULL, body = NULL, outcome = NULL WHERE engagement_id = ANY($1::text[])`, [owned]);
        }
      },
    );
  },
};
