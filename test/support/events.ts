import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../libs/event-store/src/index.js';

export const newEvent = (type: string, data: unknown = {}, overrides: Partial<NewEvent['metadata']> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    occurredAt: '2026-01-15T10:00:00.000Z',
    actor: 'test',
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
    source: 'test',
    ...overrides,
  },
});

export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

/**
 * Every event committed to a category, counted in the table itself. Readers of the log only see events below the
 * oldest running transaction (see README), so "nothing was appended" is checked here, not through readAll.
 */
export const committedCount = async (pool: Pick<import('pg').Pool, 'query'>, category: string): Promise<number> => {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tally_events WHERE category = $1', [category]);
  return rows[0].n;
};
