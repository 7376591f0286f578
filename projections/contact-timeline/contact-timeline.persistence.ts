// The contact-timeline projection for the engine: the timeline rows and the deal/ticket/engagement -> contact
// associations used to fan later events out. A batch loads the associations it needs in one query, reduces in
// memory, and writes each table with one multi-row statement (plus one copy per merge, which is rare).
import type pg from 'pg';
import { parsePosition, type Position } from '#event-store';
import type { ProjectionDefinition, ProjectionTables } from '#projection-engine';
import {
  TIMELINE_EVENT_TYPES,
  associationRecordsOf,
  isTimelineBarrier,
  projectTimeline,
  reachesAssociatedContacts,
  timelineKeysOf,
  type Association,
  type TimelineChanges,
  type TimelineRow,
} from './contact-timeline.projection.js';
import { fieldColumns, selectByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { CONTACT_TIMELINE_SCHEMA, CONTACT_TIMELINE_TABLES as T } from './contact-timeline.tables.js';
import { applyWithErasures, CONTACT_ERASED, ERASED_TEXT } from '../erasure.js';

const loadAssociations = async (
  tx: pg.PoolClient,
  table: ProjectionTables['table'],
  records: readonly string[],
): Promise<Map<string, Set<string>>> => {
  const associations = new Map<string, Set<string>>();
  const columns = ['record', 'contact_id'];
  const rows = await selectByKeys<{ record: string; contact_id: string }>(tx, table(T.associations), 'record', records, columns);
  for (const row of rows) {
    const contacts = associations.get(row.record) ?? new Set<string>();
    contacts.add(row.contact_id);
    associations.set(row.record, contacts);
  }
  return associations;
};

const TIMELINE_COLUMNS: readonly RowColumn<TimelineRow & { at: Position }>[] = [
  ...fieldColumns<TimelineRow>({
    contactId: 'text', eventId: 'text', eventType: 'text', position: 'text', occurredAt: 'timestamptz', summary: 'text', data: 'jsonb',
  }),
  ['position_commit', 'bigint', (row) => row.at.commit.toString()],
  ['position_prepare', 'bigint', (row) => row.at.prepare.toString()],
];

const ASSOCIATION_COLUMNS = fieldColumns<Association>({ record: 'text', contactId: 'text' });

const writeChanges = async (tx: pg.PoolClient, table: ProjectionTables['table'], changes: TimelineChanges): Promise<void> => {
  const timeline = table(T.timeline);
  const associations = table(T.associations);
  const { rows, associated, dissociated, absorptions } = changes;
  const positioned = rows.map((row) => ({ ...row, at: parsePosition(row.position) }));
  // At-least-once delivery may repeat an event; its row is the same, so the first one stays.
  await writeRows(tx, timeline, TIMELINE_COLUMNS, positioned, { then: 'nothing' });
  await writeRows(tx, associations, ASSOCIATION_COLUMNS, associated, { then: 'nothing' });
  if (dissociated.length > 0) {
    await tx.query(
      `DELETE FROM ${associations} WHERE (record, contact_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [dissociated.map((pair) => pair.record), dissociated.map((pair) => pair.contactId)],
    );
  }
  // Bounded by the absorbing event's position, so the result does not depend on where batches happen to end.
  for (const absorption of absorptions) {
    const at = parsePosition(absorption.position);
    await tx.query(
      `INSERT INTO ${timeline}
         (contact_id, event_id, event_type, position, position_commit, position_prepare, occurred_at, summary, data, merged_from)
       SELECT $1, event_id, event_type, position, position_commit, position_prepare, occurred_at, summary, data,
              coalesce(merged_from, contact_id)
         FROM ${timeline}
        WHERE contact_id = $2 AND (position_commit, position_prepare) <= ($3::bigint, $4::bigint)
       ON CONFLICT DO NOTHING`,
      [absorption.contactId, absorption.mergedContactId, at.commit.toString(), at.prepare.toString()],
    );
  }
};

// Every row on the contact's timeline and every row a merge copied from it to its primary (merged_from). An
// engagement logged on them and on others too is the person's text: on the others' timelines it stays, blanked.
const eraseContacts = async (tx: pg.PoolClient, table: ProjectionTables['table'], contactIds: readonly string[]): Promise<void> => {
  const associations = table(T.associations);
  await tx.query(
    `UPDATE ${table(T.timeline)} SET summary = $2, data = '{}'::jsonb
      WHERE contact_id IN (SELECT a.contact_id FROM ${associations} a JOIN ${associations} mine ON mine.record = a.record
                            WHERE mine.contact_id = ANY($1::text[]) AND mine.record LIKE 'engagement-%')
        AND event_id IN (SELECT event_id FROM ${table(T.timeline)} WHERE contact_id = ANY($1::text[]) AND event_type LIKE ANY($3::text[]))`,
    [contactIds, ERASED_TEXT, ['Engagement%', 'Task%', 'PlaybookRun%']],
  );
  await tx.query(`DELETE FROM ${table(T.timeline)} WHERE contact_id = ANY($1::text[]) OR merged_from = ANY($1::text[])`, [contactIds]);
  await tx.query(`DELETE FROM ${table(T.associations)} WHERE contact_id = ANY($1::text[])`, [contactIds]);
};

export const contactTimelineProjection: ProjectionDefinition = {
  ...CONTACT_TIMELINE_SCHEMA,
  // 3: deal amounts in summaries as the exact decimal strings of their currency (JPY "150000", not "150000.00").
  // 4: playbook runs (PlaybookRunRecorded) on the contacts of their engagement, with their answers in data.
  // 5: ContactErased deletes the contact's timeline, the copies a merge made of it, and its associations.
  codeVersion: 5,
  filter: { eventTypes: [...TIMELINE_EVENT_TYPES, CONTACT_ERASED] },
  // By contact: every row and association is a contact's. A partition keeps the associations of its own contacts
  // only (those of other partitions' contacts it may load are at their partition's place in the log, not its own, so
  // whatever it derives for them is dropped); a merge across partitions meets at a barrier.
  partitioning: { keysOf: timelineKeysOf, isBarrier: isTimelineBarrier, toEveryPartition: reachesAssociatedContacts },
  apply: async (events, { tx, table, partition }) => {
    const owned = <T extends { contactId: string }>(items: readonly T[]): readonly T[] =>
      partition ? items.filter((item) => partition.owns(item.contactId)) : items;
    await applyWithErasures(
      events,
      async (segment) => {
        const loaded = await loadAssociations(tx, table, associationRecordsOf(segment));
        const changes = projectTimeline(loaded, segment);
        await writeChanges(tx, table, {
          rows: owned(changes.rows),
          associated: owned(changes.associated),
          dissociated: owned(changes.dissociated),
          absorptions: owned(changes.absorptions),
        });
      },
      (contactIds) => eraseContacts(tx, table, contactIds),
      partition,
    );
  },
};
