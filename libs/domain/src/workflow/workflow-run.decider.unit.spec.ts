import { DeciderSpecification } from '../shared/decider-specification.js';
import { deterministicUuid, fold } from '../shared/index.js';
import type { EnrolInWorkflow, RecordWorkflowSteps, ReenrolmentPolicy, WorkflowStepRecord } from './workflow.commands.js';
import { decideWorkflowRunBatch, enrolmentRefusal, runCursor, workflowRunDecider } from './workflow-run.decider.js';
import { workflowRunId, workflowRunStream, type WorkflowRunEvent, type WorkflowTrigger } from './workflow.events.js';

const spec = DeciderSpecification.for(workflowRunDecider);
const metadata = { now: '2026-11-27T10:00:00.000Z' };
const workflowId = 'w-1';
const definitionHash = 'a'.repeat(64);

const trigger = (eventId: string): WorkflowTrigger => ({
  eventId,
  eventType: 'FormSubmitted',
  streamName: 'activity-c-1',
  position: '7',
  occurredAt: '2026-11-27T09:00:00.000Z',
  values: { formId: 'demo' },
});
const enrolCommand = (eventId: string, reenrolment: ReenrolmentPolicy = 'never', version = 1): EnrolInWorkflow => ({
  type: 'EnrolInWorkflow',
  data: { workflowId, version, definitionHash, workflowName: 'Handoff', recordType: 'contact', recordId: 'c-1', trigger: trigger(eventId), reenrolment },
  metadata,
});
const runIdOf = (eventId: string) => workflowRunId(workflowId, 1, eventId);
const enrolled = (eventId: string): WorkflowRunEvent => ({
  type: 'WorkflowEnrolled',
  data: { runId: runIdOf(eventId), workflowId, version: 1, definitionHash, workflowName: 'Handoff', recordType: 'contact', recordId: 'c-1', trigger: trigger(eventId) },
});
const acted = (stepId: string): WorkflowStepRecord => ({
  stepId,
  kind: 'action',
  outcome: 'acted',
  values: {},
  branch: null,
  commandId: `w-1@1:e-1:${stepId}`,
  produced: [{ eventId: `ev-${stepId}`, type: 'TaskCreated', streamName: 'engagement-t-1' }],
  detail: null,
});
const taken = (eventId: string, step: WorkflowStepRecord): WorkflowRunEvent => ({ type: 'WorkflowStepTaken', data: { runId: runIdOf(eventId), ...step } });
const finished = (eventId: string): WorkflowRunEvent => ({ type: 'WorkflowRunFinished', data: { runId: runIdOf(eventId), outcome: 'completed', values: {} } });
const record = (eventId: string, data: Partial<RecordWorkflowSteps['data']>): RecordWorkflowSteps => ({
  type: 'RecordWorkflowSteps',
  data: { runId: runIdOf(eventId), steps: [], delay: null, finish: null, ...data },
  metadata,
});

