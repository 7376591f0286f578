import type pg from 'pg';
import { listSortOf } from '#read-models';
import { associationsProjection } from '../associations/associations.persistence.js';
import { leadScoreProjection } from '../lead-score/lead-score.persistence.js';
import { ownerListProjection } from '../owner-list/owner-list.persistence.js';
import { contactCreated, inStream, runEngine } from '../projection-spec.spec-helper.js';
import { contactListProjection } from './contact-list.persistence.js';
import { CONTACT_LIST_SORT_KEYS, listContacts } from './contact-list.queries.js';

const CONTACTS = ['a1', 'a2', 'a3', 'a4', 'a5'];
// a4 and a5 are not scored (yet): a score sort lists them after the scored ones, either way.
const SCORES: readonly (readonly [string, number])[] = [['a1', 10], ['a2', 10], ['a3', 5]];

const page = (pool: pg.Pool, sort: string, limit: number, cursor?: string) =>
  listContacts(pool, { properties: [], sort: listSortOf(CONTACT_LIST_SORT_KEYS, sort, '-createdAt'), limit, cursor });

const pageThrough = async (pool: pg.Pool, sort: string, limit: number): Promise<string[]> => {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const answer = await page(pool, sort, limit, cursor);
    seen.push(...answer.data.map((row) => row.contactId));
    cursor = answer.nextCursor ?? undefined;
  } while (cursor);
  return seen;
};

describe('contact list queries', () => {
  it('sorts by lead score with the unscored contacts last, paging across both parts without a gap or a repeat', async () => {
    const history = CONTACTS.flatMap((id, n) => inStream(`contact-${id}`, contactCreated(id, `2026-02-0${n + 1}T09:00:00.000Z`)));
    await runEngine(contactListProjection, history, async (pool) => {
      // The read models the list joins, as plain tables under their view names.
      for (const joined of [leadScoreProjection, ownerListProjection, associationsProjection]) await pool.query(joined.createTables({ table: (base) => base }));
      for (const [contactId, total] of SCORES) {
        await pool.query(
          `INSERT INTO lead_scores (contact_id, properties, fit, engagement, total, qualification, formula_id, as_of, position)
           VALUES ($1, '{}', 0, $2, $2, 'none', 'f', now(), '1')`,
          [contactId, total],
        );
      }
      const expected = { '-score': ['a1', 'a2', 'a3', 'a5', 'a4'], score: ['a3', 'a2', 'a1', 'a4', 'a5'] };
      for (const [sort, ids] of Object.entries(expected)) {
        const all = await page(pool, sort, 50);
        expect(all.data.map((row) => [row.contactId, row.leadScore])).toEqual(ids.map((id) => [id, new Map(SCORES).get(id) ?? null]));
        for (const limit of [1, 2, 3]) expect({ sort, limit, ids: await pageThrough(pool, sort, limit) }).toEqual({ sort, limit, ids });
      }
    });
  });
});
