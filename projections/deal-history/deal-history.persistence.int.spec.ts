import { dealCreated, inStream, pipelineCreated, runEngine, useProjectionSpec, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { dealHistoryProjection } from './deal-history.persistence.js';
import { pipelineHealthAsOf } from './deal-history.queries.js';

const day = (n: number, month = '09') => `2026-${month}-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const moved = (dealId: string, fromStageId: string, toStageId: string, occurredAt: string) =>
  event('DealStageChanged', occurredAt, { dealId, pipelineId: 'sales', fromStageId, toStageId });
const won = (dealId: string, amount: string, occurredAt: string) =>
  event('DealWon', occurredAt, { dealId, pipelineId: 'sales', stageId: 'won', amount, currency: 'EUR', ownerId: null });
// lead 0.2, demo 0.4 (1/5 and 2/5 of the way), won 1, lost 0.
const SALES = inStream('pipeline-sales', pipelineCreated('sales', 'deal', [['lead'], ['demo'], ['won', 'won'], ['lost', 'lost']]));
const deal = (dealId: string, occurredAt: string, data: Readonly<Record<string, unknown>> = {}, ...then: SpecEvent[]): StreamEvent[] =>
  inStream(`deal-${dealId}`, dealCreated(dealId, occurredAt, { pipelineId: 'sales', stageId: 'lead', amount: '1000.00', closeDate: '2026-10-15', ...data }), ...then);
const VERSIONS = `SELECT deal_id, seq, event_type, stage_id, probability::text, amount::text, outcome, closed_at, valid_from, valid_to
                    FROM deal_history_deals ORDER BY deal_id, seq`;

describe('deal-history persistence', () => {
  const spec = useProjectionSpec(dealHistoryProjection);

  it('keeps every version of a deal, each valid until the next, across batches', async () => {
    await spec
      .given([...SALES, ...deal('d1', day(1))])
      .when(inStream('deal-d1', moved('d1', 'lead', 'won', day(10)), won('d1', '1000.00', day(10))))
      .then(VERSIONS, [
        { deal_id: 'd1', seq: 1, event_type: 'DealCreated', stage_id: 'lead', probability: '0.2', amount: '1000.00', outcome: 'open', closed_at: null, valid_from: new Date(day(1)), valid_to: new Date(day(10)) },
        { deal_id: 'd1', seq: 2, event_type: 'DealStageChanged', stage_id: 'won', probability: '1', amount: '1000.00', outcome: 'open', closed_at: null, valid_from: new Date(day(10)), valid_to: new Date(day(10)) },
        { deal_id: 'd1', seq: 3, event_type: 'DealWon', stage_id: 'won', probability: '1', amount: '1000.00', outcome: 'won', closed_at: new Date(day(10)), valid_from: new Date(day(10)), valid_to: null },
      ]);
  });

  it('versions a pipeline when a probability changes, with its stages', async () => {
    await spec
      .given(SALES)
      .when(inStream('pipeline-sales', event('PipelineStageProbabilityChanged', day(5), { pipelineId: 'sales', stageId: 'lead', previous: 0.2, probability: 0.25 })))
      .then(
        `SELECT p.seq, p.valid_from, p.valid_to, s.probability::text FROM deal_history_pipelines p
           JOIN deal_history_stages s ON s.pipeline_id = p.pipeline_id AND s.seq = p.seq AND s.stage_id = 'lead' ORDER BY p.seq`,
        [
          { seq: 1, valid_from: new Date('1900-01-01T00:00:00.000Z'), valid_to: new Date(day(5)), probability: '0.2' },
          { seq: 2, valid_from: new Date(day(5)), valid_to: null, probability: '0.25' },
        ],
      );
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...SALES, ...deal('d1', day(1))])
      .when(inStream('deal-d1', moved('d1', 'lead', 'demo', day(5))), { times: 2 })
      .then(`SELECT deal_id, seq, stage_id, valid_to FROM deal_history_deals ORDER BY deal_id, seq`, [
        { deal_id: 'd1', seq: 1, stage_id: 'lead', valid_to: new Date(day(5)) },
        { deal_id: 'd1', seq: 2, stage_id: 'demo', valid_to: null },
      ]);
  });
});

describe('deal-history rebuild', () => {
  const bed = useRebuildBed(dealHistoryProjection);

  it('equals the live build row for row', async () => {
    const { live, rebuilt } = await bed.compare(
      [
        ...SALES,
        ...deal('d1', day(1), {}, moved('d1', 'lead', 'demo', day(3))),
        ...inStream('pipeline-sales', event('PipelineStageProbabilityChanged', day(4), { pipelineId: 'sales', stageId: 'demo', previous: 0.4, probability: 0.5 })),
        ...deal('d2', day(2), { currency: 'JPY', amount: '150000' }, event('DealCloseDateChanged', day(6), { dealId: 'd2', previous: '2026-10-15', closeDate: '2026-11-30' })),
        ...inStream('deal-d1', moved('d1', 'demo', 'won', day(8)), won('d1', '1000.00', day(8))),
        ...inStream('deal-d1', event('DealReopened', day(9), { dealId: 'd1', pipelineId: 'sales', fromStageId: 'won', toStageId: 'demo' })),
        ...inStream('deal-d2', event('DealAmountChanged', day(10), { dealId: 'd2', previous: { amount: '150000', currency: 'JPY' }, amount: '120000', currency: 'JPY' })),
        ...deal('d3', day(11), { stageId: 'demo' }, event('DealOwnerAssigned', day(12), { dealId: 'd3', previous: null, ownerId: 'o2' })),
      ],
      { deal_history_deals: 'deal_id, seq', deal_history_pipelines: 'pipeline_id, seq', deal_history_stages: 'pipeline_id, seq, stage_id' },
    );
    expect(live.deal_history_deals).toHaveLength(10);
    expect(live.deal_history_pipelines).toHaveLength(2);
    expect(rebuilt).toEqual(live);
  });
});

describe('pipeline health as of a past instant', () => {
  it('answers the pipeline as it stood then: old stage, old probability, no deal created since', async () => {
    await runEngine(
      dealHistoryProjection,
      [
        ...SALES,
        ...deal('moved-later', day(1), { amount: '1000.00' }, moved('moved-later', 'lead', 'demo', day(20))),
        ...deal('created-later', day(15), { amount: '500.00' }),
        ...inStream('pipeline-sales', event('PipelineStageProbabilityChanged', day(18), { pipelineId: 'sales', stageId: 'lead', previous: 0.2, probability: 0.3 })),
        ...deal('won-early', day(2), { amount: '300.00', stageId: 'demo' }, moved('won-early', 'demo', 'won', day(5)), won('won-early', '300.00', day(5))),
      ],
      async (pool) => {
        const { pipelines } = await pipelineHealthAsOf(pool, { asOf: day(10) });
        expect(pipelines).toHaveLength(1);
        const [sales] = pipelines;
        expect(sales.stages.map(({ stageId, probability, openDeals, amounts, averageAgeDays }) => ({ stageId, probability, openDeals, amounts, averageAgeDays }))).toEqual([
          { stageId: 'lead', probability: 0.2, openDeals: 1, amounts: [{ currency: 'EUR', total: '1000.00', weighted: '200.00' }], averageAgeDays: 9 },
          { stageId: 'demo', probability: 0.4, openDeals: 0, amounts: [], averageAgeDays: null },
          { stageId: 'won', probability: 1, openDeals: 0, amounts: [], averageAgeDays: null },
          { stageId: 'lost', probability: 0, openDeals: 0, amounts: [], averageAgeDays: null },
        ]);
        expect({ won: sales.won, lost: sales.lost, winRate: sales.winRate, forecast: sales.forecast }).toEqual({
          won: 1,
          lost: 0,
          winRate: 1,
          forecast: [
            { month: '2026-09', currency: 'EUR', weighted: '300.00', total: '300.00' },
            { month: '2026-10', currency: 'EUR', weighted: '200.00', total: '1000.00' },
          ],
        });
        const now = await pipelineHealthAsOf(pool, { asOf: day(25) });
        expect(now.pipelines[0].stages.slice(0, 2).map(({ stageId, probability, openDeals }) => ({ stageId, probability, openDeals }))).toEqual([
          { stageId: 'lead', probability: 0.3, openDeals: 1 },
          { stageId: 'demo', probability: 0.4, openDeals: 1 },
        ]);
        // Before the pipeline was created its first version holds (deals are imported with earlier dates); no deal yet.
        const [before] = (await pipelineHealthAsOf(pool, { asOf: '2025-12-31T00:00:00.000Z' })).pipelines;
        expect(before.stages.slice(0, 2).map(({ stageId, probability, openDeals }) => ({ stageId, probability, openDeals }))).toEqual([
          { stageId: 'lead', probability: 0.2, openDeals: 0 },
          { stageId: 'demo', probability: 0.4, openDeals: 0 },
        ]);
      },
    );
  });
});
