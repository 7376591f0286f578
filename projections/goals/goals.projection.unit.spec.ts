import { engagementLoggedData } from '#test/support/events';
import type { EngagementKind } from '#domain/engagement';
import { reduceGoals, touchedKeys, type GoalsEvent, type GoalsSourceEvent, type GoalsState, type WonDealRow } from './goals.projection.js';

let next = 0;
const at = (occurredAt: string, event: GoalsEvent): GoalsSourceEvent => ({ id: `ev-${++next}`, occurredAt, event });

const owner = (ownerId: string, team: string | null): GoalsEvent => ({
  type: 'OwnerCreated',
  data: { ownerId, name: ownerId, email: `${ownerId}@example.com`, team, role: 'sales' },
});
const teamChanged = (ownerId: string, previous: string | null, value: string | null): GoalsEvent => ({
  type: 'OwnerUpdated',
  data: { ownerId, changes: [{ field: 'team', previous, value }] },
});
const won = (dealId: string, ownerId: string | null, amount: string, currency = 'USD'): GoalsEvent => ({
  type: 'DealWon',
  data: { dealId, pipelineId: 'default', stageId: 'closedwon', amount, currency, ownerId },
});
const reopened = (dealId: string): GoalsEvent => ({ type: 'DealReopened', data: { dealId, pipelineId: 'default', fromStageId: 'closedwon', toStageId: 'qualified' } });
const logged = (engagementId: string, kind: EngagementKind, ownerId: string): GoalsEvent => ({
  type: 'EngagementLogged',
  data: engagementLoggedData(engagementId, { kind, ownerId, contactIds: ['c-1'] }),
});
const goalSet = (goalId: string, target = '10000.00'): GoalsEvent => ({
  type: 'GoalSet',
  data: { goalId, ownerId: 'ann', team: null, period: '2026-Q4', metric: 'won-amount', currency: 'USD', target },
});

const empty: GoalsState = { teams: new Map(), wonDeals: new Map(), goals: new Map() };

