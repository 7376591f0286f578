import { position, type EventStore, type EventSubscription, type Position, type RecordedEvent } from '#event-store';
import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { EventStream } from './event-stream.js';
import { LogTail, RECENT_CHARACTERS, RECENT_EVENTS } from './log-tail.js';

const recorded = (at: number, type = 'PageViewed', streamName = `activity-c${at}`): RecordedEvent => ({
  id: `e${at}`,
  type,
  streamName,
  revision: 0,
  position: position(BigInt(at)),
  data: {},
  metadata: { occurredAt: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z', actor: 't', correlationId: 'c', causationId: null, schemaVersion: 1, source: 't' },
});

/** A store whose subscription delivers what the spec pushes, in order; nothing else is read. */
const liveStore = (head: number | null) => {
  const queued: RecordedEvent[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  const subscription: EventSubscription = {
    async *[Symbol.asyncIterator]() {
      while (!closed) {
        if (queued.length > 0) yield queued.shift()!;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    close: async () => {
      closed = true;
      wake?.();
    },
  };
  const log: RecordedEvent[] = [];
  const reads = { count: 0 };
  const store = {
    headPosition: async (): Promise<Position | null> => (head === null ? null : position(BigInt(head))),
    subscribeToAll: () => subscription,
    // What a stream behind the tail reads: the events pushed so far.
    async *readAll({ fromPosition, maxCount }: { fromPosition?: Position; maxCount?: number }) {
      reads.count++;
      const after = fromPosition?.commit ?? -1n;
      yield* log.filter((event) => event.position.commit > after).slice(0, maxCount);
    },
  } as unknown as EventStore;
  const push = (...events: RecordedEvent[]) => {
    log.push(...events);
    queued.push(...events);
    wake?.();
  };
  return { store, push, reads };
};

/** An HTTP response that takes every frame at once and remembers the event ids it carried. */
const sseResponse = () => {
  const response = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const ids: string[] = [];
  Object.assign(response, {
    writableEnded: false,
    writableNeedDrain: false,
    socket: { setNoDelay: () => undefined },
    writeHead: () => response,
    write: (frame: string) => {
      const id = /"id":"([^"]+)"/.exec(frame)?.[1];
      if (id && frame.startsWith('id:')) ids.push(id);
      return true;
    },
    end: () => {
      response.writableEnded = true;
    },
  });
  return { response: response as unknown as Response, ids, leave: () => response.emit('close') };
};

/** Lets the tail's loop take what was pushed. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the log tail', () => {
  let tail: LogTail;
  afterEach(() => tail.close());

  it('answers a caught-up stream from the events it has read, filtered, after the stream position', async () => {
    const { store, push } = liveStore(10);
    tail = new LogTail(store, () => undefined);
    tail.mark();
    await settle();
    push(recorded(11), recorded(12, 'DealStageChanged', 'deal-d1'), recorded(13));
    await settle();
    expect(tail.readAfter(position(10n), {}, 10)?.map((e) => e.id)).toEqual(['e11', 'e12', 'e13']);
    expect(tail.readAfter(position(11n), {}, 10)?.map((e) => e.id)).toEqual(['e12', 'e13']);
    expect(tail.readAfter(position(10n), { streamCategories: ['deal'] }, 10)?.map((e) => e.id)).toEqual(['e12']);
    expect(tail.readAfter(position(10n), { eventTypePrefixes: ['Page'] }, 1)?.map((e) => e.id)).toEqual(['e11']);
    expect(tail.readAfter(position(13n), {}, 10)).toEqual([]);
  });

  it('sends a stream behind what it holds to the store', async () => {
    const { store, push } = liveStore(10);
    tail = new LogTail(store, () => undefined);
    expect(tail.readAfter(position(10n), {}, 10)).toBeNull(); // not started yet
    tail.mark();
    await settle();
    push(recorded(11));
    await settle();
    expect(tail.readAfter(position(9n), {}, 10)).toBeNull();
    expect(tail.readAfter(undefined, {}, 10)).toBeNull();
  });

  it('covers the whole log when it started on an empty one', async () => {
    const { store, push } = liveStore(null);
    tail = new LogTail(store, () => undefined);
    tail.mark();
    await settle();
    push(recorded(1), recorded(2));
    await settle();
    expect(tail.readAfter(undefined, {}, 10)?.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('keeps only the newest events, and forgets what it read before an erasure', async () => {
    const { store, push } = liveStore(0);
    tail = new LogTail(store, () => undefined);
    tail.mark();
    await settle();
    push(...Array.from({ length: 2 * RECENT_EVENTS }, (_, i) => recorded(i + 1)));
    await settle();
    expect(tail.readAfter(position(0n), {}, 10)).toBeNull();
    const newest = 2 * RECENT_EVENTS;
    expect(tail.readAfter(position(BigInt(newest - 2)), {}, 10)?.map((e) => e.id)).toEqual([`e${newest - 1}`, `e${newest}`]);
    push(recorded(newest + 1, 'ContactErased', 'contact-c1'), recorded(newest + 2));
    await settle();
    // A stream reading before the erasure gets those events from the store, redacted once the key is gone.
    expect(tail.readAfter(position(BigInt(newest - 2)), {}, 10)).toBeNull();
    expect(tail.readAfter(position(BigInt(newest + 1)), {}, 10)?.map((e) => e.id)).toEqual([`e${newest + 2}`]);
  });

  it('keeps a bounded amount of event data, however large the events', async () => {
    const { store, push } = liveStore(0);
    tail = new LogTail(store, () => undefined);
    tail.mark();
    await settle();
    const large = (at: number) => ({ ...recorded(at), data: { note: 'x'.repeat(RECENT_CHARACTERS / 3) } });
    push(large(1), large(2), large(3));
    await settle();
    // The third passed the bound: the oldest went, so a stream before it reads the store.
    expect(tail.readAfter(position(0n), {}, 10)).toBeNull();
    expect(tail.readAfter(position(1n), {}, 10)?.map((e) => e.id)).toEqual(['e2', 'e3']);
  });

  it('feeds caught-up streams from one read of the log, not one read per stream per append', async () => {
    const { store, push, reads } = liveStore(0);
    tail = new LogTail(store, () => undefined);
    const clients = Array.from({ length: 20 }, () => sseResponse());
    const settings = { heartbeatMs: 60_000, stallTimeoutMs: 60_000, maxConnectionsPerKey: 100 };
    const runs = clients.map(({ response }) => new EventStream(response, { store, tail, filter: {}, from: position(0n) }, settings, () => undefined).run());
    await settle();
    const before = reads.count;
    for (let at = 1; at <= 50; at++) {
      push(recorded(at));
      await settle();
    }
    for (const { ids } of clients) expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => `e${i + 1}`));
    // Each stream read the store at most once, when it started before the tail; 50 appends to 20 streams read it
    // 1,000 times before.
    expect(reads.count - before).toBeLessThanOrEqual(clients.length);
    for (const { leave } of clients) leave();
    await Promise.all(runs);
  });
});
