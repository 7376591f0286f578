import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../libs/event-store/src/index.js';
import { ProjectionEngine } from '../../libs/projection-engine/src/index.js';
import { newEvent } from '../../test/support/events.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { CONTACT_TIMELINE_PROJECTION, contactTimelineProjection } from './contact-timeline.persistence.js';

const at = (hour: number) => ({ occurredAt: `2026-01-15T${String(hour).padStart(2, '0')}:00:00.000Z` });
const created = (contactId: string, hour: number) =>
  newEvent('ContactCreated', { contactId, email: `${contactId}@example.com`, source: 'import', lifecycleStage: 'lead' }, at(hour));

describe('contact-timeline persistence', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    await PostgresEventStore.migrate(db.pool);
    store = new PostgresEventStore(db.pool);
  });
  afterEach(async () => {
    await db.close();
  });

  // The table's key is (contact, instant, position), not (contact, event): a merge must still keep one row per event.
  it('keeps one row per event when a merge brings in an event both contacts already show', async () => {
    const [primary, duplicate, dealId] = [randomUUID(), randomUUID(), randomUUID()];
    await store.appendToStream(`contact-${primary}`, [created(primary, 0)]);
    await store.appendToStream(`contact-${duplicate}`, [created(duplicate, 1)]);
    const deal = { dealId, name: 'Shared', pipelineId: 'p', stageId: 's', amount: 10, currency: 'EUR', contractTermMonths: 12 };
    await store.appendToStream(`deal-${dealId}`, [
      newEvent('DealCreated', { ...deal, closeDate: '2026-02-01', ownerId: null, contactIds: [primary, duplicate] }, at(2)),
    ]);
    await store.appendToStream(`contact-${duplicate}`, [newEvent('ContactMerged', { contactId: duplicate, mergedInto: primary, email: 'd@example.com' }, at(3))]);
    const { position } = await store.appendToStream(`contact-${primary}`, [
      newEvent('ContactAbsorbed', { contactId: primary, mergedContactId: duplicate, mergedEmail: 'd@example.com' }, at(3)),
    ]);

    const engine = new ProjectionEngine(store, db.pool, [contactTimelineProjection], { pollIntervalMs: 10 });
    await engine.start();
    try {
      expect(await engine.waitFor(CONTACT_TIMELINE_PROJECTION, position, 10_000)).toBe(true);
    } finally {
      await engine.stop();
    }
    const { rows } = await db.pool.query<{ event_type: string; merged_from: string | null }>(
      `SELECT event_type, merged_from FROM contact_timeline WHERE contact_id = $1
        ORDER BY occurred_at DESC, position_commit DESC, position_prepare DESC`,
      [primary],
    );
    expect(rows.map((row) => [row.event_type, row.merged_from])).toEqual([
      ['ContactAbsorbed', null],
      ['ContactMerged', duplicate],
      ['DealCreated', null],
      ['ContactCreated', duplicate],
      ['ContactCreated', null],
    ]);
  });
});