describe('workflow runs', () => {
  it('names the run stream and the run the way request ids are derived, so a replay finds the same ones', () => {
    expect(workflowRunStream(workflowId, 'contact', 'c-1')).toBe(`workflowrun-${deterministicUuid(workflowId, 'contact:c-1')}`);
    expect(runIdOf('e-1')).toBe(deterministicUuid('w-1@1', 'e-1'));
    expect(workflowRunId(workflowId, 2, 'e-1')).not.toBe(runIdOf('e-1'));
  });

  describe('enrolment', () => {
    it('enrols a record with its trigger, under a run id derived from the trigger event', () =>
      spec([]).when(enrolCommand('e-1')).then([enrolled('e-1')]));

    it('never enrols the same trigger event twice, whatever the policy', () => {
      for (const policy of ['never', 'afterExit', 'always'] as const) {
        spec([enrolled('e-1'), finished('e-1')]).when(enrolCommand('e-1', policy)).then([]);
      }
    });

    it('never: a record enrols once per workflow, even in a later version', () => {
      spec([enrolled('e-1'), finished('e-1')]).when(enrolCommand('e-2', 'never', 2)).then([]);
    });

    it('afterExit: enrols again only once the previous run has ended', () => {
      spec([enrolled('e-1')]).when(enrolCommand('e-2', 'afterExit')).then([]);
      spec([enrolled('e-1'), finished('e-1')]).when(enrolCommand('e-2', 'afterExit')).then([enrolled('e-2')]);
    });

    it('always: enrols on every new trigger, while a run is open too', () =>
      spec([enrolled('e-1')]).when(enrolCommand('e-2', 'always')).then([enrolled('e-2')]));

    it('says why a trigger does not enrol', () => {
      const state = fold(workflowRunDecider, [enrolled('e-1')]);
      expect(enrolmentRefusal(state, 'always', 'e-1')).toBe('same-trigger');
      expect(enrolmentRefusal(state, 'never', 'e-2')).toBe('enrolled-before');
      expect(enrolmentRefusal(state, 'afterExit', 'e-2')).toBe('run-open');
      expect(enrolmentRefusal(state, 'always', 'e-2')).toBeNull();
    });
  });

  describe('steps', () => {
    it('records the steps taken, a delay to wait on, and the end of the run', () => {
      spec([enrolled('e-1')])
        .when(record('e-1', { steps: [acted('handoff')], delay: { stepId: 'wait', dueAt: '2026-11-29T10:00:00.000Z' } }))
        .then([taken('e-1', acted('handoff')), { type: 'WorkflowDelayStarted', data: { runId: runIdOf('e-1'), stepId: 'wait', dueAt: '2026-11-29T10:00:00.000Z' } }]);
      spec([enrolled('e-1')]).when(record('e-1', { steps: [acted('handoff')], finish: { outcome: 'completed', values: {} } })).then([taken('e-1', acted('handoff')), finished('e-1')]);
    });

    it('acts exactly once: a step already recorded in the run is refused, a new one is kept', () => {
      spec([enrolled('e-1'), taken('e-1', acted('handoff'))]).when(record('e-1', { steps: [acted('handoff')] })).then([]);
      spec([enrolled('e-1'), taken('e-1', acted('handoff'))])
        .when(record('e-1', { steps: [acted('handoff'), acted('notify')] }))
        .then([taken('e-1', acted('notify'))]);
    });

    it('refuses the same step twice within one batch', () =>
      spec([enrolled('e-1')]).when(record('e-1', { steps: [acted('handoff'), acted('handoff')] })).then([taken('e-1', acted('handoff'))]));

    it('records the same step again in a later run of the same record', () =>
      spec([enrolled('e-1'), taken('e-1', acted('handoff')), finished('e-1'), enrolled('e-2')])
        .when(record('e-2', { steps: [acted('handoff')] }))
        .then([taken('e-2', acted('handoff'))]));

    it('decides nothing for a finished run: a late timer or a replayed batch', () =>
      spec([enrolled('e-1'), finished('e-1')])
        .when(record('e-1', { steps: [acted('notify')], finish: { outcome: 'completed', values: {} } }))
        .then([]));

    it('resumes a waiting run with its delay step first, and refuses to start the same delay twice', () => {
      const waiting = [enrolled('e-1'), { type: 'WorkflowDelayStarted', data: { runId: runIdOf('e-1'), stepId: 'wait', dueAt: '2026-11-29T10:00:00.000Z' } }] as const;
      const elapsed: WorkflowStepRecord = { stepId: 'wait', kind: 'delay', outcome: 'elapsed', values: {}, branch: null, commandId: null, produced: [], detail: null };
      spec([...waiting]).when(record('e-1', { delay: { stepId: 'wait', dueAt: '2026-11-29T10:00:00.000Z' } })).then([]);
      spec([...waiting]).when(record('e-1', { steps: [elapsed, acted('notify')] })).then([taken('e-1', elapsed), taken('e-1', acted('notify'))]);
      spec([...waiting]).when(record('e-1', { steps: [acted('notify')] })).thenThrows('RULE_VIOLATED', 'run-waiting');
    });

    it('refuses steps of an unknown run', () => spec([]).when(record('e-1', { steps: [acted('handoff')] })).thenThrows('NOT_FOUND'));

    it('finishes a run once', () => {
      spec([enrolled('e-1')]).when({ type: 'FinishWorkflowRun', data: { runId: runIdOf('e-1'), outcome: 'completed', values: {} }, metadata }).then([finished('e-1')]);
      spec([enrolled('e-1'), finished('e-1')]).when({ type: 'FinishWorkflowRun', data: { runId: runIdOf('e-1'), outcome: 'goalMet', values: {} }, metadata }).then([]);
    });
  });

  it('decides an enrolment and its first steps as one batch', () =>
    expect(decideWorkflowRunBatch([enrolCommand('e-1'), record('e-1', { steps: [acted('handoff')], finish: { outcome: 'completed', values: {} } })], fold(workflowRunDecider, []))).toEqual([
      enrolled('e-1'),
      taken('e-1', acted('handoff')),
      finished('e-1'),
    ]));

  it('exposes the current run and where it stands for the step machine', () => {
    const branched: WorkflowStepRecord = { stepId: 'big', kind: 'branch', outcome: 'branched', values: { 'deal.amount': 5000 }, branch: 'else', commandId: null, produced: [], detail: null };
    const state = fold(workflowRunDecider, [
      enrolled('e-1'),
      taken('e-1', acted('handoff')),
      taken('e-1', branched),
      { type: 'WorkflowDelayStarted', data: { runId: runIdOf('e-1'), stepId: 'wait', dueAt: '2026-11-29T10:00:00.000Z' } },
    ]);
    expect(state.current).toMatchObject({ runId: runIdOf('e-1'), version: 1, trigger: trigger('e-1'), finished: null });
    expect(state.current?.steps).toEqual([
      { stepId: 'handoff', kind: 'action', outcome: 'acted', branch: null },
      { stepId: 'big', kind: 'branch', outcome: 'branched', branch: 'else' },
    ]);
    expect(state.current && runCursor(state.current)).toEqual({
      workflowId,
      version: 1,
      enrollingEventId: 'e-1',
      completedStepIds: ['handoff', 'big'],
      branchTaken: { big: 'else' },
      waitingOn: { stepId: 'wait', dueAt: '2026-11-29T10:00:00.000Z' },
    });
  });
});
