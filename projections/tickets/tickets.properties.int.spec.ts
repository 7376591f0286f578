import { assertProjects, firstStoredInstants, usePropertyBed } from '../projection-properties.spec-helper.js';
import { ticketsProjection } from './tickets.persistence.js';

describe('tickets takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and stores each ticket created at its business time', async () => {
    await assertProjects(bed, ticketsProjection, async ({ events, table, pool }) => {
      const created = firstStoredInstants(events, 'TicketCreated', 'ticketId');
      const { rows } = await pool.query<{ ticket_id: string; created_at: Date }>(`SELECT ticket_id, created_at FROM ${table('tickets')}`);
      expect(new Map(rows.map((row) => [row.ticket_id, row.created_at.toISOString()]))).toEqual(created);
    });
  });
});
