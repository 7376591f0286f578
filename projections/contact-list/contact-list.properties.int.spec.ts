import type { RecordedEvent } from '#event-store';
import { storedInstant } from '../pg-values.js';
import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { contactListProjection } from './contact-list.persistence.js';

/** Each contact's row as the log leaves it: made by its first ContactCreated, gone at a ContactErased (README: Erasure). */
const expectedRows = (events: readonly RecordedEvent[]): Map<string, string> => {
  const rows = new Map<string, string>();
  for (const event of events) {
    const contactId = (event.data as { contactId: string }).contactId;
    if (event.type === 'ContactCreated' && !rows.has(contactId)) rows.set(contactId, storedInstant(event.metadata.occurredAt));
    if (event.type === 'ContactErased') rows.delete(contactId);
  }
  return rows;
};

describe('contact list takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, stores each contact created at its business time, and none erased', async () => {
    await assertProjects(bed, contactListProjection, async ({ events, table, pool }) => {
      const { rows } = await pool.query<{ contact_id: string; created_at: Date }>(`SELECT contact_id, created_at FROM ${table('contact_list')}`);
      expect(new Map(rows.map((row) => [row.contact_id, row.created_at.toISOString()]))).toEqual(expectedRows(events));
    });
  });
});
