// The engagements list split into partitions by engagement: erasures that clear engagements of several partitions
// give the rows of the build in one piece.
import type { PostgresEventStore } from '#event-store';
import { openTestStore, type TestDatabase } from '#test/support/test-database';
import { appendCrossPartitionHistory, buildWholeAndSplit, expectEverySplitEqualsWhole } from '../partitioned-build.spec-helper.js';
import { engagementListProjection } from './engagement-list.persistence.js';

describe('engagements list split into partitions', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, store, close } = await openTestStore()));
  afterAll(() => close());

  it('equals the build in one piece in 2 and 3 partitions, table for table and row for row', async () => {
    const head = await appendCrossPartitionHistory(db, store, 40);
    const tables = await buildWholeAndSplit(db, store, engagementListProjection, head);
    const engagements = tables.find((t) => t.base === 'engagement_list')!;
    expect(engagements.whole.length).toBeGreaterThan(20);
    // An erasure cleared some engagement's text: the part that crosses partitions.
    expect(engagements.whole.some((row) => row.includes('"subject":null'))).toBe(true);
    expectEverySplitEqualsWhole(tables);
  }, 300_000);
});
