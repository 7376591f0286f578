// A contact's timeline, newest first by (occurredAt, position), with keyset paging and an optional type filter.
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor } from '../cursor.js';
import { ContactTimelineEntry } from './contact-timeline.entity.js';

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

const toEntry = (row: ContactTimelineEntry): TimelineEntry => ({
  eventId: row.eventId,
  eventType: row.eventType,
  occurredAt: row.occurredAt.toISOString(),
  position: row.position,
  summary: row.summary,
  data: row.data,
  mergedFrom: row.mergedFrom,
});

/** null when the contact has no timeline at all (an empty page when only the type filter excludes everything). */
export const contactTimeline = async (dataSource: DataSource, query: TimelineQuery): Promise<TimelinePage | null> => {
  const repository = dataSource.getRepository(ContactTimelineEntry);
  const builder = repository.createQueryBuilder('t').where('t.contact_id = :contactId', { contactId: query.contactId });
  if (query.types !== undefined) builder.andWhere('t.event_type IN (:...types)', { types: query.types });
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
    builder.andWhere(
      `(t.occurred_at, t.position_commit, t.position_prepare)
         < (CAST(:occurredAt AS timestamptz), CAST(:commit AS bigint), CAST(:prepare AS bigint))`,
      { occurredAt, commit, prepare },
    );
  }
  const rows = await builder
    .orderBy('t.occurredAt', 'DESC')
    .addOrderBy('t.positionCommit', 'DESC')
    .addOrderBy('t.positionPrepare', 'DESC')
    .take(query.limit + 1)
    .getMany();
  if (rows.length === 0 && !(await repository.existsBy({ contactId: query.contactId }))) return null;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const data = page.map(toEntry);
  if (rows.length <= query.limit || !last) return { data };
  return { data, nextCursor: encodeCursor([last.occurredAt.toISOString(), last.positionCommit, last.positionPrepare]) };
};
