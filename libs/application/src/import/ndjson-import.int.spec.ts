import { randomUUID } from 'node:crypto';
import { eventCatalog } from '../../../domain/src/catalog/event-catalog.js';
import { EventValidator } from '../../../domain/src/catalog/event-validator.js';
import { PostgresEventStore } from '../../../event-store/src/index.js';
import { collect } from '../../../../test/support/events.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { randomIds, type RequestContext } from '../request-context.js';
import { importNdjson } from './ndjson-import.js';

const context: RequestContext = {
  actor: 'key:importer',
  correlationId: 'import-1',
  causationId: null,
  now: '2026-11-27T00:00:00.000Z',
  source: 'import',
  ids: randomIds(),
};

async function* linesOf(text: string) {
  yield* text.split('\n');
}

const line = (streamName: string, type: string, data: unknown, metadata: Record<string, unknown> = { occurredAt: '2024-03-01T09:00:00Z' }, id = randomUUID()) =>
  JSON.stringify({ streamName, event: { id, type, data, metadata } });

describe('NDJSON import of history', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    await PostgresEventStore.migrate(db.pool);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await db.close();
  });

  const run = (text: string) => importNdjson(linesOf(text), { store, catalog: eventCatalog, validator: new EventValidator(eventCatalog), context, batchSize: 2 });

  it('stores valid events with their own occurredAt, rejects bad lines with reasons, and is idempotent', async () => {
    const contactId = randomUUID();
    const stream = `activity-${contactId}`;
    const good = [
      line(stream, 'PageViewed', { contactId, url: 'https://x.test/pricing', title: null, referrer: null }),
      line(stream, 'PageViewed', { contactId, url: 'https://x.test/', title: 'Home', referrer: null }),
      line(stream, 'FormSubmitted', { contactId, formId: 'demo', fields: { email: 'a@x.test' } }),
    ];
    const file = [
      ...good,
      '{"broken": ',
      line(stream, 'NoSuchEvent', {}),
      line(stream, 'PageViewed', { contactId, url: 42 }),
      line('unique-contact-email-abc', 'UniqueValueClaimed', {}),
      line(stream, 'PageViewed', { contactId, url: 'u', title: null, referrer: null }, { occurredAt: 'yesterday' }),
      '',
    ].join('\n');

    const first = await run(file);
    expect(first).toMatchObject({ accepted: 3, duplicates: 0, rejected: 5 });
    expect(first.rejections.map((r) => r.line)).toEqual([4, 5, 6, 7, 8]);
    expect(first.rejections[2].reason).toMatch(/url/);

    const stored = await collect(store.readStream(stream));
    expect(stored.map((e) => e.type)).toEqual(['PageViewed', 'PageViewed', 'FormSubmitted']);
    expect(stored[0].metadata).toMatchObject({ occurredAt: '2024-03-01T09:00:00.000Z', actor: 'key:importer', source: 'import' });

    const again = await run(file);
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, rejected: 5 });
    expect(await collect(store.readStream(stream))).toHaveLength(3);

    // A file that overlaps the first: only the new event is stored.
    const extra = line(stream, 'PageViewed', { contactId, url: 'https://x.test/blog', title: null, referrer: null });
    const overlap = await run([good[1], extra].join('\n'));
    expect(overlap).toMatchObject({ accepted: 1, duplicates: 1, rejected: 0 });
    expect(await collect(store.readStream(stream))).toHaveLength(4);
  });

  it('accepts an older stored shape and keeps it as it was written', async () => {
    const contactId = randomUUID();
    const v1 = {
      contactId, email: 'old@x.test', name: 'Old Timer', phone: null, jobTitle: null, country: null,
      companyId: null, ownerId: null, properties: {}, source: 'import', marketingStatus: 'non-marketing', lifecycleStage: 'lead',
    };
    const report = await run(line(`contact-${contactId}`, 'ContactCreated', v1, { occurredAt: '2020-01-01T00:00:00Z', schemaVersion: 1 }));
    expect(report).toMatchObject({ accepted: 1, rejected: 0 });
    const [event] = await collect(store.readStream(`contact-${contactId}`));
    expect(event.metadata.schemaVersion).toBe(1);
    expect(event.data).toMatchObject({ name: 'Old Timer' });
  });
});
