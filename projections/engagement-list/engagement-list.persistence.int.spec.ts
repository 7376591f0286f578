import { engagementLoggedData } from '#test/support/events';
import type { EngagementLogged } from '#domain/engagement';
import { inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { engagementListProjection } from './engagement-list.persistence.js';

const day = (n: number, hour = 9) => `2026-02-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const logged = (engagementId: string, occurredAt: string, data: Partial<EngagementLogged['data']>): SpecEvent =>
  event('EngagementLogged', occurredAt, engagementLoggedData(engagementId, { contactIds: ['c-1'], ...data }));
const TASK = inStream('engagement-t1', logged('t1', day(2), { kind: 'task', ownerId: 'ann', subject: 'Send proposal', dueAt: day(5), priority: 'medium' }));
const CALL = inStream('engagement-e1', logged('e1', day(3), { kind: 'call', ownerId: 'ben', durationMinutes: 25, companyIds: ['co-1'], dealIds: ['d-1'] }));
const ROWS = `SELECT engagement_id, kind, owner_id, subject, duration_minutes, occurred_at, due_at, priority, priority_rank, status, completed_at,
                     completed_by, contact_ids, company_ids, deal_ids, ticket_ids
                FROM engagement_list ORDER BY engagement_id`;
const taskRow = {
  engagement_id: 't1', kind: 'task', owner_id: 'ann', subject: 'Send proposal', duration_minutes: null, occurred_at: new Date(day(2)), due_at: new Date(day(5)),
  priority: 'medium', priority_rank: 1, status: 'open', completed_at: null, completed_by: null, contact_ids: ['c-1'], company_ids: [], deal_ids: [], ticket_ids: [],
};
const callRow = {
  engagement_id: 'e1', kind: 'call', owner_id: 'ben', subject: null, duration_minutes: 25, occurred_at: new Date(day(3)), due_at: null,
  priority: null, priority_rank: 3, status: null, completed_at: null, completed_by: null, contact_ids: ['c-1'], company_ids: ['co-1'], deal_ids: ['d-1'], ticket_ids: [],
};
const rescheduleAndComplete = inStream(
  'engagement-t1',
  event('EngagementUpdated', day(4), { engagementId: 't1', changes: [{ field: 'priority', previous: 'medium', value: 'high' }] }),
  event('TaskRescheduled', day(4), { engagementId: 't1', previous: day(5), dueAt: day(6) }),
  event('TaskCompleted', day(6, 15), { engagementId: 't1', ownerId: 'ann', completedBy: 'cat' }),
);

describe('engagement-list persistence', () => {
  const spec = useProjectionSpec(engagementListProjection);

  it('stores a task and a call with their records as jsonb arrays', async () => {
    await spec.given([...TASK, ...CALL]).then(ROWS, [callRow, taskRow]);
  });

  it('keeps a task rescheduled, reprioritised and completed, and takes each change in its own batch', async () => {
    await spec
      .given([...TASK, ...CALL])
      .when(rescheduleAndComplete)
      .then(ROWS, [callRow, { ...taskRow, due_at: new Date(day(6)), priority: 'high', priority_rank: 0, status: 'completed', completed_at: new Date(day(6, 15)), completed_by: 'cat' }]);
  });

  it('opens a reopened task again and clears its completion', async () => {
    await spec
      .given(TASK)
      .when(rescheduleAndComplete)
      .when(inStream('engagement-t1', event('TaskReopened', day(7), { engagementId: 't1', ownerId: 'ann' })))
      .then(ROWS, [{ ...taskRow, due_at: new Date(day(6)), priority: 'high', priority_rank: 0 }]);
  });

  it('stores any duration the schema allows, past what an integer column holds', async () => {
    await spec
      .given(inStream('engagement-e2', logged('e2', day(3), { kind: 'meeting', durationMinutes: 1e20 })))
      .then(`SELECT engagement_id, duration_minutes FROM engagement_list`, [{ engagement_id: 'e2', duration_minutes: 1e20 }]);
  });

  it('records when the store took the first and the latest event', async () => {
    await spec
      .given(TASK)
      .when(rescheduleAndComplete)
      .then(`SELECT created_at IS NOT NULL AND updated_at > created_at AS later FROM engagement_list`, [{ later: true }]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...TASK, ...CALL])
      .when(rescheduleAndComplete, { times: 2 })
      .then(ROWS, [callRow, { ...taskRow, due_at: new Date(day(6)), priority: 'high', priority_rank: 0, status: 'completed', completed_at: new Date(day(6, 15)), completed_by: 'cat' }]);
  });
});
