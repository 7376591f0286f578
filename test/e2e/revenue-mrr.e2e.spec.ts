import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { mrrProjection } from '#projections/mrr';
import { newEvent } from '#test/support/events';
import { appendEvents } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const URL = '/v1/read-models/mrr';

type Deal = Readonly<{ id: string; pipelineId: string; ownerId: string; amount: string; currency: string }>;

describe('recurring revenue (MRR) over HTTP', () => {
  // Only the read model under test: the others have nothing to say about MRR.
  const t = useTestApp({ projections: [mrrProjection] });
  const [ann, bob] = [`ann-${randomUUID()}`, `bob-${randomUUID()}`];
  const [p1, p2] = [`p1-${randomUUID()}`, `p2-${randomUUID()}`];
  const winIds = new Map<string, string>();
  let position = '';

  // Events as the deal decider writes them (current schema versions), at the business time given.
  const append = async (deal: Deal, type: string, data: object, occurredAt: string): Promise<string> => {
    const event = newEvent(type, { dealId: deal.id, ...data }, { occurredAt, schemaVersion: eventCatalog.schemaVersionOf(type) });
    if (type === 'DealWon') winIds.set(deal.id, event.id);
    position = await appendEvents(t, `deal-${deal.id}`, [event]);
    return event.id;
  };
  const deal = async (
    fields: Partial<Deal> & Pick<Deal, 'amount'>,
    terms: { revenueType?: string; contractTermMonths?: number; renewsDealId?: string | null } = {},
  ): Promise<Deal> => {
    const created: Deal = { id: randomUUID(), pipelineId: p1, ownerId: ann, currency: 'EUR', ...fields };
    const revenueType = terms.revenueType ?? 'recurring';
    await append(
      created,
      'DealCreated',
      {
        name: 'Subscription',
        pipelineId: created.pipelineId,
        stageId: 'qualified',
        amount: created.amount,
        currency: created.currency,
        revenueType,
        billingPeriod: revenueType === 'recurring' ? 'month' : null,
        contractTermMonths: terms.contractTermMonths ?? 12,
        closeDate: '2026-01-31',
        ownerId: created.ownerId,
        contactIds: [],
        companyId: null,
        companyIds: [],
        properties: {},
        renewsDealId: terms.renewsDealId ?? null,
      },
      '2026-01-02T09:00:00.000Z',
    );
    return created;
  };
  const win = (d: Deal, occurredAt: string) =>
    append(d, 'DealWon', { pipelineId: d.pipelineId, stageId: 'won', amount: d.amount, currency: d.currency, ownerId: d.ownerId }, occurredAt);

  const get = (query: Record<string, string>) => t.http().get(URL).query({ minPosition: position, ...query });
  const figures = async (month: string, query: Record<string, string> = {}) => {
    const { body } = await get({ month, ...query }).expect(200);
    expect(body.month).toBe(month);
    expect(BigInt(body.position)).toBeGreaterThanOrEqual(BigInt(position));
    return body.data;
  };
  const drill = async (month: string, kind: string, query: Record<string, string> = {}) =>
    (await t.http().get(`${URL}/deals`).query({ minPosition: position, month, kind, ...query }).expect(200)).body.data;
  const row = (currency: string, fields: Record<string, string>) => {
    const zero = currency === 'JPY' ? '0' : '0.00';
    return { currency, new: zero, expansion: zero, contraction: zero, churn: zero, netNew: zero, total: zero, arr: zero, ...fields };
  };

  let a: Deal, b: Deal, c: Deal, yen: Deal;

  beforeAll(async () => {
    // a: 12000.00 EUR over 12 months won mid-January (1000.00 a month), raised to 18000.00 in March (1500.00).
    a = await deal({ amount: '12000.00' });
    await win(a, '2026-01-15T10:00:00.000Z');
    await append(a, 'DealAmountChanged', { previous: { amount: '12000.00', currency: 'EUR' }, amount: '18000.00', currency: 'EUR' }, '2026-03-10T10:00:00.000Z');
    // yen: 100 JPY over 3 months in another pipeline, bob's: 33 a month (100 / 3 half-even), churned in April.
    yen = await deal({ amount: '100', currency: 'JPY', ownerId: bob, pipelineId: p2 }, { contractTermMonths: 3 });
    await win(yen, '2026-01-20T10:00:00.000Z');
    // c: 6000.00 over 6 months won in February, never renewed: churns in August.
    c = await deal({ amount: '6000.00' }, { contractTermMonths: 6 });
    await win(c, '2026-02-10T10:00:00.000Z');
    // b renews a in December for 16200.00 over 12 months (1350.00), bob's: a contraction of 150.00, no churn of a.
    b = await deal({ amount: '16200.00', ownerId: bob }, { renewsDealId: a.id });
    await win(b, '2026-12-20T10:00:00.000Z');
    // A one-off sale has no MRR.
    await win(await deal({ amount: '5000.00' }, { revenueType: 'one-off' }), '2026-01-25T10:00:00.000Z');
  });

  it('books a won recurring deal as new MRR in the month of the win, per currency, with ARR', async () => {
    expect(await figures('2026-01')).toEqual([
      row('EUR', { new: '1000.00', netNew: '1000.00', total: '1000.00', arr: '12000.00' }),
      row('JPY', { new: '33', netNew: '33', total: '33', arr: '396' }),
    ]);
    expect(await figures('2026-02')).toEqual([
      row('EUR', { new: '1000.00', netNew: '1000.00', total: '2000.00', arr: '24000.00' }),
      row('JPY', { total: '33', arr: '396' }),
    ]);
  });

  it('books an amount raised on a won deal as expansion in the month of the change', async () => {
    expect(await figures('2026-03')).toEqual([
      row('EUR', { expansion: '500.00', netNew: '500.00', total: '2500.00', arr: '30000.00' }),
      row('JPY', { total: '33', arr: '396' }),
    ]);
  });

  it('churns a contract that was not renewed in the first month after its term', async () => {
    expect(await figures('2026-04')).toEqual([row('EUR', { total: '2500.00', arr: '30000.00' }), row('JPY', { churn: '33', netNew: '-33' })]);
    expect(await figures('2026-07')).toEqual([row('EUR', { total: '2500.00', arr: '30000.00' })]);
    expect(await figures('2026-08')).toEqual([row('EUR', { churn: '1000.00', netNew: '-1000.00', total: '1500.00', arr: '18000.00' })]);
    expect(await drill('2026-08', 'churn')).toEqual([
      { dealId: c.id, currency: 'EUR', movement: 'churn', mrr: '-1000.00', eventId: winIds.get(c.id), ownerId: ann, pipelineId: p1 },
    ]);
  });

  it('replaces a renewed contract by its renewal: the difference is a contraction, and nothing churns after its term', async () => {
    expect(await figures('2026-12')).toEqual([row('EUR', { contraction: '150.00', netNew: '-150.00', total: '1350.00', arr: '16200.00' })]);
    expect(await figures('2027-01')).toEqual([row('EUR', { total: '1350.00', arr: '16200.00' })]);
    expect(await figures('2027-12')).toEqual([row('EUR', { churn: '1350.00', netNew: '-1350.00' })]);
    // Both sides of the renewal, named by the renewing win; their sum is minus the contraction.
    const renewal = { movement: 'renewal', currency: 'EUR', eventId: winIds.get(b.id), pipelineId: p1 };
    expect(await drill('2026-12', 'contraction')).toEqual(
      [
        { ...renewal, dealId: a.id, mrr: '-1500.00', ownerId: ann },
        { ...renewal, dealId: b.id, mrr: '1350.00', ownerId: bob },
      ].sort((x, y) => (x.dealId < y.dealId ? -1 : 1)),
    );
    expect(await drill('2026-12', 'expansion')).toEqual([]);
    expect(await drill('2026-12', 'total')).toEqual([
      { dealId: b.id, currency: 'EUR', movement: 'in-force', mrr: '1350.00', eventId: winIds.get(b.id), ownerId: bob, pipelineId: p1 },
    ]);
  });

  it('groups by owner and by pipeline, each group keeping its own total', async () => {
    // Across owners a renewal is the old owner's MRR out and the new owner's in.
    expect(await figures('2026-12', { groupBy: 'owner' })).toEqual(
      [
        { ...row('EUR', { contraction: '1500.00', netNew: '-1500.00' }), ownerId: ann },
        { ...row('EUR', { expansion: '1350.00', netNew: '1350.00', total: '1350.00', arr: '16200.00' }), ownerId: bob },
      ].sort((x, y) => (x.ownerId < y.ownerId ? -1 : 1)),
    );
    const { body } = await get({ month: '2026-01', groupBy: 'pipeline' }).expect(200);
    expect(body.groupBy).toBe('pipeline');
    expect(body.data).toEqual([
      { ...row('EUR', { new: '1000.00', netNew: '1000.00', total: '1000.00', arr: '12000.00' }), pipelineId: p1 },
      { ...row('JPY', { new: '33', netNew: '33', total: '33', arr: '396' }), pipelineId: p2 },
    ]);
    expect(await drill('2026-01', 'new', { currency: 'JPY' })).toEqual([
      { dealId: yen.id, currency: 'JPY', movement: 'new', mrr: '33', eventId: winIds.get(yen.id), ownerId: bob, pipelineId: p2 },
    ]);
    expect(await drill('2026-01', 'new', { ownerId: ann })).toEqual([
      { dealId: a.id, currency: 'EUR', movement: 'new', mrr: '1000.00', eventId: winIds.get(a.id), ownerId: ann, pipelineId: p1 },
    ]);
  });

  it('pages through a drill-down: the deals in force add up to the total', async () => {
    const page = (cursor?: string) =>
      t.http().get(`${URL}/deals`).query({ month: '2026-02', kind: 'total', limit: '2', ...(cursor ? { cursor } : {}) }).expect(200);
    const first = (await page()).body;
    expect(first.data).toHaveLength(2);
    const second = (await page(first.nextCursor)).body;
    expect(second.nextCursor).toBeNull();
    const inForce = [...first.data, ...second.data].map((r: { dealId: string; currency: string; mrr: string }) => [r.currency, r.dealId, r.mrr]);
    expect(inForce).toEqual([...[a, c].map((d) => ['EUR', d.id, '1000.00']).sort(), ['JPY', yen.id, '33']]);
    await t.http().get(`${URL}/deals`).query({ month: '2026-02', kind: 'total', cursor: 'nope' }).expect(400);
  });

  it('answers CSV on request', async () => {
    const response = await get({ month: '2026-03' }).set('Accept', 'text/csv').expect(200);
    expect(response.text.split('\r\n')).toEqual([
      'currency,ownerId,pipelineId,new,expansion,contraction,churn,netNew,total,arr',
      'EUR,,,0.00,500.00,0.00,0.00,500.00,2500.00,30000.00',
      'JPY,,,0,0,0,0,0,33,396',
      '',
    ]);
  });

  it('answers 400 naming a bad month, groupBy or kind', async () => {
    for (const month of ['2026-13', '26-01', '2026-1', '1899-12', '2200-01', '2026-01-01']) {
      const { body } = await t.http().get(URL).query({ month }).expect(400);
      expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['month']);
    }
    const groupBy = await t.http().get(URL).query({ month: '2026-01', groupBy: 'team' }).expect(400);
    expect(groupBy.body.fields.map((f: { field: string }) => f.field)).toEqual(['groupBy']);
    const kind = await t.http().get(`${URL}/deals`).query({ month: '2026-01', kind: 'arr' }).expect(400);
    expect(kind.body.fields.map((f: { field: string }) => f.field)).toEqual(['kind']);
    await t.http().get(`${URL}/deals`).query({ month: '2026-01' }).expect(400);
  });

  // Last: the deal it appends would show in the months the other cases read until it is reopened.
  it('takes a reopened deal out of MRR as if it had never been won (a correction, not churn)', async () => {
    const later = await deal({ amount: '2400.00' });
    await win(later, '2026-05-05T10:00:00.000Z');
    expect(await figures('2026-05')).toEqual([row('EUR', { new: '200.00', netNew: '200.00', total: '2700.00', arr: '32400.00' })]);
    await append(later, 'DealReopened', { pipelineId: p1, fromStageId: 'won', toStageId: 'qualified' }, '2026-06-02T10:00:00.000Z');
    expect(await figures('2026-05')).toEqual([row('EUR', { total: '2500.00', arr: '30000.00' })]);
    expect(await figures('2026-06')).toEqual([row('EUR', { total: '2500.00', arr: '30000.00' })]);
    expect(await drill('2026-05', 'new')).toEqual([]);
  });
});
