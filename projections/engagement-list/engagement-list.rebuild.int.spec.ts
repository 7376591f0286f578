import { engagementLoggedData } from '#test/support/events';
import { inStream, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { engagementListProjection } from './engagement-list.persistence.js';

const at = (hour: number) => `2026-02-10T${String(hour).padStart(2, '0')}:00:00.000Z`;
const event = (type: string, hour: number, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt: at(hour) } });

// Tasks, calls and notes of two owners, with every change a task can go through, some more than once.
const history: StreamEvent[] = [
  ...inStream('engagement-t1', event('EngagementLogged', 1, engagementLoggedData('t1', { kind: 'task', ownerId: 'ann', subject: 'Call back', dueAt: at(12), priority: 'low', contactIds: ['c-1'] }))),
  ...inStream('engagement-e1', event('EngagementLogged', 2, engagementLoggedData('e1', { kind: 'call', ownerId: 'ben', durationMinutes: 5, dealIds: ['d-1'] }))),
  ...inStream('engagement-t1', event('TaskRescheduled', 3, { engagementId: 't1', previous: at(12), dueAt: at(18) })),
  ...inStream('engagement-n1', event('EngagementLogged', 4, engagementLoggedData('n1', { kind: 'note', ownerId: 'ann', body: 'Prefers email', companyIds: ['co-1'] }))),
  ...inStream('engagement-t1', event('TaskCompleted', 5, { engagementId: 't1', ownerId: 'ann', completedBy: 'ben' })),
  ...inStream('engagement-e1', event('EngagementUpdated', 6, { engagementId: 'e1', changes: [{ field: 'outcome', previous: null, value: 'voicemail' }] })),
  ...inStream('engagement-t1', event('TaskReopened', 7, { engagementId: 't1', ownerId: 'ann' })),
  ...inStream('engagement-t2', event('EngagementLogged', 8, engagementLoggedData('t2', { kind: 'task', ownerId: 'ben', subject: 'Renewal', ticketIds: ['tk-1'] }))),
  ...inStream('engagement-t1', event('EngagementUpdated', 9, { engagementId: 't1', changes: [{ field: 'priority', previous: 'low', value: 'high' }] })),
  ...inStream('engagement-t2', event('TaskCompleted', 10, { engagementId: 't2', ownerId: 'ben', completedBy: 'ben' })),
];

describe('engagement-list rebuild', () => {
  const bed = useRebuildBed(engagementListProjection);

  it('gives the same rows as the live build', async () => {
    const { live, rebuilt } = await bed.compare(history, { engagement_list: 'engagement_id' });
    expect(live.engagement_list.map((row) => [row.engagement_id, row.status, row.priority])).toEqual([
      ['e1', null, null],
      ['n1', null, null],
      ['t1', 'open', 'high'],
      ['t2', 'completed', null],
    ]);
    expect(rebuilt).toEqual(live);
  });
});
