import type { EventFilter, EventStore, Position, RecordedEvent } from '../../event-store/src/index.js';

/** One page of the log after `after`, through the port. */
export const readPage = async (
  store: EventStore,
  after: Position | null,
  maxCount: number,
  filter?: EventFilter,
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({ ...(after ? { fromPosition: after } : {}), maxCount, filter })) {
    events.push(event);
  }
  return events;
};
