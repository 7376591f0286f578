import { randomUUID } from 'node:crypto';
import { newEvent } from '#test/support/events';
import { pgAmount, storedInstant } from '../pg-values.js';
import { assertProjects, eventsOf, usePropertyBed } from '../projection-properties.spec-helper.js';
import { runEngine } from '../projection-spec.spec-helper.js';
import { pipelineHealthProjection } from './pipeline-health.persistence.js';

type Created = { dealId: string; amount: number; closeDate: string };
type AmountChanged = { dealId: string; amount: number };

const dealCreated = (dealId: string, amount: number, occurredAt = '2026-01-15T10:00:00.000Z') =>
  newEvent(
    'DealCreated',
    { dealId, name: 'Big', pipelineId: 'p', stageId: 's', amount, currency: 'EUR', contractTermMonths: 12, closeDate: '2026-02-30', ownerId: null, contactIds: [], companyId: null },
    { occurredAt },
  );

describe('pipeline-health takes every value its events allow', () => {
  // Issue 12: an accepted deal of 1e14 parked the build (`numeric field overflow`), and resume parked it again.
  it('stores a deal of 1e14 (and 1e21, and an impossible close date) instead of parking', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const build = await runEngine(
      pipelineHealthProjection,
      [
        [`deal-${a}`, dealCreated(a, 1e14)],
        [`deal-${b}`, dealCreated(b, 1e21, '0000-01-01T00:00:00.000Z')],
      ],
      async (pool) => {
        const { rows } = await pool.query<{ deal_id: string; amount: string; close_date: string; created_at: Date }>(
          'SELECT deal_id, amount::text, close_date::text, created_at FROM pipeline_health_deals ORDER BY amount',
        );
        expect(rows.map((r) => [r.deal_id, r.amount, r.close_date, r.created_at.toISOString()])).toEqual([
          [a, '100000000000000.00', '2026-02-30', '2026-01-15T10:00:00.000Z'],
          [b, '1000000000000000000000.00', '2026-02-30', '0000-01-01T00:00:00.000Z'],
        ]);
      },
    );
    expect(build.parked).toBeNull();
  });

  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and stores each deal with its amount and close date', async () => {
    await assertProjects(bed, pipelineHealthProjection, async ({ events, table, pool }) => {
      // The first DealCreated of an id makes the deal; later amount changes of a known deal move its amount.
      const expected = new Map<string, { amount: number; closeDate: string; createdAt: string }>();
      for (const event of events) {
        if (event.type === 'DealCreated') {
          const data = event.data as Created;
          if (!expected.has(data.dealId)) expected.set(data.dealId, { ...data, createdAt: storedInstant(event.metadata.occurredAt) });
        } else if (event.type === 'DealAmountChanged') {
          const data = event.data as AmountChanged;
          const deal = expected.get(data.dealId);
          if (deal) deal.amount = data.amount;
        }
      }
      const { rows } = await pool.query<{ deal_id: string; amount: string; created_at: Date }>(
        `SELECT deal_id, amount::text, created_at FROM ${table('pipeline_health_deals')}`,
      );
      const stored = new Map(rows.map((row) => [row.deal_id, row]));
      expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [dealId, deal] of expected) {
        expect(stored.get(dealId)!.amount).toBe(pgAmount(deal.amount));
        expect(stored.get(dealId)!.created_at.toISOString()).toBe(deal.createdAt);
      }
      const pipelines = new Set(eventsOf<{ pipelineId: string }>(events, 'PipelineCreated').map((e) => e.data.pipelineId));
      const { rows: stored_pipelines } = await pool.query<{ pipeline_id: string }>(`SELECT pipeline_id FROM ${table('pipeline_health_pipelines')}`);
      expect(stored_pipelines.map((r) => r.pipeline_id).sort()).toEqual([...pipelines].sort());
    });
  });
});
