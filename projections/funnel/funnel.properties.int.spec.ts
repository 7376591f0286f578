import { assertProjects, firstStoredInstants, usePropertyBed } from '../projection-properties.spec-helper.js';
import { funnelProjection } from './funnel.persistence.js';

describe('funnel takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and keeps each contact at its first creation instant', async () => {
    await assertProjects(bed, funnelProjection, async ({ events, table, pool }) => {
      const created = firstStoredInstants(events, 'ContactCreated', 'contactId');
      const { rows } = await pool.query<{ contact_id: string; created_at: Date }>(`SELECT contact_id, created_at FROM ${table('funnel_contacts')}`);
      expect(new Map(rows.map((row) => [row.contact_id, row.created_at.toISOString()]))).toEqual(created);
    });
  });
});
