// The contacts list split into partitions by contact: engagements and deals naming contacts of several partitions,
// merges across partitions (a barrier: the survivor takes the duplicate's later activity) and erasures give the rows
// of the build in one piece.
import type { PostgresEventStore } from '#event-store';
import { engagementLoggedData, newEvent } from '#test/support/events';
import { openTestStore, type TestDatabase } from '#test/support/test-database';
import { apart, appendCrossPartitionHistory, buildWholeAndSplit, expectEverySplitEqualsWhole } from '../partitioned-build.spec-helper.js';
import { contactListProjection } from './contact-list.persistence.js';

const LATE_ACTIVITY = '2026-05-01T09:00:00.000Z';

/**
 * Merges whose duplicate, in another partition than its survivor, was active last just before the merge: only the
 * duplicate's row knows that activity, so the survivor's lastActivityAt says whether the merge read it in time. Then
 * a call naming the merged duplicate and a contact of another partition: it touches that contact only.
 */
const appendLateMerges = async (db: TestDatabase, store: PostgresEventStore): Promise<Readonly<{ survivor: string; duplicate: string }>[]> => {
  const { rows } = await db.pool.query<{ id: string }>(
    `SELECT data->>'contactId' AS id FROM tally_events WHERE event_type = 'ContactCreated'
        AND data->>'contactId' NOT IN (SELECT data->>'contactId' FROM tally_events WHERE event_type IN ('ContactMerged', 'ContactAbsorbed', 'ContactErased'))
      ORDER BY 1`,
  );
  const free = rows.map((row) => row.id);
  const merges: { survivor: string; duplicate: string }[] = [];
  while (merges.length < 4) {
    const primary = free.shift()!;
    const duplicate = free.find((id) => apart(primary, id))!;
    free.splice(free.indexOf(duplicate), 1);
    const caller = free.find((id) => apart(duplicate, id))!;
    free.splice(free.indexOf(caller), 1);
    const email = `${duplicate}@late-merge.test`;
    await store.appendToStream(`activity-${duplicate}`, [
      newEvent('FormSubmitted', { contactId: duplicate, formId: 'demo', fields: {} }, { occurredAt: LATE_ACTIVITY }),
    ]);
    const at = { occurredAt: '2026-05-02T09:00:00.000Z' };
    await store.appendToStream(`contact-${duplicate}`, [newEvent('ContactMerged', { contactId: duplicate, mergedInto: primary, email }, at)]);
    await store.appendToStream(`contact-${primary}`, [newEvent('ContactAbsorbed', { contactId: primary, mergedContactId: duplicate, mergedEmail: email }, at)]);
    await store.appendToStream(`engagement-late-${duplicate}`, [
      newEvent('EngagementLogged', engagementLoggedData(`late-${duplicate}`, { contactIds: [caller, duplicate] }), { occurredAt: '2026-05-03T09:00:00.000Z' }),
    ]);
    merges.push({ survivor: primary, duplicate });
  }
  return merges;
};

describe('contacts list split into partitions', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, store, close } = await openTestStore()));
  afterAll(() => close());

  it('equals the build in one piece in 2 and 3 partitions, table for table and row for row', async () => {
    await appendCrossPartitionHistory(db, store, 40);
    const merges = await appendLateMerges(db, store);
    const tables = await buildWholeAndSplit(db, store, contactListProjection, (await store.headPosition())!);
    const contacts = tables.find((t) => t.base === 'contact_list')!;
    const rowOf = (contactId: string) => contacts.whole.find((row) => row.includes(`"contact_id":"${contactId}"`));
    expect(contacts.whole.length).toBeGreaterThan(20);
    // Merged duplicates stay, marked, untouched by later calls; survivors took their activity; erased contacts are gone.
    expect(contacts.whole.some((row) => row.includes('"merged_into":"'))).toBe(true);
    for (const { survivor, duplicate } of merges) {
      expect(rowOf(survivor)).toContain(`"last_activity_at":"${LATE_ACTIVITY}"`);
      expect(rowOf(duplicate)).toContain(`"last_activity_at":"${LATE_ACTIVITY}","merged_into":"${survivor}"`);
    }
    const erased = (await db.pool.query<{ id: string }>(`SELECT data->>'contactId' AS id FROM tally_events WHERE event_type = 'ContactErased'`)).rows;
    expect(erased.length).toBeGreaterThan(0);
    for (const { id } of erased) expect(rowOf(id)).toBeUndefined();
    expect(tables.find((t) => t.base === 'contact_list_properties')!.whole.length).toBeGreaterThan(0);
    expectEverySplitEqualsWhole(tables);
  }, 300_000);
});
