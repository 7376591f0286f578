import { assertProjects, firstStoredInstants, usePropertyBed } from '../projection-properties.spec-helper.js';
import { stageDurationProjection } from './stage-duration.persistence.js';

describe('stage-duration takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and opens each deal first visit at its business time', async () => {
    await assertProjects(bed, stageDurationProjection, async ({ events, table, pool }) => {
      const firstVisits = firstStoredInstants(events, 'DealCreated', 'dealId');
      const { rows } = await pool.query<{ deal_id: string; entered_at: Date }>(
        `SELECT deal_id, entered_at FROM ${table('stage_duration_visits')} WHERE seq = 1`,
      );
      expect(new Map(rows.map((row) => [row.deal_id, row.entered_at.toISOString()]))).toEqual(firstVisits);
    });
  });
});
