import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { dealCreated } from '#projection-specs';
import { newEvent } from '#test/support/events';
import { appendEvents, BAD_DAYS, BAD_INSTANTS, storable } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const URL = '/v1/read-models/rep-activity';

const zero = {
  emails: 0,
  calls: 0,
  meetings: 0,
  notes: 0,
  tasksCreated: 0,
  tasksCompleted: 0,
  dealsCreated: 0,
  dealsWon: 0,
  ticketsClosed: 0,
  wonAmounts: [],
};

describe('rep activity read model over HTTP', () => {
  const t = useTestApp();
  let position: string;
  const ada = `ada-${randomUUID()}`;
  const bob = `bob-${randomUUID()}`;
  const cyd = `cyd-${randomUUID()}`;

  // Events as their writers store them now; `schemaVersion` 1 for a deal event as stored before amounts were strings.
  const append = (stream: string, type: string, data: object, occurredAt: string, schemaVersion = eventCatalog.schemaVersionOf(type)): Promise<string> =>
    appendEvents(t, stream, [newEvent(type, data, { occurredAt, schemaVersion })]);

  const engagement = (kind: string, ownerId: string, occurredAt: string) => {
    const engagementId = randomUUID();
    return append(
      `engagement-${engagementId}`,
      'EngagementLogged',
      {
        engagementId,
        kind,
        ownerId,
        subject: null,
        body: null,
        durationMinutes: null,
        outcome: null,
        dueAt: null,
        contactIds: [randomUUID()],
        companyIds: [],
        dealIds: [],
        ticketIds: [],
      },
      occurredAt,
    );
  };

  /** A won amount as a number is a DealWon v1 as stored before #17: the upcast turns it into its decimal string. */
  const deal = async (ownerId: string | null, createdAt: string, won?: { ownerId: string | null; amount: string | number; currency: string; at: string }) => {
    const dealId = randomUUID();
    const pipelineId = randomUUID();
    const currency = won?.currency ?? 'EUR';
    const data = { pipelineId, stageId: 'qualified', amount: typeof won?.amount === 'string' ? won.amount : '100.00', currency, ownerId };
    const created = await appendEvents(t, `deal-${dealId}`, [
      storable(dealCreated(dealId, createdAt, data), { schemaVersion: eventCatalog.schemaVersionOf('DealCreated') }),
    ]);
    if (!won) return created;
    if (won.ownerId !== ownerId) {
      await append(`deal-${dealId}`, 'DealOwnerAssigned', { dealId, previous: ownerId, ownerId: won.ownerId }, won.at);
    }
    return append(
      `deal-${dealId}`,
      'DealWon',
      { dealId, pipelineId, stageId: 'won', amount: won.amount, currency: won.currency, ownerId: won.ownerId },
      won.at,
      typeof won.amount === 'number' ? 1 : undefined,
    );
  };

  beforeAll(async () => {
    // Week of Monday 2026-01-12: ada emails twice, calls once; bob logs a task that ada completes on the 14th.
    await engagement('email', ada, '2026-01-12T09:00:00.000Z');
    await engagement('email', ada, '2026-01-12T23:59:59.999Z');
    await engagement('call', ada, '2026-01-13T10:00:00.000Z');
    await engagement('task', bob, '2026-01-13T11:00:00.000Z');
    await append(`engagement-${randomUUID()}`, 'TaskCompleted', { engagementId: randomUUID(), ownerId: bob, completedBy: ada }, '2026-01-14T08:00:00.000Z');
    // A deal ada created is won by bob after a reassignment; one created with no owner credits nobody.
    // That win was stored before amounts were strings (DealWon v1, 1000.1): it reads as "1000.10".
    await deal(ada, '2026-01-14T09:00:00.000Z', { ownerId: bob, amount: 1000.1, currency: 'EUR', at: '2026-01-19T10:00:00.000Z' });
    await deal(null, '2026-01-14T09:30:00.000Z');
    // Week of 2026-01-19: bob wins two more (EUR and USD), meets, notes, and closes a ticket.
    await deal(bob, '2026-01-19T09:00:00.000Z', { ownerId: bob, amount: '0.20', currency: 'EUR', at: '2026-01-19T11:00:00.000Z' });
    await deal(bob, '2026-01-20T09:00:00.000Z', { ownerId: bob, amount: '50.00', currency: 'USD', at: '2026-01-20T12:00:00.000Z' });
    // cyd wins in three currencies of 0, 2 and 3 decimals on one day.
    for (const [amount, currency] of [['0.10', 'USD'], ['0.20', 'USD'], ['0.29', 'USD'], ['150000', 'JPY'], ['1.250', 'BHD'], ['0.005', 'BHD']]) {
      await deal(cyd, '2026-01-21T09:00:00.000Z', { ownerId: cyd, amount, currency, at: '2026-01-21T10:00:00.000Z' });
    }
    await engagement('meeting', bob, '2026-01-20T13:00:00.000Z');
    await engagement('note', bob, '2026-01-20T14:00:00.000Z');
    const ticketId = randomUUID();
    // February: a ticket closed by bob.
    position = await append(`ticket-${ticketId}`, 'TicketClosed', { ticketId, pipelineId: randomUUID(), stageId: 'closed', ownerId: bob }, '2026-02-02T09:00:00.000Z');
  });
  const get = (query: Record<string, string>) => t.http().get(URL).query(query);

  it('answers rows per owner per day over the range, with won amounts per currency', async () => {
    const { body } = await get({ from: '2026-01-12', to: '2026-02-28', minPosition: position }).expect(200);
    expect(BigInt(body.position)).toBeGreaterThanOrEqual(BigInt(position));
    expect(body.range).toEqual({ from: '2026-01-12', to: '2026-02-28' });
    const mine = body.data.filter((r: { ownerId: string }) => r.ownerId === ada || r.ownerId === bob);
    expect(mine).toEqual([
      { ownerId: ada, period: '2026-01-12', ...zero, emails: 2 },
      { ownerId: ada, period: '2026-01-13', ...zero, calls: 1 },
      { ownerId: bob, period: '2026-01-13', ...zero, tasksCreated: 1 },
      { ownerId: ada, period: '2026-01-14', ...zero, tasksCompleted: 1, dealsCreated: 1 },
      {
        ownerId: bob,
        period: '2026-01-19',
        ...zero,
        dealsCreated: 1,
        dealsWon: 2,
        wonAmounts: [{ currency: 'EUR', dealsWon: 2, amount: '1000.30' }],
      },
      {
        ownerId: bob,
        period: '2026-01-20',
        ...zero,
        meetings: 1,
        notes: 1,
        dealsCreated: 1,
        dealsWon: 1,
        wonAmounts: [{ currency: 'USD', dealsWon: 1, amount: '50.00' }],
      },
      { ownerId: bob, period: '2026-02-02', ...zero, ticketsClosed: 1 },
    ]);
  });

  it('sums won amounts exactly, each currency in its own digits and never added to another', async () => {
    const { body } = await get({ from: '2026-01-21', to: '2026-01-21', ownerId: cyd, minPosition: position }).expect(200);
    expect(body.data).toEqual([
      {
        ownerId: cyd,
        period: '2026-01-21',
        ...zero,
        dealsCreated: 6,
        dealsWon: 6,
        wonAmounts: [
          { currency: 'BHD', dealsWon: 2, amount: '1.255' },
          { currency: 'JPY', dealsWon: 1, amount: '150000' },
          { currency: 'USD', dealsWon: 3, amount: '0.59' },
        ],
      },
    ]);
    const month = await get({ from: '2026-01-01', to: '2026-01-31', granularity: 'month', ownerId: cyd }).expect(200);
    expect(month.body.data[0].wonAmounts).toEqual(body.data[0].wonAmounts);
  });

  it('rolls days up into ISO weeks labelled by their Monday, and into months', async () => {
    const weeks = await get({ from: '2026-01-01', to: '2026-02-28', granularity: 'week', ownerId: bob, minPosition: position }).expect(200);
    expect(weeks.body.data).toEqual([
      { ownerId: bob, period: '2026-01-12', ...zero, tasksCreated: 1 },
      {
        ownerId: bob,
        period: '2026-01-19',
        ...zero,
        meetings: 1,
        notes: 1,
        dealsCreated: 2,
        dealsWon: 3,
        wonAmounts: [
          { currency: 'EUR', dealsWon: 2, amount: '1000.30' },
          { currency: 'USD', dealsWon: 1, amount: '50.00' },
        ],
      },
      { ownerId: bob, period: '2026-02-02', ...zero, ticketsClosed: 1 },
    ]);
    const months = await get({ from: '2026-01-01', to: '2026-02-28', granularity: 'month', ownerId: ada }).expect(200);
    expect(months.body.data).toEqual([{ ownerId: ada, period: '2026-01', ...zero, emails: 2, calls: 1, tasksCompleted: 1, dealsCreated: 1 }]);
  });

  it('counts only the days inside the range, also in a week that straddles its start', async () => {
    const { body } = await get({ from: '2026-01-13', to: '2026-01-13', granularity: 'week', ownerId: ada }).expect(200);
    expect(body.data).toEqual([{ ownerId: ada, period: '2026-01-12', ...zero, calls: 1 }]);
  });

  it('defaults to the 30 days ending on the day of asOf', async () => {
    const { body } = await get({ asOf: '2026-02-10T08:00:00.000Z', ownerId: bob }).expect(200);
    expect(body.range).toEqual({ from: '2026-01-12', to: '2026-02-10' });
    expect(body.granularity).toBe('day');
    expect(body.data.map((r: { period: string }) => r.period)).toEqual(['2026-01-13', '2026-01-19', '2026-01-20', '2026-02-02']);
    const fromOnly = await get({ asOf: '2026-02-10T08:00:00.000Z', from: '2026-02-01', ownerId: bob }).expect(200);
    expect(fromOnly.body.range).toEqual({ from: '2026-02-01', to: '2026-02-10' });
    const toOnly = await get({ to: '2026-01-19', ownerId: bob }).expect(200);
    expect(toOnly.body.range).toEqual({ from: '2025-12-21', to: '2026-01-19' });
  });

  it('refuses a range that ends before it starts, and a daily range longer than 366 days', async () => {
    const backwards = await get({ from: '2026-01-20', to: '2026-01-19' }).expect(400);
    expect(backwards.body.error).toBe('INVALID_DATE_RANGE');
    await get({ from: '2026-02-01', asOf: '2026-01-15T00:00:00.000Z' }).expect(400);
    await get({ from: '2025-01-01', to: '2026-01-01' }).expect(200);
    const tooLong = await get({ from: '2025-01-01', to: '2026-01-02' }).expect(400);
    expect(tooLong.body.message).toMatch(/367 days/);
    const monthly = await get({ from: '2020-01-01', to: '2026-01-31', granularity: 'month', ownerId: ada }).expect(200);
    expect(monthly.body.data).toHaveLength(1);
  });

  it('answers 400 naming each bad parameter', async () => {
    const { body } = await get({ from: '2026-02-30', to: '15/01/2026', granularity: 'year', asOf: 'yesterday', minPosition: 'x' }).expect(400);
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['from', 'to', 'granularity', 'asOf', 'minPosition']));
  });

  it('refuses days and instants outside what every store holds, and accepts the edges of that range', async () => {
    for (const day of BAD_DAYS) {
      for (const field of ['from', 'to']) {
        const { body } = await get({ from: '2026-01-01', to: '2026-01-02', [field]: day }).expect(400);
        expect(body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      }
    }
    for (const asOf of BAD_INSTANTS) {
      const { body } = await get({ asOf }).expect(400);
      expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['asOf']);
    }
    await get({ from: '1900-01-01', to: '1900-01-02' }).expect(200);
    await get({ from: '2199-12-30', to: '2199-12-31' }).expect(200);
    await get({ asOf: '2026-01-15T10:00:00+14:00' }).expect(200);
  });

  it('answers CSV on request', async () => {
    const response = await get({ from: '2026-01-12', to: '2026-01-12', ownerId: ada }).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    // Issue 14: won amounts in a column per currency; a day without any has none.
    expect(response.text).toBe(
      'ownerId,period,emails,calls,meetings,notes,tasksCreated,tasksCompleted,dealsCreated,dealsWon,ticketsClosed\r\n' +
        `${ada},2026-01-12,2,0,0,0,0,0,0,0,0\r\n`,
    );
    const won = await get({ from: '2026-01-19', to: '2026-01-20', ownerId: bob }).set('Accept', 'text/csv').expect(200);
    expect(won.text.split('\r\n')).toEqual([
      'ownerId,period,emails,calls,meetings,notes,tasksCreated,tasksCompleted,dealsCreated,dealsWon,ticketsClosed,wonAmounts.EUR.dealsWon,wonAmounts.EUR.amount,wonAmounts.USD.dealsWon,wonAmounts.USD.amount',
      `${bob},2026-01-19,0,0,0,0,0,0,1,2,0,2,1000.30,,`,
      `${bob},2026-01-20,0,0,1,1,0,0,1,1,0,,,1,50.00`,
      '',
    ]);
  });

  it('answers 503 while the read model has not reached the position asked for', async () => {
    // Positions are opaque and large; this one lies far beyond anything appended here.
    const response = await get({ minPosition: (BigInt(position) + (1n << 40n)).toString() }).expect(503);
    expect(response.body.error).toBe('READ_MODEL_BEHIND');
    expect(response.headers['retry-after']).toBe('1');
  });
});
