import { assertProjects, firstStoredInstants, usePropertyBed } from '../projection-properties.spec-helper.js';
import { companyListProjection } from './company-list.persistence.js';

describe('company list takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and stores each company created at its business time', async () => {
    await assertProjects(bed, companyListProjection, async ({ events, table, pool }) => {
      const created = firstStoredInstants(events, 'CompanyCreated', 'companyId');
      const { rows } = await pool.query<{ company_id: string; created_at: Date }>(`SELECT company_id, created_at FROM ${table('company_list')}`);
      expect(new Map(rows.map((row) => [row.company_id, row.created_at.toISOString()]))).toEqual(created);
    });
  });
});
