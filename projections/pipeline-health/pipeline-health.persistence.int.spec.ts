import { dealCreated, inStream, pipelineCreated, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { pipelineHealthProjection } from './pipeline-health.persistence.js';

const day = (n: number) => `2026-06-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const moved = (dealId: string, fromStageId: string, toStageId: string, occurredAt: string) =>
  event('DealStageChanged', occurredAt, { dealId, pipelineId: 'sales', fromStageId, toStageId });
const SALES = inStream('pipeline-sales', pipelineCreated('sales', 'deal', [['lead'], ['demo'], ['won', 'won'], ['lost', 'lost']]));
const deal = (dealId: string, stageId: string, amount: string, occurredAt = day(1), currency = 'EUR') =>
  inStream(`deal-${dealId}`, dealCreated(dealId, occurredAt, { pipelineId: 'sales', stageId, amount, currency, closeDate: '2026-07-15' }));
const won = (dealId: string, amount: string, currency: string, occurredAt: string) => [
  moved(dealId, 'demo', 'won', occurredAt),
  event('DealWon', occurredAt, { dealId, pipelineId: 'sales', stageId: 'won', amount, currency, ownerId: null }),
];
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
      .given([...SALES, ...deal('d1', 'lead', '1000.00'), ...deal('d2', 'lead', '250.50')])
      .when(inStream('deal-d1', moved('d1', 'lead', 'demo', day(5))))
      .then(TOTALS, [
        { stage_id: 'demo', outcome: 'open', close_month: '2026-07', deals: 1, amount: '1000.00' },
        { stage_id: 'lead', outcome: 'open', close_month: '2026-07', deals: 1, amount: '250.50' },
      ]);
  });

  it('shows a won deal as won, with its close time, in the month it closed, and leaves no empty total behind', async () => {
    await spec
      .given([...SALES, ...deal('d1', 'demo', '1000.00')])
      .when(inStream('deal-d1', ...won('d1', '1000.00', 'EUR', day(6))))
      .when(inStream('deal-d1', event('DealAmountChanged', day(7), { dealId: 'd1', previous: { amount: '1000.00', currency: 'EUR' }, amount: '1200.00', currency: 'EUR' })))
      .then(
        `SELECT deal_id, stage_id, outcome, entered_stage_at, closed_at,
                (SELECT json_agg(json_build_object('stage', stage_id, 'outcome', outcome, 'month', close_month, 'deals', deals, 'amount', amount::text))
                   FROM pipeline_health_totals) AS totals
           FROM pipeline_health_deals`,
        [
          {
            deal_id: 'd1',
            stage_id: 'won',
            outcome: 'won',
            entered_stage_at: new Date(day(6)),
            closed_at: new Date(day(6)),
            // Expected in July, won in June: the totals count it in June.
            totals: [{ stage: 'won', outcome: 'won', month: '2026-06', deals: 1, amount: '1200.00' }],
          },
        ],
      );
  });

  it("keeps each currency's amounts exact in its own digits, never summed with another currency", async () => {
    await spec
      .given([...SALES, ...deal('d1', 'lead', '0.10', day(1), 'USD'), ...deal('d2', 'lead', '0.20', day(1), 'USD')])
      .when([
        ...deal('d3', 'lead', '0.29', day(2), 'USD'),
        ...deal('d4', 'lead', '150000', day(2), 'JPY'),
        ...deal('d5', 'lead', '1.250', day(2), 'BHD'),
        ...deal('d6', 'lead', '0.005', day(2), 'BHD'),
      ])
      .then(`SELECT currency, deals, amount::text FROM pipeline_health_totals ORDER BY currency`, [
        { currency: 'BHD', deals: 2, amount: '1.255' },
        { currency: 'JPY', deals: 1, amount: '150000' },
        { currency: 'USD', deals: 3, amount: '0.59' },
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...SALES, ...deal('d1', 'lead', '1000.00'), ...deal('d2', 'lead', '500.00')])
      .when(inStream('deal-d1', moved('d1', 'lead', 'demo', day(5))), { times: 2 })
      .then(TOTALS, [
        { stage_id: 'demo', outcome: 'open', close_month: '2026-07', deals: 1, amount: '1000.00' },
        { stage_id: 'lead', outcome: 'open', close_month: '2026-07', deals: 1, amount: '500.00' },
      ]);
  });
});

describe('pipeline-health rebuild', () => {
  const bed = useRebuildBed(pipelineHealthProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...SALES,
      ...deal('d1', 'lead', '0.10', day(1), 'USD'),
      ...deal('d2', 'demo', '150000', day(1), 'JPY'),
      ...deal('d3', 'demo', '1.250', day(1), 'BHD'),
      ...inStream('deal-d1', moved('d1', 'lead', 'demo', day(2))),
      ...inStream('deal-d2', ...won('d2', '150000', 'JPY', day(3))),
      ...inStream('deal-d3', event('DealAmountChanged', day(3), { dealId: 'd3', previous: { amount: '1.250', currency: 'BHD' }, amount: '0.29', currency: 'USD' })),
      ...inStream('deal-d2', event('DealReopened', day(4), { dealId: 'd2', pipelineId: 'sales', fromStageId: 'won', toStageId: 'demo' })),
      ...inStream('deal-d2', event('DealCloseDateChanged', day(4), { dealId: 'd2', previous: '2026-07-15', closeDate: '2026-08-01' })),
      ...inStream('deal-d3', ...won('d3', '0.29', 'USD', day(5))),
      ...inStream('pipeline-sales', event('PipelineStageProbabilityChanged', day(6), { pipelineId: 'sales', stageId: 'demo', previous: 0.4, probability: 0.45 })),
    ];
    const { live, rebuilt } = await bed.compare(history, {
      pipeline_health_pipelines: 'pipeline_id',
      pipeline_health_stages: 'pipeline_id, stage_id',
      pipeline_health_deals: 'deal_id',
      pipeline_health_totals: 'pipeline_id, stage_id, currency, outcome, close_month',
    });
    expect(rebuilt).toEqual(live);
    expect(live.pipeline_health_totals.map((row) => [row.stage_id, row.currency, row.outcome, row.close_month, row.amount])).toEqual([
      ['demo', 'JPY', 'open', '2026-08', '150000'],
      ['demo', 'USD', 'open', '2026-07', '0.10'],
      ['won', 'USD', 'won', '2026-06', '0.29'],
    ]);
  });
});
