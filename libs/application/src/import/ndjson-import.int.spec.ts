import { randomUUID } from 'node:crypto';
import { eventCatalog } from '../../../domain/src/catalog/event-catalog.js';
import { EventValidator } from '../../../domain/src/catalog/event-validator.js';
import { PostgresEventStore, type EventStore, type StreamAppend } from '../../../event-store/src/index.js';
import { collect } from '../../../../test/support/events.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { randomIds, type RequestContext } from '../request-context.js';
import { UpcastingEventStore } from '../upcasting-event-store.js';
import { generateHistory } from '../../../synthetic-history/src/index.js';
import { streamCategory } from '../../../event-store/src/index.js';
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

  // Activity is judged against its contact (contact-activity.decider): the contacts exist before their page views.
  const givenContact = async (contactId: string) => {
    const data = {
      contactId, email: `${contactId.slice(0, 8)}@x.test`, firstName: null, lastName: null, phone: null, jobTitle: null, country: null,
      companyId: null, ownerId: null, properties: {}, source: 'import', marketingStatus: 'marketing', lifecycleStage: 'lead',
    };
    const metadata = { occurredAt: '2024-01-01T00:00:00Z', actor: 'test', correlationId: 'given', causationId: null, schemaVersion: 2, source: 'test' };
    await store.appendToStream(`contact-${contactId}`, [{ id: randomUUID(), type: 'ContactCreated', data, metadata }]);
  };

  const run = (text: string) => importNdjson(linesOf(text), { store, catalog: eventCatalog, validator: new EventValidator(eventCatalog), context, batchSize: 2 });

  it('stores valid events with their own occurredAt, rejects bad lines with reasons, and is idempotent', async () => {
    const contactId = randomUUID();
    await givenContact(contactId);
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

  it('stores the streams of many lines in one round trip, and judges each stream and each reused id as one by one would', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const contactId of [a, b, c]) await givenContact(contactId);
    const view = (contactId: string, url: string, id = randomUUID()) =>
      line(`activity-${contactId}`, 'PageViewed', { contactId, url, title: null, referrer: null }, undefined, id);
    const reused = randomUUID();
    const earlier = view(c, 'https://x.test/earlier');
    await run(earlier);
    const file = [
      view(a, 'https://x.test/1', reused),
      view(a, 'https://x.test/2'),
      view(b, 'https://x.test/3'),
      // The same id in another stream, in the same round trip: refused, as a second append of it would be.
      view(b, 'https://x.test/4', reused),
      view(a, 'https://x.test/5'),
      earlier,
      view(c, 'https://x.test/6'),
    ].join('\n');
    const importWith = (target: EventStore, batchSize?: number) =>
      importNdjson(linesOf(file), { store: target, catalog: eventCatalog, validator: new EventValidator(eventCatalog), context, batchSize });

    const report = await importWith(store);

    expect(report).toMatchObject({ lines: 7, accepted: 5, duplicates: 1, rejected: 1 });
    expect(report.rejections).toEqual([expect.objectContaining({ line: 4, eventId: reused })]);
    const urls = async (contactId: string) => (await collect(store.readStream(`activity-${contactId}`))).map((e) => (e.data as { url: string }).url);
    expect(await urls(a)).toEqual(['https://x.test/1', 'https://x.test/2', 'https://x.test/5']);
    expect(await urls(b)).toEqual(['https://x.test/3']);
    expect(await urls(c)).toEqual(['https://x.test/earlier', 'https://x.test/6']);

    // A store without a multi-stream append (only the port): the same report on a re-run, streams one by one.
    const portOnly: EventStore = {
      appendToStream: (...args) => store.appendToStream(...args),
      readStream: (...args) => store.readStream(...args),
      readAll: (...args) => store.readAll(...args),
      subscribeToAll: (...args) => store.subscribeToAll(...args),
      headPosition: () => store.headPosition(),
      close: () => store.close(),
    };
    expect(await importWith(portOnly, 3)).toMatchObject({ accepted: 0, duplicates: 6, rejected: 1 });
    expect(await importWith(store, 3)).toMatchObject({ accepted: 0, duplicates: 6, rejected: 1 });
  });

  it('goes past the upcasting reader to the store beneath it, one round trip for many streams', async () => {
    const contacts = [randomUUID(), randomUUID(), randomUUID()];
    for (const contactId of contacts) await givenContact(contactId);
    const file = contacts
      .map((contactId) => line(`activity-${contactId}`, 'PageViewed', { contactId, url: 'https://x.test/', title: null, referrer: null }))
      .join('\n');
    const calls: StreamAppend[][] = [];
    const counted: PostgresEventStore = Object.assign(Object.create(store), {
      appendToStreams: (appends: readonly StreamAppend[]) => {
        calls.push([...appends]);
        return store.appendToStreams(appends);
      },
    });
    const report = await importNdjson(linesOf(file), {
      store: new UpcastingEventStore(counted, eventCatalog),
      catalog: eventCatalog,
      validator: new EventValidator(eventCatalog),
      context,
    });
    expect(report).toMatchObject({ accepted: 3, rejected: 0 });
    expect(calls.map((appends) => appends.map((append) => append.streamName))).toEqual([contacts.map((id) => `activity-${id}`)]);
  });

  it('accepts every event of a history the deciders wrote, stream after stream, across windows', async () => {
    // The synthetic history is decided by the real deciders; its file lists each stream whole, one after another.
    const lines: string[] = [];
    for (const batch of generateHistory({ contacts: 40, seed: 'import-rules' })) {
      if (streamCategory(batch.streamName) === 'unique') continue;
      for (const e of batch.events) lines.push(JSON.stringify({ streamName: batch.streamName, event: e }));
    }
    const report = await importNdjson(linesOf(lines.join('\n')), {
      store, catalog: eventCatalog, validator: new EventValidator(eventCatalog), context, batchSize: 50,
    });
    expect(report.rejections).toEqual([]);
    expect(report).toMatchObject({ lines: lines.length, accepted: lines.length });
  });

  it('judges a line against the lines of earlier windows, refused ones among them', async () => {
    const contactId = randomUUID();
    const created = {
      contactId, email: 'w@x.test', firstName: null, lastName: null, phone: null, jobTitle: null, country: null,
      companyId: null, ownerId: null, properties: {}, source: 'import', marketingStatus: 'marketing', lifecycleStage: 'lead',
    };
    const dealId = randomUUID();
    const file = [
      line(`contact-${contactId}`, 'ContactCreated', created),
      line(`deal-${dealId}`, 'DealRenamed', { dealId, previous: 'a', name: 'b' }),
      line(`activity-${contactId}`, 'PageViewed', { contactId, url: 'https://x.test/', title: null, referrer: null }),
    ].join('\n');
    const report = await run(file);
    expect(report.rejections).toEqual([expect.objectContaining({ line: 2, reason: `deal-${dealId} has no DealCreated: DealRenamed must follow it` })]);
    expect(report).toMatchObject({ accepted: 2, rejected: 1 });
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
