// The adapter over the real @eventstore/db-client, its gRPC transport replaced by an in-memory server that keeps
// EventStoreDB's rules (fake-eventstoredb.spec-helper.ts). No server runs here; the contract suite runs against
// one when EVENTSTORE_URL is set.
import { collect, newEvent } from '#test/support/events';
import { AppendTooLarge, DuplicateEventIds, StreamDeleted, WrongExpectedRevision } from '../errors.js';
import { appendToStreams, type RecordedEvent } from '../event-store.port.js';
import { EventStoreDBEventStore } from './eventstoredb-event-store.js';
import { FakeEventStoreDB } from './fake-eventstoredb.spec-helper.js';

const stream = (category: string) => `${category}-${crypto.randomUUID()}`;

describe('EventStoreDB adapter over the client and a fake server', () => {
  let server: FakeEventStoreDB;
  let store: EventStoreDBEventStore;

  beforeEach(() => {
    server = new FakeEventStoreDB();
    store = new EventStoreDBEventStore(server.client(), { ownsClient: true });
  });
  afterEach(async () => {
    await store.close();
  });

  describe('retries with any or stream_exists', () => {
    it.each(['any', 'stream_exists'] as const)('recognises a stored batch after a server restart (%s)', async (expected) => {
      const name = stream('contact');
      await store.appendToStream(name, [newEvent('ContactCreated')], { expectedRevision: 'no_stream' });
      const batch = [newEvent('PageViewed'), newEvent('FormSubmitted')];
      const first = await store.appendToStream(name, batch, { expectedRevision: expected });
      await store.appendToStream(name, [newEvent('PageViewed')]);
      server.restart();

      const retry = await store.appendToStream(name, batch, { expectedRevision: expected });

      expect(retry).toEqual({ nextRevision: first.nextRevision, position: first.position, alreadyStored: true });
      expect(first.alreadyStored).not.toBe(true);
      expect((await collect(store.readStream(name))).map((e) => e.type)).toEqual([
        'ContactCreated',
        'PageViewed',
        'FormSubmitted',
        'PageViewed',
      ]);
    });

    it('recognises a retry sent with upper-case ids', async () => {
      const name = stream('contact');
      const batch = [newEvent('ContactCreated'), newEvent('PageViewed')].map((e) => ({ ...e, id: e.id.toUpperCase() }));
      await store.appendToStream(name, batch);
      server.restart();

      const retry = await store.appendToStream(name, batch.map((e) => ({ ...e, id: e.id.toLowerCase() })));

      expect(retry.alreadyStored).toBe(true);
      expect((await collect(store.readStream(name))).map((e) => e.id)).toEqual(batch.map((e) => e.id.toLowerCase()));
    });

    it('refuses a batch that is partly stored, naming the stored ids, and stores nothing', async () => {
      const name = stream('deal');
      const stored = newEvent('DealCreated');
      await store.appendToStream(name, [stored]);
      server.restart();

      const refused = store.appendToStream(name, [stored, newEvent('DealStageChanged')]);

      await expect(refused).rejects.toBeInstanceOf(DuplicateEventIds);
      await expect(refused).rejects.toMatchObject({ eventIds: [stored.id] });
      expect(await collect(store.readStream(name))).toHaveLength(1);
    });

    it('appends after a lost race at the revision it then sees', async () => {
      const name = stream('contact');
      await store.appendToStream(name, [newEvent('ContactCreated')]);
      const [a, b] = [newEvent('PageViewed'), newEvent('FormSubmitted')];

      const results = await Promise.all([store.appendToStream(name, [a]), store.appendToStream(name, [b])]);

      expect(results.map((r) => r.nextRevision).sort()).toEqual([1, 2]);
      const ids = (await collect(store.readStream(name))).map((e) => e.id);
      expect(ids).toHaveLength(3);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    });

    it('stores once two copies of one retry sent at once', async () => {
      const name = stream('contact');
      await store.appendToStream(name, [newEvent('ContactCreated')]);
      const batch = [newEvent('PageViewed')];

      const [a, b] = await Promise.all([store.appendToStream(name, batch), store.appendToStream(name, batch)]);

      expect([a.nextRevision, b.nextRevision]).toEqual([1, 1]);
      expect(await collect(store.readStream(name))).toHaveLength(2);
    });

    it('answers stream_exists on a soft-deleted stream as a missing stream, not as duplicate ids', async () => {
      const name = stream('owner');
      await store.appendToStream(name, [newEvent('OwnerCreated')]);
      server.softDelete(name);

      const refused = store.appendToStream(name, [newEvent('OwnerUpdated')], { expectedRevision: 'stream_exists' });

      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(refused).rejects.toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
    });

    it('writes a soft-deleted stream again with any, revisions continuing', async () => {
      const name = stream('owner');
      await store.appendToStream(name, [newEvent('OwnerCreated'), newEvent('OwnerUpdated')]);
      server.softDelete(name);

      const result = await store.appendToStream(name, [newEvent('OwnerCreated')]);

      expect(result.nextRevision).toBe(2);
      expect((await collect(store.readStream(name))).map((e) => e.revision)).toEqual([2]);
    });
  });

  describe('appends with a revision', () => {
    it('names the stored ids of a partial retry whatever their case', async () => {
      const name = stream('deal');
      const [created, changed] = [newEvent('DealCreated'), newEvent('DealStageChanged')].map((e) => ({
        ...e,
        id: e.id.toUpperCase(),
      }));
      await store.appendToStream(name, [created, changed], { expectedRevision: 'no_stream' });

      const refused = store.appendToStream(name, [created, newEvent('DealWon')], { expectedRevision: 'no_stream' });

      await expect(refused).rejects.toBeInstanceOf(DuplicateEventIds);
      await expect(refused).rejects.toMatchObject({ eventIds: [created.id.toLowerCase()] });
    });

    it('reports the real current revision from a client built with throwOnAppendFailure=false', async () => {
      const lenient = new EventStoreDBEventStore(server.client({ throwOnAppendFailure: false }), { ownsClient: true });
      try {
        const name = stream('deal');
        await lenient.appendToStream(name, Array.from({ length: 5 }, () => newEvent('DealStageChanged')));

        const refused = lenient.appendToStream(name, [newEvent('DealWon')], { expectedRevision: 1 });

        await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevision);
        await expect(refused).rejects.toMatchObject({ expected: 1, actual: 4 });
        const retried = await lenient.appendToStream(name, [newEvent('DealWon')], { expectedRevision: 'any' });
        expect(retried.nextRevision).toBe(5);
      } finally {
        await lenient.close();
      }
    });
  });

  describe('deleted streams and sizes', () => {
    it('maps a tombstoned stream to StreamDeleted on append and on read', async () => {
      const name = stream('company');
      await store.appendToStream(name, [newEvent('CompanyCreated')]);
      server.tombstone(name);

      await expect(store.appendToStream(name, [newEvent('CompanyUpdated')], { expectedRevision: 0 })).rejects.toBeInstanceOf(
        StreamDeleted,
      );
      await expect(collect(store.readStream(name))).rejects.toMatchObject({ code: 'STREAM_DELETED', streamName: name });
    });

    it('refuses an append over the max append size before sending it', async () => {
      const big = 'x'.repeat(400 * 1024);
      const events = [newEvent('NoteAdded', { big }), newEvent('NoteAdded', { big }), newEvent('NoteAdded', { big })];

      const refused = store.appendToStream(stream('note'), events);

      await expect(refused).rejects.toBeInstanceOf(AppendTooLarge);
      await expect(refused).rejects.toMatchObject({ maxAppendSize: 1024 * 1024 });
      expect(server.log).toHaveLength(0);
    });

    it("maps the server's own MaxAppendSize refusal (a server configured lower)", async () => {
      const strict = new FakeEventStoreDB({ maxAppendSize: 1000 });
      const strictStore = new EventStoreDBEventStore(strict.client(), { ownsClient: true });
      try {
        const refused = strictStore.appendToStream(stream('note'), [newEvent('NoteAdded', { text: 'y'.repeat(2000) })]);
        await expect(refused).rejects.toBeInstanceOf(AppendTooLarge);
        await expect(refused).rejects.toMatchObject({ maxAppendSize: 1000 });
      } finally {
        await strictStore.close();
      }
    });

    it('stores an import run larger than one append in parts, and recognises it on a re-run', async () => {
      const name = stream('note');
      const run = Array.from({ length: 12 }, (_, i) => newEvent('NoteAdded', { i, text: 'z'.repeat(200 * 1024) }));

      const [first] = await appendToStreams(store, [{ streamName: name, events: run }]);
      const [again] = await appendToStreams(store, [{ streamName: name, events: run }]);

      expect(first.status).toBe('appended');
      expect(again.status).toBe('already_stored');
      expect((await collect(store.readStream(name))).map((e) => (e.data as { i: number }).i)).toEqual(run.map((_, i) => i));
    });
    it('answers a run cut short earlier and now completed as duplicate_ids naming what was stored before', async () => {
      const name = stream('note');
      const run = Array.from({ length: 12 }, (_, i) => newEvent('NoteAdded', { i, text: 'z'.repeat(200 * 1024) }));
      await appendToStreams(store, [{ streamName: name, events: run.slice(0, 5) }]);

      const [outcome] = await appendToStreams(store, [{ streamName: name, events: run }]);

      expect(outcome.status).toBe('duplicate_ids');
      expect(outcome.status === 'duplicate_ids' && outcome.error.eventIds).toEqual(run.slice(0, 5).map((e) => e.id));
      expect((await collect(store.readStream(name))).map((e) => e.id)).toEqual(run.map((e) => e.id));
    });
  });

  describe('reading $all', () => {
    const fill = async (noise: number) => {
      for (let i = 0; i < noise; i++) await store.appendToStream(stream('contact'), [newEvent('PageViewed', { i })]);
    };

    it('has the server filter: a filtered read receives only what matches', async () => {
      const start = await store.headPosition();
      await fill(300);
      const deal = stream('deal');
      await store.appendToStream(deal, [newEvent('DealCreated'), newEvent('DealStageChanged')]);
      await fill(100);
      server.calls.length = 0;

      const deals = await collect(store.readAll({ fromPosition: start ?? undefined, filter: { streamCategories: ['deal'] } }));

      expect(deals.map((e) => e.streamName)).toEqual([deal, deal]);
      const sent = server.calls.reduce((sum, call) => sum + call.sent, 0);
      expect(sent).toBeLessThan(10);
    });

    it('ends a filtered read at the head even when nothing after it matches', async () => {
      await store.appendToStream(stream('deal'), [newEvent('DealCreated')]);
      await fill(5);

      const deals = await collect(store.readAll({ filter: { eventTypePrefixes: ['Deal'] } }));

      expect(deals.map((e) => e.type)).toEqual(['DealCreated']);
    });

    it('asks the server for no more than a bounded read delivers', async () => {
      await fill(200);
      server.calls.length = 0;

      const two = await collect(store.readAll({ maxCount: 2 }));

      expect(two).toHaveLength(2);
      expect(server.calls.every((call) => call.kind === 'all' && Number(call.count) <= 3)).toBe(true);
      expect(server.calls.reduce((sum, call) => sum + call.sent, 0)).toBeLessThanOrEqual(3);
    });

    it('reads on past system events to fill a bounded page, resuming after its start', async () => {
      await fill(3);
      const [first] = await collect(store.readAll({ maxCount: 1 }));
      for (let i = 0; i < 4; i++) server.writeSystemEvent('$stats-0.0.0.0:2113', '$statsCollected');
      await fill(3);

      const page = await collect(store.readAll({ fromPosition: first.position, maxCount: 4 }));

      expect(page.map((e) => (e.data as { i: number }).i)).toEqual([1, 2, 0, 1]);
    });

    it('bounds a filtered read and starts after the given position', async () => {
      const deal = stream('deal');
      const events = Array.from({ length: 6 }, (_, n) => newEvent('DealStageChanged', { n }));
      await store.appendToStream(deal, events);
      await fill(3);
      const all = await collect(store.readAll({ filter: { streamCategories: ['deal'] } }));

      const page = await collect(store.readAll({ fromPosition: all[1].position, maxCount: 3, filter: { streamCategories: ['deal'] } }));

      expect(page.map((e) => (e.data as { n: number }).n)).toEqual([2, 3, 4]);
    });
  });

  describe('subscriptions', () => {
    const take = async (iterable: AsyncIterable<RecordedEvent>, count: number) => {
      const seen: RecordedEvent[] = [];
      for await (const event of iterable) {
        seen.push(event);
        if (seen.length >= count) break;
      }
      return seen;
    };

    it('forgets a subscription whose reader stopped without closing it', async () => {
      await store.appendToStream(stream('deal'), [newEvent('DealCreated'), newEvent('DealStageChanged')]);
      const subscription = store.subscribeToAll();

      expect(await take(subscription, 1)).toHaveLength(1);

      expect(store.openSubscriptions).toBe(0);
      expect(server.openSubscriptions).toBe(0);
    });

    it('resubscribes from the last delivered event when the server drops it', async () => {
      const name = stream('engagement');
      await store.appendToStream(name, [newEvent('EngagementLogged', { n: 0 }), newEvent('EngagementLogged', { n: 1 })]);
      const subscription = store.subscribeToAll({ filter: { streamCategories: ['engagement'] } });
      const iterator = subscription[Symbol.asyncIterator]();
      const n = (e: RecordedEvent) => (e.data as { n: number }).n;

      const first = await iterator.next();
      const second = await iterator.next();
      server.dropSubscriptions();
      await store.appendToStream(name, [newEvent('EngagementLogged', { n: 2 })]);
      const third = await iterator.next();
      await store.appendToStream(name, [newEvent('EngagementLogged', { n: 3 })]);
      const fourth = await iterator.next();
      await subscription.close();

      expect([first, second, third, fourth].map((r) => n(r.value as RecordedEvent))).toEqual([0, 1, 2, 3]);
      expect(store.openSubscriptions).toBe(0);
    });

    it('ends on close while waiting for live events', async () => {
      const subscription = store.subscribeToAll();
      const reading = collect(subscription);
      await new Promise((resolve) => setImmediate(resolve));
      await subscription.close();
      expect(await reading).toEqual([]);
      expect(store.openSubscriptions).toBe(0);
    });
  });
});
