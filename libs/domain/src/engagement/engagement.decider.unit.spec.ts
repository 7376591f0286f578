import { engagementLoggedData } from '#test/support/events';
import { DeciderSpecification } from '../shared/decider-specification.js';
import type { EngagementCommand, LogEngagement, UpdateEngagement } from './engagement.commands.js';
import { engagementDecider, fieldsOf } from './engagement.decider.js';
import { engagementStream, type EngagementKind, type EngagementEvent, type EngagementLogged, type TaskPriority } from './engagement.events.js';

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
const completed: EngagementEvent = { type: 'TaskCompleted', data: { engagementId, ownerId: 'o-1', completedBy: 'o-1' } };
const update = (data: Omit<UpdateEngagement['data'], 'engagementId'>): EngagementCommand => ({ type: 'UpdateEngagement', data: { engagementId, ...data }, metadata });
const reschedule = (dueAt: string): EngagementCommand => ({ type: 'RescheduleTask', data: { engagementId, dueAt }, metadata });
const reopen: EngagementCommand = { type: 'ReopenTask', data: { engagementId }, metadata };

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

    it('logs a task with a priority', () => {
      given([])
        .when(log({ kind: 'task', subject: 'Send proposal', dueAt: '2024-03-20T09:00:00Z', priority: 'high' }))
        .then([{ ...task, data: { ...task.data, priority: 'high' } }]);
    });

    it.each<EngagementKind>(['email', 'call', 'meeting', 'note'])('rejects a priority on a %s', (kind) => {
      given([]).when(log({ kind, priority: 'low' })).thenThrows('RULE_VIOLATED', 'priority-only-for-tasks');
    });

    it('rejects an unknown priority', () => {
      given([]).when(log({ kind: 'task', subject: 'x', priority: 'urgent' as TaskPriority })).thenThrows('RULE_VIOLATED', 'invalid-priority');
    });
  });

  describe('UpdateEngagement', () => {
    const call = logged({ subject: 'Intro call', durationMinutes: 25, outcome: 'connected' });

    it('lists only the fields whose value changed, in a fixed order, with their previous values', () => {
      given([call])
        .when(update({ outcome: 'voicemail', subject: 'Intro call', durationMinutes: 5, body: 'Left a message' }))
        .then([
          {
            type: 'EngagementUpdated',
            data: {
              engagementId,
              changes: [
                { field: 'body', previous: null, value: 'Left a message' },
                { field: 'outcome', previous: 'connected', value: 'voicemail' },
                { field: 'durationMinutes', previous: 25, value: 5 },
              ],
            },
          },
        ]);
    });

    it('clears a field with null or blank text, and changes nothing when every value is the same', () => {
      given([call])
        .when(update({ subject: ' ', durationMinutes: null }))
        .then([
          {
            type: 'EngagementUpdated',
            data: {
              engagementId,
              changes: [
                { field: 'subject', previous: 'Intro call', value: null },
                { field: 'durationMinutes', previous: 25, value: null },
              ],
            },
          },
        ]);
      given([call]).when(update({ subject: ' Intro call ', outcome: 'connected' })).then([]);
    });

    it("changes a task's priority and reads its earlier updates", () => {
      const raised: EngagementEvent = { type: 'EngagementUpdated', data: { engagementId, changes: [{ field: 'priority', previous: null, value: 'high' }] } };
      given([task, raised])
        .when(update({ priority: 'low', subject: 'Send the proposal' }))
        .then([
          {
            type: 'EngagementUpdated',
            data: {
              engagementId,
              changes: [
                { field: 'subject', previous: 'Send proposal', value: 'Send the proposal' },
                { field: 'priority', previous: 'high', value: 'low' },
              ],
            },
          },
        ]);
    });

    it('names a field the kind does not have', () => {
      const refused = (events: EngagementEvent[], data: Omit<UpdateEngagement['data'], 'engagementId'>, field: string) => {
        expect(() => engagementDecider.decide(update(data), events.reduce(engagementDecider.evolve, engagementDecider.initialState()))).toThrow(
          expect.objectContaining({ code: 'RULE_VIOLATED', details: expect.objectContaining({ rule: 'field-not-for-kind', field }) }),
        );
      };
      refused([call], { priority: 'high' }, 'priority');
      refused([task], { durationMinutes: 5 }, 'durationMinutes');
      refused([logged({ kind: 'note' })], { outcome: 'connected' }, 'outcome');
      expect(fieldsOf('email')).toEqual(['subject', 'body']);
      expect(fieldsOf('meeting')).toEqual(['subject', 'body', 'outcome', 'durationMinutes']);
      expect(fieldsOf('task')).toEqual(['subject', 'body', 'priority']);
    });

    it('keeps the rules of logging: a task keeps a subject, durations are whole, priorities known', () => {
      given([task]).when(update({ subject: null })).thenThrows('RULE_VIOLATED', 'task-subject-required');
      given([call]).when(update({ durationMinutes: 1.5 })).thenThrows('RULE_VIOLATED', 'invalid-duration');
      given([task]).when(update({ priority: 'asap' as TaskPriority })).thenThrows('RULE_VIOLATED', 'invalid-priority');
    });

    it('rejects an unknown engagement', () => {
      given([]).when(update({ body: 'x' })).thenThrows('NOT_FOUND');
    });
  });

  describe('RescheduleTask', () => {
    it('moves the due time, stored in UTC, naming the previous one', () => {
      given([task])
        .when(reschedule('2024-03-22T10:00:00+01:00'))
        .then([{ type: 'TaskRescheduled', data: { engagementId, previous: '2024-03-20T09:00:00.000Z', dueAt: '2024-03-22T09:00:00.000Z' } }]);
    });

    it('gives a task without a due time one, and reads earlier reschedules', () => {
      const undated = logged({ kind: 'task', subject: 'Call back' });
      given([undated])
        .when(reschedule('2024-03-21T09:00:00Z'))
        .then([{ type: 'TaskRescheduled', data: { engagementId, previous: null, dueAt: '2024-03-21T09:00:00.000Z' } }]);
      const moved: EngagementEvent = { type: 'TaskRescheduled', data: { engagementId, previous: null, dueAt: '2024-03-21T09:00:00.000Z' } };
      given([undated, moved]).when(reschedule('2024-03-21T10:00:00+01:00')).then([]);
    });

    it('rejects a malformed due time, a completed task, a call and an unknown engagement', () => {
      given([task]).when(reschedule('2024-03-22')).thenThrows('RULE_VIOLATED', 'invalid-due-at');
      given([task, completed]).when(reschedule('2024-03-22T09:00:00Z')).thenThrows('RULE_VIOLATED', 'task-already-completed');
      given([logged({})]).when(reschedule('2024-03-22T09:00:00Z')).thenThrows('RULE_VIOLATED', 'not-a-task');
      given([]).when(reschedule('2024-03-22T09:00:00Z')).thenThrows('NOT_FOUND');
    });
  });

  describe('ReopenTask', () => {
    it('reopens a completed task, naming its owner, and it can be completed again', () => {
      given([task, completed]).when(reopen).then([{ type: 'TaskReopened', data: { engagementId, ownerId: 'o-1' } }]);
      given([task, completed, { type: 'TaskReopened', data: { engagementId, ownerId: 'o-1' } }])
        .when(complete())
        .then([{ type: 'TaskCompleted', data: { engagementId, ownerId: 'o-1', completedBy: 'o-2' } }]);
    });

    it('rejects reopening an open task, anything but a task, and an unknown engagement', () => {
      given([task]).when(reopen).thenThrows('RULE_VIOLATED', 'task-not-completed');
      given([logged({ kind: 'note' })]).when(reopen).thenThrows('RULE_VIOLATED', 'not-a-task');
      given([]).when(reopen).thenThrows('NOT_FOUND');
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
      given([task, completed])
        .when(complete())
        .thenThrows('RULE_VIOLATED', 'task-already-completed');
    });

    it('rejects an unknown engagement', () => {
      given([]).when(complete()).thenThrows('NOT_FOUND');
    });
  });
});
