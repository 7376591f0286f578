// Gap safety under real concurrency: writers hold transactions open, commit out of order and roll back at
// random while a subscriber reads. Needs several real connections, so it runs on the PostgreSQL server only.
import { randomUUID } from 'node:crypto';
import { comparePositions, PostgresEventStore, type RecordedEvent } from '#event-store';
import { newEvent } from '#test/support/events';
import { openTestStore, serverUrl } from '#test/support/test-database';

const WRITERS = 8;
const TARGET_COMMITTED = 20_000;

// A seeded PRNG keeps each run's interleaving different in timing but its choices reproducible.
const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

(serverUrl() ? describe : describe.skip)('PostgreSQL adapter under concurrent writers (server only)', () => {
  let store: PostgresEventStore;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ store, close } = await openTestStore({ kind: 'postgres', maxConnections: WRITERS + 4, store: { batchSize: 500, pollIntervalMs: 5 } }));
  });
  afterAll(() => close?.());

  it('delivers every committed event exactly once in position order and no rolled-back one', async () => {
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    let committedCount = 0;

    const writer = async (index: number) => {
      const random = prng(index + 1);
      while (committedCount < TARGET_COMMITTED) {
        const batch = Array.from({ length: 1 + Math.floor(random() * 20) }, () => newEvent('TortureEvent'));
        const rollback = random() < 0.15;
        const holdMs = Math.floor(random() * 15);
        try {
          await store.transaction(async (tx) => {
            await tx.appendToStream(`torture-${randomUUID()}`, batch, { expectedRevision: 'no_stream' });
            await sleep(holdMs);
            if (rollback) throw new Error('rollback on purpose');
          });
          for (const event of batch) committed.add(event.id);
          committedCount += batch.length;
        } catch (error) {
          if ((error as Error).message !== 'rollback on purpose') throw error;
          for (const event of batch) rolledBack.add(event.id);
        }
      }
    };

    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ filter: { streamCategories: ['torture'] } });
    let writersDone = false;
    const reader = (async () => {
      for await (const event of subscription) {
        seen.push(event);
        if (writersDone && seen.length >= committed.size) break;
      }
    })();

    await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
    writersDone = true;
    // The reader stops once it has caught up with everything committed; a bounded wait guards a lost event.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([reader, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
    clearTimeout(timer);
    await subscription.close();

    const ids = seen.map((e) => e.id);
    expect(committed.size).toBeGreaterThanOrEqual(TARGET_COMMITTED);
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => rolledBack.has(id))).toEqual([]);
    expect(ids.filter((id) => !committed.has(id))).toEqual([]);
    expect(ids.length).toBe(committed.size);
    for (let i = 1; i < seen.length; i++) {
      expect(comparePositions(seen[i - 1].position, seen[i].position)).toBeLessThan(0);
    }
  }, 120_000);
});
