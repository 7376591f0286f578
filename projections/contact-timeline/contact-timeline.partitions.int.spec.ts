// The contact timeline split into partitions by contact: fan-outs of deals, tickets and engagements to contacts of
// several partitions, merges across partitions and erasures give the rows of the build in one piece.
import type { PostgresEventStore } from '#event-store';
import { openTestStore, type TestDatabase } from '#test/support/test-database';
import { appendCrossPartitionHistory, buildWholeAndSplit, expectEverySplitEqualsWhole } from '../partitioned-build.spec-helper.js';
import { contactTimelineProjection } from './contact-timeline.persistence.js';

describe('contact timeline split into partitions', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, store, close } = await openTestStore()));
  afterAll(() => close());

  it('equals the build in one piece in 2 and 3 partitions, table for table and row for row', async () => {
    const head = await appendCrossPartitionHistory(db, store, 40);
    const tables = await buildWholeAndSplit(db, store, contactTimelineProjection, head);
    const timeline = tables.find((t) => t.base === 'contact_timeline')!;
    // The history reaches across partitions: fan-outs, merge copies and erasures all left rows to compare.
    expect(timeline.whole.length).toBeGreaterThan(200);
    expect(timeline.whole.some((row) => row.includes('"merged_from":"'))).toBe(true);
    expectEverySplitEqualsWhole(tables);
  }, 300_000);
});
