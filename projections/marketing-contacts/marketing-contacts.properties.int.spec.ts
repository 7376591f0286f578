import { assertProjects, firstStoredInstants, usePropertyBed } from '../projection-properties.spec-helper.js';
import { marketingContactsProjection } from './marketing-contacts.persistence.js';

describe('marketing-contacts takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and records each created contact with its status', async () => {
    await assertProjects(bed, marketingContactsProjection, async ({ events, table, pool }) => {
      const created = firstStoredInstants(events, 'ContactCreated', 'contactId');
      const { rows } = await pool.query<{ contact_id: string; effective_at: Date }>(
        `SELECT DISTINCT ON (contact_id) contact_id, effective_at FROM ${table('marketing_contact_changes')} ORDER BY contact_id, effective_at, event_id`,
      );
      const { rows: status } = await pool.query<{ contact_id: string }>(`SELECT contact_id FROM ${table('marketing_contact_status')}`);
      expect(status.map((row) => row.contact_id).sort()).toEqual([...created.keys()].sort());
      for (const row of rows) expect(created.has(row.contact_id)).toBe(true);
    });
  });
});
