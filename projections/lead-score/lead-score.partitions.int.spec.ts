// Lead score split into partitions by contact: deals and engagements about contacts of several partitions reach each
// of them, merges across partitions meet at a barrier, and every table equals the build in one piece row for row.
import { comparePositions, PostgresEventStore } from '#event-store';
import { partitionOf, ProjectionBuilds, ProjectionEngine } from '#projection-engine';
import { contactCreatedData, dealCreatedData, engagementLoggedData, newEvent } from '#test/support/events';
import { eventually, openTestStore, type TestDatabase } from '#test/support/test-database';
import { LEAD_SCORE_TABLES } from './lead-score.tables.js';
import { leadScoreProjection } from './lead-score.persistence.js';

const PARTITIONS = 3;
const day = (n: number) => new Date(Date.UTC(2026, 4, 1 + n, 9)).toISOString();
const contacts = Array.from({ length: 24 }, (_, i) => `c${i}`);
const titles = ['VP Sales', 'Engineer', 'Director of IT', 'Intern'];

/** A history in which deals, engagements and merges cross the partitions of their contacts. */
const appendHistory = async (store: PostgresEventStore) => {
  for (const [i, contactId] of contacts.entries()) {
    await store.appendToStream(`contact-${contactId}`, [
      newEvent('ContactCreated', contactCreatedData(contactId, { jobTitle: titles[i % titles.length] }), { occurredAt: day(0) }),
    ]);
  }
  for (let i = 0; i < 80; i++) {
    const a = contacts[(i * 7) % contacts.length];
    const b = contacts[(i * 11 + 5) % contacts.length];
    const at = { occurredAt: day(1 + (i % 20)) };
    const kind = i % 4;
    if (kind === 0) {
      await store.appendToStream(`activity-${a}`, [
        newEvent('PageViewed', { contactId: a, url: 'https://tally.test/pricing', title: null, referrer: null }, at),
      ]);
    } else if (kind === 1) {
      await store.appendToStream(`activity-${a}`, [newEvent('FormSubmitted', { contactId: a, formId: 'demo', fields: {} }, at)]);
    } else if (kind === 2) {
      await store.appendToStream(`engagement-e${i}`, [newEvent('EngagementLogged', engagementLoggedData(`e${i}`, { contactIds: [a, b] }), at)]);
    } else {
      await store.appendToStream(`deal-d${i}`, [newEvent('DealCreated', dealCreatedData(`d${i}`, { contactIds: [b, a] }), at)]);
    }
  }
  // Merges whose duplicate lives in another partition than its primary, with activity on both afterwards.
  let merges = 0;
  for (let i = 0; i < contacts.length - 1 && merges < 4; i += 5) {
    const primary = contacts[i];
    const duplicate = contacts.slice(i + 1).find((c) => partitionOf(c, PARTITIONS) !== partitionOf(primary, PARTITIONS))!;
    const at = { occurredAt: day(22 + merges) };
    await store.appendToStream(`contact-${duplicate}`, [
      newEvent('ContactMerged', { contactId: duplicate, mergedInto: primary, email: `${duplicate}@example.com` }, at),
    ]);
    await store.appendToStream(`contact-${primary}`, [
      newEvent('ContactAbsorbed', { contactId: primary, mergedContactId: duplicate, mergedEmail: `${duplicate}@example.com` }, at),
    ]);
    await store.appendToStream(`activity-${primary}`, [newEvent('FormSubmitted', { contactId: primary, formId: 'demo', fields: {} }, at)]);
    merges++;
  }
};

const rowsOf = async (db: TestDatabase, table: string) =>
  (await db.pool.query(`SELECT * FROM ${table}`)).rows.map((row) => JSON.stringify(row)).sort();

describe('lead score split into partitions', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, store, close } = await openTestStore()));
  afterAll(() => close());

  it('equals the build in one piece, table for table and row for row', async () => {
    await appendHistory(store);
    const head = (await store.headPosition())!;
    const split = new ProjectionEngine(store, db.pool, [leadScoreProjection], { batchSize: 16, pollIntervalMs: 10, partitions: PARTITIONS });
    await split.start();
    try {
      expect(await split.waitFor('lead-score', head, 60_000)).toBe(true);
      expect((await split.activeBuild('lead-score'))?.partitions).toBe(PARTITIONS);
    } finally {
      await split.stop();
    }
    // One piece: an engine of one partition runs the dry-run build beside the active split one.
    const whole = new ProjectionEngine(store, db.pool, [leadScoreProjection], { batchSize: 16, pollIntervalMs: 10 });
    await whole.start();
    const single = await whole.rebuild('lead-score', (await whole.activeBuild('lead-score'))!.params, { dryRun: true });
    try {
      expect((await new ProjectionBuilds(db.pool).list('lead-score')).map((build) => build.partitions)).toEqual([PARTITIONS, 1]);
      await eventually(async () => {
        const dry = (await new ProjectionBuilds(db.pool).list('lead-score')).find((build) => build.version === single);
        expect(dry?.position && comparePositions(dry.position, head) >= 0).toBe(true);
      }, 60_000);
    } finally {
      await whole.stop();
    }
    const scores = await rowsOf(db, `${LEAD_SCORE_TABLES.scores}_v1`);
    expect(scores.length).toBe(contacts.length);
    expect(scores.some((row) => row.includes('"merged_into":"c'))).toBe(true);
    for (const base of leadScoreProjection.tables) {
      expect({ base, rows: await rowsOf(db, `${base}_v1`) }).toEqual({ base, rows: await rowsOf(db, `${base}_v${single}`) });
    }
  });
});
