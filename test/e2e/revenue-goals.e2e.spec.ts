// Quotas and goals end to end: goals set over HTTP, deals won and calls logged at chosen business times (the import
// carries occurredAt), and GET /v1/read-models/goals answering target, actual, attainment, remaining and pace at an
// asOf, with the drill-down of what it counted, to the cent.
import { randomUUID } from 'node:crypto';
import { parsePosition } from '#event-store';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

type Goal = Record<string, unknown> & { goalId: string; deals: { dealId: string; eventIds: string[] }[]; engagements: { engagementId: string }[] };

const Q4 = '2026-Q4';
// Half of Q4 (46 of 92 days) and of November (15 of 30).
const AS_OF = '2026-11-16T00:00:00.000Z';

describe('revenue goals', () => {
  const t = useTestApp();
  const team = `Goals ${randomUUID().slice(0, 8)}`;
  const ids = { ann: '', ben: '', cy: '' };
  const deals: Record<string, string> = {};
  let last = '';

  const createOwner = async (name: string, ownerTeam: string) =>
    (await t.http().post('/v1/owners').send({ name, email: `${name}-${randomUUID().slice(0, 8)}@example.com`, team: ownerTeam, role: 'sales' }).expect(201)).body.id as string;

  /** A deal created straight into the won stage at `occurredAt` (an import line carries the business time). */
  const winDeal = async (key: string, ownerId: string, amount: string, currency: string, occurredAt: string) => {
    const dealId = randomUUID();
    deals[key] = dealId;
    const line = { command: 'CreateDeal', id: randomUUID(), occurredAt, data: { dealId, name: key, stageId: 'closedwon', amount, currency, ownerId } };
    const imported = await t.http().post('/v1/import').set('Content-Type', 'application/x-ndjson').send(JSON.stringify(line)).expect(200);
    expect(imported.body.rejections).toEqual([]);
  };

  const logEngagement = async (kind: string, ownerId: string, occurredAt: string) => {
    const logged = await t.http().post('/v1/engagements').send({ kind, ownerId, occurredAt, dealIds: [deals.annUsd1] }).expect(201);
    last = logged.body.position;
  };

  const setGoal = async (body: object): Promise<string> => {
    const created = await t.http().post('/v1/goals').send(body).expect(201);
    expect(created.body.events).toEqual(['GoalSet']);
    last = created.body.position;
    return created.body.id;
  };

  const goals = async (query = `period=${Q4}&asOf=${AS_OF}`): Promise<Goal[]> =>
    (await t.http().get(`/v1/read-models/goals?${query}&minPosition=${last}`).expect(200)).body.data;

  const goal = async (goalId: string, query?: string): Promise<Goal> => {
    const found = (await goals(query)).find((g) => g.goalId === goalId);
    expect(found).toBeDefined();
    return found as Goal;
  };

  const wonEventIdOf = async (dealId: string): Promise<string> =>
    (await collect(t.runtime.eventStore.readStream(`deal-${dealId}`))).find((e) => e.type === 'DealWon')!.id;

  let annGoal = '';
  let teamGoal = '';
  let callsGoal = '';

  beforeAll(async () => {
    ids.ann = await createOwner('ann', team);
    ids.ben = await createOwner('ben', team);
    ids.cy = await createOwner('cy', `${team} other`);
    await winDeal('annUsd1', ids.ann, '2500.00', 'USD', '2026-10-05T10:00:00Z');
    await winDeal('annUsd2', ids.ann, '1250.50', 'USD', '2026-11-02T10:00:00+01:00');
    await winDeal('annEur', ids.ann, '999.00', 'EUR', '2026-10-10T10:00:00Z');
    await winDeal('annGbp', ids.ann, '100.00', 'GBP', '2026-10-15T10:00:00Z');
    // A second before Q4: not in it.
    await winDeal('annQ3', ids.ann, '700.00', 'USD', '2026-09-30T23:59:59Z');
    await winDeal('annReopened', ids.ann, '5000.00', 'USD', '2026-10-20T10:00:00Z');
    await winDeal('benJpy', ids.ben, '150000', 'JPY', '2026-10-21T10:00:00Z');
    await winDeal('cyUsd', ids.cy, '3000.00', 'USD', '2026-10-22T10:00:00Z');
    // ben's calls: three in November (its first and last instant included), one the second before, a meeting, an email.
    await logEngagement('call', ids.ben, '2026-11-01T00:00:00Z');
    await logEngagement('call', ids.ben, '2026-11-15T09:00:00Z');
    await logEngagement('call', ids.ben, '2026-11-30T23:59:59Z');
    await logEngagement('call', ids.ben, '2026-10-31T23:59:59Z');
    await logEngagement('meeting', ids.ben, '2026-11-03T09:00:00Z');
    await logEngagement('email', ids.ben, '2026-11-03T10:00:00Z');
    annGoal = await setGoal({ ownerId: ids.ann, period: Q4, metric: 'won-amount', currency: 'USD', target: '10000.00' });
    teamGoal = await setGoal({ team, period: Q4, metric: 'deals-won', target: 5 });
    callsGoal = await setGoal({ ownerId: ids.ben, period: '2026-11', metric: 'calls-logged', target: '10' });
  });

  it("answers an owner's quota in USD exactly, counting only USD deals won in the period, until a win is reopened", async () => {
    const before = await goal(annGoal);
    expect(before).toMatchObject({ actual: '8750.50', attainmentPercent: '87.505' });

    const reopened = await t.http().post(`/v1/deals/${deals.annReopened}/reopen`).send({ stageId: 'qualifiedtobuy' }).expect(200);
    last = reopened.body.position;
    const after = await goal(annGoal);
    expect(after).toMatchObject({
      ownerId: ids.ann,
      team: null,
      period: Q4,
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      metric: 'won-amount',
      currency: 'USD',
      measuredIn: 'USD',
      target: '10000.00',
      actual: '3750.50',
      attainment: '0.37505',
      attainmentPercent: '37.505',
      remaining: '6249.50',
      pace: { asOf: AS_OF, elapsed: '0.5', expectedToDate: '5000.00', percent: '75.01', difference: '-1249.50' },
      engagements: [],
      gaps: [],
    });
    // The drill-down: the deals counted, in win order, each with the event that won it.
    expect(after.deals).toEqual([
      expect.objectContaining({ dealId: deals.annUsd1, amount: '2500.00', currency: 'USD', wonAt: '2026-10-05T10:00:00.000Z', wonOn: '2026-10-05', converted: null }),
      expect.objectContaining({ dealId: deals.annUsd2, amount: '1250.50', currency: 'USD', wonAt: '2026-11-02T09:00:00.000Z' }),
    ]);
    expect(after.deals[0].eventIds).toEqual([await wonEventIdOf(deals.annUsd1)]);
    expect(after.goalEventIds).toHaveLength(1);
  });

  it("counts a team's deals won by every owner credited to the team, in any currency", async () => {
    const answer = await goal(teamGoal);
    expect(answer).toMatchObject({
      ownerId: null,
      team,
      metric: 'deals-won',
      currency: null,
      measuredIn: null,
      target: '5',
      actual: '5',
      attainment: '1',
      attainmentPercent: '100',
      remaining: '0',
      pace: { elapsed: '0.5', expectedToDate: '2.50', percent: '200', difference: '2.50' },
    });
    expect(answer.deals.map((d) => d.dealId)).toEqual([deals.annUsd1, deals.annEur, deals.annGbp, deals.benJpy, deals.annUsd2]);
  });

  it('counts the calls an owner logged in a month, and its pace at asOf', async () => {
    const answer = await goal(callsGoal, `period=2026-11&asOf=${AS_OF}`);
    expect(answer).toMatchObject({
      metric: 'calls-logged',
      target: '10',
      actual: '3',
      attainment: '0.3',
      attainmentPercent: '30',
      remaining: '7',
      pace: { elapsed: '0.5', expectedToDate: '5.00', percent: '60', difference: '-2.00' },
      deals: [],
    });
    expect(answer.engagements.map((e) => (e as unknown as { loggedAt: string }).loggedAt)).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-11-15T09:00:00.000Z',
      '2026-11-30T23:59:59.000Z',
    ]);
    const meetings = await setGoal({ ownerId: ids.ben, period: '2026-11', metric: 'meetings-logged', target: 2 });
    expect(await goal(meetings, `period=2026-11&asOf=${AS_OF}`)).toMatchObject({ actual: '1', attainmentPercent: '50' });
    // Only the query reads the clock: without asOf, pace is measured now, after November.
    expect((await goal(callsGoal, 'period=2026-11')).pace).toMatchObject({ elapsed: '1', expectedToDate: '10.00', percent: '30' });
  });

  it('converts each won deal of a reporting-currency goal at its win date, naming the rate, and lists a deal without one as a gap', async () => {
    // No reporting currency yet: the target has no digits to be held to.
    const refused = await t.http().post('/v1/goals').send({ ownerId: ids.ann, period: Q4, metric: 'won-amount', currency: 'reporting', target: '9000' }).expect(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['currency']);

    await t.http().put('/v1/exchange-rates/2026-10-01').send({ base: 'EUR', rates: { USD: '1.1' } }).expect(200);
    const set = await t.http().put('/v1/settings/reporting-currency').send({ currency: 'USD' }).expect(200);
    expect(await t.runtime.projections.waitFor('exchange-rates', parsePosition(set.body.position), 10_000)).toBe(true);

    const reporting = await setGoal({ ownerId: ids.ann, period: Q4, metric: 'won-amount', currency: 'reporting', target: '9000' });
    const answer = await goal(reporting);
    expect(answer).toMatchObject({ currency: 'reporting', measuredIn: 'USD', target: '9000.00', actual: '4849.40', remaining: '4150.60' });
    expect(answer.deals.find((d) => d.dealId === deals.annEur)).toMatchObject({
      amount: '999.00',
      currency: 'EUR',
      converted: { amount: '1098.90', currency: 'USD', rateUsed: { from: 'EUR', to: 'USD', rate: '1.1', rateDate: '2026-10-01' } },
    });
    expect(answer.deals.find((d) => d.dealId === deals.annUsd1)).toMatchObject({ converted: { amount: '2500.00', currency: 'USD', rateUsed: null } });
    expect(answer.gaps).toEqual([expect.objectContaining({ dealId: deals.annGbp, amount: '100.00', currency: 'GBP', wonOn: '2026-10-15', to: 'USD' })]);
  });

  it('changes a target and removes a goal: 404 once gone, 409 on a stale If-Match', async () => {
    const changed = await t.http().patch(`/v1/goals/${annGoal}`).send({ target: 7501 }).expect(200);
    expect(changed.body.events).toEqual(['GoalTargetChanged']);
    last = changed.body.position;
    const answer = await goal(annGoal);
    expect(answer).toMatchObject({ target: '7501.00', actual: '3750.50', attainment: '0.5', attainmentPercent: '50' });
    expect(answer.goalEventIds).toHaveLength(2);
    await t.http().patch(`/v1/goals/${annGoal}`).set('If-Match', '0').send({ target: '8000' }).expect(409);
    expect((await t.http().patch(`/v1/goals/${annGoal}`).send({ target: '1.005' }).expect(400)).body.fields[0].field).toBe('target');

    const removed = await t.http().delete(`/v1/goals/${callsGoal}`).expect(200);
    last = removed.body.position;
    expect((await goals(`period=2026-11&asOf=${AS_OF}`)).map((g) => g.goalId)).not.toContain(callsGoal);
    await t.http().delete(`/v1/goals/${callsGoal}`).expect(404);
    await t.http().patch(`/v1/goals/${callsGoal}`).send({ target: 3 }).expect(404);
    await t.http().patch(`/v1/goals/${randomUUID()}`).send({ target: 3 }).expect(404);
  });

  it('answers the same goals as CSV, one row per goal with the drill-down in dotted columns', async () => {
    const csv = await t.http().get(`/v1/read-models/goals?period=${Q4}&asOf=${AS_OF}&minPosition=${last}`).set('Accept', 'text/csv').expect(200);
    const [header, ...rows] = csv.text.trim().split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['goalId', 'ownerId', 'team']);
    expect(header).toContain('attainmentPercent');
    expect(header).toContain(`deals.${deals.annUsd1}.amount`);
    expect(rows.find((row) => row.startsWith(annGoal))).toContain('3750.50');
  });

  it('lets sales read goals but not set them', async () => {
    const sales = await t.as('sales');
    await sales.get(`/v1/read-models/goals?period=${Q4}`).expect(200);
    await sales.post('/v1/goals').send({ ownerId: ids.ann, period: Q4, metric: 'deals-won', target: 1 }).expect(403);
  });

  it('refuses hostile input with a 400 naming the field, and appends nothing', async () => {
    const valid = { ownerId: ids.ann, period: Q4, metric: 'won-amount', currency: 'USD', target: '100.00' };
    const cases: [object | string, string][] = [
      [{ ...valid, ownerId: undefined }, 'ownerId'],
      [{ ...valid, team }, 'team'],
      [{ ...valid, ownerId: randomUUID() }, 'ownerId'],
      [{ ...valid, ownerId: 'not-a-uuid' }, 'ownerId'],
      [{ ...valid, ownerId: null, team: '   ' }, 'team'],
      [{ ...valid, ownerId: null, team: 'x'.repeat(201) }, 'team'],
      [{ ...valid, ownerId: null, team: 'a\u0000b' }, 'team'],
      [{ ...valid, period: '2026-Q5' }, 'period'],
      [{ ...valid, period: '2026-13' }, 'period'],
      [{ ...valid, period: '0000-01' }, 'period'],
      [{ ...valid, period: 202610 }, 'period'],
      [{ ...valid, metric: 'revenue' }, 'metric'],
      [{ ...valid, currency: undefined }, 'currency'],
      [{ ...valid, currency: 'XYZ' }, 'currency'],
      [{ ...valid, currency: 'usd' }, 'currency'],
      [{ ...valid, metric: 'deals-won', target: 3 }, 'currency'],
      [{ ...valid, target: '100.001' }, 'target'],
      [{ ...valid, target: 0 }, 'target'],
      [{ ...valid, target: '-5' }, 'target'],
      [{ ...valid, target: '1e5' }, 'target'],
      [{ ...valid, target: 1e12 }, 'target'],
      [{ ...valid, target: { amount: 1 } }, 'target'],
      [{ ...valid, target: null }, 'target'],
      [{ ...valid, metric: 'calls-logged', currency: null, target: 2.5 }, 'target'],
      [{ ...valid, metric: 'calls-logged', currency: null, target: '10000000000' }, 'target'],
      [{ ...valid, extra: true }, 'extra'],
      [JSON.stringify(valid).replace('{', '{"__proto__":{"admin":true},'), '__proto__'],
    ];
    const before = (await goals(`asOf=${AS_OF}`)).length;
    for (const [body, field] of cases) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const response = await t.http().post('/v1/goals').set('Content-Type', 'application/json').send(text);
      expect([text.slice(0, 80), response.status]).toEqual([text.slice(0, 80), 400]);
      expect([field, response.body.fields.map((f: { field: string }) => f.field)]).toEqual([field, expect.arrayContaining([field])]);
    }
    for (const query of ['period=2026-Q0', 'asOf=2026-02-30T00:00:00Z', 'ownerId=ann', `team=${'x'.repeat(201)}`, 'minPosition=soon']) {
      await t.http().get(`/v1/read-models/goals?${query}`).expect(400);
    }
    await t.http().patch('/v1/goals/not-a-uuid').send({ target: 1 }).expect(400);
    await t.http().patch(`/v1/goals/${annGoal}`).send({ target: 1, metric: 'deals-won' }).expect(400);
    expect((await goals(`asOf=${AS_OF}`)).length).toBe(before);
  });
});
