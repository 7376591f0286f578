// The marketing-contact count as of an instant (what a billing period is charged on) and the status changes
// behind it, newest first.
import type { DataSource } from 'typeorm';
import type { MarketingStatus } from '#domain/marketing-policy';
import { decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery } from '#read-models';
import { MARKETING_CONTACTS_TABLES as T } from './marketing-contacts.tables.js';

export type MarketingContactChangeRow = Readonly<{
  contactId: string;
  effectiveAt: string;
  status: 'marketing' | 'non-marketing';
  previous: 'marketing' | 'non-marketing' | null;
  reason: string;
  eventId: string;
  /** What the change did to the count: +1, -1, or 0 (a contact created non-marketing). */
  countDelta: number;
}>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Page<T> = Readonly<{ rows: T[]; nextCursor: string | null }>;

/**
 * Contacts that were marketing contacts at `asOf` (changes effective at that very instant included). After the
 * latest change the current-status table answers; an earlier instant reads the history's validity intervals.
 */
export const marketingContactCount = async (dataSource: DataSource, asOf: string): Promise<number> => {
  const at = '$1::timestamptz';
  const [{ count }] = await preparedQuery<{ count: number }>(
    dataSource,
    `SELECT CASE WHEN coalesce((SELECT max(effective_at) FROM ${T.changes}) <= ${at}, true)
                 THEN (SELECT count(*) FROM ${T.status} WHERE status = 'marketing')
                 ELSE (SELECT count(*) FROM ${T.changes}
                        WHERE status = 'marketing' AND effective_at <= ${at} AND (valid_to IS NULL OR valid_to > ${at}))
            END::int AS count`,
    [asOf],
  );
  return count;
};

type ChangeRecord = {
  event_id: string;
  contact_id: string;
  effective_at: Date;
  status: MarketingStatus;
  previous: MarketingStatus | null;
  reason: string;
};

const toRow = (c: ChangeRecord): MarketingContactChangeRow => ({
  contactId: c.contact_id,
  effectiveAt: c.effective_at.toISOString(),
  status: c.status,
  previous: c.previous,
  reason: c.reason,
  eventId: c.event_id,
  countDelta: (c.status === 'marketing' ? 1 : 0) - (c.previous === 'marketing' ? 1 : 0),
});

/** Changes effective in [from, to), newest first; the cursor is the (effectiveAt, eventId) of the last row. */
export const marketingContactChanges = async (
  dataSource: DataSource,
  query: Readonly<{ from?: string; to?: string; limit: number; cursor?: string }>,
): Promise<Page<MarketingContactChangeRow>> => {
  const params = new Parameters();
  const conditions = ['true'];
  if (query.from !== undefined) conditions.push(`c.effective_at >= ${params.add(query.from)}`);
  if (query.to !== undefined) conditions.push(`c.effective_at < ${params.add(query.to)}`);
  if (query.cursor !== undefined) {
    const [effectiveAt, eventId] = decodeCursor(query.cursor, 2);
    if (typeof effectiveAt !== 'string' || Number.isNaN(Date.parse(effectiveAt)) || typeof eventId !== 'string' || !UUID.test(eventId)) {
      throw new InvalidCursor();
    }
    conditions.push(`(c.effective_at, c.event_id) < (${params.add(effectiveAt)}::timestamptz, ${params.add(eventId)}::uuid)`);
  }
  const found = await preparedQuery<ChangeRecord>(
    dataSource,
    `SELECT c.event_id, c.contact_id, c.effective_at, c.status, c.previous, c.reason FROM ${T.changes} c
      WHERE ${conditions.join(' AND ')}
      ORDER BY c.effective_at DESC, c.event_id DESC LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  const rows = found.slice(0, query.limit).map(toRow);
  const last = rows[rows.length - 1];
  return { rows, nextCursor: found.length > query.limit && last ? encodeCursor([last.effectiveAt, last.eventId]) : null };
};
