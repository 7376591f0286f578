import { inStream, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';
import { useProjectionSpec } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { mrrProjection } from './mrr.persistence.js';

const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });

// A DealCreated v3 as the deal decider writes it: a recurring contract of 12000.00 EUR over 12 months by default.
const created = (dealId: string, data: Readonly<Record<string, unknown>> = {}): StreamEvent[] =>
  inStream(
    `deal-${dealId}`,
    event('DealCreated', '2026-01-02T09:00:00.000Z', {
      dealId,
      name: `Deal ${dealId}`,
      pipelineId: 'sales',
      stageId: 'lead',
      amount: '12000.00',
      currency: 'EUR',
      revenueType: 'recurring',
      billingPeriod: 'month',
      contractTermMonths: 12,
      closeDate: '2026-01-31',
      ownerId: 'ann',
      contactIds: [],
      companyId: null,
      companyIds: [],
      properties: {},
      renewsDealId: null,
      ...data,
    }),
  );
const won = (dealId: string, occurredAt: string, amount = '12000.00') =>
  inStream(`deal-${dealId}`, event('DealWon', occurredAt, { dealId, pipelineId: 'sales', stageId: 'won', amount, currency: 'EUR', ownerId: 'ann' }));
const reopened = (dealId: string, occurredAt: string) =>
  inStream(`deal-${dealId}`, event('DealReopened', occurredAt, { dealId, pipelineId: 'sales', fromStageId: 'won', toStageId: 'lead' }));
const amountChanged = (dealId: string, occurredAt: string, previous: string, amount: string) =>
  inStream(`deal-${dealId}`, event('DealAmountChanged', occurredAt, { dealId, previous: { amount: previous, currency: 'EUR' }, amount, currency: 'EUR' }));

const MOVEMENTS = `SELECT deal_id, seq, to_char(month, 'YYYY-MM') AS month, kind, delta::text AS delta, currency, owner_id
                     FROM mrr_movements ORDER BY deal_id, seq`;
const move = (dealId: string, seq: number, month: string, kind: string, delta: string) => ({
  deal_id: dealId, seq, month, kind, delta, currency: 'EUR', owner_id: 'ann',
});

describe('mrr persistence', () => {
  const spec = useProjectionSpec(mrrProjection);

  it('stores a won contract as new MRR in the month of the win and its churn after the term, amounts exact', async () => {
    await spec
      .given(created('a'))
      .when([...won('a', '2026-01-15T10:00:00.000Z'), ...amountChanged('a', '2026-03-01T00:00:00.000Z', '12000.00', '12000.12')])
      .then(MOVEMENTS, [move('a', 0, '2026-01', 'new', '1000.00'), move('a', 1, '2026-03', 'expansion', '0.01'), move('a', 2, '2027-01', 'churn', '-1000.01')]);
  });

  it('renews a contract stored by an earlier batch, with both rows of the renewal naming the renewing win', async () => {
    const history = spec
      .given([...created('a'), ...won('a', '2026-01-15T10:00:00.000Z')])
      .when([...created('b', { amount: '9600.00', renewsDealId: 'a' }), ...won('b', '2026-12-20T10:00:00.000Z', '9600.00')]);
    await history.then(MOVEMENTS, [
      move('a', 0, '2026-01', 'new', '1000.00'),
      move('a', 1, '2026-12', 'renewal', '-1000.00'),
      move('b', 0, '2026-12', 'renewal', '800.00'),
      move('b', 1, '2027-12', 'churn', '-800.00'),
    ]);
    await history.then(`SELECT count(DISTINCT event_id)::int AS events FROM mrr_movements WHERE kind = 'renewal'`, [{ events: 1 }]);
  });

  it('undoes a renewal on the renewed deal when the renewing deal is reopened in a later batch', async () => {
    await spec
      .given([...created('a'), ...won('a', '2026-01-15T10:00:00.000Z'), ...created('b', { renewsDealId: 'a' }), ...won('b', '2026-12-20T10:00:00.000Z')])
      .when(reopened('b', '2027-01-10T00:00:00.000Z'))
      .then(MOVEMENTS, [move('a', 0, '2026-01', 'new', '1000.00'), move('a', 1, '2027-01', 'churn', '-1000.00')]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...created('a'), ...won('a', '2026-01-15T10:00:00.000Z')])
      .when([...created('b', { renewsDealId: 'a', amount: '13200.00' }), ...won('b', '2026-12-20T10:00:00.000Z', '13200.00')], { times: 2 })
      .then(`SELECT deal_id, kind, delta::text AS delta FROM mrr_movements ORDER BY deal_id, seq`, [
        { deal_id: 'a', kind: 'new', delta: '1000.00' },
        { deal_id: 'a', kind: 'renewal', delta: '-1000.00' },
        { deal_id: 'b', kind: 'renewal', delta: '1100.00' },
        { deal_id: 'b', kind: 'churn', delta: '-1100.00' },
      ]);
  });
});

describe('mrr rebuild', () => {
  const bed = useRebuildBed(mrrProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...created('a'),
      ...won('a', '2026-01-15T10:00:00.000Z'),
      ...created('jpy', { amount: '100', currency: 'JPY', contractTermMonths: 3 }),
      ...inStream('deal-jpy', event('DealWon', '2026-02-03T00:00:00.000Z', { dealId: 'jpy', pipelineId: 'sales', stageId: 'won', amount: '100', currency: 'JPY', ownerId: null })),
      ...amountChanged('a', '2026-03-01T00:00:00.000Z', '12000.00', '18000.00'),
      ...created('b', { renewsDealId: 'a' }),
      ...inStream('deal-a', event('DealOwnerAssigned', '2026-06-01T00:00:00.000Z', { dealId: 'a', previous: 'ann', ownerId: 'bob' })),
      ...won('b', '2026-12-20T10:00:00.000Z'),
      ...created('c', { renewsDealId: 'b', contractTermMonths: 6 }),
      ...won('c', '2027-02-01T10:00:00.000Z'),
      ...reopened('c', '2027-03-01T10:00:00.000Z'),
      ...inStream('deal-b', event('DealContractTermChanged', '2027-04-01T00:00:00.000Z', { dealId: 'b', previous: 12, contractTermMonths: 24 })),
    ];
    const { live, rebuilt } = await bed.compare(history, { mrr_deals: 'deal_id', mrr_movements: 'deal_id, seq' });
    expect(live.mrr_deals).toHaveLength(4);
    expect(live.mrr_movements).toHaveLength(8);
    expect(rebuilt).toEqual(live);
  });
});
