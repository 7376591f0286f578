import fc from 'fast-check';
import type { DealCreated } from '#domain/deal';
import { addAmounts, compareAmounts } from '#domain/shared';
import { position } from '#event-store';
import { addMonths, compareMonths, monthOf, movementsOf, pgMonth, reduceMrr, type MrrDeal, type MrrDealEvent, type MrrInput, type MrrMovement } from './mrr.projection.js';

let ids = 0;
const at = (occurredAt: string, event: MrrDealEvent, id = `ev-${ids + 1}`): MrrInput => ({ id, position: position(BigInt(++ids)), occurredAt, event });

const created = (dealId: string, data: Partial<DealCreated['data']> = {}): MrrDealEvent => ({
  type: 'DealCreated',
  data: {
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
  },
});
const won = (dealId: string, amount = '12000.00', currency = 'EUR'): MrrDealEvent => ({
  type: 'DealWon',
  data: { dealId, pipelineId: 'sales', stageId: 'won', amount, currency, ownerId: 'ann' },
});
const amountChanged = (dealId: string, previous: string, amount: string, currency = 'EUR'): MrrDealEvent => ({
  type: 'DealAmountChanged',
  data: { dealId, previous: { amount: previous, currency: 'EUR' }, amount, currency },
});
const termChanged = (dealId: string, previous: number, contractTermMonths: number): MrrDealEvent => ({
  type: 'DealContractTermChanged',
  data: { dealId, previous, contractTermMonths },
});
const reopened = (dealId: string): MrrDealEvent => ({ type: 'DealReopened', data: { dealId, pipelineId: 'sales', fromStageId: 'won', toStageId: 'lead' } });
const lost = (dealId: string): MrrDealEvent => ({ type: 'DealLost', data: { dealId, pipelineId: 'sales', stageId: 'lost', reason: 'price' } });

/** Every deal's movements after `inputs`, applied in batches of `batch` (all at once by default). */
const movements = (inputs: readonly MrrInput[], batch = inputs.length, times = 1): MrrMovement[] => {
  let deals: ReadonlyMap<string, MrrDeal> = new Map();
  for (let start = 0; start < inputs.length; start += batch) {
    for (let time = 0; time < times; time++) deals = reduceMrr(deals, inputs.slice(start, start + batch)).deals;
  }
  return [...deals.values()].flatMap(movementsOf);
};

/** The movements as (deal, month, kind, delta, eventId) for short expectations. */
const brief = (rows: readonly MrrMovement[]) => rows.map((row) => [row.dealId, row.month, row.kind, row.delta, row.currency, row.eventId]);

