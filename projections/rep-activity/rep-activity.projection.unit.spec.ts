import type { EngagementKind } from '#domain/engagement';
import { dealCreatedData, engagementLoggedData } from '#test/support/events';
import { activityIncrements, utcDay, type RepActivityEvent, type TimedEvent } from './rep-activity.projection.js';

const at = (occurredAt: string, event: RepActivityEvent): TimedEvent<RepActivityEvent> => ({ event, occurredAt });

const logged = (kind: EngagementKind, ownerId: string): RepActivityEvent => ({
  type: 'EngagementLogged',
  data: engagementLoggedData(`e-${kind}`, { kind, ownerId, contactIds: ['c-1'] }),
});

const dealCreated = (ownerId: string | null): RepActivityEvent => ({
  type: 'DealCreated',
  data: dealCreatedData('d-1', { name: 'Big deal', pipelineId: 'p-1', stageId: 's-1', closeDate: '2026-03-01', ownerId }),
});

const dealWon = (ownerId: string | null, amount: string, currency = 'EUR'): RepActivityEvent => ({
  type: 'DealWon',
  data: { dealId: 'd-1', pipelineId: 'p-1', stageId: 'won', amount, currency, ownerId },
});

const ticketClosed = (ownerId: string | null): RepActivityEvent => ({
  type: 'TicketClosed',
  data: { ticketId: 't-1', pipelineId: 'tp-1', stageId: 'closed', ownerId },
});

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
};

const dailyRows = (events: readonly TimedEvent<RepActivityEvent>[]) => [...activityIncrements(events).daily.values()];
const wonRows = (events: readonly TimedEvent<RepActivityEvent>[]) => [...activityIncrements(events).wonAmounts.values()];

describe('rep activity projection', () => {
  it('counts each kind of engagement for its owner on the UTC day it happened', () => {
    expect(
      dailyRows([
        at('2026-01-15T09:00:00.000Z', logged('email', 'ada')),
        at('2026-01-15T10:00:00.000Z', logged('email', 'ada')),
        at('2026-01-15T11:00:00.000Z', logged('call', 'ada')),
        at('2026-01-15T12:00:00.000Z', logged('meeting', 'ada')),
        at('2026-01-15T13:00:00.000Z', logged('note', 'ada')),
        at('2026-01-15T14:00:00.000Z', logged('task', 'ada')),
        at('2026-01-15T15:00:00.000Z', logged('call', 'bob')),
      ]),
    ).toEqual([
      { ownerId: 'ada', day: '2026-01-15', ...zero, emails: 2, calls: 1, meetings: 1, notes: 1, tasksCreated: 1 },
      { ownerId: 'bob', day: '2026-01-15', ...zero, calls: 1 },
    ]);
  });

  it('splits days at midnight UTC, whatever offset the time was written with', () => {
    expect(
      dailyRows([
        at('2026-01-15T23:59:59.999Z', logged('email', 'ada')),
        at('2026-01-16T00:00:00.000Z', logged('email', 'ada')),
        // 01:30 in Paris is still the 15th in UTC.
        at('2026-01-16T01:30:00.000+02:00', logged('email', 'ada')),
      ]),
    ).toEqual([
      { ownerId: 'ada', day: '2026-01-15', ...zero, emails: 2 },
      { ownerId: 'ada', day: '2026-01-16', ...zero, emails: 1 },
    ]);
  });

  it('credits a completed task to whoever completed it, not to the task owner', () => {
    expect(
      dailyRows([
        at('2026-01-15T09:00:00.000Z', logged('task', 'ada')),
        at('2026-01-16T09:00:00.000Z', { type: 'TaskCompleted', data: { engagementId: 'e-task', ownerId: 'ada', completedBy: 'bob' } }),
      ]),
    ).toEqual([
      { ownerId: 'ada', day: '2026-01-15', ...zero, tasksCreated: 1 },
      { ownerId: 'bob', day: '2026-01-16', ...zero, tasksCompleted: 1 },
    ]);
  });

  it('credits the creator and the winner named in each event when the deal changed owner in between', () => {
    const events = [
      at('2026-01-10T09:00:00.000Z', dealCreated('ada')),
      // DealOwnerAssigned ada -> bob happened here: the win names bob.
      at('2026-01-20T09:00:00.000Z', dealWon('bob', '1200.50')),
    ];
    expect(dailyRows(events)).toEqual([
      { ownerId: 'ada', day: '2026-01-10', ...zero, dealsCreated: 1 },
      { ownerId: 'bob', day: '2026-01-20', ...zero, dealsWon: 1 },
    ]);
    expect(wonRows(events)).toEqual([{ ownerId: 'bob', day: '2026-01-20', currency: 'EUR', dealsWon: 1, amount: '1200.50' }]);
  });

  it('credits nobody for a deal created without an owner, a deal won without one, or a ticket closed without one', () => {
    const events = [
      at('2026-01-10T09:00:00.000Z', dealCreated(null)),
      at('2026-01-11T09:00:00.000Z', dealWon(null, '500.00')),
      at('2026-01-12T09:00:00.000Z', ticketClosed(null)),
    ];
    expect(dailyRows(events)).toEqual([]);
    expect(wonRows(events)).toEqual([]);
  });

  it('sums won amounts exactly, per currency, each in its own digits', () => {
    const events = [
      at('2026-01-20T09:00:00.000Z', dealWon('bob', '0.10')),
      at('2026-01-20T10:00:00.000Z', dealWon('bob', '0.20')),
      at('2026-01-20T11:00:00.000Z', dealWon('bob', '0.29')),
      at('2026-01-20T12:00:00.000Z', dealWon('bob', '99.00', 'USD')),
      at('2026-01-20T13:00:00.000Z', dealWon('bob', '150000', 'JPY')),
      at('2026-01-20T14:00:00.000Z', dealWon('bob', '150001', 'JPY')),
      at('2026-01-20T15:00:00.000Z', dealWon('bob', '1.250', 'BHD')),
      at('2026-01-20T16:00:00.000Z', dealWon('bob', '0.005', 'BHD')),
    ];
    expect(dailyRows(events)).toEqual([{ ownerId: 'bob', day: '2026-01-20', ...zero, dealsWon: 8 }]);
    expect(wonRows(events)).toEqual([
      { ownerId: 'bob', day: '2026-01-20', currency: 'EUR', dealsWon: 3, amount: '0.59' },
      { ownerId: 'bob', day: '2026-01-20', currency: 'USD', dealsWon: 1, amount: '99.00' },
      { ownerId: 'bob', day: '2026-01-20', currency: 'JPY', dealsWon: 2, amount: '300001' },
      { ownerId: 'bob', day: '2026-01-20', currency: 'BHD', dealsWon: 2, amount: '1.255' },
    ]);
  });

  it('counts a ticket closed again after a reopen as a second close, for the owner of each close', () => {
    expect(
      dailyRows([
        at('2026-01-15T09:00:00.000Z', ticketClosed('ada')),
        at('2026-01-16T09:00:00.000Z', ticketClosed('bob')),
        at('2026-01-16T10:00:00.000Z', ticketClosed('bob')),
      ]),
    ).toEqual([
      { ownerId: 'ada', day: '2026-01-15', ...zero, ticketsClosed: 1 },
      { ownerId: 'bob', day: '2026-01-16', ...zero, ticketsClosed: 2 },
    ]);
  });

  it('reads days the way the rows store them', () => {
    expect(utcDay('2024-02-29T23:00:00.000-02:00')).toBe('2024-03-01');
  });
});
