import { dealCreated, inStream, pipelineCreated, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { stageDurationProjection } from './stage-duration.persistence.js';

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const moved = (dealId: string, fromStageId: string, toStageId: string, occurredAt: string): SpecEvent => ({
  type: 'DealStageChanged',
  data: { dealId, pipelineId: 'sales', fromStageId, toStageId },
  metadata: { occurredAt },
});
const SALES = inStream('pipeline-sales', pipelineCreated('sales', 'deal', [['lead'], ['demo'], ['won', 'won']]));
// Durations in days, as a user reads them; exited_to says where the deal went.
const VISITS = `SELECT deal_id, seq, stage_id, visit, entered_at, exited_to, duration_ms / 86400000.0::float8 AS days
                  FROM stage_duration_visits ORDER BY deal_id, seq`;

describe('stage-duration persistence', () => {
  const spec = useProjectionSpec(stageDurationProjection);

  it('gives a deal moved twice one row per stage visit, each closed one with its days', async () => {
    await spec
      .given([
        ...SALES,
        ...inStream('deal-d1', dealCreated('d1', day(1), { pipelineId: 'sales', stageId: 'lead' }), moved('d1', 'lead', 'demo', day(4)), moved('d1', 'demo', 'won', day(10))),
      ])
      .then(VISITS, [
        { deal_id: 'd1', seq: 1, stage_id: 'lead', visit: 1, entered_at: new Date(day(1)), exited_to: 'demo', days: 3 },
        { deal_id: 'd1', seq: 2, stage_id: 'demo', visit: 1, entered_at: new Date(day(4)), exited_to: 'won', days: 6 },
        { deal_id: 'd1', seq: 3, stage_id: 'won', visit: 1, entered_at: new Date(day(10)), exited_to: null, days: null },
      ]);
  });

  it('closes the visit an earlier batch left open', async () => {
    await spec
      .given([...SALES, ...inStream('deal-d1', dealCreated('d1', day(1), { pipelineId: 'sales', stageId: 'lead' }))])
      .when(inStream('deal-d1', moved('d1', 'lead', 'demo', day(3))))
      .when(inStream('deal-d1', moved('d1', 'demo', 'won', day(8))))
      .then(VISITS, [
        { deal_id: 'd1', seq: 1, stage_id: 'lead', visit: 1, entered_at: new Date(day(1)), exited_to: 'demo', days: 2 },
        { deal_id: 'd1', seq: 2, stage_id: 'demo', visit: 1, entered_at: new Date(day(3)), exited_to: 'won', days: 5 },
        { deal_id: 'd1', seq: 3, stage_id: 'won', visit: 1, entered_at: new Date(day(8)), exited_to: null, days: null },
      ]);
  });

  it('counts a second visit to a stage as visit 2, keeping the first visit as it was', async () => {
    await spec
      .given([...SALES, ...inStream('deal-d1', dealCreated('d1', day(1), { pipelineId: 'sales', stageId: 'lead' }), moved('d1', 'lead', 'demo', day(2)))])
      .when(inStream('deal-d1', moved('d1', 'demo', 'lead', day(5))))
      .then(`SELECT seq, stage_id, visit FROM stage_duration_visits ORDER BY seq`, [
        { seq: 1, stage_id: 'lead', visit: 1 },
        { seq: 2, stage_id: 'demo', visit: 1 },
        { seq: 3, stage_id: 'lead', visit: 2 },
      ]);
  });

  it('ignores the stage changes of a deal it never saw created', async () => {
    await spec
      .given(SALES)
      .when(inStream('deal-ghost', moved('ghost', 'lead', 'demo', day(2))))
      .then(`SELECT deal_id FROM stage_duration_visits UNION ALL SELECT deal_id FROM stage_duration_deals`, []);
  });
});
