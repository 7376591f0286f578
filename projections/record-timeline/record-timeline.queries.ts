// A record's timeline, newest first by log position, with keyset paging and an optional event-type filter. An
// event that reached the record several ways shows once: as its own event if it is one, else by the first way.
import type { DataSource } from 'typeorm';
import type { ObjectType, RecordRef } from '#domain/association';
import { decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery } from '#read-models';
import type { PreviousValues } from './record-timeline.entries.js';
import { RECORD_TIMELINE_TABLES as T } from './record-timeline.tables.js';

export type RecordTimelineEntry = Readonly<{
  eventId: string;
  eventType: string;
  position: string;
  occurredAt: string;
  actor: string;
  summary: string;
  /** The values the event replaced, by field or custom property; null when it replaced none. */
  previous: PreviousValues | null;
  /** null on the record's own events; else the associated record (or merged duplicate) it came through. */
  via: RecordRef | null;
  data: unknown;
}>;

export type RecordTimelineQuery = Readonly<{
  record: RecordRef;
  limit: number;
  cursor?: string;
  types?: readonly string[];
}>;

export type RecordTimelinePage = Readonly<{ data: RecordTimelineEntry[]; nextCursor?: string }>;

const DIGITS = /^-?\d{1,20}$/;

type EntryRecord = {
  // bigint: arrives as a string, compared as one in cursors.
  position_commit: string;
  position_prepare: string;
  via_type: string;
  via_id: string;
  event_id: string;
  event_type: string;
  position: string;
  occurred_at: Date;
  actor: string;
  summary: string;
  previous: PreviousValues | null;
  data: unknown;
};

const toEntry = (row: EntryRecord): RecordTimelineEntry => ({
  eventId: row.event_id,
  eventType: row.event_type,
  position: row.position,
  occurredAt: row.occurred_at.toISOString(),
  actor: row.actor,
  summary: row.summary,
  previous: row.previous,
  via: row.via_type === '' ? null : { type: row.via_type as ObjectType, id: row.via_id },
  data: row.data,
});

/** null when the record has no timeline at all (an empty page when only the type filter excludes everything). */
export const recordTimeline = async (dataSource: DataSource, query: RecordTimelineQuery): Promise<RecordTimelinePage | null> => {
  const params = new Parameters();
  const conditions = [`t.record_type = ${params.add(query.record.type)}`, `t.record_id = ${params.add(query.record.id)}`];
  if (query.types !== undefined) conditions.push(`t.event_type = ANY(${params.add(query.types)}::text[])`);
  if (query.cursor !== undefined) {
    const [commit, prepare] = decodeCursor(query.cursor, 2);
    if (!(typeof commit === 'string' && DIGITS.test(commit) && typeof prepare === 'string' && DIGITS.test(prepare))) throw new InvalidCursor();
    conditions.push(`(t.position_commit, t.position_prepare) < (${params.add(commit)}::bigint, ${params.add(prepare)}::bigint)`);
  }
  // '' sorts first: the record's own entry wins over the ways the same event came through.
  const rows = await preparedQuery<EntryRecord>(
    dataSource,
    `SELECT p.position_commit, p.position_prepare, p.via_type, p.via_id, e.event_id, e.event_type, e.position, e.occurred_at,
            e.actor, e.summary, e.previous, e.data
       FROM (SELECT DISTINCT ON (t.position_commit, t.position_prepare) t.position_commit, t.position_prepare, t.via_type, t.via_id, t.event_id
               FROM ${T.timeline} t WHERE ${conditions.join(' AND ')}
              ORDER BY t.position_commit DESC, t.position_prepare DESC, t.via_type, t.via_id
              LIMIT ${params.add(query.limit + 1)}) p
       JOIN ${T.events} e ON e.event_id = p.event_id
      ORDER BY p.position_commit DESC, p.position_prepare DESC`,
    params.values,
  );
  if (rows.length === 0) {
    const [known] = await preparedQuery(dataSource, `SELECT 1 FROM ${T.timeline} WHERE record_type = $1 AND record_id = $2 LIMIT 1`, [
      query.record.type,
      query.record.id,
    ]);
    if (known === undefined) return null;
  }
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const data = page.map(toEntry);
  if (rows.length <= query.limit || !last) return { data };
  return { data, nextCursor: encodeCursor([last.position_commit, last.position_prepare]) };
};
