// The contact-timeline projection for the engine: the timeline rows and the deal/ticket/engagement -> contact
// associations used to fan later events out. A batch loads the associations it needs in one query, reduces in
// memory, and writes each table with one multi-row statement (plus one copy per merge, which is rare).
import type pg from 'pg';
import { parsePosition } from '#event-store';
import type { ProjectionDefinition, ProjectionTables } from '#projection-engine';
import {
  TIMELINE_EVENT_TYPES,
  associationRecordsOf,
  projectTimeline,
  type Association,
  type TimelineChanges,
} from './contact-timeline.projection.js';
import { pgInstant } from '../pg-values.js';
import { CONTACT_TIMELINE_SCHEMA, CONTACT_TIMELINE_TABLES as T } from './contact-timeline.tables.js';

const loadAssociations = async (
  tx: pg.PoolClient,
  table: ProjectionTables['table'],
  records: readonly string[],
): Promise<Map<string, Set<string>>> => {
  const associations = new Map<string, Set<string>>();
  if (records.length === 0) return associations;
  const { rows } = await tx.query<{ record: string; contact_id: string }>(
    `SELECT record, contact_id FROM ${table(T.associations)} WHERE record = ANY($1)`,
    [records],
  );
  for (const row of rows) {
    const contacts = associations.get(row.record) ?? new Set<string>();
    contacts.add(row.contact_id);
    associations.set(row.record, contacts);
  }
  return associations;
};

const pairArrays = (pairs: readonly Association[]): [string[], string[]] => [pairs.map((p) => p.record), pairs.map((p) => p.contactId)];

const writeChanges = async (tx: pg.PoolClient, table: ProjectionTables['table'], changes: TimelineChanges): Promise<void> => {
  const timeline = table(T.timeline);
  const associations = table(T.associations);
  const { rows, associated, dissociated, absorptions } = changes;
  if (rows.length > 0) {
    const positions = rows.map((row) => parsePosition(row.position));
    // At-least-once delivery may repeat an event; its row is the same, so the first one stays. The data goes as
    // one JSON array zipped in by position: cheaper on both sides than a jsonb[] literal of escaped documents.
    await tx.query(
      `INSERT INTO ${timeline}
         (contact_id, event_id, event_type, position, position_commit, position_prepare, occurred_at, summary, data)
       SELECT * FROM ROWS FROM (
         unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::timestamptz[], $8::text[]),
         jsonb_array_elements($9::jsonb))
       ON CONFLICT DO NOTHING`,
      [
        rows.map((row) => row.contactId),
        rows.map((row) => row.eventId),
        rows.map((row) => row.eventType),
        rows.map((row) => row.position),
        positions.map((p) => p.commit.toString()),
        positions.map((p) => p.prepare.toString()),
        rows.map((row) => pgInstant(row.occurredAt)),
        rows.map((row) => row.summary),
        JSON.stringify(rows.map((row) => row.data)),
      ],
    );
  }
  if (associated.length > 0) {
    await tx.query(
      `INSERT INTO ${associations} (record, contact_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      pairArrays(associated),
    );
  }
  if (dissociated.length > 0) {
    await tx.query(
      `DELETE FROM ${associations} WHERE (record, contact_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      pairArrays(dissociated),
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
