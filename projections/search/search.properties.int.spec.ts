import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { searchProjection } from './search.persistence.js';

const CREATED: Readonly<Record<string, readonly [objectType: string, idKey: string]>> = {
  ContactCreated: ['contact', 'contactId'],
  CompanyCreated: ['company', 'companyId'],
  DealCreated: ['deal', 'dealId'],
  TicketCreated: ['ticket', 'ticketId'],
};

describe('search takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and keeps one row per record created', async () => {
    await assertProjects(bed, searchProjection, async ({ events, table, pool }) => {
      // One row per record created, and none for a contact erased after it (README: Erasure).
      const created = new Set<string>();
      for (const event of events) {
        const kind = CREATED[event.type];
        if (kind) created.add(`${kind[0]} ${(event.data as Record<string, string>)[kind[1]]}`);
        if (event.type === 'ContactErased') created.delete(`contact ${(event.data as Record<string, string>).contactId}`);
      }
      const { rows } = await pool.query<{ key: string }>(`SELECT object_type || ' ' || record_id AS key FROM ${table('search_records')}`);
      expect(new Set(rows.map((row) => row.key))).toEqual(created);
    });
  });
});
