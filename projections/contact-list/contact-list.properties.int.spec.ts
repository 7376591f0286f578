import { assertProjects, firstStoredInstants, usePropertyBed } from '../projection-properties.spec-helper.js';
import { contactListProjection } from './contact-list.persistence.js';

describe('contact list takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and stores each contact created at its business time', async () => {
    await assertProjects(bed, contactListProjection, async ({ events, table, pool }) => {
      const created = firstStoredInstants(events, 'ContactCreated', 'contactId');
      const { rows } = await pool.query<{ contact_id: string; created_at: Date }>(`SELECT contact_id, created_at FROM ${table('contact_list')}`);
      expect(new Map(rows.map((row) => [row.contact_id, row.created_at.toISOString()]))).toEqual(created);
    });
  });
});
