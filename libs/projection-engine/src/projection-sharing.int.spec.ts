// Builds shared between processes: partitions of a build apply only their keys' events and meet at a barrier event,
// and the result equals the build in one piece; engines with leases split the builds between them, hand them over
// on stop, and one that lost its lease commits nothing. (Several engines in one process here; the multi-process
// spec with kill -9 is test/scale-out.)
import { PostgresEventStore, type Position } from '#event-store';
import { newEvent } from '#test/support/events';
import { eventually, openTestStore, type TestDatabase } from '#test/support/test-database';
import { countingProjection } from './counting-projection.spec-helper.js';
import { partitionOf, type ProjectionDefinition } from './projection.js';
import { ProjectionEngine } from './projection-engine.js';

/**
 * Per key: how many events named it, and the positions of those events in the order applied. `Merged` moves the
 * count of `from` into `into`: it reads two keys at once, so under partitions it is a barrier.
 */
const keyed = (name: string, base: string, slowPartition?: number): ProjectionDefinition => ({
  name,
  codeVersion: 1,
  filter: { streamCategories: ['keyed'] },
  tables: [base],
  createTables: ({ table }) => `CREATE TABLE ${table(base)} (key text PRIMARY KEY, count int NOT NULL, seen text NOT NULL)`,
  partitioning: {
    keysOf: (event) => {
      const data = event.data as { keys?: string[]; into?: string; from?: string };
      return event.type === 'Merged' ? [data.into!, data.from!] : (data.keys ?? []);
    },
    isBarrier: (event) => event.type === 'Merged',
  },
  apply: async (events, { tx, table, partition }) => {
    const owns = (key: string) => partition?.owns(key) ?? true;
    // One partition far behind the others, so a merge applied without waiting would read a key's count too early.
    if (partition && partition.index === slowPartition) await new Promise((resolve) => setTimeout(resolve, 25));
    const add = (key: string, by: number, position: string) =>
      tx.query(
        `INSERT INTO ${table(base)} VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET count = ${table(base)}.count + excluded.count, seen = ${table(base)}.seen || ',' || excluded.seen`,
        [key, by, position],
      );
    for (const event of events) {
      const position = event.position.commit.toString();
      if (event.type === 'Merged') {
        const { into, from } = event.data as { into: string; from: string };
        const { rows } = await tx.query<{ count: number }>(`SELECT count FROM ${table(base)} WHERE key = $1`, [from]);
        const moved = rows[0]?.count ?? 0;
        await add(into, moved, position);
        await add(from, -moved, position);
      } else {
        for (const key of (event.data as { keys: string[] }).keys) if (owns(key)) await add(key, 1, position);
      }
    }
  },
});

const rowsOf = async (db: TestDatabase, view: string) =>
  (await db.pool.query(`SELECT key, count, seen FROM ${view} ORDER BY key`)).rows;

const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);

/**
 * Events about one or two keys each, with merges between keys of different partitions among them. Answers the last
 * one's position: what to wait for. Not the store's head: that is the head readers may see, below an append whose
 * transaction began after a projection batch still running, so waiting for it can end before the last events apply.
 */
const appendHistory = async (store: PostgresEventStore, count: number): Promise<Position> => {
  let last: Position | null = null;
  for (let i = 0; i < count; i++) {
    const first = keys[(i * 7) % keys.length];
    const second = keys[(i * 5 + 3) % keys.length];
    const crossing = keys.find((key) => partitionOf(key, 3) !== partitionOf(first, 3))!;
    const event =
      i % 9 === 8 ? newEvent('Merged', { into: first, from: crossing }) : newEvent('Seen', { keys: i % 2 ? [first] : [first, second] });
    last = (await store.appendToStream(`keyed-${i % 5}`, [event])).position;
  }
  return last!;
};

