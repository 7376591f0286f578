import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { EventValidator } from '#domain/catalog';
import { PostgresEventStore, type EventStore, type StreamAppend } from '#event-store';
import { collect } from '#test/support/events';
import { openTestStore, storePort, type TestDatabase } from '#test/support/test-database';
import { randomIds, type RequestContext } from '../request-context.js';
import { UpcastingEventStore } from '../upcasting-event-store.js';
import { generateHistory } from '#synthetic-history';
import { defaultDealPipeline, pipelineDecider } from '#domain/pipeline';
import { uniqueValueStream } from '#domain/unique-value';
import { streamCategory } from '#event-store';
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
  beforeAll(async () => ({ db, store } = await openTestStore()));
  afterAll(() => db.close());

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
    expect(await importWith(storePort(store), 3)).toMatchObject({ accepted: 0, duplicates: 6, rejected: 1 });
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
    for (const batch of generateHistory({ contacts: 40, seed: 'import-rules', until: '2026-01-01' })) {
      // Claims are derived by the import; property definitions are settings, written through their route.
      if (['unique', 'property'].includes(streamCategory(batch.streamName))) continue;
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

  it('refuses numbers JSON.parse would change, a key given twice and instants outside 1900..2200 or on no calendar day, storing nothing of them', async () => {
    const contactId = randomUUID();
    await givenContact(contactId);
    const stream = `activity-${contactId}`;
    const view = (metadata: Record<string, unknown>) => line(stream, 'PageViewed', { contactId, url: 'https://x.test/', title: null, referrer: null }, metadata);
    const file = [
      view({ occurredAt: '2024-03-01T09:00:00+01:00' }),
      // 1.0000000000000001 parses as 1: accepted as schemaVersion 1 if parsed blindly.
      view({ occurredAt: '2024-03-01T09:00:00Z', schemaVersion: 1 }).replace('"schemaVersion":1', '"schemaVersion":1.0000000000000001'),
      view({ occurredAt: '0000-01-01T00:00:00Z' }),
      view({ occurredAt: '2026-02-30T00:00:00Z' }),
      view({ occurredAt: '2200-01-01T00:00:00Z' }),
      // Parses with the second url: the page the line names first would be lost without a word.
      view({ occurredAt: '2024-03-01T10:00:00Z' }).replace('"url":"https://x.test/"', '"url":"https://x.test/","url":"https://y.test/"'),
    ].join('\n');
    const report = await run(file);
    expect(report).toMatchObject({ accepted: 1, rejected: 5 });
    expect(report.rejections.map((r) => [r.line, r.reason.split(' cannot')[0].split(' must')[0]])).toEqual([
      [2, 'event.metadata.schemaVersion: 1.0000000000000001'],
      [3, 'event.metadata.occurredAt'],
      [4, 'event.metadata.occurredAt'],
      [5, 'event.metadata.occurredAt'],
      [6, 'event.data.url: the key appears more than once in its object (the last one would silently win)'],
    ]);
    const stored = await collect(store.readStream(stream));
    expect(stored.map((e) => e.metadata.occurredAt)).toEqual(['2024-03-01T08:00:00.000Z']);
  });

  describe('judges against the streams as they are now', () => {
    const pipelineLines = (pipelineId: string) =>
      pipelineDecider
        .decide({ type: 'CreatePipeline', data: { ...defaultDealPipeline, pipelineId }, metadata: { now: '2024-01-01T00:00:00Z' } }, null)
        .map((e) => line(`pipeline-${pipelineId}`, e.type, e.data));
    // DealCreated as stored before v2 (no companyIds, no properties): the import lifts it.
    const dealLines = (pipelineId: string, dealId: string, names: readonly string[]) => [
      line(`deal-${dealId}`, 'DealCreated', {
        dealId, name: names[0], pipelineId, stageId: 'appointmentscheduled', amount: 1000, currency: 'USD', contractTermMonths: 12,
        closeDate: '2024-06-30', ownerId: null, contactIds: [], companyId: null,
      }, { occurredAt: '2024-03-01T09:00:00Z', schemaVersion: 1 }),
      ...names.slice(1).map((name, i) => line(`deal-${dealId}`, 'DealRenamed', { dealId, previous: names[i], name })),
    ];
    // Counts the reads of each stream, and lets a test write as another writer right after the import's first append.
    const watched = (afterFirstAppend: () => Promise<void>) => {
      const reads = new Map<string, number>();
      let appendCalls = 0;
      const target: PostgresEventStore = Object.assign(Object.create(store), {
        readStream: (streamName: string, options?: object) => {
          reads.set(streamName, (reads.get(streamName) ?? 0) + 1);
          return store.readStream(streamName, options);
        },
        readStreams: (streamNames: readonly string[]) => {
          for (const streamName of streamNames) reads.set(streamName, (reads.get(streamName) ?? 0) + 1);
          return store.readStreams(streamNames);
        },
        appendToStreams: async (appends: readonly StreamAppend[]) => {
          const outcomes = await store.appendToStreams(appends);
          if (appendCalls++ === 0) await afterFirstAppend();
          return outcomes;
        },
      });
      return { reads, target };
    };
    const importInto = (target: EventStore, file: readonly string[]) =>
      importNdjson(linesOf(file.join('\n')), { store: target, catalog: eventCatalog, validator: new EventValidator(eventCatalog), context, batchSize: 2 });

    it('reads again a stream another writer changed between windows, and judges against what it holds now', async () => {
      const [pipelineId, dealId] = [`p${randomUUID().slice(0, 8)}`, randomUUID()];
      await importInto(store, pipelineLines(pipelineId));
      const metadata = { occurredAt: '2024-01-02T00:00:00Z', actor: 'other', correlationId: 'other', causationId: null, schemaVersion: 1, source: 'test' };
      const { reads, target } = watched(async () => {
        await store.appendToStream(`deal-${dealId}`, [{ id: randomUUID(), type: 'DealRenamed', data: { dealId, previous: 'b', name: 'other' }, metadata }]);
      });
      // Window 1 creates and renames the deal; another writer renames it before window 2, whose first rename is stale.
      const [created, renamed] = dealLines(pipelineId, dealId, ['a', 'b']);
      const stale = line(`deal-${dealId}`, 'DealRenamed', { dealId, previous: 'b', name: 'c' });
      const current = line(`deal-${dealId}`, 'DealRenamed', { dealId, previous: 'other', name: 'd' });
      const report = await importInto(target, [created, renamed, stale, current]);
      expect(report.rejections).toEqual([expect.objectContaining({ line: 3, reason: 'previous is "b" but the stream has "other"' })]);
      expect(report).toMatchObject({ accepted: 3, rejected: 1 });
      expect(reads.get(`deal-${dealId}`)).toBe(2);
    });
  });

  it("claims each imported contact's email, refuses a second contact with it, and stores the claim once", async () => {
    const [ada, copy] = [randomUUID(), randomUUID()];
    const email = `${ada.slice(0, 8)}@claims.test`;
    const created = (contactId: string) => ({
      contactId, email, firstName: null, lastName: null, phone: null, jobTitle: null, country: null,
      companyId: null, ownerId: null, properties: {}, source: 'import', marketingStatus: 'marketing', lifecycleStage: 'lead',
    });
    const file = [line(`contact-${ada}`, 'ContactCreated', created(ada)), line(`contact-${copy}`, 'ContactCreated', created(copy))].join('\n');
    const report = await run(file);
    expect(report).toMatchObject({ lines: 2, accepted: 1, rejected: 1 });
    expect(report.rejections).toEqual([expect.objectContaining({ line: 2, reason: `contact-email ${email} is held by ${ada}` })]);
    const claims = await collect(store.readStream(uniqueValueStream('contact-email', email)));
    expect(claims.map((e) => [e.type, e.data, e.metadata.causationId, e.metadata.source])).toEqual([
      ['UniqueValueClaimed', { kind: 'contact-email', value: email, ownerId: ada }, JSON.parse(file.split('\n')[0]).event.id, 'import'],
    ]);
    // A re-run counts the line as stored and appends no second claim.
    expect(await run(file)).toMatchObject({ accepted: 0, duplicates: 1, rejected: 1 });
    expect(await collect(store.readStream(uniqueValueStream('contact-email', email)))).toHaveLength(1);
  });

  it('quotes a stream it refuses whole, cutting only a very long one inside its quotes', async () => {
    const claim = uniqueValueStream('company-domain', 'acme.com');
    const long = `unique-${'x'.repeat(300)}`;
    const report = await run([line(claim, 'UniqueValueClaimed', {}), line(long, 'UniqueValueClaimed', {})].join('\n'));
    expect(report.rejections.map((rejection) => rejection.reason)).toEqual([
      expect.stringMatching(new RegExp(`^streamName "${claim}" is not a stream an import may write`)),
      expect.stringMatching(new RegExp(`^streamName "unique-x{193}…" is not a stream an import may write`)),
    ]);
  });
});
