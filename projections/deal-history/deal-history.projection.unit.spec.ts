import type { RecordedEvent } from '#event-store';
import { recordedLog } from '#test/support/events';
import { reduceDealHistory, type DealHistoryState } from './deal-history.projection.js';

const EMPTY: DealHistoryState = { pipelines: new Map(), deals: new Map() };

const stage = (id: string, probability: number, closed: 'won' | 'lost' | null = null) => ({ id, label: id, probability, closed, stuckAfterDays: null });

/** A fresh log: the sales pipeline (lead 0.2, demo 0.5, won, lost) on Jan 1, and helpers for one deal's events. */
const history = () => {
  const record = recordedLog();
  const pipeline = (type: string, data: Record<string, unknown>, at: string) => record(type, { pipelineId: 'sales', ...data }, at, 'pipeline-sales');
  const deal = (type: string, data: Record<string, unknown>, at: string) => record(type, { dealId: 'd1', ...data }, at, 'deal-d1');
  const created = pipeline('PipelineCreated', { objectType: 'deal', name: 'Sales', stages: [stage('lead', 0.2), stage('demo', 0.5), stage('won', 1, 'won'), stage('lost', 0, 'lost')] }, '2026-01-01T00:00:00.000Z');
  const dealCreated = (at: string, data: Record<string, unknown> = {}) =>
    deal('DealCreated', { name: 'Deal', pipelineId: 'sales', stageId: 'lead', amount: '1000.00', currency: 'EUR', contractTermMonths: 12, closeDate: '2026-10-31', ownerId: 'o1', contactIds: [], companyId: null, companyIds: [], properties: {}, ...data }, at);
  return { record, pipeline, deal, created, dealCreated };
};

const versionsOf = (events: readonly RecordedEvent[], state = EMPTY) => reduceDealHistory(state, events);

