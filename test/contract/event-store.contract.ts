// The behaviour every event-store adapter must show. Each adapter's spec calls this with a factory that gives a
// store over an empty log.
import { randomUUID } from 'node:crypto';
import {
  comparePositions,
  DuplicateEventIds,
  formatPosition,
  parsePosition,
  readStreams,
  WrongExpectedRevision,
  type EventStore,
  type RecordedEvent,
} from '#event-store';
import { collect, newEvent } from '#test/support/events';

export type StoreFixture = Readonly<{ store: EventStore; close(): Promise<void> }>;

const uniqueStream = (category: string) => `${category}-${randomUUID()}`;

const takeFromSubscription = async (
  subscription: AsyncIterable<RecordedEvent> & { close(): Promise<void> },
  count: number,
  timeoutMs = 20_000,
): Promise<RecordedEvent[]> => {
  const seen: RecordedEvent[] = [];
  const timer = setTimeout(() => void subscription.close(), timeoutMs);
  try {
    for await (const event of subscription) {
      seen.push(event);
      if (seen.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    await subscription.close();
  }
  return seen;
};

export const eventStoreContract = (adapterName: string, open: () => Promise<StoreFixture>): void => {
  describe(`event store contract: ${adapterName}`, () => {
    let fixture: StoreFixture;
    let store: EventStore;

    beforeAll(async () => {
      fixture = await open();
      store = fixture.store;
    });
    afterAll(async () => {
      await fixture?.close();
    });

    it('round-trips every envelope field', async () => {
      const stream = uniqueStream('contact');
      const event = newEvent(
        'ContactCreated',
        { email: 'ada@example.com', nested: { list: [1, 2], unicode: 'Zoë 😀' } },
        { occurredAt: '2019-03-01T08:30:00.000Z', actor: 'owner:42', causationId: randomUUID(), source: 'import' },
      );
      const before = Date.now();
      const result = await store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });
      const [read] = await collect(store.readStream(stream));

      expect(result.nextRevision).toBe(0);
      expect(read).toMatchObject({ id: event.id, type: 'ContactCreated', streamName: stream, revision: 0 });
      expect(read.data).toEqual(event.data);
      expect(comparePositions(read.position, result.position)).toBe(0);
      const { recordedAt, ...metadata } = read.metadata;
      expect(metadata).toEqual(event.metadata);
      expect(Date.parse(recordedAt)).toBeGreaterThanOrEqual(before - 5_000);
      expect(parsePosition(formatPosition(read.position))).toEqual(read.position);
    });

    it('assigns consecutive revisions and increasing global positions', async () => {
      const stream = uniqueStream('deal');
      const first = await store.appendToStream(stream, [newEvent('DealCreated'), newEvent('DealStageChanged')]);
      const second = await store.appendToStream(stream, [newEvent('DealStageChanged')], { expectedRevision: 1 });
      const events = await collect(store.readStream(stream));

      expect(first.nextRevision).toBe(1);
      expect(second.nextRevision).toBe(2);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
      for (let i = 1; i < events.length; i++) {
        expect(comparePositions(events[i - 1].position, events[i].position)).toBeLessThan(0);
      }
    });

    it('enforces every kind of expected revision', async () => {
      const stream = uniqueStream('ticket');
      await expect(
        store.appendToStream(stream, [newEvent('TicketStageChanged')], { expectedRevision: 'stream_exists' }),
      ).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(
        store.appendToStream(stream, [newEvent('TicketCreated')], { expectedRevision: 0 }),
      ).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION', actual: 'no_stream' });

      await store.appendToStream(stream, [newEvent('TicketCreated')], { expectedRevision: 'no_stream' });
      await expect(
        store.appendToStream(stream, [newEvent('TicketCreated')], { expectedRevision: 'no_stream' }),
      ).rejects.toMatchObject({ expected: 'no_stream', actual: 0 });
      await expect(
        store.appendToStream(stream, [newEvent('TicketStageChanged')], { expectedRevision: 5 }),
      ).rejects.toMatchObject({ expected: 5, actual: 0 });

      await store.appendToStream(stream, [newEvent('TicketStageChanged')], { expectedRevision: 'stream_exists' });
      await store.appendToStream(stream, [newEvent('TicketStageChanged')], { expectedRevision: 'any' });
      await store.appendToStream(stream, [newEvent('TicketStageChanged')], { expectedRevision: 2 });
      expect((await collect(store.readStream(stream))).length).toBe(4);
    });

    it('lets exactly one of 20 concurrent appenders win each round and loses nothing', async () => {
      const stream = uniqueStream('deal');
      await store.appendToStream(stream, [newEvent('DealCreated')], { expectedRevision: 'no_stream' });
      const winners: string[] = [];
      for (let round = 0; round < 5; round++) {
        const expected = round;
        const attempts = Array.from({ length: 20 }, () => newEvent('DealStageChanged', { round }));
        const results = await Promise.allSettled(
          attempts.map((event) => store.appendToStream(stream, [event], { expectedRevision: expected })),
        );
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [attempts[i].id] : []));
        const lost = results.filter((r) => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        for (const failure of lost) {
          expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
        }
        winners.push(won[0]);
      }
      const events = await collect(store.readStream(stream));
      expect(events.slice(1).map((e) => e.id)).toEqual(winners);
    });

    it('stores a retried batch once and answers the retry as the first time', async () => {
      const stream = uniqueStream('contact');
      const batch = [newEvent('ContactCreated'), newEvent('ContactPropertiesChanged')];
      const first = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      const retry = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });

      expect(retry.nextRevision).toBe(first.nextRevision);
      expect(first.alreadyStored).not.toBe(true);
      expect(comparePositions(retry.position, first.position)).toBe(0);
      expect(await collect(store.readStream(stream))).toHaveLength(2);
      await expect(store.appendToStream(stream, [batch[0], newEvent('ContactDeleted')])).rejects.toBeInstanceOf(
        DuplicateEventIds,
      );
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    });

    it('answers a re-append of a stored batch with any or stream_exists as already stored, after later appends', async () => {
      const stream = uniqueStream('contact');
      await store.appendToStream(stream, [newEvent('ContactCreated')], { expectedRevision: 'no_stream' });
      const batch = [newEvent('PageViewed'), newEvent('FormSubmitted')];
      const first = await store.appendToStream(stream, batch, { expectedRevision: 'any' });
      await store.appendToStream(stream, [newEvent('PageViewed')], { expectedRevision: 'any' });

      for (const expectedRevision of ['any', 'stream_exists'] as const) {
        const retry = await store.appendToStream(stream, batch, { expectedRevision });
        expect(retry.alreadyStored).toBe(true);
        expect(retry.nextRevision).toBe(first.nextRevision);
        expect(comparePositions(retry.position, first.position)).toBe(0);
      }
      expect(first.alreadyStored).not.toBe(true);
      expect(await collect(store.readStream(stream))).toHaveLength(4);
    });

    it('reads ids back lower-case and recognises a retry whatever the case of its ids', async () => {
      const stream = uniqueStream('deal');
      const batch = [newEvent('DealCreated'), newEvent('DealStageChanged')].map((e) => ({ ...e, id: e.id.toUpperCase() }));
      await store.appendToStream(stream, batch, { expectedRevision: 'any' });

      const retry = await store.appendToStream(
        stream,
        batch.map((e) => ({ ...e, id: e.id.toLowerCase() })),
        { expectedRevision: 'any' },
      );

      expect(retry.alreadyStored).toBe(true);
      expect((await collect(store.readStream(stream))).map((e) => e.id)).toEqual(batch.map((e) => e.id.toLowerCase()));
    });

    it('reads a stream backwards, from a revision, and bounded', async () => {
      const stream = uniqueStream('company');
      await store.appendToStream(
        stream,
        Array.from({ length: 5 }, (_, i) => newEvent('CompanyUpdated', { i })),
      );
      const backwards = await collect(store.readStream(stream, { direction: 'backwards', maxCount: 2 }));
      const fromTwo = await collect(store.readStream(stream, { fromRevision: 2 }));
      const backFromThree = await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 3 }));

      expect(backwards.map((e) => e.revision)).toEqual([4, 3]);
      expect(fromTwo.map((e) => e.revision)).toEqual([2, 3, 4]);
      expect(backFromThree.map((e) => e.revision)).toEqual([3, 2, 1, 0]);
      expect(await collect(store.readStream(uniqueStream('company')))).toEqual([]);
    });

    it('reads many whole streams at once, each in revision order, an absent one empty', async () => {
      const [first, second, absent] = [uniqueStream('deal'), uniqueStream('deal'), uniqueStream('deal')];
      await store.appendToStream(first, [newEvent('DealRenamed', { n: 0 }), newEvent('DealRenamed', { n: 1 })]);
      await store.appendToStream(second, [newEvent('DealRenamed', { n: 2 })]);
      await store.appendToStream(first, [newEvent('DealRenamed', { n: 3 })]);
      const streams = await readStreams(store, [second, absent, first]);
      expect([...streams.keys()].sort()).toEqual([first, second, absent].sort());
      expect(streams.get(first)!.map((e) => [e.revision, (e.data as { n: number }).n])).toEqual([[0, 0], [1, 1], [2, 3]]);
      expect(streams.get(second)!.map((e) => e.streamName)).toEqual([second]);
      expect(streams.get(absent)).toEqual([]);
    });

    it('reads the global log in order, resumable and filtered by category and by type', async () => {
      const start = await store.headPosition();
      const contact = uniqueStream('contact');
      const deal = uniqueStream('deal');
      await store.appendToStream(contact, [newEvent('ContactCreated'), newEvent('PageViewed')]);
      await store.appendToStream(deal, [newEvent('DealCreated'), newEvent('DealStageChanged')]);
      await store.appendToStream(contact, [newEvent('FormSubmitted')]);

      const all = await collect(store.readAll(start ? { fromPosition: start } : {}));
      const mine = all.filter((e) => e.streamName === contact || e.streamName === deal);
      expect(mine.map((e) => e.type)).toEqual([
        'ContactCreated',
        'PageViewed',
        'DealCreated',
        'DealStageChanged',
        'FormSubmitted',
      ]);
      for (let i = 1; i < all.length; i++) {
        expect(comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);
      }

      const resumed = await collect(store.readAll({ fromPosition: mine[1].position }));
      expect(resumed.filter((e) => e.streamName === contact || e.streamName === deal).map((e) => e.type)).toEqual([
        'DealCreated',
        'DealStageChanged',
        'FormSubmitted',
      ]);

      const from = start ? { fromPosition: start } : {};
      const deals = await collect(store.readAll({ ...from, filter: { streamCategories: ['deal'] } }));
      expect(deals.every((e) => e.streamName.startsWith('deal-'))).toBe(true);
      expect(deals.filter((e) => e.streamName === deal)).toHaveLength(2);

      const typed = await collect(
        store.readAll({ ...from, filter: { eventTypes: ['PageViewed'], eventTypePrefixes: ['Deal'] } }),
      );
      expect(typed.filter((e) => e.streamName === contact || e.streamName === deal).map((e) => e.type)).toEqual([
        'PageViewed',
        'DealCreated',
        'DealStageChanged',
      ]);

      const limited = await collect(store.readAll({ ...from, maxCount: 2 }));
      expect(limited).toHaveLength(2);
    });

    it('subscribes: catches up, then delivers live appends, each once and in order', async () => {
      const start = await store.headPosition();
      const stream = uniqueStream('engagement');
      await store.appendToStream(stream, [newEvent('EngagementLogged', { n: 0 }), newEvent('EngagementLogged', { n: 1 })]);
      const subscription = store.subscribeToAll({
        ...(start ? { fromPosition: start } : {}),
        filter: { streamCategories: ['engagement'] },
      });
      const received = takeFromSubscription(subscription, 6);
      for (let n = 2; n < 6; n++) {
        await store.appendToStream(stream, [newEvent('EngagementLogged', { n })]);
      }
      const events = (await received).filter((e) => e.streamName === stream);
      expect(events.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('resumes a subscription from a saved position without repeats or gaps', async () => {
      const stream = uniqueStream('owner');
      const appended = await store.appendToStream(stream, [newEvent('OwnerCreated', { n: 0 })]);
      const saved = formatPosition(appended.position);
      await store.appendToStream(stream, [newEvent('OwnerUpdated', { n: 1 }), newEvent('OwnerUpdated', { n: 2 })]);

      const subscription = store.subscribeToAll({ fromPosition: parsePosition(saved), filter: { streamCategories: ['owner'] } });
      const events = (await takeFromSubscription(subscription, 2)).filter((e) => e.streamName === stream);
      expect(events.map((e) => (e.data as { n: number }).n)).toEqual([1, 2]);
    });

    it('reports the head of the log', async () => {
      const result = await store.appendToStream(uniqueStream('pipeline'), [newEvent('PipelineCreated')]);
      const head = await store.headPosition();
      expect(head).not.toBeNull();
      expect(comparePositions(head!, result.position)).toBeGreaterThanOrEqual(0);
    });
  });
};