describe('projection builds shared between processes', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;
  const engines: ProjectionEngine[] = [];

  beforeEach(async () => ({ db, store, close } = await openTestStore()));
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
    await close();
  });

  it('a build split into three partitions equals the build in one piece row for row, merges included', async () => {
    const head = await appendHistory(store, 60);
    const whole = new ProjectionEngine(store, db.pool, [keyed('keyed-whole', 'keyed_whole')], { batchSize: 4, pollIntervalMs: 10 });
    const split = new ProjectionEngine(store, db.pool, [keyed('keyed-split', 'keyed_split', 1)], {
      batchSize: 4,
      pollIntervalMs: 10,
      partitions: 3,
    });
    engines.push(whole, split);
    await whole.start();
    await split.start();
    expect(await whole.waitFor('keyed-whole', head, 30_000)).toBe(true);
    expect(await split.waitFor('keyed-split', head, 30_000)).toBe(true);
    expect((await split.activeBuild('keyed-split'))?.partitions).toBe(3);
    const expected = await rowsOf(db, 'keyed_whole');
    expect(expected.length).toBe(keys.length);
    expect(await rowsOf(db, 'keyed_split')).toEqual(expected);

    // Live appends too, and a position counts as reached only once every partition has applied it.
    const later = await appendHistory(store, 20);
    expect(await whole.waitFor('keyed-whole', later, 30_000)).toBe(true);
    expect(await split.waitFor('keyed-split', later, 30_000)).toBe(true);
    expect(await rowsOf(db, 'keyed_split')).toEqual(await rowsOf(db, 'keyed_whole'));
  });

  it('engines with leases split the builds between them and take over a stopped one’s builds', async () => {
    await appendHistory(store, 30);
    const definitions = () => [
      countingProjection('count-one', 'count_one', { streamCategories: ['keyed'] }),
      countingProjection('count-two', 'count_two', { streamCategories: ['keyed'] }),
      keyed('keyed-split', 'keyed_split'),
    ];
    const options = (holder: string) => ({ pollIntervalMs: 10, partitions: 3, leases: { holder, ttlMs: 1_500, lookIntervalMs: 100 } });
    const a = new ProjectionEngine(store, db.pool, definitions(), options('a'));
    const b = new ProjectionEngine(store, db.pool, definitions(), options('b'));
    engines.push(a, b);
    await a.start();
    await b.start();
    // Five units (two builds, three partitions): each process holds at most ceil(5 / 2), together all of them.
    const holders = async () =>
      (
        await db.pool.query<{ holder: string; n: string }>(
          `SELECT holder, count(*) AS n FROM tally_leases WHERE name LIKE 'projection:%' AND expires_at > now() GROUP BY holder ORDER BY holder`,
        )
      ).rows.map((row) => [row.holder, Number(row.n)]);
    await eventually(async () => expect(await holders()).toEqual([['a', expect.any(Number)], ['b', expect.any(Number)]]), 20_000);
    await eventually(async () => {
      const held = await holders();
      expect(held.reduce((sum, [, n]) => sum + Number(n), 0)).toBe(5);
      for (const [, n] of held) expect(n).toBeLessThanOrEqual(3);
    }, 20_000);

    await a.stop();
    await eventually(async () => expect(await holders()).toEqual([['b', 5]]), 20_000);
    const head = await appendHistory(store, 10);
    for (const name of ['count-one', 'count-two', 'keyed-split']) expect(await b.waitFor(name, head, 30_000)).toBe(true);
    const whole = new ProjectionEngine(store, db.pool, [keyed('keyed-whole', 'keyed_whole')], { pollIntervalMs: 10 });
    engines.push(whole);
    await whole.start();
    expect(await whole.waitFor('keyed-whole', head, 30_000)).toBe(true);
    expect(await rowsOf(db, 'keyed_split')).toEqual(await rowsOf(db, 'keyed_whole'));
    const { rows } = await db.pool.query<{ total: string }>('SELECT sum(count) AS total FROM count_one');
    expect(Number(rows[0].total)).toBe(40);
  });

  /** An engine holding its builds' leases as `paused`, with what it logs. */
  const pausedEngine = async (definitions: ProjectionDefinition[]) => {
    const messages: string[] = [];
    const engine = new ProjectionEngine(store, db.pool, definitions, {
      pollIntervalMs: 10,
      logger: (message) => messages.push(message),
      leases: { holder: 'paused', ttlMs: 60_000, lookIntervalMs: 60_000 },
    });
    engines.push(engine);
    await engine.start();
    return { engine, messages };
  };
  /** As if the paused process had slept past its ttl and another had taken `build` over (a new token). */
  const takeOver = (build: string) => db.pool.query(`UPDATE tally_leases SET holder = 'other', token = token + 1 WHERE name = $1`, [`projection:${build}`]);

  it('a process whose lease was taken commits no batch, and stops that build', async () => {
    const { engine, messages } = await pausedEngine([countingProjection('count-one', 'count_one', { streamCategories: ['keyed'] })]);
    const first = await store.appendToStream('keyed-a', [newEvent('Seen')]);
    expect(await engine.waitFor('count-one', first.position, 10_000)).toBe(true);
    await takeOver('count-one@1');
    await store.appendToStream('keyed-a', [newEvent('Seen')]);
    await eventually(() => expect(messages.join('\n')).toMatch(/count-one@1: lease projection:count-one@1 is no longer held by paused/), 10_000);
    const { rows } = await db.pool.query<{ count: number }>(`SELECT count FROM count_one WHERE stream = 'keyed-a'`);
    expect(rows[0].count).toBe(1);
    expect((await engine.status('count-one'))[0]).toMatchObject({ status: 'stopped', eventsProcessed: 1 });
  });

  it('a process whose lease was taken moves no checkpoint of that build past idle events, and the other builds go on', async () => {
    const { engine, messages } = await pausedEngine([
      countingProjection('count-one', 'count_one', { streamCategories: ['keyed'] }),
      countingProjection('count-other', 'count_other', { streamCategories: ['other'] }),
    ]);
    const first = await store.appendToStream('keyed-a', [newEvent('Seen')]);
    expect(await engine.waitFor('count-other', first.position, 10_000)).toBe(true);
    const storedPosition = async (name: string) =>
      (await db.pool.query<{ position: string }>('SELECT position FROM tally_projection_builds WHERE name = $1', [name])).rows[0].position;
    const before = await storedPosition('count-other');
    await takeOver('count-other@1');
    // An event count-other does not read: its checkpoint would move past it, under a grant that no longer holds.
    const second = await store.appendToStream('keyed-b', [newEvent('Seen')]);
    await eventually(() => expect(messages.join('\n')).toMatch(/count-other@1: lease projection:count-other@1 is no longer held by paused/), 10_000);
    expect(await storedPosition('count-other')).toBe(before);
    expect(await engine.waitFor('count-one', second.position, 10_000)).toBe(true);
    expect((await engine.status('count-other'))[0]).toMatchObject({ status: 'stopped' });
  });
});
