import { engagementLoggedData } from '#test/support/events';
import { DeciderSpecification } from '../shared/decider-specification.js';
import { engagementDecider } from './engagement.decider.js';
import { playbookRunDecider, playbookRunSummary, type PlaybookRunRecorded, type RecordPlaybookRun } from './engagement-playbook-run.js';
import type { EngagementEvent, EngagementKind } from './engagement.events.js';

const given = DeciderSpecification.for(playbookRunDecider);
const metadata = { now: '2026-03-15T10:00:00.000Z' };
const engagementId = 'e-1';
const logged = (kind: EngagementKind, contactIds: string[]): EngagementEvent => ({ type: 'EngagementLogged', data: engagementLoggedData(engagementId, { kind, contactIds }) });
const mapped = { questionId: 'budget', question: 'Budget?', type: 'number', value: 5000, mapsTo: 'budget' } as const;
const unmapped = { questionId: 'notes', question: 'Notes?', type: 'text', value: 'SSO', mapsTo: null } as const;
const run = (data: Partial<RecordPlaybookRun['data']> = {}): RecordPlaybookRun => ({
  type: 'RecordPlaybookRun',
  data: { engagementId, runId: 'r-1', playbookId: 'p-1', playbookVersion: 1, playbookName: 'Discovery', team: 'sales', contactId: null, answers: [mapped, unmapped], ...data },
  metadata,
});
const recorded = (data: Partial<PlaybookRunRecorded['data']> = {}): PlaybookRunRecorded => ({ type: 'PlaybookRunRecorded', data: { ...run().data, contactId: 'c-1', ...data } });

describe('playbook runs on an engagement', () => {
  it("records a run on a call, writing the mapped answers to the engagement's only contact", () => {
    given([logged('call', ['c-1'])]).when(run()).then([recorded()]);
  });

  it('records a run once: the same run id again decides nothing', () => {
    given([logged('meeting', ['c-1']), recorded()]).when(run()).then([]);
  });

  it('needs the contact named when the engagement has several, and one of them', () => {
    given([logged('call', ['c-1', 'c-2'])]).when(run()).thenThrows('RULE_VIOLATED', 'playbook-invalid');
    given([logged('call', ['c-1', 'c-2'])]).when(run({ contactId: 'c-2' })).then([recorded({ contactId: 'c-2' })]);
    given([logged('call', ['c-1'])]).when(run({ contactId: 'c-9' })).thenThrows('RULE_VIOLATED', 'playbook-invalid');
  });

  it('runs without a contact when nothing maps and the engagement has none', () => {
    given([logged('meeting', [])]).when(run({ answers: [unmapped] })).then([recorded({ contactId: null, answers: [unmapped] })]);
  });

  it('refuses a run on anything but a call or meeting, and on an engagement never logged', () => {
    given([logged('note', ['c-1'])]).when(run()).thenThrows('RULE_VIOLATED', 'playbook-run-needs-call-or-meeting');
    given([]).when(run()).thenThrows('NOT_FOUND');
  });

  it("leaves the engagement's own state as it was: its decider folds past a run", () => {
    const events = [logged('call', ['c-1']), recorded()] as EngagementEvent[];
    expect(events.reduce(engagementDecider.evolve, engagementDecider.initialState())).toEqual(engagementDecider.evolve(null, events[0]));
  });

  it('sums a run up with each answer by its question id', () => {
    expect(playbookRunSummary(recorded().data)).toBe('Ran playbook "Discovery" (v1): budget: 5000; notes: "SSO"');
    expect(playbookRunSummary(recorded({ answers: [] }).data)).toBe('Ran playbook "Discovery" (v1) with no answers');
  });
});
