import { engagementLoggedData } from '#test/support/events';
import { inStream, useProjectionSpec, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { goalsProjection } from './goals.persistence.js';

const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const owner = (ownerId: string, team: string | null, occurredAt = '2026-09-01T00:00:00.000Z') =>
  inStream(`owner-${ownerId}`, event('OwnerCreated', occurredAt, { ownerId, name: ownerId, email: `${ownerId}@example.com`, team, role: 'sales' }));
const won = (dealId: string, ownerId: string | null, amount: string, occurredAt: string, currency = 'USD') =>
  inStream(`deal-${dealId}`, event('DealWon', occurredAt, { dealId, pipelineId: 'default', stageId: 'closedwon', amount, currency, ownerId }));
const reopened = (dealId: string, occurredAt: string) =>
  inStream(`deal-${dealId}`, event('DealReopened', occurredAt, { dealId, pipelineId: 'default', fromStageId: 'closedwon', toStageId: 'qualified' }));
const logged = (engagementId: string, kind: string, ownerId: string, occurredAt: string) =>
  inStream(`engagement-${engagementId}`, event('EngagementLogged', occurredAt, engagementLoggedData(engagementId, { kind: kind as 'call', ownerId, contactIds: ['c-1'] })));
const goal = (goalId: string, data: Readonly<Record<string, unknown>>) =>
  inStream(`goal-${goalId}`, event('GoalSet', '2026-09-15T00:00:00.000Z', { goalId, ownerId: null, team: null, currency: null, period: '2026-Q4', ...data }));

const WON = `SELECT deal_id, owner_id, team, currency, amount::text, to_char(won_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS won_at
               FROM goals_won_deals ORDER BY deal_id`;
const ENGAGEMENTS = 'SELECT engagement_id, kind, owner_id, team FROM goals_engagements ORDER BY engagement_id';
const GOALS = 'SELECT goal_id, owner_id, team, period, starts_on::text, ends_on::text, metric, currency, target FROM goals_definitions ORDER BY goal_id';

describe('goals persistence', () => {
  const spec = useProjectionSpec(goalsProjection);

  it("stores each win with its owner's team at the win, exact amounts, and takes reopened wins out", async () => {
    await spec
      .given([...owner('ann', 'EMEA'), ...won('d1', 'ann', '2500.00', '2026-10-05T10:00:00.000Z'), ...won('d2', 'ann', '1250.50', '2026-11-05T10:00:00.000Z')])
      .when([
        ...inStream('owner-ann', event('OwnerUpdated', '2026-11-10T00:00:00.000Z', { ownerId: 'ann', changes: [{ field: 'team', previous: 'EMEA', value: 'APAC' }] })),
        ...won('d3', 'ann', '0.10', '2026-11-11T10:00:00.000Z'),
        ...reopened('d2', '2026-11-12T00:00:00.000Z'),
        ...won('d4', null, '7.00', '2026-11-12T00:00:00.000Z'),
      ])
      .then(WON, [
        { deal_id: 'd1', owner_id: 'ann', team: 'EMEA', currency: 'USD', amount: '2500.00', won_at: '2026-10-05 10:00' },
        { deal_id: 'd3', owner_id: 'ann', team: 'APAC', currency: 'USD', amount: '0.10', won_at: '2026-11-11 10:00' },
      ]);
  });

  it('writes the same rows when a batch is applied twice, as after a lost checkpoint', async () => {
    const history = [...owner('ben', 'EMEA'), ...logged('e1', 'call', 'ben', '2026-10-01T09:00:00.000Z'), ...logged('e2', 'email', 'ben', '2026-10-01T09:00:00.000Z')];
    await spec
      .given([])
      .when(history, { times: 2 })
      .then(ENGAGEMENTS, [{ engagement_id: 'e1', kind: 'call', owner_id: 'ben', team: 'EMEA' }]);
  });

  it('keeps goals with their days and current target, and removes a removed goal', async () => {
    await spec
      .given([
        ...goal('g1', { ownerId: 'ann', metric: 'won-amount', currency: 'USD', target: '10000.00' }),
        ...goal('g2', { team: 'EMEA', period: '2026-11', metric: 'calls-logged', target: '40' }),
      ])
      .when([
        ...inStream('goal-g1', event('GoalTargetChanged', '2026-09-16T00:00:00.000Z', { goalId: 'g1', previous: '10000.00', target: '12000.00' })),
        ...inStream('goal-g2', event('GoalRemoved', '2026-09-17T00:00:00.000Z', { goalId: 'g2' })),
        ...goal('g3', { team: 'EMEA', period: '2026-02', metric: 'deals-won', target: '3' }),
      ])
      .then(GOALS, [
        { goal_id: 'g1', owner_id: 'ann', team: null, period: '2026-Q4', starts_on: '2026-10-01', ends_on: '2027-01-01', metric: 'won-amount', currency: 'USD', target: '12000.00' },
        { goal_id: 'g3', owner_id: null, team: 'EMEA', period: '2026-02', starts_on: '2026-02-01', ends_on: '2026-03-01', metric: 'deals-won', currency: null, target: '3' },
      ]);
  });
});

// Every kind of event the read model takes, some keys touched more than once.
const history: StreamEvent[] = [
  ...owner('ann', 'EMEA'),
  ...owner('ben', null),
  ...goal('g1', { ownerId: 'ann', metric: 'won-amount', currency: 'USD', target: '10000.00' }),
  ...won('d1', 'ann', '2500.00', '2026-10-05T10:00:00.000Z'),
  ...logged('e1', 'call', 'ben', '2026-10-06T10:00:00.000Z'),
  ...inStream('owner-ben', event('OwnerUpdated', '2026-10-07T00:00:00.000Z', { ownerId: 'ben', changes: [{ field: 'team', previous: null, value: 'EMEA' }] })),
  ...logged('e2', 'meeting', 'ben', '2026-10-08T10:00:00.000Z'),
  ...won('d2', 'ben', '1250.50', '2026-10-09T10:00:00.000Z', 'EUR'),
  ...reopened('d1', '2026-10-10T00:00:00.000Z'),
  ...inStream('deal-d2', event('DealAmountChanged', '2026-10-11T00:00:00.000Z', { dealId: 'd2', previous: { amount: '1250.50', currency: 'EUR' }, amount: '1300.00', currency: 'EUR' })),
  ...won('d1', 'ann', '2600.00', '2026-10-12T10:00:00.000Z'),
  ...inStream('goal-g1', event('GoalTargetChanged', '2026-10-13T00:00:00.000Z', { goalId: 'g1', previous: '10000.00', target: '9000.00' })),
  ...goal('g2', { team: 'EMEA', metric: 'calls-logged', target: '5' }),
  ...inStream('goal-g2', event('GoalRemoved', '2026-10-14T00:00:00.000Z', { goalId: 'g2' })),
];

describe('goals rebuild', () => {
  const bed = useRebuildBed(goalsProjection);

  it('gives the same rows as the live build', async () => {
    const { live, rebuilt } = await bed.compare(history, {
      goals_definitions: 'goal_id',
      goals_owner_teams: 'owner_id',
      goals_won_deals: 'deal_id',
      goals_engagements: 'engagement_id',
    });
    expect(live.goals_won_deals.map((row) => [row.deal_id, row.team, row.amount, row.won_event_id === null, row.amount_event_id === null])).toEqual([
      ['d1', 'EMEA', '2600.00', false, true],
      ['d2', 'EMEA', '1300.00', false, false],
    ]);
    expect(live.goals_engagements.map((row) => [row.engagement_id, row.team])).toEqual([
      ['e1', null],
      ['e2', 'EMEA'],
    ]);
    expect(live.goals_definitions.map((row) => [row.goal_id, row.target])).toEqual([['g1', '9000.00']]);
    expect(rebuilt).toEqual(live);
  });
});
