// A contact's timeline, newest first by (occurredAt, position), with keyset paging and an optional type filter.
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery } from '#read-models';
import { CONTACT_TIMELINE_TABLES as T } from './contact-timeline.tables.js';

export type TimelineEntry = Readonly<{
  eventId: string;
  eventType: string;
  occurredAt: string;
  position: string;
  summary: string;
  data: unknown;
  /** Set on entries taken over from a merged duplicate: the contact the event happened to. */
  mergedFrom: string | null;
}>;

export type TimelineQuery = Readonly<{ contactId: string; limit: number; cursor?: string; types?: readonly string[] }>;

export type TimelinePage = Readonly<{ data: TimelineEntry[]; nextCursor?: string }>;

const DIGITS = /^-?\d{1,20}$/;

type EntryRecord = {
  event_id: string;
  event_type: string;
  position: string;
  // bigint: arrives as a string, compared as one in cursors.
  position_commit: string;
  position_prepare: string;
  occurred_at: Date;
  summary: string;
  data: unknown;
  merged_from: string | null;
};

const toEntry = (row: EntryRecord): TimelineEntry => ({
  eventId: row.event_id,
  eventType: row.event_type,
  occurredAt: row.occurred_at.toISOString(),
  position: row.position,
  summary: row.summary,
  data: row.data,
  mergedFrom: row.merged_from,
});

/** null when the contact has no timeline at all (an empty page when only the type filter excludes everything). */
export const contactTimeline = async (dataSource: DataSource, query: TimelineQuery): Promise<TimelinePage | null> => {
  const params = new Parameters();
  const conditions = [`t.contact_id = ${params.add(query.contactId)}`];
  if (query.types !== undefined) conditions.push(`t.event_type = ANY(${params.add(query.types)}::text[])`);
  if (query.cursor !== undefined) {
    const [occurredAt, commit, prepare] = decodeCursor(query.cursor, 3);
    const valid =
      typeof occurredAt === 'string' &&
      Number.isFinite(Date.parse(occurredAt)) &&
      typeof commit === 'string' &&
      DIGITS.test(commit) &&
      typeof prepare === 'string' &&
      DIGITS.test(prepare);
    if (!valid) throw new InvalidCursor();
    conditions.push(
      `(t.occurred_at, t.position_commit, t.position_prepare)
         < (${params.add(occurredAt)}::timestamptz, ${params.add(commit)}::bigint, ${params.add(prepare)}::bigint)`,
    );
  }
  const rows = await preparedQuery<EntryRecord>(
    dataSource,
    `SELECT t.event_id, t.event_type, t.position, t.position_commit, t.position_prepare, t.occurred_at, t.summary, t.data, t.merged_from
       FROM ${T.timeline} t WHERE ${conditions.join(' AND ')}
      ORDER BY t.occurred_at DESC, t.position_commit DESC, t.position_prepare DESC LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  if (rows.length === 0) {
    const [known] = await preparedQuery(dataSource, `SELECT 1 FROM ${T.timeline} WHERE contact_id = $1 LIMIT 1`, [query.contactId]);
    if (known === undefined) return null;
  }
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const data = page.map(toEntry);
  if (rows.length <= query.limit || !last) return { data };
  return { data, nextCursor: encodeCursor([last.occurred_at.toISOString(), last.position_commit, last.position_prepare]) };
};
