import { assertProjects, firstStoredInstants, usePropertyBed } from '../projection-properties.spec-helper.js';
import { ownerListProjection } from './owner-list.persistence.js';

describe('owner list takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and lists each owner created at its business time', async () => {
    await assertProjects(bed, ownerListProjection, async ({ events, table, pool }) => {
      const created = firstStoredInstants(events, 'OwnerCreated', 'ownerId');
      const { rows } = await pool.query<{ owner_id: string; created_at: Date }>(`SELECT owner_id, created_at FROM ${table('owner_list')}`);
      expect(new Map(rows.map((row) => [row.owner_id, row.created_at.toISOString()]))).toEqual(created);
    });
  });
});
