// The contact-timeline projection for the engine: the timeline rows and the deal/ticket/engagement -> contact
// associations used to fan later events out. A batch loads the associations it needs in one query, reduces in
// memory, and writes each table with one multi-row statement (plus one copy per merge, which is rare).
import type pg from 'pg';
import { parsePosition, type Position } from '#event-store';
import type { ProjectionDefinition, ProjectionTables } from '#projection-engine';
import {
  TIMELINE_EVENT_TYPES,
  associationRecordsOf,
  projectTimeline,
  type Association,
  type TimelineChanges,
  type TimelineRow,
} from './contact-timeline.projection.js';
import { fieldColumns, selectByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { CONTACT_TIMELINE_SCHEMA, CONTACT_TIMELINE_TABLES as T } from './contact-timeline.tables.js';

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

export const contactTimelineProjection: ProjectionDefinition = {
  ...CONTACT_TIMELINE_SCHEMA,
  codeVersion: 2,
  filter: { eventTypes: TIMELINE_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const loaded = await loadAssociations(tx, table, associationRecordsOf(events));
    await writeChanges(tx, table, projectTimeline(loaded, events));
  },
};
