import type { RecordedEvent } from '#event-store';
import { dealCreatedData, recordedLog } from '#test/support/events';
import { stageRowsOf } from './pipeline-stages.projection.js';
import { closeMonthOf, reducePipelineHealth, shareChanges, type HealthDeal, type PipelineHealthState } from './pipeline-health.projection.js';

const record = recordedLog();
const recorded = (type: string, data: Record<string, unknown>, occurredAt: string): RecordedEvent => record(type, data, occurredAt, 'deal-x');

const stage = (id: string, probability: number, closed: 'won' | 'lost' | null = null, stuckAfterDays: number | null = null) => ({
  id,
  label: id.toUpperCase(),
  probability,
  closed,
  stuckAfterDays,
});

const pipelineCreated = recorded(
  'PipelineCreated',
  {
    pipelineId: 'sales',
    objectType: 'deal',
    name: 'Sales',
    stages: [stage('lead', 0.1, null, 7), stage('demo', 0.5, null, 14), stage('won', 1, 'won'), stage('lost', 0, 'lost')],
  },
  '2026-01-01T00:00:00Z',
);

const dealCreated = (dealId: string, occurredAt: string, overrides: object = {}) =>
  recorded('DealCreated', { ...dealCreatedData(dealId, { ownerId: 'owner-a', amount: '1000.00', currency: 'EUR' }), ...overrides }, occurredAt);

const moved = (dealId: string, fromStageId: string, toStageId: string, occurredAt: string) =>
  recorded('DealStageChanged', { dealId, pipelineId: 'sales', fromStageId, toStageId }, occurredAt);

const empty: PipelineHealthState = { pipelines: new Map(), deals: new Map() };

const run = (events: RecordedEvent[], state = empty) => reducePipelineHealth(state, events);

const dealAfter = (events: RecordedEvent[]): HealthDeal | undefined => run(events).state.deals.get('d1');