describe('deal history, the pure part', () => {
  it('keeps one version per change, each valid until the next one begins, with the stage probability then', () => {
    const { deal, created, dealCreated } = history();
    const { dealVersions } = versionsOf([
      created,
      dealCreated('2026-09-01T10:00:00.000Z'),
      deal('DealStageChanged', { pipelineId: 'sales', fromStageId: 'lead', toStageId: 'demo' }, '2026-09-10T10:00:00.000Z'),
      deal('DealCloseDateChanged', { previous: '2026-10-31', closeDate: '2026-11-15' }, '2026-10-05T10:00:00.000Z'),
    ]);
    expect(dealVersions.map(({ seq, eventId, validFrom, validTo, stageId, probability, closeDate }) => ({ seq, eventId, validFrom, validTo, stageId, probability, closeDate }))).toEqual([
      { seq: 1, eventId: 'event-2', validFrom: '2026-09-01T10:00:00.000Z', validTo: '2026-09-10T10:00:00.000Z', stageId: 'lead', probability: '0.2', closeDate: '2026-10-31' },
      { seq: 2, eventId: 'event-3', validFrom: '2026-09-10T10:00:00.000Z', validTo: '2026-10-05T10:00:00.000Z', stageId: 'demo', probability: '0.5', closeDate: '2026-10-31' },
      { seq: 3, eventId: 'event-4', validFrom: '2026-10-05T10:00:00.000Z', validTo: null, stageId: 'demo', probability: '0.5', closeDate: '2026-11-15' },
    ]);
  });

  it('records the win with its close time, and a reopen clears it', () => {
    const { deal, created, dealCreated } = history();
    const { state } = versionsOf([
      created,
      dealCreated('2026-09-01T10:00:00.000Z'),
      deal('DealStageChanged', { pipelineId: 'sales', fromStageId: 'lead', toStageId: 'won' }, '2026-10-12T08:00:00.000Z'),
      deal('DealWon', { pipelineId: 'sales', stageId: 'won', amount: '1000.00', currency: 'EUR', ownerId: 'o1' }, '2026-10-12T08:00:00.000Z'),
    ]);
    expect(state.deals.get('d1')).toMatchObject({ seq: 3, outcome: 'won', closedAt: '2026-10-12T08:00:00.000Z', stageId: 'won', probability: '1' });
    const reopened = versionsOf([deal('DealReopened', { pipelineId: 'sales', fromStageId: 'won', toStageId: 'demo' }, '2026-10-20T00:00:00.000Z')], state);
    expect(reopened.state.deals.get('d1')).toMatchObject({ seq: 4, outcome: 'open', closedAt: null, stageId: 'demo', enteredStageAt: '2026-10-20T00:00:00.000Z' });
    expect(reopened.dealVersions.map(({ seq, validTo }) => ({ seq, validTo }))).toEqual([
      { seq: 3, validTo: '2026-10-20T00:00:00.000Z' },
      { seq: 4, validTo: null },
    ]);
  });

  it('adds nothing when a batch is applied again (a lost checkpoint)', () => {
    const { deal, created, dealCreated } = history();
    const events = [created, dealCreated('2026-09-01T10:00:00.000Z'), deal('DealRenamed', { previous: 'Deal', name: 'Big deal' }, '2026-09-02T10:00:00.000Z')];
    const first = versionsOf(events);
    const again = versionsOf(events, first.state);
    expect(again.dealVersions).toEqual([]);
    expect(again.pipelineVersions).toEqual([]);
    expect(again.stageRows).toEqual([]);
  });

  it('never runs valid time backwards: a change dated before the version in force takes effect when that version did', () => {
    const { deal, created, dealCreated } = history();
    const { dealVersions } = versionsOf([
      created,
      dealCreated('2026-09-05T00:00:00.000Z'),
      deal('DealAmountChanged', { previous: { amount: '1000.00', currency: 'EUR' }, amount: '1500.00', currency: 'EUR' }, '2026-09-01T00:00:00.000Z'),
    ]);
    expect(dealVersions.map(({ validFrom, validTo, occurredAt, amount }) => ({ validFrom, validTo, occurredAt, amount }))).toEqual([
      { validFrom: '2026-09-05T00:00:00.000Z', validTo: '2026-09-05T00:00:00.000Z', occurredAt: '2026-09-05T00:00:00.000Z', amount: '1000.00' },
      { validFrom: '2026-09-05T00:00:00.000Z', validTo: null, occurredAt: '2026-09-01T00:00:00.000Z', amount: '1500.00' },
    ]);
  });

  it('versions the pipelines: a probability change closes the version in force and new deal versions use the new one', () => {
    const { pipeline, created, dealCreated } = history();
    const { pipelineVersions, stageRows, dealVersions } = versionsOf([
      created,
      pipeline('PipelineStageProbabilityChanged', { stageId: 'lead', previous: 0.2, probability: 0.3 }, '2026-06-01T00:00:00.000Z'),
      dealCreated('2026-09-01T10:00:00.000Z'),
    ]);
    expect(pipelineVersions.map(({ seq, validFrom, validTo }) => ({ seq, validFrom, validTo }))).toEqual([
      { seq: 1, validFrom: '1900-01-01T00:00:00.000Z', validTo: '2026-06-01T00:00:00.000Z' },
      { seq: 2, validFrom: '2026-06-01T00:00:00.000Z', validTo: null },
    ]);
    expect(stageRows.filter((row) => row.stageId === 'lead').map(({ seq, probability }) => ({ seq, probability }))).toEqual([
      { seq: 1, probability: 0.2 },
      { seq: 2, probability: 0.3 },
    ]);
    expect(dealVersions[0].probability).toBe('0.3');
  });

  it('reads amounts stored as numbers before #17 as decimal strings in the currency\'s digits, and the revenue type', () => {
    const { deal, created, dealCreated } = history();
    const { state } = versionsOf([
      created,
      dealCreated('2026-09-01T10:00:00.000Z', { amount: 150000, currency: 'JPY' }),
      deal('DealRevenueTypeChanged', { previous: { revenueType: 'one-off', billingPeriod: null }, revenueType: 'recurring', billingPeriod: 'month' }, '2026-09-02T00:00:00.000Z'),
      deal('DealAmountChanged', { previous: { amount: 150000, currency: 'JPY' }, amount: 1200.5, currency: 'USD' }, '2026-09-03T00:00:00.000Z'),
    ]);
    expect(state.deals.get('d1')).toMatchObject({ amount: '1200.50', currency: 'USD', revenueType: 'recurring', billingPeriod: 'month', seq: 3 });
  });

  it('ignores events of a deal it has not seen created, and a second creation', () => {
    const { deal, created, dealCreated } = history();
    const { dealVersions } = versionsOf([
      created,
      deal('DealRenamed', { previous: 'x', name: 'y' }, '2026-08-01T00:00:00.000Z'),
      dealCreated('2026-09-01T10:00:00.000Z'),
      dealCreated('2026-09-02T10:00:00.000Z', { amount: '5.00' }),
    ]);
    expect(dealVersions.map(({ seq, amount }) => ({ seq, amount }))).toEqual([{ seq: 1, amount: '1000.00' }]);
  });
});
