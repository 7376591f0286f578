import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { leadScoreProjection } from './lead-score.persistence.js';

describe('lead-score takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and scores each contact it saw created', async () => {
    await assertProjects(bed, leadScoreProjection, async ({ events, table, pool }) => {
      const created = new Set(events.filter((e) => e.type === 'ContactCreated').map((e) => (e.data as { contactId: string }).contactId));
      const { rows } = await pool.query<{ contact_id: string; total: string }>(`SELECT contact_id, total::text FROM ${table('lead_scores')}`);
      const scored = new Set(rows.map((row) => row.contact_id));
      for (const contactId of created) expect(scored.has(contactId)).toBe(true);
      for (const row of rows) expect(Number.isFinite(Number(row.total))).toBe(true);
    });
  });
});
