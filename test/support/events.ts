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
