// The marketing-contact count as of an instant (what a billing period is charged on) and the status changes
// behind it, newest first.
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor } from '../cursor.js';
import { MarketingContactChange, MarketingContactStatus } from './marketing-contacts.entity.js';

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
  const changes = dataSource.getRepository(MarketingContactChange);
  const latest = await changes.createQueryBuilder('c').select('max(c.effective_at)', 'latest').getRawOne<{ latest: Date | null }>();
  if (!latest?.latest || latest.latest.getTime() <= Date.parse(asOf)) {
    return dataSource.getRepository(MarketingContactStatus).countBy({ status: 'marketing' });
  }
  return changes
    .createQueryBuilder('c')
    .where(`c.status = 'marketing'`)
    .andWhere('c.effective_at <= :asOf', { asOf })
    .andWhere('(c.valid_to IS NULL OR c.valid_to > :asOf)')
    .getCount();
};

const toRow = (c: MarketingContactChange): MarketingContactChangeRow => ({
  contactId: c.contactId,
  effectiveAt: c.effectiveAt.toISOString(),
  status: c.status,
  previous: c.previous,
  reason: c.reason,
  eventId: c.eventId,
  countDelta: (c.status === 'marketing' ? 1 : 0) - (c.previous === 'marketing' ? 1 : 0),
});

/** Changes effective in [from, to), newest first; the cursor is the (effectiveAt, eventId) of the last row. */
export const marketingContactChanges = async (
  dataSource: DataSource,
  query: Readonly<{ from?: string; to?: string; limit: number; cursor?: string }>,
): Promise<Page<MarketingContactChangeRow>> => {
  const builder = dataSource
    .getRepository(MarketingContactChange)
    .createQueryBuilder('c')
    .orderBy('c.effective_at', 'DESC')
    .addOrderBy('c.event_id', 'DESC')
    .limit(query.limit + 1);
  if (query.from !== undefined) builder.andWhere('c.effective_at >= :from', { from: query.from });
  if (query.to !== undefined) builder.andWhere('c.effective_at < :to', { to: query.to });
  if (query.cursor !== undefined) {
    const [effectiveAt, eventId] = decodeCursor(query.cursor, 2);
    if (typeof effectiveAt !== 'string' || Number.isNaN(Date.parse(effectiveAt)) || typeof eventId !== 'string' || !UUID.test(eventId)) {
      throw new InvalidCursor();
    }
    builder.andWhere('(c.effective_at, c.event_id) < (CAST(:effectiveAt AS timestamptz), CAST(:eventId AS uuid))', { effectiveAt, eventId });
  }
  const found = await builder.getMany();
  const rows = found.slice(0, query.limit).map(toRow);
  const last = rows[rows.length - 1];
  return { rows, nextCursor: found.length > query.limit && last ? encodeCursor([last.effectiveAt, last.eventId]) : null };
};
