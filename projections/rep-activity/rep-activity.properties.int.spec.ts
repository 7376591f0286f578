import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { compareAmounts, sumAmounts } from '#domain/shared';
import { newEvent } from '#test/support/events';
import { pgDay } from '../pg-values.js';
import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { runEngine } from '../projection-spec.spec-helper.js';
import { repActivityProjection } from './rep-activity.persistence.js';
import { utcDay } from './rep-activity.projection.js';

type Won = { ownerId: string | null; amount: string; currency: string };

describe('rep-activity takes every value its events allow', () => {
  // Issue 12: a deal won at 1e18 parked the build (numeric(20, 2)), and resume parked it again. Amounts are now
  // below 1e12, but a day's sum of them is not: numeric holds it, to the last digit of each currency.
  it("stores sums past any one amount, in each currency's digits (and a win in year 0), instead of parking", async () => {
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const won = (dealId: string, amount: string, currency: string, occurredAt: string) =>
      newEvent('DealWon', { dealId, pipelineId: 'p', stageId: 'won', amount, currency, ownerId: 'rep' }, { occurredAt, schemaVersion: eventCatalog.schemaVersionOf('DealWon') });
    const build = await runEngine(
      repActivityProjection,
      [
        [`deal-${a}`, won(a, '999999999999.99', 'EUR', '2026-01-15T10:00:00.000Z')],
        [`deal-${b}`, won(b, '999999999999.99', 'EUR', '2026-01-15T11:00:00.000Z')],
        [`deal-${c}`, won(c, '0.001', 'BHD', '2026-01-15T12:00:00.000Z')],
        [`deal-${d}`, won(d, '12.34', 'EUR', '0000-06-01T00:00:00.000Z')],
      ],
      async (pool) => {
        const { rows } = await pool.query<{ day: string; currency: string; amount: string }>(
          'SELECT to_char(day, \'YYYY-MM-DD AD\') AS day, currency, amount::text FROM rep_activity_won_amounts ORDER BY day, currency',
        );
        expect(rows).toEqual([
          { day: '0001-06-01 BC', currency: 'EUR', amount: '12.34' },
          { day: '2026-01-15 AD', currency: 'BHD', amount: '0.001' },
          { day: '2026-01-15 AD', currency: 'EUR', amount: '1999999999999.98' },
        ]);
      },
    );
    expect(build.parked).toBeNull();
  });

  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and sums each rep day of wins exactly', async () => {
    await assertProjects(bed, repActivityProjection, async ({ events, table, pool }) => {
      const expected = new Map<string, string[]>();
      for (const event of events) {
        const data = event.data as Won;
        if (event.type !== 'DealWon' || data.ownerId === null) continue;
        const key = `${data.ownerId}|${pgDay(utcDay(event.metadata.occurredAt))}|${data.currency}`;
        expected.set(key, [...(expected.get(key) ?? []), data.amount]);
      }
      const { rows } = await pool.query<{ owner_id: string; day: string; currency: string; amount: string }>(
        `SELECT owner_id, day::text, currency, amount::text FROM ${table('rep_activity_won_amounts')}`,
      );
      const stored = new Map(rows.map((row) => [`${row.owner_id}|${row.day}|${row.currency}`, row.amount]));
      expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
      // Equal as decimals: numeric keeps the widest scale it was given, the sum its currency's form.
      for (const [key, amounts] of expected) expect([key, compareAmounts(stored.get(key)!, sumAmounts(amounts, key.slice(-3)))]).toEqual([key, 0]);
      // Completion is credited to whoever ticked the task off; everything else to the owner it names.
      const credited = events.map((e) => (e.type === 'TaskCompleted' ? (e.data as { completedBy: string }).completedBy : (e.data as { ownerId: string | null }).ownerId));
      const owners = new Set(credited.filter((owner) => owner !== null));
      const { rows: daily } = await pool.query<{ owner_id: string }>(`SELECT DISTINCT owner_id FROM ${table('rep_activity_daily')}`);
      for (const owner of owners) expect(daily.map((r) => r.owner_id)).toContain(owner);
    });
  });
});
