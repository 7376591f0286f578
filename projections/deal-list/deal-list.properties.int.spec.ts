import { assertProjects, firstStoredInstants, usePropertyBed } from '../projection-properties.spec-helper.js';
import { dealListProjection } from './deal-list.persistence.js';

describe('deal list takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and lists each deal created at its business time', async () => {
    await assertProjects(bed, dealListProjection, async ({ events, table, pool }) => {
      const created = firstStoredInstants(events, 'DealCreated', 'dealId');
      const { rows } = await pool.query<{ deal_id: string; created_at: Date }>(`SELECT deal_id, created_at FROM ${table('deal_list')}`);
      expect(new Map(rows.map((row) => [row.deal_id, row.created_at.toISOString()]))).toEqual(created);
    });
  });
});