describe('goals projection', () => {
  beforeEach(() => {
    next = 0;
  });

  it("credits a win to the owner it names and that owner's team at the win, at the business time", () => {
    const changes = reduceGoals(empty, [
      at('2026-10-01T09:00:00.000Z', owner('ann', 'EMEA')),
      at('2026-10-05T12:00:00.000+02:00', won('d1', 'ann', '2500.00')),
      // A later team change does not move the credit already given.
      at('2026-10-06T09:00:00.000Z', teamChanged('ann', 'EMEA', 'APAC')),
      at('2026-10-07T09:00:00.000Z', won('d2', 'ann', '1250.50')),
    ]);
    expect([...changes.wonDeals.values()]).toEqual([
      { dealId: 'd1', ownerId: 'ann', team: 'EMEA', currency: 'USD', amount: '2500.00', wonAt: '2026-10-05T10:00:00.000Z', wonEventId: 'ev-2', amountEventId: null },
      { dealId: 'd2', ownerId: 'ann', team: 'APAC', currency: 'USD', amount: '1250.50', wonAt: '2026-10-07T09:00:00.000Z', wonEventId: 'ev-4', amountEventId: null },
    ]);
    expect(changes.teams).toEqual(new Map([['ann', 'APAC']]));
  });

  it('takes a reopened win out, and counts a win again at its new date', () => {
    const stored: WonDealRow = { dealId: 'd1', ownerId: 'ann', team: null, currency: 'USD', amount: '900.00', wonAt: '2026-10-02T00:00:00.000Z', wonEventId: 'old', amountEventId: null };
    const state: GoalsState = { ...empty, wonDeals: new Map([['d1', stored]]) };
    expect(reduceGoals(state, [at('2026-10-03T00:00:00.000Z', reopened('d1'))]).wonDeals).toEqual(new Map([['d1', null]]));
    const again = reduceGoals(state, [at('2026-10-03T00:00:00.000Z', reopened('d1')), at('2026-11-03T00:00:00.000Z', won('d1', 'ann', '950.00'))]);
    expect(again.wonDeals.get('d1')).toMatchObject({ amount: '950.00', wonAt: '2026-11-03T00:00:00.000Z', wonEventId: 'ev-3' });
  });

  it("counts a won deal's amount as corrected after the win, naming the change; an open deal's change is not a win", () => {
    const changes = reduceGoals(empty, [
      at('2026-10-01T00:00:00.000Z', won('d1', 'ann', '100.00')),
      at('2026-10-02T00:00:00.000Z', { type: 'DealAmountChanged', data: { dealId: 'd1', previous: { amount: '100.00', currency: 'USD' }, amount: '120.00', currency: 'EUR' } }),
      at('2026-10-02T00:00:00.000Z', { type: 'DealAmountChanged', data: { dealId: 'd9', previous: { amount: '1.00', currency: 'USD' }, amount: '2.00', currency: 'USD' } }),
    ]);
    expect([...changes.wonDeals.values()]).toEqual([
      { dealId: 'd1', ownerId: 'ann', team: null, currency: 'EUR', amount: '120.00', wonAt: '2026-10-01T00:00:00.000Z', wonEventId: 'ev-1', amountEventId: 'ev-2' },
    ]);
  });

  it('credits nobody for a win without an owner', () => {
    expect(reduceGoals(empty, [at('2026-10-01T00:00:00.000Z', won('d1', null, '5.00'))]).wonDeals).toEqual(new Map([['d1', null]]));
  });

  it('counts calls and meetings, each with its owner, team and event; other kinds not at all', () => {
    const state: GoalsState = { ...empty, teams: new Map([['ben', 'EMEA']]) };
    const changes = reduceGoals(state, [
      at('2026-10-01T09:00:00.000Z', logged('e1', 'call', 'ben')),
      at('2026-10-01T10:00:00.000Z', logged('e2', 'meeting', 'cy')),
      at('2026-10-01T11:00:00.000Z', logged('e3', 'email', 'ben')),
      at('2026-10-01T12:00:00.000Z', logged('e4', 'task', 'ben')),
    ]);
    expect(changes.engagements).toEqual([
      { engagementId: 'e1', kind: 'call', ownerId: 'ben', team: 'EMEA', loggedAt: '2026-10-01T09:00:00.000Z', eventId: 'ev-1' },
      { engagementId: 'e2', kind: 'meeting', ownerId: 'cy', team: null, loggedAt: '2026-10-01T10:00:00.000Z', eventId: 'ev-2' },
    ]);
  });

  it('keeps each goal with its period days and the events behind its target; a removal takes it out', () => {
    const changes = reduceGoals(empty, [
      at('2026-09-01T00:00:00.000Z', goalSet('g1')),
      at('2026-09-02T00:00:00.000Z', { type: 'GoalTargetChanged', data: { goalId: 'g1', previous: '10000.00', target: '12000.00' } }),
      at('2026-09-01T00:00:00.000Z', goalSet('g2')),
      at('2026-09-03T00:00:00.000Z', { type: 'GoalRemoved', data: { goalId: 'g2' } }),
    ]);
    expect(changes.goals).toEqual(
      new Map([
        ['g1', { goalId: 'g1', ownerId: 'ann', team: null, period: '2026-Q4', startsOn: '2026-10-01', endsOn: '2027-01-01', metric: 'won-amount', currency: 'USD', target: '12000.00', setEventId: 'ev-1', targetEventId: 'ev-2' }],
        ['g2', null],
      ]),
    );
  });

  it('names the keys a batch must load', () => {
    expect(touchedKeys([owner('x', null), won('d1', 'ann', '1.00'), won('d2', null, '1.00'), reopened('d3'), logged('e1', 'email', 'ben'), goalSet('g1')])).toEqual({
      ownerIds: ['ann', 'ben'],
      dealIds: ['d1', 'd2', 'd3'],
      goalIds: ['g1'],
    });
  });
});
