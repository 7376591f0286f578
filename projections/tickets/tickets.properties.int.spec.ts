import { storedInstant } from '../pg-values.js';
import { assertProjects, openPropertyBed, type PropertyBed } from '../projection-properties.spec-helper.js';
import { ticketsProjection } from './tickets.persistence.js';

describe('tickets takes every value its events allow', () => {
  let bed: PropertyBed & { close(): Promise<void> };
  beforeAll(async () => {
    bed = await openPropertyBed();
  });
  afterAll(async () => {
    await bed.close();
  });

  it('never throws on a history of schema-valid events, and stores each ticket created at its business time', async () => {
    await assertProjects(bed, ticketsProjection, async ({ events, table, pool }) => {
      const created = new Map<string, string>();
      for (const event of events) {
        const { ticketId } = event.data as { ticketId: string };
        if (event.type === 'TicketCreated' && !created.has(ticketId)) created.set(ticketId, storedInstant(event.metadata.occurredAt));
      }
      const { rows } = await pool.query<{ ticket_id: string; created_at: Date }>(`SELECT ticket_id, created_at FROM ${table('tickets')}`);
      expect(new Map(rows.map((row) => [row.ticket_id, row.created_at.toISOString()]))).toEqual(created);
    });
  });
});
