import { engagementLoggedData } from '#test/support/events';
import { DeciderSpecification } from '../shared/decider-specification.js';
import type { EngagementCommand, LogEngagement } from './engagement.commands.js';
import { engagementDecider } from './engagement.decider.js';
import { engagementStream, type EngagementKind, type EngagementLogged } from './engagement.events.js';

const given = DeciderSpecification.for(engagementDecider);
const metadata = { now: '2024-03-15T10:00:00.000Z' };
const engagementId = 'e-1';

const log = (data: Partial<LogEngagement['data']>): EngagementCommand => ({
  type: 'LogEngagement',
  data: { engagementId, kind: 'call', ownerId: 'o-1', contactIds: ['c-1'], ...data },
  metadata,
});
const logged = (data: Partial<EngagementLogged['data']>): EngagementLogged => ({
  type: 'EngagementLogged',
  data: engagementLoggedData(engagementId, { contactIds: ['c-1'], ...data }),
});
const task = logged({ kind: 'task', subject: 'Send proposal', dueAt: '2024-03-20T09:00:00.000Z' });
const complete = (completedBy = 'o-2'): EngagementCommand => ({ type: 'CompleteTask', data: { engagementId, completedBy }, metadata });

describe('engagement decider', () => {
  it('names the stream after the engagement id', () => {
    expect(engagementStream('e-1')).toBe('engagement-e-1');
  });

  describe('LogEngagement', () => {
    it('logs a call with duration and outcome, filling absent fields with null and empty lists', () => {
      given([])
        .when(log({ subject: 'Intro call', durationMinutes: 25, outcome: 'connected' }))
        .then([logged({ subject: 'Intro call', durationMinutes: 25, outcome: 'connected' })]);
    });

    it('logs a meeting tied to every kind of record, each listed once', () => {
      given([])
        .when(log({ kind: 'meeting', durationMinutes: 0, contactIds: ['c-1', 'c-1'], companyIds: ['co-1'], dealIds: ['d-1'], ticketIds: ['t-1'] }))
        .then([logged({ kind: 'meeting', durationMinutes: 0, companyIds: ['co-1'], dealIds: ['d-1'], ticketIds: ['t-1'] })]);
    });

    it('logs a task with its due time stored in UTC', () => {
      given([])
        .when(log({ kind: 'task', subject: ' Send proposal ', dueAt: '2024-03-20T10:00:00+01:00' }))
        .then([task]);
    });

    it('logs a note tied to a company only, treating a blank subject as none', () => {
      given([])
        .when(log({ kind: 'note', subject: ' ', body: 'Prefers annual billing', contactIds: [], companyIds: ['co-1'] }))
        .then([logged({ kind: 'note', body: 'Prefers annual billing', contactIds: [], companyIds: ['co-1'] })]);
    });

    it('logs an email', () => {
      given([]).when(log({ kind: 'email', subject: 'Pricing', body: 'Hi Ann' })).then([logged({ kind: 'email', subject: 'Pricing', body: 'Hi Ann' })]);
    });

    it('rejects logging the same engagement twice', () => {
      given([logged({})]).when(log({})).thenThrows('ALREADY_EXISTS');
    });

    it('rejects an unknown kind', () => {
      given([]).when(log({ kind: 'sms' as EngagementKind })).thenThrows('RULE_VIOLATED', 'invalid-engagement-kind');
    });

    it('rejects a blank owner', () => {
      given([]).when(log({ ownerId: ' ' })).thenThrows('RULE_VIOLATED', 'engagement-owner-required');
    });

    it('rejects an engagement tied to no record', () => {
      given([]).when(log({ contactIds: [], dealIds: [] })).thenThrows('RULE_VIOLATED', 'engagement-needs-association');
      given([]).when(log({ kind: 'note', contactIds: undefined })).thenThrows('RULE_VIOLATED', 'engagement-needs-association');
    });

    it.each<EngagementKind>(['email', 'note', 'task'])('rejects a duration on a %s', (kind) => {
      given([]).when(log({ kind, subject: 'x', durationMinutes: 5 })).thenThrows('RULE_VIOLATED', 'duration-only-for-calls-and-meetings');
    });

    it.each([-1, 2.5])('rejects duration %p', (durationMinutes) => {
      given([]).when(log({ durationMinutes })).thenThrows('RULE_VIOLATED', 'invalid-duration');
    });

    it('rejects an outcome on a note', () => {
      given([]).when(log({ kind: 'note', outcome: 'connected' })).thenThrows('RULE_VIOLATED', 'outcome-only-for-calls-and-meetings');
    });

    it('rejects a due time on a call', () => {
      given([]).when(log({ dueAt: '2024-03-20T09:00:00Z' })).thenThrows('RULE_VIOLATED', 'due-at-only-for-tasks');
    });

    it.each(['2024-03-20', '2024-02-30T09:00:00Z', '2024-03-20T24:00:00Z', '2024-03-20T09:00:00', '2024-03-20T09:00:00+25:00', '0000-01-01T00:00:00Z', '2200-01-01T00:00:00Z', '2024-03-20T09:00:00+14:30', '2024-03-20T09:00:00.0000001Z'])(
      'rejects due time %p',
      (dueAt) => {
        given([]).when(log({ kind: 'task', subject: 'Follow up', dueAt })).thenThrows('RULE_VIOLATED', 'invalid-due-at');
      },
    );

    it('rejects a task without a subject', () => {
      given([]).when(log({ kind: 'task', subject: '  ' })).thenThrows('RULE_VIOLATED', 'task-subject-required');
    });
  });

  describe('CompleteTask', () => {
    it('completes a task, naming its owner and who completed it', () => {
      given([task]).when(complete()).then([{ type: 'TaskCompleted', data: { engagementId, ownerId: 'o-1', completedBy: 'o-2' } }]);
    });

    it('rejects completing anything but a task', () => {
      given([logged({ kind: 'meeting' })]).when(complete()).thenThrows('RULE_VIOLATED', 'not-a-task');
    });

    it('rejects completing a task twice', () => {
      given([task, { type: 'TaskCompleted', data: { engagementId, ownerId: 'o-1', completedBy: 'o-1' } }])
        .when(complete())
        .thenThrows('RULE_VIOLATED', 'task-already-completed');
    });

    it('rejects an unknown engagement', () => {
      given([]).when(complete()).thenThrows('NOT_FOUND');
    });
  });
});
