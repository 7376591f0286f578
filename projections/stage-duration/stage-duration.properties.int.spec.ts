import { storedInstant } from '../pg-values.js';
import { assertProjects, openPropertyBed, type PropertyBed } from '../projection-properties.spec-helper.js';
import { stageDurationProjection } from './stage-duration.persistence.js';

describe('stage-duration takes every value its events allow', () => {
  let bed: PropertyBed & { close(): Promise<void> };
  beforeAll(async () => {
    bed = await openPropertyBed();
  });
  afterAll(async () => {
    await bed.close();
  });

  it('never throws on a history of schema-valid events, and opens each deal first visit at its business time', async () => {
    await assertProjects(bed, stageDurationProjection, async ({ events, table, pool }) => {
      const firstVisits = new Map<string, string>();
      for (const event of events) {
        const { dealId } = event.data as { dealId: string };
        if (event.type === 'DealCreated' && !firstVisits.has(dealId)) firstVisits.set(dealId, storedInstant(event.metadata.occurredAt));
      }
      const { rows } = await pool.query<{ deal_id: string; entered_at: Date }>(
        `SELECT deal_id, entered_at FROM ${table('stage_duration_visits')} WHERE seq = 1`,
      );
      expect(new Map(rows.map((row) => [row.deal_id, row.entered_at.toISOString()]))).toEqual(firstVisits);
    });
  });
});
