import type { RecordedEvent } from '#event-store';
import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { associationsProjection } from './associations.persistence.js';

const CREATED_ID: Readonly<Record<string, readonly [string, string]>> = {
  ContactCreated: ['contact', 'contactId'],
  CompanyCreated: ['company', 'companyId'],
  DealCreated: ['deal', 'dealId'],
  TicketCreated: ['ticket', 'ticketId'],
};

const createdRecords = (events: readonly RecordedEvent[]): string[] =>
  [...new Set(events.flatMap((event) => {
    const created = CREATED_ID[event.type];
    return created ? [`${created[0]}:${(event.data as Record<string, string>)[created[1]]}`] : [];
  }))].sort();

describe('associations takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, knows every record created and pairs no record with its own type', async () => {
    await assertProjects(bed, associationsProjection, async ({ events, table, pool }) => {
      const records = await pool.query<{ key: string }>(`SELECT object_type || ':' || record_id AS key FROM ${table('association_records')}`);
      expect(records.rows.map((r) => r.key).sort()).toEqual(expect.arrayContaining(createdRecords(events)));
      const { rows } = await pool.query(`SELECT 1 FROM ${table('record_associations')} WHERE a_type = b_type`);
      expect(rows).toEqual([]);
    });
  });
});
