import { parsePosition, PostgresEventStore } from '#event-store';
import { newEvent } from '#test/support/events';
import { openTestStore, eventually, type TestDatabase } from '#test/support/test-database';
import { activePositionSql, buildPositionSql, ProjectionBuilds } from './projection-builds.js';
import { ProjectionEngine } from './projection-engine.js';
import { countingProjection } from './counting-projection.spec-helper.js';

const counter = countingProjection('test-counter', 'test_counts', { streamCategories: ['counted'] });

// What a process that does not run the engine (an api) learns of the builds: the same as the engine says.
describe('projection builds, read by a process without the engine', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => ({ db, store } = await openTestStore()));
  afterEach(() => db.close());

  it('knows no build before the engine has made one', async () => {
    await ProjectionEngine.migrate(db.pool);
    const builds = new ProjectionBuilds(db.pool);
    expect(await builds.activePosition('test-counter')).toBeNull();
    expect(await builds.activeBuild('test-counter')).toBeNull();
    expect(await builds.list()).toEqual([]);
  });

  it('answers the active build, its position and every build as the engine records them', async () => {
    await store.appendToStream('counted-a', [newEvent('Seen'), newEvent('Seen')]);
    const engine = new ProjectionEngine(store, db.pool, [counter], { pollIntervalMs: 10 });
    await engine.start();
    try {
      const appended = await store.appendToStream('counted-b', [newEvent('Seen')]);
      expect(await engine.waitFor('test-counter', appended.position, 5_000)).toBe(true);
      const dry = await engine.rebuild('test-counter', { weight: 2 }, { dryRun: true });
      const builds = new ProjectionBuilds(db.pool);
      await eventually(async () => expect((await builds.list('test-counter'))[1].position).toEqual(appended.position));

      const [status, dryStatus] = await engine.status('test-counter');
      expect(await builds.activePosition('test-counter')).toEqual(appended.position);
      expect(await builds.activeBuild('test-counter')).toEqual({
        name: 'test-counter',
        version: 1,
        codeVersion: 1,
        state: 'active',
        params: { weight: 1 },
        position: parsePosition(status.position!),
        eventsProcessed: 3,
        parked: null,
        activateWhenCaughtUp: true,
        partitions: 1,
      });
      expect(await builds.list('test-counter')).toMatchObject([
        { version: 1, state: 'active' },
        { version: dry, state: 'building', params: { weight: 2 }, eventsProcessed: 3, activateWhenCaughtUp: false },
      ]);
      expect(await builds.list('no-such-projection')).toEqual([]);

      // The fragments read the same positions inside a reader's own statement.
      const { rows } = await db.pool.query<{ active: string; dry: string }>(
        `SELECT ${activePositionSql('$1')} AS active, ${buildPositionSql('$1', '$2')} AS dry`,
        ['test-counter', dry],
      );
      expect(rows[0]).toEqual({ active: status.position, dry: dryStatus.position });
    } finally {
      await engine.stop();
    }
  });
});
