import { dealCreated, inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import type { EngagementKind } from '#domain/engagement';
import { engagementLoggedData } from '#test/support/events';
import { repActivityProjection } from './rep-activity.persistence.js';

const logged = (engagementId: string, kind: EngagementKind, ownerId: string, occurredAt: string): SpecEvent => ({
  type: 'EngagementLogged',
  data: engagementLoggedData(engagementId, { kind, ownerId }),
  metadata: { occurredAt },
});
const won = (dealId: string, ownerId: string | null, amount: string, currency: string, occurredAt: string): SpecEvent => ({
  type: 'DealWon',
  data: { dealId, pipelineId: 'sales', stageId: 'won', amount, currency, ownerId },
  metadata: { occurredAt },
});
const DAILY = `SELECT owner_id, day::text, emails, calls, notes, tasks_created, tasks_completed, deals_created, deals_won
                 FROM rep_activity_daily ORDER BY owner_id, day`;
const WON = `SELECT owner_id, day::text, currency, deals_won, amount::text FROM rep_activity_won_amounts ORDER BY owner_id, day, currency`;
const counts = { emails: 0, calls: 0, notes: 0, tasks_created: 0, tasks_completed: 0, deals_created: 0, deals_won: 0 };

describe('rep-activity persistence', () => {
  const spec = useProjectionSpec(repActivityProjection);

  it("counts each logged engagement by kind on the rep's UTC day of the event, adding up over batches", async () => {
    await spec
      .given([
        ...inStream('engagement-e1', logged('e1', 'email', 'ann', '2026-01-15T08:00:00.000Z')),
        ...inStream('engagement-e2', logged('e2', 'call', 'ann', '2026-01-15T23:59:59.999Z')),
      ])
      .when([
        ...inStream('engagement-e3', logged('e3', 'call', 'ann', '2026-01-15T12:00:00.000+02:00')),
        ...inStream('engagement-e4', logged('e4', 'note', 'ann', '2026-01-16T00:00:00.000Z')),
        ...inStream('engagement-e5', logged('e5', 'task', 'ben', '2026-01-15T09:00:00.000Z')),
      ])
      .then(DAILY, [
        { ...counts, owner_id: 'ann', day: '2026-01-15', emails: 1, calls: 2 },
        { ...counts, owner_id: 'ann', day: '2026-01-16', notes: 1 },
        { ...counts, owner_id: 'ben', day: '2026-01-15', tasks_created: 1 },
      ]);
  });

  it("counts a won deal in its owner's won amount, per currency, exactly in the currency's digits", async () => {
    await spec
      .given(inStream('deal-d1', won('d1', 'ann', '1250.50', 'EUR', '2026-01-15T10:00:00.000Z')))
      .when([
        ...inStream('deal-d2', won('d2', 'ann', '0.29', 'EUR', '2026-01-15T11:00:00.000Z')),
        ...inStream('deal-d3', won('d3', 'ann', '99.99', 'USD', '2026-01-15T12:00:00.000Z')),
        ...inStream('deal-d4', won('d4', 'ann', '150000', 'JPY', '2026-01-15T12:00:00.000Z')),
        ...inStream('deal-d5', won('d5', 'ann', '1.250', 'BHD', '2026-01-15T12:00:00.000Z')),
        ...inStream('deal-d6', won('d6', 'ann', '0.005', 'BHD', '2026-01-15T13:00:00.000Z')),
      ])
      .then(WON, [
        { owner_id: 'ann', day: '2026-01-15', currency: 'BHD', deals_won: 2, amount: '1.255' },
        { owner_id: 'ann', day: '2026-01-15', currency: 'EUR', deals_won: 2, amount: '1250.79' },
        { owner_id: 'ann', day: '2026-01-15', currency: 'JPY', deals_won: 1, amount: '150000' },
        { owner_id: 'ann', day: '2026-01-15', currency: 'USD', deals_won: 1, amount: '99.99' },
      ]);
  });

  it('credits a completed task to whoever completed it, and a deal to the owner named at that moment', async () => {
    await spec
      .given([
        ...inStream('engagement-t1', { type: 'TaskCompleted', data: { engagementId: 't1', ownerId: 'ann', completedBy: 'ben' }, metadata: { occurredAt: '2026-01-15T10:00:00.000Z' } }),
        ...inStream('deal-d1', dealCreated('d1', '2026-01-15T10:00:00.000Z', { pipelineId: 'sales', stageId: 'lead', ownerId: 'ann' })),
        ...inStream('deal-d1', won('d1', 'ben', '10.00', 'EUR', '2026-01-15T11:00:00.000Z')),
      ])
      .then(DAILY, [
        { ...counts, owner_id: 'ann', day: '2026-01-15', deals_created: 1 },
        { ...counts, owner_id: 'ben', day: '2026-01-15', tasks_completed: 1, deals_won: 1 },
      ]);
  });

  it('credits nobody for a deal without an owner', async () => {
    await spec
      .given(inStream('deal-d1', dealCreated('d1', '2026-01-15T10:00:00.000Z', { pipelineId: 'sales', stageId: 'lead', ownerId: null })))
      .when(inStream('deal-d1', won('d1', null, '10.00', 'EUR', '2026-01-15T11:00:00.000Z')))
      .then('SELECT owner_id FROM rep_activity_daily UNION ALL SELECT owner_id FROM rep_activity_won_amounts', []);
  });
});
