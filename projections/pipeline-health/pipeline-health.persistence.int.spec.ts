import { dealCreated, inStream, pipelineCreated, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { pipelineHealthProjection } from './pipeline-health.persistence.js';

const day = (n: number) => `2026-06-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const moved = (dealId: string, fromStageId: string, toStageId: string, occurredAt: string) =>
  event('DealStageChanged', occurredAt, { dealId, pipelineId: 'sales', fromStageId, toStageId });
const SALES = inStream('pipeline-sales', pipelineCreated('sales', 'deal', [['lead'], ['demo'], ['won', 'won'], ['lost', 'lost']]));
const deal = (dealId: string, stageId: string, amount: number, occurredAt = day(1)) =>
  inStream(`deal-${dealId}`, dealCreated(dealId, occurredAt, { pipelineId: 'sales', stageId, amount, closeDate: '2026-07-15' }));
const STAGES = `SELECT stage_id, sort_order, closed, stuck_after_days, archived FROM pipeline_health_stages ORDER BY sort_order`;
const TOTALS = `SELECT stage_id, outcome, close_month, deals, amount::text FROM pipeline_health_totals ORDER BY stage_id, outcome`;

describe('pipeline-health persistence', () => {
  const spec = useProjectionSpec(pipelineHealthProjection);

  it("keeps a pipeline's stages in their order as stages are added, reordered and archived", async () => {
    await spec
      .given(SALES)
      .when(
        inStream(
          'pipeline-sales',
          event('PipelineStageAdded', day(2), { pipelineId: 'sales', stage: { id: 'trial', label: 'Trial', probability: 0.5, closed: null, stuckAfterDays: 7 }, position: 1 }),
          event('PipelineStagesReordered', day(3), { pipelineId: 'sales', previous: ['lead', 'trial', 'demo', 'won', 'lost'], stageIds: ['lead', 'demo', 'trial', 'won', 'lost'] }),
          event('PipelineStageArchived', day(4), { pipelineId: 'sales', stageId: 'lead' }),
        ),
      )
      .then(STAGES, [
        { stage_id: 'demo', sort_order: 0, closed: null, stuck_after_days: 3, archived: false },
        { stage_id: 'trial', sort_order: 1, closed: null, stuck_after_days: 7, archived: false },
        { stage_id: 'won', sort_order: 2, closed: 'won', stuck_after_days: null, archived: false },
        { stage_id: 'lost', sort_order: 3, closed: 'lost', stuck_after_days: null, archived: false },
        { stage_id: 'lead', sort_order: 4, closed: null, stuck_after_days: 3, archived: true },
      ]);
  });

  it('moves a deal and its amount from one stage total to the next', async () => {
    await spec
      .given([...SALES, ...deal('d1', 'lead', 1000), ...deal('d2', 'lead', 250.5)])
      .when(inStream('deal-d1', moved('d1', 'lead', 'demo', day(5))))
      .then(TOTALS, [
        { stage_id: 'demo', outcome: 'open', close_month: '2026-07', deals: 1, amount: '1000.00' },
        { stage_id: 'lead', outcome: 'open', close_month: '2026-07', deals: 1, amount: '250.50' },
      ]);
  });

  it('shows a won deal as won, with its close time, and leaves no empty total behind', async () => {
    await spec
      .given([...SALES, ...deal('d1', 'demo', 1000)])
      .when(inStream('deal-d1', moved('d1', 'demo', 'won', day(6)), event('DealWon', day(6), { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: 1000, currency: 'EUR', ownerId: null })))
      .when(inStream('deal-d1', event('DealAmountChanged', day(7), { dealId: 'd1', previous: { amount: 1000, currency: 'EUR' }, amount: 1200, currency: 'EUR' })))
      .then(
        `SELECT deal_id, stage_id, outcome, entered_stage_at, closed_at,
                (SELECT json_agg(json_build_object('stage', stage_id, 'outcome', outcome, 'deals', deals, 'amount', amount::text))
                   FROM pipeline_health_totals) AS totals
           FROM pipeline_health_deals`,
        [
          {
            deal_id: 'd1',
            stage_id: 'won',
            outcome: 'won',
            entered_stage_at: new Date(day(6)),
            closed_at: new Date(day(6)),
            totals: [{ stage: 'won', outcome: 'won', deals: 1, amount: '1200.00' }],
          },
        ],
      );
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...SALES, ...deal('d1', 'lead', 1000), ...deal('d2', 'lead', 500)])
      .when(inStream('deal-d1', moved('d1', 'lead', 'demo', day(5))), { times: 2 })
      .then(TOTALS, [
        { stage_id: 'demo', outcome: 'open', close_month: '2026-07', deals: 1, amount: '1000.00' },
        { stage_id: 'lead', outcome: 'open', close_month: '2026-07', deals: 1, amount: '500.00' },
      ]);
  });
});
