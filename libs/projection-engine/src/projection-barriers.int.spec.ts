// A barrier that every partition meets: an event for every partition that is also a barrier (a merge whose
// duplicate's associated records may be anywhere) is applied once, by partition 0 with every key in scope, after every
// partition has applied everything before it, and no partition goes past it before then.
import { PostgresEventStore } from '#event-store';
import { newEvent } from '#test/support/events';
import { openTestStore, type TestDatabase } from '#test/support/test-database';
import { partitionOf, type ProjectionDefinition } from './projection.js';
import { ProjectionEngine } from './projection-engine.js';

const PARTITIONS = 3;
const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);

/**
 * Per key: how many events named it, and how many snapshots it had seen at each. `Snapshot` adds up every key's count
 * (it reads every partition's keys, and names none): under partitions it goes to every partition and is a barrier.
 */
const snapshotting = (name: string, base: string, slowPartition?: number): ProjectionDefinition => ({
  name,
  codeVersion: 1,
  filter: { streamCategories: ['keyed'] },
  tables: [base, `${base}_snapshots`],
  createTables: ({ table }) => `
    CREATE TABLE ${table(base)} (key text PRIMARY KEY, count int NOT NULL, snapshots_seen text NOT NULL);
    CREATE TABLE ${table(`${base}_snapshots`)} (position bigint NOT NULL, total int NOT NULL, applied_by int, every_key boolean NOT NULL)`,
  partitioning: {
    keysOf: (event) => (event.data as { keys?: string[] }).keys ?? [],
    isBarrier: (event) => event.type === 'Snapshot',
    toEveryPartition: (event) => event.type === 'Snapshot',
  },
  apply: async (events, { tx, table, partition }) => {
    // One partition far behind the others, so a snapshot taken without waiting would miss its keys' counts.
    if (partition && partition.index === slowPartition) await new Promise((resolve) => setTimeout(resolve, 25));
    const snapshots = table(`${base}_snapshots`);
    for (const event of events) {
      if (event.type === 'Snapshot') {
        await tx.query(
          `INSERT INTO ${snapshots} SELECT $1, coalesce(sum(count), 0), $2, $3 FROM ${table(base)}`,
          [event.position.commit.toString(), partition?.index ?? null, keys.every((key) => partition?.owns(key) ?? true)],
        );
        continue;
      }
      for (const key of (event.data as { keys: string[] }).keys) {
        if (partition && !partition.owns(key)) continue;
        await tx.query(
          `INSERT INTO ${table(base)} SELECT $1, 1, count(*)::text FROM ${snapshots}
           ON CONFLICT (key) DO UPDATE SET count = ${table(base)}.count + 1, snapshots_seen = ${table(base)}.snapshots_seen || ',' || excluded.snapshots_seen`,
          [key],
        );
      }
    }
  },
});

/** Events about one or two keys, in every partition, and every tenth a snapshot. */
const appendHistory = async (store: PostgresEventStore, count: number) => {
  for (let i = 0; i < count; i++) {
    const first = keys[(i * 7) % keys.length];
    const second = keys[(i * 5 + 3) % keys.length];
    const event = i % 10 === 9 ? newEvent('Snapshot') : newEvent('Seen', { keys: i % 2 ? [first] : [first, second] });
    await store.appendToStream(`keyed-${i % 5}`, [event]);
  }
};

const rowsOf = async (db: TestDatabase, sql: string) => (await db.pool.query(sql)).rows;

describe('a barrier that every partition meets', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;
  const engines: ProjectionEngine[] = [];

  beforeEach(async () => ({ db, store, close } = await openTestStore()));
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
    await close();
  });

  it('is applied once, by partition 0 with every key in scope, between what every partition applied before and after it', async () => {
    expect(new Set(keys.map((key) => partitionOf(key, PARTITIONS))).size).toBe(PARTITIONS);
    await appendHistory(store, 80);
    const whole = new ProjectionEngine(store, db.pool, [snapshotting('snap-whole', 'snap_whole')], { batchSize: 4, pollIntervalMs: 10 });
    const split = new ProjectionEngine(store, db.pool, [snapshotting('snap-split', 'snap_split', 2)], {
      batchSize: 4,
      pollIntervalMs: 10,
      partitions: PARTITIONS,
    });
    engines.push(whole, split);
    await whole.start();
    await split.start();
    const head = (await store.headPosition())!;
    expect(await whole.waitFor('snap-whole', head, 30_000)).toBe(true);
    expect(await split.waitFor('snap-split', head, 30_000)).toBe(true);
    expect((await split.activeBuild('snap-split'))?.partitions).toBe(PARTITIONS);

    const snapshots = (base: string) => rowsOf(db, `SELECT position, total, applied_by, every_key FROM ${base}_snapshots ORDER BY position, applied_by`);
    const expected = await snapshots('snap_whole');
    expect(expected).toHaveLength(8);
    // Each snapshot once, by partition 0 with every key in scope, counting every event before it in every partition.
    expect(await snapshots('snap_split')).toEqual(expected.map((row) => ({ ...row, applied_by: 0 })));
    // No partition applied an event after a snapshot before the snapshot was taken, nor one before it after.
    const counts = (base: string) => rowsOf(db, `SELECT key, count, snapshots_seen FROM ${base} ORDER BY key`);
    expect(await counts('snap_whole')).toHaveLength(keys.length);
    expect(await counts('snap_split')).toEqual(await counts('snap_whole'));
  });
});