describe('pipeline-health reducer', () => {
  it('keeps one row per deal with where it stands, what it is worth and since when', () => {
    expect(dealAfter([pipelineCreated, dealCreated('d1', '2026-01-10T09:00:00+01:00')])).toEqual({
      dealId: 'd1',
      name: 'Deal d1',
      pipelineId: 'sales',
      stageId: 'lead',
      amount: '1000.00',
      currency: 'EUR',
      ownerId: 'owner-a',
      closeDate: '2026-03-31',
      outcome: 'open',
      enteredStageAt: '2026-01-10T08:00:00.000Z',
      createdAt: '2026-01-10T08:00:00.000Z',
      closedAt: null,
    });
  });

  it('restarts the time in stage when a deal re-enters a stage it left', () => {
    const deal = dealAfter([
      dealCreated('d1', '2026-01-10T00:00:00Z'),
      moved('d1', 'lead', 'demo', '2026-01-12T00:00:00Z'),
      moved('d1', 'demo', 'lead', '2026-01-20T00:00:00Z'),
    ]);
    expect(deal).toMatchObject({ stageId: 'lead', enteredStageAt: '2026-01-20T00:00:00.000Z', createdAt: '2026-01-10T00:00:00.000Z' });
  });

  it('closes a deal on a win, and a reopen (which carries the stage change itself) puts it back in an open stage', () => {
    const won = [
      dealCreated('d1', '2026-01-10T00:00:00Z'),
      moved('d1', 'lead', 'won', '2026-02-01T00:00:00Z'),
      recorded('DealWon', { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: '1000.00', currency: 'EUR', ownerId: 'owner-a' }, '2026-02-01T00:00:00Z'),
    ];
    expect(dealAfter(won)).toMatchObject({ stageId: 'won', outcome: 'won', closedAt: '2026-02-01T00:00:00.000Z' });

    const reopened = [...won, recorded('DealReopened', { dealId: 'd1', pipelineId: 'sales', fromStageId: 'won', toStageId: 'demo' }, '2026-02-05T00:00:00Z')];
    expect(dealAfter(reopened)).toMatchObject({ stageId: 'demo', outcome: 'open', closedAt: null, enteredStageAt: '2026-02-05T00:00:00.000Z' });

    const lostAgain = [
      ...reopened,
      moved('d1', 'demo', 'lost', '2026-02-09T00:00:00Z'),
      recorded('DealLost', { dealId: 'd1', pipelineId: 'sales', stageId: 'lost', reason: 'budget' }, '2026-02-09T00:00:00Z'),
    ];
    expect(dealAfter(lostAgain)).toMatchObject({ stageId: 'lost', outcome: 'lost', closedAt: '2026-02-09T00:00:00.000Z' });
  });

  it('moves the amount to the new currency when a change of amount changes the currency', () => {
    const deal = dealAfter([
      dealCreated('d1', '2026-01-10T00:00:00Z'),
      recorded('DealAmountChanged', { dealId: 'd1', previous: { amount: '1000.00', currency: 'EUR' }, amount: '1.250', currency: 'BHD' }, '2026-01-11T00:00:00Z'),
    ]);
    expect(deal).toMatchObject({ amount: '1.250', currency: 'BHD' });
  });

  it('follows owner changes, including unassignment, and renames and close-date changes', () => {
    const events = [
      dealCreated('d1', '2026-01-10T00:00:00Z'),
      recorded('DealOwnerAssigned', { dealId: 'd1', previous: 'owner-a', ownerId: 'owner-b' }, '2026-01-11T00:00:00Z'),
      recorded('DealRenamed', { dealId: 'd1', previous: 'Deal d1', name: 'Big deal' }, '2026-01-11T00:00:00Z'),
      recorded('DealCloseDateChanged', { dealId: 'd1', previous: '2026-03-31', closeDate: '2026-04-15' }, '2026-01-11T00:00:00Z'),
    ];
    expect(dealAfter(events)).toMatchObject({ ownerId: 'owner-b', name: 'Big deal', closeDate: '2026-04-15' });
    const unassigned = [...events, recorded('DealOwnerAssigned', { dealId: 'd1', previous: 'owner-b', ownerId: null }, '2026-01-12T00:00:00Z')];
    expect(dealAfter(unassigned)?.ownerId).toBeNull();
  });

  it('changes only the stage row on a probability change, so open deals are re-weighted without touching them', () => {
    const before = run([pipelineCreated, dealCreated('d1', '2026-01-10T00:00:00Z')]).state;
    const changed = run(
      [recorded('PipelineStageProbabilityChanged', { pipelineId: 'sales', stageId: 'lead', previous: 0.1, probability: 0.25 }, '2026-01-12T00:00:00Z')],
      before,
    );
    expect(changed.changedDeals).toEqual([]);
    expect(changed.changedPipelines.flatMap(stageRowsOf).find((row) => row.stageId === 'lead')).toMatchObject({ probability: 0.25, sortOrder: 0 });
    expect(changed.state.deals.get('d1')).toBe(before.deals.get('d1'));
  });

  it('keeps deals in an archived stage there, and lists the archived stage after the active ones', () => {
    const { state, changedPipelines } = run([
      pipelineCreated,
      dealCreated('d1', '2026-01-10T00:00:00Z'),
      recorded('PipelineStageAdded', { pipelineId: 'sales', stage: stage('trial', 0.7, null, 30), position: 2 }, '2026-01-11T00:00:00Z'),
      recorded('PipelineStageArchived', { pipelineId: 'sales', stageId: 'lead' }, '2026-01-12T00:00:00Z'),
      recorded('PipelineStageRenamed', { pipelineId: 'sales', stageId: 'demo', previous: 'DEMO', label: 'Demo' }, '2026-01-12T00:00:00Z'),
    ]);
    expect(state.deals.get('d1')).toMatchObject({ stageId: 'lead', outcome: 'open' });
    expect(changedPipelines.flatMap(stageRowsOf).map((row) => [row.stageId, row.label, row.sortOrder, row.archived])).toEqual([
      ['demo', 'Demo', 0, false],
      ['trial', 'TRIAL', 1, false],
      ['won', 'WON', 2, false],
      ['lost', 'LOST', 3, false],
      ['lead', 'LEAD', 4, true],
    ]);
  });

  it('follows reorders and renames of the pipeline', () => {
    const { changedPipelines } = run([
      pipelineCreated,
      recorded('PipelineStagesReordered', { pipelineId: 'sales', previous: ['lead', 'demo', 'won', 'lost'], stageIds: ['demo', 'lead', 'lost', 'won'] }, '2026-01-12T00:00:00Z'),
      recorded('PipelineRenamed', { pipelineId: 'sales', previous: 'Sales', name: 'New business' }, '2026-01-12T00:00:00Z'),
    ]);
    expect(changedPipelines[0].name).toBe('New business');
    expect(stageRowsOf(changedPipelines[0]).map((row) => row.stageId)).toEqual(['demo', 'lead', 'lost', 'won']);
  });

  it('ignores events of a deal it never saw created, and reports each touched deal once per batch', () => {
    const orphan = run([moved('ghost', 'lead', 'demo', '2026-01-12T00:00:00Z')]);
    expect(orphan.changedDeals).toEqual([]);
    const batch = run([dealCreated('d1', '2026-01-10T00:00:00Z'), moved('d1', 'lead', 'demo', '2026-01-11T00:00:00Z'), dealCreated('d2', '2026-01-10T00:00:00Z')]);
    expect(batch.changedDeals.map((deal) => [deal.dealId, deal.stageId])).toEqual([
      ['d1', 'demo'],
      ['d2', 'lead'],
    ]);
  });
});

