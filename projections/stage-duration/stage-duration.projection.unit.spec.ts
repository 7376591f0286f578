import type { RecordedEvent } from '#event-store';
import { dealCreatedData, recordedLog } from '#test/support/events';
import { stageRowsOf } from '../pipeline-health/pipeline-stages.projection.js';
import { reduceStageDurations, type StageDurationState, type StageVisit } from './stage-duration.projection.js';

const record = recordedLog();
const recorded = (type: string, data: Record<string, unknown>, occurredAt: string): RecordedEvent => record(type, data, occurredAt, 'deal-x');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const created = (dealId: string, stageId: string, occurredAt: string) =>
  recorded('DealCreated', dealCreatedData(dealId, { name: dealId, stageId, amount: '10.00' }), occurredAt);
const moved = (dealId: string, fromStageId: string, toStageId: string, occurredAt: string) =>
  recorded('DealStageChanged', { dealId, pipelineId: 'sales', fromStageId, toStageId }, occurredAt);

const empty: StageDurationState = { pipelines: new Map(), deals: new Map() };
const run = (events: RecordedEvent[], state = empty) => reduceStageDurations(state, events);
// From an empty state, one batch touches every visit of the deal.
const visitsOf = (events: RecordedEvent[], dealId = 'd1') =>
  run(events)
    .changedVisits.filter((v: StageVisit) => v.dealId === dealId)
    .map((v) => [v.stageId, v.visit, v.durationMs, v.exitedTo]);

describe('stage-duration reducer', () => {
  it('opens a visit on creation and closes it, with its duration and where the deal went, on the next stage', () => {
    const { changedVisits } = run([created('d1', 'lead', '2026-01-01T00:00:00Z'), moved('d1', 'lead', 'demo', '2026-01-03T12:00:00+02:00')]);
    expect(changedVisits).toEqual([
      {
        dealId: 'd1',
        pipelineId: 'sales',
        stageId: 'lead',
        seq: 1,
        visit: 1,
        enteredAt: '2026-01-01T00:00:00.000Z',
        exitedAt: '2026-01-03T10:00:00.000Z',
        exitedTo: 'demo',
        durationMs: 2 * DAY + 10 * HOUR,
      },
      {
        dealId: 'd1',
        pipelineId: 'sales',
        stageId: 'demo',
        seq: 2,
        visit: 1,
        enteredAt: '2026-01-03T10:00:00.000Z',
        exitedAt: null,
        exitedTo: null,
        durationMs: null,
      },
    ]);
  });

  it('gives a re-entered stage a second visit and keeps the first visit as it was', () => {
    expect(
      visitsOf([
        created('d1', 'lead', '2026-01-01T00:00:00Z'),
        moved('d1', 'lead', 'demo', '2026-01-02T00:00:00Z'),
        moved('d1', 'demo', 'lead', '2026-01-05T00:00:00Z'),
        moved('d1', 'lead', 'demo', '2026-01-06T00:00:00Z'),
      ]),
    ).toEqual([
      ['lead', 1, DAY, 'demo'],
      ['demo', 1, 3 * DAY, 'lead'],
      ['lead', 2, DAY, 'demo'],
      ['demo', 2, null, null],
    ]);
  });

  it('closes the won-stage visit when a deal is reopened (no DealStageChanged comes with the reopen)', () => {
    expect(
      visitsOf([
        created('d1', 'demo', '2026-01-01T00:00:00Z'),
        moved('d1', 'demo', 'won', '2026-01-02T00:00:00Z'),
        recorded('DealWon', { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: '10.00', currency: 'EUR', ownerId: null }, '2026-01-02T00:00:00Z'),
        recorded('DealReopened', { dealId: 'd1', pipelineId: 'sales', fromStageId: 'won', toStageId: 'demo' }, '2026-01-04T00:00:00Z'),
      ]),
    ).toEqual([
      ['demo', 1, DAY, 'won'],
      ['won', 1, 2 * DAY, 'demo'],
      ['demo', 2, null, null],
    ]);
  });

  it('never records a negative duration when business times arrive out of order', () => {
    expect(visitsOf([created('d1', 'lead', '2026-01-05T00:00:00Z'), moved('d1', 'lead', 'demo', '2026-01-01T00:00:00Z')])[0]).toEqual([
      'lead',
      1,
      0,
      'demo',
    ]);
  });

  it('continues from the stored deal state and reports only the closed and the new visit as changed', () => {
    const first = run([
      created('d1', 'lead', '2026-01-01T00:00:00Z'),
      moved('d1', 'lead', 'demo', '2026-01-02T00:00:00Z'),
      moved('d1', 'demo', 'lead', '2026-01-03T00:00:00Z'),
    ]);
    expect(first.changedDeals).toEqual([
      { current: expect.objectContaining({ stageId: 'lead', seq: 3, visit: 2 }), visitCounts: { lead: 2, demo: 1 } },
    ]);
    const next = run([moved('d1', 'lead', 'demo', '2026-01-05T00:00:00Z')], first.state);
    expect(next.changedVisits.map((v) => [v.seq, v.stageId, v.visit, v.durationMs])).toEqual([
      [3, 'lead', 2, 2 * DAY],
      [4, 'demo', 2, null],
    ]);
  });

  it('opens no visit for changes that do not move a deal: amount, currency or owner', () => {
    const { changedVisits } = run([
      recorded('DealAmountChanged', { dealId: 'd1', previous: { amount: '10.00', currency: 'EUR' }, amount: '12.00', currency: 'USD' }, '2026-01-02T00:00:00Z'),
      recorded('DealOwnerAssigned', { dealId: 'd1', previous: null, ownerId: 'owner-b' }, '2026-01-02T00:00:00Z'),
    ], run([created('d1', 'lead', '2026-01-01T00:00:00Z')]).state);
    expect(changedVisits).toEqual([]);
  });

  it('ignores stage changes of a deal it never saw created', () => {
    expect(run([moved('ghost', 'lead', 'demo', '2026-01-02T00:00:00Z')]).changedVisits).toEqual([]);
  });

  it('keeps a deal in an archived stage in its open visit, and the stage rows follow probability changes and archiving', () => {
    const { state, changedPipelines } = run([
      recorded(
        'PipelineCreated',
        {
          pipelineId: 'sales',
          objectType: 'deal',
          name: 'Sales',
          stages: [
            { id: 'lead', label: 'Lead', probability: 0.1, closed: null, stuckAfterDays: null },
            { id: 'demo', label: 'Demo', probability: 0.5, closed: null, stuckAfterDays: null },
            { id: 'won', label: 'Won', probability: 1, closed: 'won', stuckAfterDays: null },
            { id: 'lost', label: 'Lost', probability: 0, closed: 'lost', stuckAfterDays: null },
          ],
        },
        '2026-01-01T00:00:00Z',
      ),
      created('d1', 'lead', '2026-01-01T00:00:00Z'),
      recorded('PipelineStageArchived', { pipelineId: 'sales', stageId: 'lead' }, '2026-01-02T00:00:00Z'),
      recorded('PipelineStageProbabilityChanged', { pipelineId: 'sales', stageId: 'demo', previous: 0.5, probability: 0.6 }, '2026-01-02T00:00:00Z'),
    ]);
    expect(state.deals.get('d1')).toMatchObject({ current: { stageId: 'lead', exitedAt: null }, visitCounts: { lead: 1 } });
    expect(stageRowsOf(changedPipelines[0]).map((row) => [row.stageId, row.probability, row.archived])).toEqual([
      ['demo', 0.6, false],
      ['won', 1, false],
      ['lost', 0, false],
      ['lead', 0.1, true],
    ]);
  });
});