describe('mrr projection', () => {
  it('books a won recurring deal as new MRR in the month of the win, and churns it in the first month after its term', () => {
    const rows = movements([at('2026-01-02T09:00:00.000Z', created('d1')), at('2026-01-15T10:00:00.000Z', won('d1'), 'win-1')]);
    expect(brief(rows)).toEqual([
      ['d1', '2026-01', 'new', '1000.00', 'EUR', 'win-1'],
      ['d1', '2027-01', 'churn', '-1000.00', 'EUR', 'win-1'],
    ]);
    expect(rows[0]).toMatchObject({ seq: 0, ownerId: 'ann', pipelineId: 'sales' });
  });

  it('rounds MRR half to even in the currency digits: 100 JPY over 3 months is 33, 150 over 4 is 38, 130 over 4 is 32', () => {
    const mrr = (amount: string, term: number) =>
      movements([
        at('2026-01-01T00:00:00.000Z', created('d', { amount, currency: 'JPY', contractTermMonths: term })),
        at('2026-01-15T00:00:00.000Z', won('d', amount, 'JPY')),
      ])[0].delta;
    expect([mrr('100', 3), mrr('150', 4), mrr('130', 4)]).toEqual(['33', '38', '32']);
  });

  it('has no MRR for a one-off deal, an open or lost one, or events before a deal was created', () => {
    expect(
      movements([
        at('2026-01-01T00:00:00.000Z', won('ghost')),
        at('2026-01-01T00:00:00.000Z', created('one-off', { revenueType: 'one-off', billingPeriod: null })),
        at('2026-01-15T00:00:00.000Z', won('one-off')),
        at('2026-01-01T00:00:00.000Z', created('open')),
        at('2026-01-01T00:00:00.000Z', created('lost')),
        at('2026-01-15T00:00:00.000Z', lost('lost')),
      ]),
    ).toEqual([]);
  });

  it('books a raised amount on a won deal as expansion and a lowered one as contraction, in the month of each change', () => {
    const rows = movements([
      at('2026-01-01T00:00:00.000Z', created('d1')),
      at('2026-01-15T00:00:00.000Z', won('d1'), 'win'),
      at('2026-03-10T00:00:00.000Z', amountChanged('d1', '12000.00', '18000.00'), 'raise'),
      at('2026-05-10T00:00:00.000Z', amountChanged('d1', '18000.00', '15000.00'), 'cut'),
      // Before the win, an amount change is no movement: the win books what the deal is worth then.
      at('2026-01-01T00:00:00.000Z', created('d2')),
      at('2026-01-05T00:00:00.000Z', amountChanged('d2', '12000.00', '6000.00')),
      at('2026-02-01T00:00:00.000Z', won('d2', '6000.00'), 'win-2'),
    ]);
    expect(brief(rows)).toEqual([
      ['d1', '2026-01', 'new', '1000.00', 'EUR', 'win'],
      ['d1', '2026-03', 'expansion', '500.00', 'EUR', 'raise'],
      ['d1', '2026-05', 'contraction', '-250.00', 'EUR', 'cut'],
      ['d1', '2027-01', 'churn', '-1250.00', 'EUR', 'win'],
      ['d2', '2026-02', 'new', '500.00', 'EUR', 'win-2'],
      ['d2', '2027-02', 'churn', '-500.00', 'EUR', 'win-2'],
    ]);
  });

  it('moves the MRR to the new currency when a won deal changes currency', () => {
    const rows = movements([
      at('2026-01-01T00:00:00.000Z', created('d1')),
      at('2026-01-15T00:00:00.000Z', won('d1'), 'win'),
      at('2026-02-10T00:00:00.000Z', amountChanged('d1', '12000.00', '1200000', 'JPY'), 'yen'),
    ]);
    expect(brief(rows)).toEqual([
      ['d1', '2026-01', 'new', '1000.00', 'EUR', 'win'],
      ['d1', '2026-02', 'contraction', '-1000.00', 'EUR', 'yen'],
      ['d1', '2026-02', 'expansion', '100000', 'JPY', 'yen'],
      ['d1', '2027-01', 'churn', '-100000', 'JPY', 'win'],
    ]);
  });

  it('lets a won deal that renews a contract in force replace its MRR: the renewal pair nets to the difference, nothing churns', () => {
    const rows = movements([
      at('2026-01-01T00:00:00.000Z', created('a')),
      at('2026-01-15T00:00:00.000Z', won('a'), 'win-a'),
      at('2026-11-01T00:00:00.000Z', created('b', { amount: '14400.00', renewsDealId: 'a' })),
      at('2026-12-20T00:00:00.000Z', won('b', '14400.00'), 'win-b'),
    ]);
    expect(brief(rows)).toEqual([
      ['a', '2026-01', 'new', '1000.00', 'EUR', 'win-a'],
      ['a', '2026-12', 'renewal', '-1000.00', 'EUR', 'win-b'],
      ['b', '2026-12', 'renewal', '1200.00', 'EUR', 'win-b'],
      ['b', '2027-12', 'churn', '-1200.00', 'EUR', 'win-b'],
    ]);
  });

  it('takes a renewal in the month the churn would show, but not later: a late renewal is new business after the churn', () => {
    const history = (winB: string) => [
      at('2026-01-01T00:00:00.000Z', created('a')),
      at('2026-01-15T00:00:00.000Z', won('a'), 'win-a'),
      at('2026-11-01T00:00:00.000Z', created('b', { renewsDealId: 'a' })),
      at(winB, won('b'), 'win-b'),
    ];
    expect(brief(movements(history('2027-01-31T23:59:59.999Z'))).map((row) => row.slice(1, 3))).toEqual([
      ['2026-01', 'new'],
      ['2027-01', 'renewal'],
      ['2027-01', 'renewal'],
      ['2028-01', 'churn'],
    ]);
    expect(brief(movements(history('2027-02-01T00:00:00.000Z'))).map((row) => row.slice(1, 3))).toEqual([
      ['2026-01', 'new'],
      ['2027-01', 'churn'],
      ['2027-02', 'new'],
      ['2028-02', 'churn'],
    ]);
  });

  it('moves the churn when the term of a won deal changes, and re-spreads its amount over the new term', () => {
    const rows = movements([
      at('2026-01-01T00:00:00.000Z', created('d1')),
      at('2026-01-15T00:00:00.000Z', won('d1'), 'win'),
      // Extended to 24 months for twice the value: the MRR stays, the churn moves a year on.
      at('2026-06-01T00:00:00.000Z', termChanged('d1', 12, 24), 'term'),
      at('2026-06-01T00:00:01.000Z', amountChanged('d1', '12000.00', '24000.00'), 'value'),
    ]);
    expect(brief(rows)).toEqual([
      ['d1', '2026-01', 'new', '1000.00', 'EUR', 'win'],
      ['d1', '2026-06', 'contraction', '-500.00', 'EUR', 'term'],
      ['d1', '2026-06', 'expansion', '500.00', 'EUR', 'value'],
      ['d1', '2028-01', 'churn', '-1000.00', 'EUR', 'term'],
    ]);
  });

  it('books a correction dated before a later change in that change\'s month, so no month holds less than nothing', () => {
    const rows = movements([
      at('2026-01-01T00:00:00.000Z', created('d1')),
      at('2026-01-15T00:00:00.000Z', won('d1'), 'win'),
      at('2026-06-01T00:00:00.000Z', termChanged('d1', 12, 6), 'term'),
      // Entered later, dated in March: the MRR from June was set by the shorter term, so the correction starts there.
      at('2026-03-10T00:00:00.000Z', amountChanged('d1', '12000.00', '0'), 'correction'),
    ]);
    expect(brief(rows)).toEqual([
      ['d1', '2026-01', 'new', '1000.00', 'EUR', 'win'],
      ['d1', '2026-06', 'expansion', '1000.00', 'EUR', 'term'],
      ['d1', '2026-06', 'contraction', '-2000.00', 'EUR', 'correction'],
    ]);
  });

  it('counts a deal turned recurring after its win as new MRR then, and one turned one-off as a contraction', () => {
    const revenueType = (dealId: string, to: 'one-off' | 'recurring'): MrrDealEvent => ({
      type: 'DealRevenueTypeChanged',
      data: {
        dealId,
        previous: to === 'recurring' ? { revenueType: 'one-off', billingPeriod: null } : { revenueType: 'recurring', billingPeriod: 'month' },
        revenueType: to,
        billingPeriod: to === 'recurring' ? 'year' : null,
      },
    });
    const rows = movements([
      at('2026-01-01T00:00:00.000Z', created('d1', { revenueType: 'one-off', billingPeriod: null })),
      at('2026-01-15T00:00:00.000Z', won('d1'), 'win'),
      at('2026-03-01T00:00:00.000Z', revenueType('d1', 'recurring'), 'to-recurring'),
      at('2026-04-01T00:00:00.000Z', revenueType('d1', 'one-off'), 'to-one-off'),
    ]);
    expect(brief(rows)).toEqual([
      ['d1', '2026-03', 'new', '1000.00', 'EUR', 'to-recurring'],
      ['d1', '2026-04', 'contraction', '-1000.00', 'EUR', 'to-one-off'],
    ]);
  });

  it('takes a reopened deal out as if never won; a renewal of it becomes new, and reopening the renewal brings the churn back', () => {
    const base = [
      at('2026-01-01T00:00:00.000Z', created('a')),
      at('2026-01-15T00:00:00.000Z', won('a'), 'win-a'),
      at('2026-11-01T00:00:00.000Z', created('b', { renewsDealId: 'a' })),
      at('2026-12-20T00:00:00.000Z', won('b'), 'win-b'),
    ];
    expect(brief(movements([...base, at('2027-02-01T00:00:00.000Z', reopened('a'))]))).toEqual([
      ['b', '2026-12', 'new', '1000.00', 'EUR', 'win-b'],
      ['b', '2027-12', 'churn', '-1000.00', 'EUR', 'win-b'],
    ]);
    expect(brief(movements([...base, at('2027-02-01T00:00:00.000Z', reopened('b'))]))).toEqual([
      ['a', '2026-01', 'new', '1000.00', 'EUR', 'win-a'],
      ['a', '2027-01', 'churn', '-1000.00', 'EUR', 'win-a'],
    ]);
  });

  it('derives the same movements whatever the batches, also applied twice, and gives every row the current owner', () => {
    const history = [
      at('2026-01-01T00:00:00.000Z', created('a')),
      at('2026-01-15T00:00:00.000Z', won('a'), 'win-a'),
      at('2026-03-10T00:00:00.000Z', amountChanged('a', '12000.00', '13200.00'), 'raise'),
      at('2026-11-01T00:00:00.000Z', created('b', { renewsDealId: 'a' })),
      at('2026-12-20T00:00:00.000Z', won('b'), 'win-b'),
      at('2027-01-05T00:00:00.000Z', { type: 'DealOwnerAssigned', data: { dealId: 'a', previous: 'ann', ownerId: 'bob' } }),
    ];
    const whole = movements(history);
    for (const batch of [1, 2, 4]) expect(movements(history, batch)).toEqual(whole);
    // Each batch applied twice, as after a lost checkpoint.
    for (const batch of [1, 3, history.length]) expect(movements(history, batch, 2)).toEqual(whole);
    expect(whole.filter((row) => row.dealId === 'a').map((row) => row.ownerId)).toEqual(['bob', 'bob', 'bob']);
  });

  it('reads months in UTC and counts them across years', () => {
    expect(monthOf('2026-02-01T01:00:00.000+02:00')).toBe('2026-01');
    expect(addMonths('2026-01', 12)).toBe('2027-01');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('9999-12', 1)).toBe('+010000-01');
  });

  it('stores a month PostgreSQL can hold, even the month its range starts in (4714-11-24 BC, mid-month)', () => {
    expect(pgMonth('2026-01')).toBe('2026-01-01');
    expect(pgMonth(monthOf('-221923-07-04T19:43:31.047Z'))).toBe('4714-11-24 BC');
    expect(pgMonth('-004713-12')).toBe('4714-12-01 BC');
    expect(pgMonth(addMonths('+275760-09', 120))).toBe('275770-09-01');
  });

  describe('over any history of a few deals', () => {
    const dealIds = ['a', 'b', 'c'] as const;
    const dealId = fc.constantFrom(...dealIds);
    const currency = fc.constantFrom('EUR', 'JPY', 'BHD');
    const amount = fc.oneof(fc.constantFrom('0', '1', '100', '12000.00'), fc.integer({ min: 0, max: 10 ** 9 }).map(String));
    const term = fc.integer({ min: 1, max: 120 });
    const revenue = fc.constantFrom('one-off', 'recurring');
    const event: fc.Arbitrary<MrrDealEvent> = fc.oneof(
      fc.record({ id: dealId, amount, currency, term, revenue, renews: fc.option(dealId) }).map(({ id, amount, currency, term, revenue, renews }) =>
        created(id, { amount, currency, contractTermMonths: term, revenueType: revenue, billingPeriod: revenue === 'recurring' ? 'month' : null, renewsDealId: renews }),
      ),
      fc.record({ id: dealId, amount, currency }).map(({ id, amount, currency }) => won(id, amount, currency)),
      dealId.map(lost),
      dealId.map(reopened),
      fc.record({ id: dealId, amount, currency }).map(({ id, amount, currency }) => amountChanged(id, '0', amount, currency)),
      fc.record({ id: dealId, term }).map(({ id, term }) => termChanged(id, 12, term)),
      fc.record({ id: dealId, revenue }).map(({ id, revenue }): MrrDealEvent => ({
        type: 'DealRevenueTypeChanged',
        data: { dealId: id, previous: { revenueType: 'one-off', billingPeriod: null }, revenueType: revenue, billingPeriod: revenue === 'recurring' ? 'quarter' : null },
      })),
      dealId.map((id): MrrDealEvent => ({ type: 'DealOwnerAssigned', data: { dealId: id, previous: null, ownerId: 'bob' } })),
    );
    // Business times in any order over four years: imports and corrections arrive late.
    const timed = fc.tuple(event, fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 28 })).map(([e, month, day]) =>
      at(`${addMonths('2026-01', month)}-${String(day).padStart(2, '0')}T12:00:00.000Z`, e),
    );
    const history = fc.array(timed, { minLength: 1, maxLength: 25 });

    it('ends every contract it starts, never has negative MRR in force, and is the same in any batches applied any times', () => {
      fc.assert(
        fc.property(history, fc.integer({ min: 1, max: 5 }), (inputs, batch) => {
          const rows = movements(inputs);
          expect(movements(inputs, batch, 2)).toEqual(rows);
          const balance = new Map<string, string>();
          const ordered = [...rows].sort((x, y) => x.dealId.localeCompare(y.dealId) || compareMonths(x.month, y.month) || x.seq - y.seq);
          ordered.forEach((row, index) => {
            const key = `${row.dealId}|${row.currency}`;
            balance.set(key, addAmounts(balance.get(key) ?? '0', row.delta, row.currency));
            const next = ordered[index + 1];
            // At the end of each of its months, a deal's MRR in force in a currency is never below zero.
            if (!next || next.dealId !== row.dealId || next.month !== row.month) {
              for (const [held, mrr] of balance) if (held.startsWith(`${row.dealId}|`)) expect(compareAmounts(mrr, '0')).toBeGreaterThanOrEqual(0);
            }
            expect(compareAmounts(row.delta, '0')).not.toBe(0);
          });
          for (const mrr of balance.values()) expect(compareAmounts(mrr, '0')).toBe(0);
        }),
        { numRuns: 300 },
      );
    });
  });
});
