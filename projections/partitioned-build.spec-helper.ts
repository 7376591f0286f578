// A build split into partitions equals the build in one piece row for row: a synthetic history, plus merges and
// erasures whose contacts sit in different partitions, built once whole and then split into 2 and 3 partitions with
// other batch sizes (so the partitions interleave differently), every table compared. Shared by the partitioned read
// models' specs.
import { comparePositions, PostgresEventStore, type Position } from '#event-store';
import { partitionOf, ProjectionBuilds, ProjectionEngine, type ProjectionDefinition } from '#projection-engine';
import { seedStore } from '#synthetic-history';
import { newEvent } from '#test/support/events';
import { eventually, type TestDatabase } from '#test/support/test-database';

/** Partition counts and batch sizes of the split builds: small and uneven batches make the partitions take turns. */
export const SPLITS = [
  { partitions: 2, batchSize: 7 },
  { partitions: 3, batchSize: 23 },
] as const;

/** True when `a` and `b` fall in different partitions in every split: what a cross-partition case needs. */
export const apart = (a: string, b: string): boolean =>
  SPLITS.every(({ partitions }) => partitionOf(a, partitions) !== partitionOf(b, partitions));

const rowsOf = async (db: TestDatabase, table: string): Promise<string[]> =>
  (await db.pool.query(`SELECT * FROM ${table}`)).rows.map((row) => JSON.stringify(row)).sort();

const createdContacts = async (db: TestDatabase): Promise<string[]> =>
  (await db.pool.query<{ id: string }>(`SELECT data->>'contactId' AS id FROM tally_events WHERE event_type = 'ContactCreated' ORDER BY 1`)).rows.map(
    (row) => row.id,
  );

/**
 * Synthetic history, then merges of a duplicate into a primary of another partition (for every split), activity on
 * both afterwards, the erasure of one contact of some merges and of contacts named on engagements: what crosses
 * partitions besides fan-outs.
 */
export const appendCrossPartitionHistory = async (db: TestDatabase, store: PostgresEventStore, contacts: number): Promise<Position> => {
  await seedStore(store, { contacts, seed: 'partitions', until: '2026-03-31' });
  const ids = await createdContacts(db);
  const at = { occurredAt: '2026-04-02T09:00:00.000Z' };
  const merged = new Set<string>();
  for (const primary of ids) {
    if (merged.size >= 6) break;
    if (merged.has(primary)) continue;
    const duplicate = ids.find((id) => !merged.has(id) && id !== primary && apart(primary, id));
    if (!duplicate) continue;
    merged.add(primary).add(duplicate);
    const email = `${duplicate}@merged.test`;
    await store.appendToStream(`contact-${duplicate}`, [newEvent('ContactMerged', { contactId: duplicate, mergedInto: primary, email }, at)]);
    await store.appendToStream(`contact-${primary}`, [
      newEvent('ContactAbsorbed', { contactId: primary, mergedContactId: duplicate, mergedEmail: email }, at),
    ]);
    for (const contactId of [primary, duplicate]) {
      await store.appendToStream(`activity-${contactId}`, [newEvent('FormSubmitted', { contactId, formId: 'demo', fields: {} }, at)]);
    }
    // Of six merges: two keep every copy, two lose the duplicate's, two lose the primary's whole timeline.
    const erased = [null, duplicate, primary][(merged.size / 2) % 3];
    if (!erased) continue;
    await store.appendToStream(`contact-${erased}`, [
      newEvent('ContactErased', { contactId: erased, erasedBy: 'u-admin', legalBasis: 'consent-withdrawn', reason: 'asked' }, at),
    ]);
  }
  // Contacts named on engagements, erased: each partition clears its own engagements with them (engagement list).
  const { rows } = await db.pool.query<{ id: string }>(
    `SELECT DISTINCT jsonb_array_elements_text(data->'contactIds') AS id FROM tally_events WHERE event_type = 'EngagementLogged' ORDER BY 1 LIMIT 12`,
  );
  for (const { id } of rows.filter((row) => !merged.has(row.id)).slice(0, 4)) {
    await store.appendToStream(`contact-${id}`, [
      newEvent('ContactErased', { contactId: id, erasedBy: 'u-admin', legalBasis: 'consent-withdrawn', reason: 'asked' }, at),
    ]);
  }
  return (await store.headPosition())!;
};

/** Builds `definition` whole (the active build, v1) and split as in SPLITS (dry runs), and answers each table's rows. */
export const buildWholeAndSplit = async (
  db: TestDatabase,
  store: PostgresEventStore,
  definition: ProjectionDefinition,
  head: Position,
): Promise<Readonly<{ base: string; whole: string[]; split: readonly string[][] }>[]> => {
  const builds = new ProjectionBuilds(db.pool);
  const reached = async (version: number) => {
    const build = (await builds.list(definition.name)).find((b) => b.version === version);
    expect(build?.parked ?? null).toBeNull();
    expect(build?.position && comparePositions(build.position, head) >= 0).toBe(true);
  };
  const whole = new ProjectionEngine(store, db.pool, [definition], { batchSize: 50, pollIntervalMs: 10 });
  await whole.start();
  try {
    await eventually(() => reached(1), 120_000);
  } finally {
    await whole.stop();
  }
  const versions: number[] = [];
  for (const { partitions, batchSize } of SPLITS) {
    const engine = new ProjectionEngine(store, db.pool, [definition], { batchSize, pollIntervalMs: 10, partitions });
    await engine.start();
    try {
      const version = await engine.rebuild(definition.name, (await engine.activeBuild(definition.name))!.params, { dryRun: true });
      versions.push(version);
      await eventually(() => reached(version), 120_000);
      expect((await builds.list(definition.name)).find((b) => b.version === version)?.partitions).toBe(partitions);
    } finally {
      await engine.stop();
    }
  }
  const tables = [];
  for (const base of definition.tables) {
    const split = [];
    for (const version of versions) split.push(await rowsOf(db, `${base}_v${version}`));
    tables.push({ base, whole: await rowsOf(db, `${base}_v1`), split });
  }
  return tables;
};

/** Every split build's table equals the build in one piece, row for row (the table named on a mismatch). */
export const expectEverySplitEqualsWhole = (tables: Awaited<ReturnType<typeof buildWholeAndSplit>>): void => {
  for (const { base, whole, split } of tables) {
    for (const rows of split) expect({ base, rows }).toEqual({ base, rows: whole });
  }
};
