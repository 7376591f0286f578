import { assertProjects, eventsOf, usePropertyBed } from '../projection-properties.spec-helper.js';
import { mrrProjection } from './mrr.persistence.js';

describe('mrr takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, keeps every deal, and ends every contract it starts', async () => {
    await assertProjects(bed, mrrProjection, async ({ events, table, pool }) => {
      const created = new Set(eventsOf<{ dealId: string }>(events, 'DealCreated').map((event) => event.data.dealId));
      const { rows: deals } = await pool.query<{ deal_id: string }>(`SELECT deal_id FROM ${table('mrr_deals')}`);
      expect(deals.map((row) => row.deal_id).sort()).toEqual([...created].sort());
      // A contract's MRR leaves as it came (churn or renewal), so over all months each deal's movements add up to 0.
      const { rows: open } = await pool.query(
        `SELECT deal_id, currency, sum(delta)::text AS left FROM ${table('mrr_movements')} GROUP BY deal_id, currency HAVING sum(delta) <> 0`,
      );
      expect(open).toEqual([]);
    });
  });
});
