import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { compareAmounts, sumAmounts } from '#domain/shared';
import { newEvent } from '#test/support/events';
import { storedInstant } from '../pg-values.js';
import { assertProjects, eventsOf, usePropertyBed } from '../projection-properties.spec-helper.js';
import { runEngine } from '../projection-spec.spec-helper.js';
import { pipelineHealthProjection } from './pipeline-health.persistence.js';
import { closeMonthOf } from './pipeline-health.projection.js';

type Created = { dealId: string; amount: string; closeDate: string };
type AmountChanged = { dealId: string; amount: string };

const dealCreated = (dealId: string, amount: string, currency: string, occurredAt = '2026-01-15T10:00:00.000Z') =>
  newEvent(
    'DealCreated',
    {
      dealId, name: 'Big', pipelineId: 'p', stageId: 's', amount, currency, revenueType: 'one-off', billingPeriod: null, renewsDealId: null,
      contractTermMonths: 12, closeDate: '2026-02-30', ownerId: null, contactIds: [], companyId: null, companyIds: [], properties: {},
    },
    { occurredAt, schemaVersion: eventCatalog.schemaVersionOf('DealCreated') },
  );

describe('pipeline-health takes every value its events allow', () => {
  // Issue 12: an accepted deal of 1e14 parked the build (`numeric field overflow`), and resume parked it again. Now
  // amounts are decimal strings below 1e12: the largest, in currencies of 0, 2 and 3 digits, stored and summed exactly.
  it('stores the largest amounts of JPY, EUR and BHD (and an impossible close date) exactly instead of parking', async () => {
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const build = await runEngine(
      pipelineHealthProjection,
      [
        [`deal-${a}`, dealCreated(a, '999999999999', 'JPY')],
        [`deal-${b}`, dealCreated(b, '999999999999.99', 'EUR', '0000-01-01T00:00:00.000Z')],
        [`deal-${c}`, dealCreated(c, '999999999999.99', 'EUR')],
        [`deal-${d}`, dealCreated(d, '999999999999.999', 'BHD')],
      ],
      async (pool) => {
        const { rows } = await pool.query<{ deal_id: string; amount: string; close_date: string; created_at: Date }>(
          'SELECT deal_id, amount::text, close_date::text, created_at FROM pipeline_health_deals ORDER BY currency, created_at',
        );
        expect(rows.map((r) => [r.deal_id, r.amount, r.close_date, r.created_at.toISOString()])).toEqual([
          [d, '999999999999.999', '2026-02-30', '2026-01-15T10:00:00.000Z'],
          [b, '999999999999.99', '2026-02-30', '0000-01-01T00:00:00.000Z'],
          [c, '999999999999.99', '2026-02-30', '2026-01-15T10:00:00.000Z'],
          [a, '999999999999', '2026-02-30', '2026-01-15T10:00:00.000Z'],
        ]);
        const { rows: totals } = await pool.query<{ currency: string; amount: string }>(
          'SELECT currency, amount::text FROM pipeline_health_totals ORDER BY currency',
        );
        expect(totals).toEqual([
          { currency: 'BHD', amount: '999999999999.999' },
          { currency: 'EUR', amount: '1999999999999.98' },
          { currency: 'JPY', amount: '999999999999' },
        ]);
      },
    );
    expect(build.parked).toBeNull();
  });

  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and stores each deal with its amount and close date', async () => {
    await assertProjects(bed, pipelineHealthProjection, async ({ events, table, pool }) => {
      // The first DealCreated of an id makes the deal; later amount changes of a known deal move its amount.
      const expected = new Map<string, { amount: string; closeDate: string; createdAt: string }>();
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
        // Equal as decimals (numeric spells a value as it was given, and an amount may have fewer digits than its currency).
        expect([dealId, compareAmounts(stored.get(dealId)!.amount, deal.amount)]).toEqual([dealId, 0]);
        expect(stored.get(dealId)!.created_at.toISOString()).toBe(deal.createdAt);
      }
      // The totals are the deals summed per group, whatever the batches: every share a deal put in, it took out.
      const { rows: deals } = await pool.query<{ pipeline_id: string; stage_id: string; currency: string; outcome: string; amount: string; close_date: string; closed_at: Date | null }>(
        `SELECT pipeline_id, stage_id, currency, outcome, amount::text, close_date, closed_at FROM ${table('pipeline_health_deals')}`,
      );
      const groups = new Map<string, { currency: string; amounts: string[] }>();
      for (const deal of deals) {
        const month = closeMonthOf({ closeDate: deal.close_date, closedAt: deal.closed_at?.toISOString() ?? null });
        const key = JSON.stringify([deal.pipeline_id, deal.stage_id, deal.currency, deal.outcome, month]);
        groups.set(key, { currency: deal.currency, amounts: [...(groups.get(key)?.amounts ?? []), deal.amount] });
      }
      const { rows: totals } = await pool.query<{ pipeline_id: string; stage_id: string; currency: string; outcome: string; close_month: string; deals: number; amount: string }>(
        `SELECT pipeline_id, stage_id, currency, outcome, close_month, deals, amount::text FROM ${table('pipeline_health_totals')}`,
      );
      const totalOf = new Map(totals.map((t) => [JSON.stringify([t.pipeline_id, t.stage_id, t.currency, t.outcome, t.close_month]), t]));
      expect([...totalOf.keys()].sort()).toEqual([...groups.keys()].sort());
      for (const [key, group] of groups) {
        const total = totalOf.get(key)!;
        expect([key, total.deals, compareAmounts(total.amount, sumAmounts(group.amounts, group.currency))]).toEqual([key, group.amounts.length, 0]);
      }
      const pipelines = new Set(eventsOf<{ pipelineId: string }>(events, 'PipelineCreated').map((e) => e.data.pipelineId));
      const { rows: stored_pipelines } = await pool.query<{ pipeline_id: string }>(`SELECT pipeline_id FROM ${table('pipeline_health_pipelines')}`);
      expect(stored_pipelines.map((r) => r.pipeline_id).sort()).toEqual([...pipelines].sort());
    });
  });
});
