import { assertProjects, firstStoredInstants, usePropertyBed } from '../projection-properties.spec-helper.js';
import { ticketListProjection } from './ticket-list.persistence.js';

describe('ticket list takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and lists each ticket created at its business time', async () => {
    await assertProjects(bed, ticketListProjection, async ({ events, table, pool }) => {
      const created = firstStoredInstants(events, 'TicketCreated', 'ticketId');
      const { rows } = await pool.query<{ ticket_id: string; created_at: Date }>(`SELECT ticket_id, created_at FROM ${table('ticket_list')}`);
      expect(new Map(rows.map((row) => [row.ticket_id, row.created_at.toISOString()]))).toEqual(created);
    });
  });
});
