import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { formatPosition, parsePosition, PostgresEventStore, type ReadAllOptions } from '#event-store';
import { collect, newEvent } from '#test/support/events';
import { deferred, openTestStore, eventually, storePort, type TestDatabase } from '#test/support/test-database';
import { ProjectionEngine } from './projection-engine.js';
import { countingProjection } from './counting-projection.spec-helper.js';

const counter = (codeVersion = 1) => countingProjection('test-counter', 'test_counts', { streamCategories: ['counted'] }, codeVersion);

const counts = async (db: TestDatabase) =>
  Object.fromEntries(
    (await db.pool.query<{ stream: string; count: number }>('SELECT stream, count FROM test_counts')).rows.map((r) => [
      r.stream,
      r.count,
    ]),
  );

describe('projection engine', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => ({ db, store } = await openTestStore()));
  afterEach(() => db.close());

  it('builds from history, follows live appends, and serves through a stable view', async () => {
    await store.appendToStream('counted-a', [newEvent('Seen'), newEvent('Seen')]);
    await store.appendToStream('ignored-x', [newEvent('Seen')]);
    const engine = new ProjectionEngine(store, db.pool, [counter()], {
      batchSize: 1,
      pollIntervalMs: 10,
      countEventsAfter: (after, filter) => store.countAfter(after, filter),
    });
    await engine.start();
    try {
      await eventually(async () => expect(await counts(db)).toEqual({ 'counted-a': 2 }));
      const appended = await store.appendToStream('counted-b', [newEvent('Seen')]);
      expect(await engine.waitFor('test-counter', appended.position, 5_000)).toBe(true);
      expect(await counts(db)).toEqual({ 'counted-a': 2, 'counted-b': 1 });

      const [status] = await engine.status('test-counter');
      expect(status).toMatchObject({ version: 1, state: 'active', eventsProcessed: 3, lagEvents: 0 });
    } finally {
      await engine.stop();
    }
  });

  it('moves its checkpoint past events it does not read, so read-your-writes never waits for them', async () => {
    const engine = new ProjectionEngine(store, db.pool, [counter()], { pollIntervalMs: 10 });
    await engine.start();
    try {
      const unrelated = await store.appendToStream('ignored-y', [newEvent('Seen')]);
      expect(await engine.waitFor('test-counter', unrelated.position, 5_000)).toBe(true);
    } finally {
      await engine.stop();
    }
  });

  it('moves the checkpoints of all the builds an event leaves idle in one transaction, not one write per build', async () => {
    const idle = Array.from({ length: 8 }, (_, i) => countingProjection(`idle-${i}`, `idle_counts_${i}`, { streamCategories: [`idle${i}`] }));
    const writes: string[] = [];
    const noteCheckpointWrite = (text: unknown) => {
      if (typeof text === 'string' && /UPDATE tally_projection_builds/.test(text)) writes.push(text);
    };
    const recordingClient = (client: pg.PoolClient): pg.PoolClient =>
      new Proxy(client, {
        get: (target, property) =>
          property === 'query'
            ? (text: string, values?: unknown[]) => (noteCheckpointWrite(text), target.query(text, values))
            : Reflect.get(target, property, target),
      });
    const pool = new Proxy(db.pool, {
      get: (target, property) => {
        if (property === 'query') return (text: string, values?: unknown[]) => (noteCheckpointWrite(text), target.query(text, values));
        if (property === 'connect') return async () => recordingClient(await target.connect());
        return Reflect.get(target, property, target);
      },
    });
    // Woken by pokes alone, as a projector is by the log's notifications, so the builds wake together.
    const engine = new ProjectionEngine(store, pool, idle, { pollIntervalMs: 60_000 });
    await engine.start();
    try {
      const first = await store.appendToStream('ignored-a', [newEvent('Seen')]);
      for (const { name } of idle) expect(await engine.waitFor(name, first.position, 5_000)).toBe(true);
      writes.length = 0;
      const second = await store.appendToStream('ignored-b', [newEvent('Seen')]);
      engine.poke();
      const stored = async () =>
        (await db.pool.query<{ position: string }>(`SELECT position FROM tally_projection_builds WHERE name LIKE 'idle-%'`)).rows.map((row) => row.position);
      await eventually(async () => expect(await stored()).toEqual(idle.map(() => formatPosition(second.position))));
      expect(writes).toHaveLength(1);
    } finally {
      await engine.stop();
    }
  });

  it('does not lose a wake-up that comes while the build is reading: it looks again instead of sleeping a whole poll', async () => {
    // Each read of the log can be held after it has read: the build is then busy with a page read before the append.
    let holdNext = false;
    const held = { read: deferred(), release: deferred() };
    const holding = storePort(store, {
      readAll: (options) =>
        (async function* () {
          const events = await collect(store.readAll(options));
          if (holdNext) {
            holdNext = false;
            held.read.resolve();
            await held.release.promise;
          }
          yield* events;
        })(),
    });
    // Woken by pokes alone: the next poll is a minute away.
    const engine = new ProjectionEngine(holding, db.pool, [counter()], { pollIntervalMs: 60_000 });
    await engine.start();
    try {
      const first = await store.appendToStream('counted-a', [newEvent('Seen')]);
      expect(await engine.waitFor('test-counter', first.position, 5_000)).toBe(true);
      await eventually(async () => expect(await counts(db)).toEqual({ 'counted-a': 1 }));
      holdNext = true;
      engine.poke();
      await held.read.promise;
      // The build has read the log and is busy with that page when the append comes and pokes it.
      await store.appendToStream('counted-b', [newEvent('Seen')]);
      engine.poke();
      held.release.resolve();
      await eventually(async () => expect(await counts(db)).toEqual({ 'counted-a': 1, 'counted-b': 1 }), 5_000);
    } finally {
      held.release.resolve();
      await engine.stop();
    }
  });

  it('gathers statistics on the tables of a build once it has caught up, so queries on them get real plans', async () => {
    for (let i = 0; i < 5; i++) await store.appendToStream(`counted-${i}`, [newEvent('Seen')]);
    const engine = new ProjectionEngine(store, db.pool, [counter()], { pollIntervalMs: 10 });
    await engine.start();
    try {
      // reltuples is -1 until the table is analysed.
      await eventually(async () => {
        const { rows } = await db.pool.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = 'test_counts_v1'`);
        expect(rows[0].reltuples).toBe(5);
      });
    } finally {
      await engine.stop();
    }
  });

  it('starts no build after a stop that came while it was starting, as when a process dies during start', async () => {
    await store.appendToStream('counted-s', [newEvent('Seen')]);
    const engine = new ProjectionEngine(store, db.pool, [counter()], { pollIntervalMs: 10 });
    const starting = engine.start();
    await engine.stop();
    await starting;
    expect((await engine.status('test-counter')).map((b) => b.status)).toEqual(['stopped']);
  });

  it('answers false when a position is not reached in time', async () => {
    const engine = new ProjectionEngine(store, db.pool, [counter()]);
    await ProjectionEngine.migrate(db.pool);
    await engine.start();
    await engine.stop();
    const appended = await store.appendToStream('counted-c', [newEvent('Seen')]);
    expect(await engine.waitFor('test-counter', appended.position, 50)).toBe(false);
  });

  it('parks on a poison event with its id and position, keeps what came before, and resumes', async () => {
    const poison = newEvent('Poison');
    await store.appendToStream('counted-p', [newEvent('Seen'), newEvent('Seen'), poison, newEvent('Seen')]);
    const engine = new ProjectionEngine(store, db.pool, [counter()], { pollIntervalMs: 10 });
    await engine.start();
    try {
      const parked = await eventually(async () => {
        const [status] = await engine.status('test-counter');
        expect(status.status).toBe('parked');
        return status;
      });
      expect(parked.parked).toMatchObject({ eventId: poison.id, type: 'Poison', error: 'cannot count poison' });
      expect(await counts(db)).toEqual({ 'counted-p': 2 });
      // Still parked after more events: it never skips the poison one.
      await store.appendToStream('counted-q', [newEvent('Seen')]);
      expect((await engine.status('test-counter'))[0].status).toBe('parked');
    } finally {
      await engine.stop();
    }
  });

  it('survives failures at commit time without losing or double-counting an event', async () => {
    for (let i = 0; i < 40; i++) await store.appendToStream(`counted-${i % 4}`, [newEvent('Seen'), newEvent('Seen')]);
    let failures = 0;
    const engine = new ProjectionEngine(store, db.pool, [counter()], {
      batchSize: 7,
      pollIntervalMs: 5,
      beforeCommit: () => {
        if (failures < 10 && Math.random() < 0.5) {
          failures++;
          throw new Error('simulated crash before commit');
        }
      },
    });
    await engine.start();
    try {
      await eventually(async () => expect(await counts(db)).toEqual({ 'counted-0': 20, 'counted-1': 20, 'counted-2': 20, 'counted-3': 20 }), 20_000);
    } finally {
      await engine.stop();
    }
  });

  it('continues from the stored checkpoint after a database failure, as when a crash lost the last async commits', async () => {
    const first = await store.appendToStream('counted-l', Array.from({ length: 10 }, () => newEvent('Seen')));
    await store.appendToStream('counted-l', Array.from({ length: 10 }, () => newEvent('Seen')));
    let failNextCommit = false;
    const engine = new ProjectionEngine(store, db.pool, [counter()], {
      batchSize: 5,
      pollIntervalMs: 10,
      beforeCommit: () => {
        if (!failNextCommit) return;
        failNextCommit = false;
        throw new Error('connection terminated');
      },
    });
    await engine.start();
    try {
      await eventually(async () => expect(await counts(db)).toEqual({ 'counted-l': 20 }));
      // What a database crash does to batches committed without waiting for the disk: the last ones are gone,
      // rows and checkpoint together, while the engine still holds the newer position in memory.
      await db.pool.query('UPDATE test_counts SET count = 10');
      await db.pool.query(
        `UPDATE tally_projection_builds SET position = $1, position_commit = $2, events_processed = 10 WHERE name = 'test-counter'`,
        [formatPosition(first.position), first.position.commit.toString()],
      );
      failNextCommit = true;
      await store.appendToStream('counted-l', Array.from({ length: 5 }, () => newEvent('Seen')));
      await eventually(async () => expect(await counts(db)).toEqual({ 'counted-l': 25 }));
    } finally {
      await engine.stop();
    }
  });

  it('reads each page of the log once for all the builds of a rebuild, whatever each one reads', async () => {
    for (let i = 0; i < 10; i++) {
      await store.appendToStream(`counted-${i}`, [newEvent('Seen'), newEvent('Seen')]);
      await store.appendToStream(`other-${i}`, [newEvent('Seen'), newEvent('Seen')]);
    }
    let reads = 0;
    const counting = Object.create(store) as PostgresEventStore;
    counting.readAll = (options?: ReadAllOptions) => {
      // Status asks for one event to measure the lag; pages are what the builds read.
      if (options?.maxCount !== 1) reads++;
      return store.readAll(options);
    };
    const definitions = [
      counter(),
      countingProjection('test-other-counter', 'test_other_counts', { streamCategories: ['other'] }),
      countingProjection('test-all-counter', 'test_all_counts', undefined),
    ];
    const engine = new ProjectionEngine(counting, db.pool, definitions, { batchSize: 5, pollIntervalMs: 60_000 });
    await engine.start();
    try {
      await eventually(async () => {
        const builds = await engine.status();
        expect(builds.map((b) => [b.name, b.status, b.eventsProcessed])).toEqual([
          ['test-all-counter', 'live', 40],
          ['test-counter', 'live', 20],
          ['test-other-counter', 'live', 20],
        ]);
      });
      // 40 events in pages of 5: 8 full pages and the short one that finds the end; three builds reading alone
      // would make at least 27 reads. A build the others leave behind on a loaded machine reads the rest alone, as a
      // rebuild of one projection does (14 reads seen once), so the bound leaves room for that and no more.
      expect(reads).toBeLessThanOrEqual(18);
    } finally {
      await engine.stop();
    }
  });

  it('asks the store for its own events only when it catches up alone, as a rebuild of one projection does', async () => {
    for (let i = 0; i < 10; i++) {
      await store.appendToStream(`counted-${i}`, [newEvent('Seen')]);
      await store.appendToStream(`other-${i}`, [newEvent('Seen'), newEvent('Seen')]);
    }
    const reads: (ReadAllOptions | undefined)[] = [];
    const counting = Object.create(store) as PostgresEventStore;
    counting.readAll = (options?: ReadAllOptions) => {
      if (options?.maxCount !== 1) reads.push(options);
      return store.readAll(options);
    };
    const engine = new ProjectionEngine(counting, db.pool, [counter()], { batchSize: 4, pollIntervalMs: 60_000 });
    await engine.start();
    try {
      await eventually(async () => expect((await engine.status('test-counter'))[0].status).toBe('live'));
      reads.length = 0;
      await engine.rebuild('test-counter', { weight: 2 });
      await eventually(async () => expect(await counts(db)).toMatchObject({ 'counted-0': 2, 'counted-9': 2 }));
      // 10 matching events in pages of 4: three reads, each for the build's own events only.
      expect(reads.map((options) => options?.filter)).toEqual([counter().filter, counter().filter, counter().filter]);
    } finally {
      await engine.stop();
    }
  });

  it('rebuilds into new tables while the old build serves, then switches the view in one step', async () => {
    await store.appendToStream('counted-r', [newEvent('Seen'), newEvent('Seen'), newEvent('Seen')]);
    const engine = new ProjectionEngine(store, db.pool, [counter()], { pollIntervalMs: 10 });
    await engine.start();
    try {
      await eventually(async () => expect(await counts(db)).toEqual({ 'counted-r': 3 }));
      const version = await engine.rebuild('test-counter', { weight: 10 });
      expect(version).toBe(2);
      // Every answer comes from one build: 3 (old) or 30 (new), never a mix or an error.
      await eventually(async () => {
        const seen = (await counts(db))['counted-r'];
        expect([3, 30]).toContain(seen);
        expect(seen).toBe(30);
      });
      const builds = await engine.status('test-counter');
      expect(builds.map((b) => [b.version, b.state])).toEqual([
        [1, 'retired'],
        [2, 'active'],
      ]);
      await engine.drop('test-counter', 1);
      expect((await engine.status('test-counter')).map((b) => b.version)).toEqual([2]);
      await expect(engine.drop('test-counter', 2)).rejects.toThrow(/active/);
    } finally {
      await engine.stop();
    }
  });

  it('rebuilds by itself when the projection code version changes', async () => {
    await store.appendToStream(`counted-${randomUUID()}`, [newEvent('Seen')]);
    const first = new ProjectionEngine(store, db.pool, [counter(1)], { pollIntervalMs: 10 });
    await first.start();
    await eventually(async () => expect((await first.status('test-counter'))[0].eventsProcessed).toBe(1));
    await first.stop();

    const second = new ProjectionEngine(store, db.pool, [counter(2)], { pollIntervalMs: 10 });
    await second.start();
    try {
      await eventually(async () => {
        const active = (await second.status('test-counter')).find((b) => b.state === 'active');
        expect(active).toMatchObject({ version: 2, codeVersion: 2 });
      });
      expect(await second.activePosition('test-counter')).toEqual(parsePosition((await second.status('test-counter'))[1].position!));
    } finally {
      await second.stop();
    }
  });
});
