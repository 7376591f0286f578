import { randomUUID } from 'node:crypto';
import { collect, newEvent } from '#test/support/events';
import { openTestStore, eventually, type TestDatabase } from '#test/support/test-database';
import { DuplicateEventIds, InvalidAppend } from '../errors.js';
import { PostgresEventStore } from './postgres-event-store.js';

describe('PostgresEventStore.appendToStreams (many streams, one round trip)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, store, close } = await openTestStore()));
  afterAll(() => close());

  const streamName = (category = 'many') => `${category}-${randomUUID()}`;

  it('appends after what each stream holds, in the order given, a stream coming more than once', async () => {
    const [a, b] = [streamName(), streamName()];
    await store.appendToStream(a, [newEvent('A0'), newEvent('A1')]);
    const events = [newEvent('A2'), newEvent('B0'), newEvent('B1'), newEvent('A3'), newEvent('A4')];

    const outcomes = await store.appendToStreams([
      { streamName: a, events: [events[0]] },
      { streamName: b, events: [events[1], events[2]] },
      { streamName: a, events: [events[3], events[4]] },
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['appended', 'appended', 'appended']);
    expect(outcomes.map((o) => (o.status === 'duplicate_ids' ? null : o.result.nextRevision))).toEqual([2, 1, 4]);
    const storedA = await collect(store.readStream(a));
    expect(storedA.map((e) => [e.type, e.revision])).toEqual([['A0', 0], ['A1', 1], ['A2', 2], ['A3', 3], ['A4', 4]]);
    expect((await collect(store.readStream(b))).map((e) => [e.type, e.revision])).toEqual([['B0', 0], ['B1', 1]]);
    // Global order is the order of the call; each outcome's position is its stream's last event of the entry.
    // On a shared server the log shows them once every older transaction anywhere has ended.
    const all = await eventually(async () => {
      const mine = (await collect(store.readAll())).filter((e) => events.some((n) => n.id === e.id));
      expect(mine.map((e) => e.type)).toEqual(['A2', 'B0', 'B1', 'A3', 'A4']);
      return mine;
    });
    expect(outcomes.map((o) => (o.status === 'duplicate_ids' ? null : o.result.position))).toEqual([all[0].position, all[2].position, all[4].position]);
  });

  it('judges each stream on its own: a retry is already stored, reused ids are refused, the rest is stored', async () => {
    const [a, b, c] = [streamName(), streamName(), streamName()];
    const first = [newEvent('A0'), newEvent('A1')];
    const elsewhere = newEvent('B0');
    await store.appendToStream(a, first);
    await store.appendToStream(b, [elsewhere]);
    const fresh = newEvent('C0');

    const outcomes = await store.appendToStreams([
      { streamName: a, events: first },
      { streamName: c, events: [elsewhere, newEvent('C1')] },
      { streamName: c, events: [fresh] },
    ]);

    expect(outcomes[0]).toMatchObject({ status: 'already_stored', result: { nextRevision: 1, alreadyStored: true } });
    expect(outcomes[1].status).toBe('duplicate_ids');
    expect(outcomes[1].status === 'duplicate_ids' && outcomes[1].error).toBeInstanceOf(DuplicateEventIds);
    expect(outcomes[1].status === 'duplicate_ids' && outcomes[1].error.eventIds).toEqual([elsewhere.id]);
    expect(outcomes[2]).toMatchObject({ status: 'appended', result: { nextRevision: 0 } });
    expect((await collect(store.readStream(a))).map((e) => e.id)).toEqual(first.map((e) => e.id));
    expect((await collect(store.readStream(c))).map((e) => e.id)).toEqual([fresh.id]);
  });

  it('refuses a call that names an event twice or has an empty stream batch, storing nothing', async () => {
    const event = newEvent('X');
    const [a, b] = [streamName(), streamName()];
    await expect(store.appendToStreams([{ streamName: a, events: [event] }, { streamName: b, events: [event] }])).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.appendToStreams([{ streamName: a, events: [] }])).rejects.toBeInstanceOf(InvalidAppend);
    expect(await collect(store.readStream(a))).toEqual([]);
  });

  it('interleaves with concurrent single appends to the same streams without losing or renumbering events', async () => {
    const streams = Array.from({ length: 5 }, () => streamName('race'));
    await Promise.all([
      ...Array.from({ length: 10 }, () => store.appendToStreams(streams.map((s) => ({ streamName: s, events: [newEvent('Many'), newEvent('Many')] })))),
      ...Array.from({ length: 20 }, (_, i) => store.appendToStream(streams[i % 5], [newEvent('One')])),
    ]);
    for (const s of streams) {
      const stored = await collect(store.readStream(s));
      expect(stored).toHaveLength(24);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    }
  });

  it('checks that entries number the streams and keep each stream batch together', async () => {
    const ids = [randomUUID(), randomUUID()];
    const call = (entries: number[]) =>
      db.pool.query('SELECT * FROM tally_append_streams($1, $2, $3, $4, $5, $6, $7)', [
        ['bad-1', 'bad-2'], ['bad', 'bad'], entries, ids, ['T', 'T'], '[{}, {}]', '[{}, {}]',
      ]);
    await expect(call([2, 1])).rejects.toThrow(/entries/);
    await expect(call([1, 1])).rejects.toThrow(/entries/);
    await expect(call([1, 3])).rejects.toThrow(/entries/);
    await expect(call([1, 2])).resolves.toMatchObject({ rowCount: 2 });
  });
});

describe('PostgresEventStore announcing appends to other processes (NOTIFY after the commit)', () => {
  let db: TestDatabase;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, close } = await openTestStore()));
  afterAll(() => close());

  /** The database pool, except that each NOTIFY waits until the spec lets it go. */
  const holdingNotifies = () => {
    const held: { position: string; release: () => void }[] = [];
    const pool = new Proxy(db.pool, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver);
        return async (text: unknown, values?: unknown[]) => {
          if (typeof text === 'string' && text.includes('pg_notify')) {
            await new Promise<void>((release) => held.push({ position: String(values?.[1]), release }));
          }
          return (target.query as (text: unknown, values?: unknown[]) => Promise<unknown>)(text, values);
        };
      },
    });
    return { pool, held };
  };
  const settled = async (promise: Promise<unknown>) => {
    let done = false;
    void promise.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    return done;
  };

  it('answers an append before its NOTIFY is sent; appends meanwhile share the next one; close() waits for it', async () => {
    const { pool, held } = holdingNotifies();
    const store = new PostgresEventStore(pool as typeof db.pool);

    await store.appendToStream(`announce-${randomUUID()}`, [newEvent('First')]);
    await eventually(() => expect(held).toHaveLength(1));
    // The first NOTIFY is held, yet the next appends answer; they wait for one NOTIFY of their own, after it.
    await store.appendToStream(`announce-${randomUUID()}`, [newEvent('Second')]);
    const third = await store.appendToStream(`announce-${randomUUID()}`, [newEvent('Third')]);
    const closing = store.close();
    expect(await settled(closing)).toBe(false);

    held[0].release();
    await eventually(() => expect(held).toHaveLength(2));
    expect(held[1].position).toBe(third.position.commit.toString());
    expect(await settled(closing)).toBe(false);
    held[1].release();
    await closing;
    expect(held).toHaveLength(2);
  });
});