describe('pipeline-health totals', () => {
  it("moves a changed deal's share out of the group it was in and into the one it is in now", () => {
    const before = run([pipelineCreated, dealCreated('d1', '2026-01-10T00:00:00Z', { amount: '1234.50' })]).state;
    const later = run([moved('d1', 'lead', 'demo', '2026-01-12T00:00:00Z')], before);
    expect(shareChanges(before.deals, later.changedDeals)).toEqual([
      { pipelineId: 'sales', stageId: 'lead', currency: 'EUR', outcome: 'open', closeMonth: '2026-03', sign: -1, amount: '1234.50', enteredStageAt: '2026-01-10T00:00:00.000Z' },
      { pipelineId: 'sales', stageId: 'demo', currency: 'EUR', outcome: 'open', closeMonth: '2026-03', sign: 1, amount: '1234.50', enteredStageAt: '2026-01-12T00:00:00.000Z' },
    ]);
  });

  it('adds a new deal once, with its amount as the event spells it (JPY has no decimals)', () => {
    const { changedDeals } = run([pipelineCreated, dealCreated('d1', '2026-01-10T00:00:00Z', { amount: '150000', currency: 'JPY', closeDate: '2026-12-01' })]);
    expect(shareChanges(empty.deals, changedDeals)).toEqual([
      { pipelineId: 'sales', stageId: 'lead', currency: 'JPY', outcome: 'open', closeMonth: '2026-12', sign: 1, amount: '150000', enteredStageAt: '2026-01-10T00:00:00.000Z' },
    ]);
  });

  it('counts an open deal in the month of its expected close date, a closed one in the month it closed', () => {
    const open = run([pipelineCreated, dealCreated('d1', '2026-01-10T00:00:00Z', { closeDate: '2026-03-31' })]).state;
    // Won on 5 February (UTC), though expected on 31 March: the forecast counts it in February.
    const won = run(
      [
        moved('d1', 'lead', 'won', '2026-02-05T23:30:00-01:00'),
        recorded('DealWon', { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: '1000.00', currency: 'EUR', ownerId: 'owner-a' }, '2026-02-05T23:30:00-01:00'),
      ],
      open,
    );
    const share = (changes: ReturnType<typeof shareChanges>) => changes.map((s) => [s.sign, s.outcome, s.closeMonth]);
    expect(share(shareChanges(open.deals, won.changedDeals))).toEqual([
      [-1, 'open', '2026-03'],
      [1, 'won', '2026-02'],
    ]);
    // Reopened: back to its expected close date; lost later: the month it was lost.
    const reopened = run([recorded('DealReopened', { dealId: 'd1', pipelineId: 'sales', fromStageId: 'won', toStageId: 'demo' }, '2026-04-02T00:00:00Z')], won.state);
    expect(share(shareChanges(won.state.deals, reopened.changedDeals))).toEqual([
      [-1, 'won', '2026-02'],
      [1, 'open', '2026-03'],
    ]);
    const lost = run([recorded('DealLost', { dealId: 'd1', pipelineId: 'sales', stageId: 'lost', reason: 'budget' }, '2026-04-30T23:59:59.999Z')], reopened.state);
    expect(share(shareChanges(reopened.state.deals, lost.changedDeals))).toEqual([
      [-1, 'open', '2026-03'],
      [1, 'lost', '2026-04'],
    ]);
  });

  it('spells the month of a close beyond year 9999 or before year 1 as the stored instant reads back', () => {
    expect(closeMonthOf({ closeDate: '2026-03-31', closedAt: null })).toBe('2026-03');
    expect(closeMonthOf({ closeDate: '2026-03-31', closedAt: '+010000-01-01T00:00:00.000Z' })).toBe('+010000-01');
    expect(closeMonthOf({ closeDate: '2026-03-31', closedAt: '0000-06-01T00:00:00.000Z' })).toBe('0000-06');
    // Before PostgreSQL's first instant: stored (and counted) as that instant.
    expect(closeMonthOf({ closeDate: '2026-03-31', closedAt: '-271821-04-20T00:00:00.000Z' })).toBe('-004713-11');
  });
});
