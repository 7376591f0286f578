import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { dealHistoryProjection } from './deal-history.persistence.js';

type Version = { key: string; seq: number; valid_from: Date; valid_to: Date | null };

describe('deal-history takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws, and keeps each deal and pipeline a chain of versions: each valid until the next begins, the last open', async () => {
    await assertProjects(bed, dealHistoryProjection, async ({ table, pool }) => {
      for (const [base, key] of [['deal_history_deals', 'deal_id'], ['deal_history_pipelines', 'pipeline_id']] as const) {
        const { rows } = await pool.query<Version>(`SELECT ${key} AS key, seq, valid_from, valid_to FROM ${table(base)} ORDER BY ${key}, seq`);
        rows.forEach((row, index) => {
          const next = rows[index + 1];
          if (next && next.key === row.key) {
            expect(next.seq).toBe(row.seq + 1);
            expect(row.valid_to?.getTime()).toBe(next.valid_from.getTime());
            expect(next.valid_from.getTime()).toBeGreaterThanOrEqual(row.valid_from.getTime());
          } else {
            expect(row.valid_to).toBeNull();
          }
        });
      }
    });
  });
});
