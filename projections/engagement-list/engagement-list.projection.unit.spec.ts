import { engagementLoggedData } from '#test/support/events';
import type { EngagementEvent, EngagementLogged } from '#domain/engagement';
import { priorityRank, reduceEngagementList, type EngagementListRow, type TimedEngagementEvent } from './engagement-list.projection.js';

const at = (occurredAt: string, event: EngagementEvent): TimedEngagementEvent => ({ event, occurredAt });
const logged = (engagementId: string, data: Partial<EngagementLogged['data']>): EngagementEvent => ({
  type: 'EngagementLogged',
  data: engagementLoggedData(engagementId, { contactIds: ['c-1'], ...data }),
});
const reduce = (events: readonly TimedEngagementEvent[], rows: readonly EngagementListRow[] = []) =>
  reduceEngagementList(new Map(rows.map((row) => [row.engagementId, row])), events);

const task: EngagementListRow = {
  engagementId: 't-1',
  kind: 'task',
  ownerId: 'ann',
  subject: 'Send proposal',
  body: null,
  outcome: null,
  durationMinutes: null,
  occurredAt: '2026-02-27T09:00:00.000Z',
  dueAt: '2026-03-02T09:00:00.000Z',
  priority: 'high',
  status: 'open',
  completedAt: null,
  completedBy: null,
  contactIds: ['c-1'],
  companyIds: [],
  dealIds: ['d-1'],
  ticketIds: [],
  createdAt: '2026-02-27T09:00:00.000Z',
  updatedAt: '2026-02-27T09:00:00.000Z',
};

describe('engagement-list projection', () => {
  it('lists a task as open at the business time it was logged (in UTC), recorded when the store took it', () => {
    expect(
      reduce([
        at(
          '2026-02-27T10:00:00.000+01:00',
          logged('t-1', { kind: 'task', ownerId: 'ann', subject: 'Send proposal', dueAt: '2026-03-02T09:00:00.000Z', priority: 'high', dealIds: ['d-1'] }),
        ),
      ]),
    ).toEqual([task]);
  });

  it('gives other kinds no status, and keeps every record they are tied to', () => {
    const [call] = reduce([
      at('2026-02-27T09:00:00.000Z', logged('e-1', { kind: 'call', durationMinutes: 25, outcome: 'connected', companyIds: ['co-1'], ticketIds: ['tk-1'] })),
    ]);
    expect(call).toMatchObject({ kind: 'call', status: null, priority: null, durationMinutes: 25, outcome: 'connected', contactIds: ['c-1'], companyIds: ['co-1'], ticketIds: ['tk-1'] });
  });

  it('applies updates, reschedules, completion and reopening to a row stored by an earlier batch', () => {
    const later = '2026-03-03T08:00:00.000Z';
    const updated = reduce(
      [
        at(later, { type: 'EngagementUpdated', data: { engagementId: 't-1', changes: [{ field: 'subject', previous: 'Send proposal', value: 'Send the proposal' }, { field: 'priority', previous: 'high', value: null }] } }),
        at(later, { type: 'TaskRescheduled', data: { engagementId: 't-1', previous: task.dueAt, dueAt: '2026-03-05T09:00:00.000Z' } }),
        at('2026-03-04T10:00:00.000+01:00', { type: 'TaskCompleted', data: { engagementId: 't-1', ownerId: 'ann', completedBy: 'ben' } }),
      ],
      [task],
    );
    const completed = {
      ...task,
      subject: 'Send the proposal',
      priority: null,
      dueAt: '2026-03-05T09:00:00.000Z',
      status: 'completed',
      completedAt: '2026-03-04T09:00:00.000Z',
      completedBy: 'ben',
      updatedAt: '2026-03-04T09:00:00.000Z',
    };
    expect(updated).toEqual([completed]);
    expect(reduce([at(later, { type: 'TaskReopened', data: { engagementId: 't-1', ownerId: 'ann' } })], updated)).toEqual([
      { ...completed, status: 'open', completedAt: null, completedBy: null, updatedAt: later },
    ]);
  });

  it('ignores events for an engagement it never saw logged, and a repeated log', () => {
    expect(reduce([at('2026-03-01T00:00:00.000Z', { type: 'TaskReopened', data: { engagementId: 't-9', ownerId: 'ann' } })])).toEqual([]);
    expect(reduce([at('2026-03-01T00:00:00.000Z', logged('t-1', { kind: 'note' }))], [task])).toEqual([]);
  });

  it('ranks priorities high first, none last', () => {
    expect((['high', 'medium', 'low', null] as const).map(priorityRank)).toEqual([0, 1, 2, 3]);
  });
});
