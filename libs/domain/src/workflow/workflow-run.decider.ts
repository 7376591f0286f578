// Decides a record's runs in one workflow: whether a trigger enrols it (the re-enrolment policy) and what each run
// has done. Every step is recorded once per run: a re-sent batch, after a crash or a replay of history, decides
// nothing for the steps already recorded, which is what makes acting exactly once checkable from the log alone.
import { assertNever, decideByType, fold, notFound, ruleViolated, type Decider } from '../shared/index.js';
import type { EnrolInWorkflow, FinishWorkflowRun, RecordWorkflowSteps, ReenrolmentPolicy, WorkflowRunCommand } from './workflow.commands.js';
import {
  workflowRunId,
  type ConditionValues,
  type WorkflowBranch,
  type WorkflowRecordType,
  type WorkflowRunEvent,
  type WorkflowRunOutcome,
  type WorkflowStepKind,
  type WorkflowStepOutcome,
  type WorkflowTrigger,
} from './workflow.events.js';

export type RecordedStep = Readonly<{ stepId: string; kind: WorkflowStepKind; outcome: WorkflowStepOutcome; branch: WorkflowBranch | null }>;

export type WorkflowRun = Readonly<{
  runId: string;
  workflowId: string;
  version: number;
  definitionHash: string;
  workflowName: string;
  recordType: WorkflowRecordType;
  recordId: string;
  trigger: WorkflowTrigger;
  /** In the order taken. */
  steps: readonly RecordedStep[];
  completedStepIds: readonly string[];
  /** The side each branch step took. */
  branchTaken: Readonly<Record<string, WorkflowBranch>>;
  /** The delay the run waits on, or null. */
  waitingOn: Readonly<{ stepId: string; dueAt: string }> | null;
  finished: Readonly<{ outcome: WorkflowRunOutcome; values: ConditionValues }> | null;
}>;

export type WorkflowRunState = Readonly<{
  /** Every run of this record in this workflow, by run id. */
  runs: ReadonlyMap<string, WorkflowRun>;
  /** The latest run enrolled, open or finished; null before the first enrolment. */
  current: WorkflowRun | null;
  /** The trigger events that enrolled the record, over all runs: one event never enrols twice. */
  enrolledTriggerEventIds: ReadonlySet<string>;
}>;

export type EnrolmentRefusal = 'same-trigger' | 'enrolled-before' | 'run-open';

/** Why the policy keeps a record out of a new run (null: it enrols). The simulator asks the same question. */
export const enrolmentRefusal = (state: WorkflowRunState, policy: ReenrolmentPolicy, triggerEventId: string): EnrolmentRefusal | null => {
  if (state.enrolledTriggerEventIds.has(triggerEventId)) return 'same-trigger';
  if (policy === 'never' && state.runs.size > 0) return 'enrolled-before';
  if (policy === 'afterExit' && [...state.runs.values()].some((run) => run.finished === null)) return 'run-open';
  return null;
};

const enrol = ({ data }: EnrolInWorkflow, state: WorkflowRunState): readonly WorkflowRunEvent[] => {
  if (enrolmentRefusal(state, data.reenrolment, data.trigger.eventId) !== null) return [];
  const { workflowId, version, definitionHash, workflowName, recordType, recordId, trigger } = data;
  const runId = workflowRunId(workflowId, version, trigger.eventId);
  return [{ type: 'WorkflowEnrolled', data: { runId, workflowId, version, definitionHash, workflowName, recordType, recordId, trigger } }];
};

const runOf = (state: WorkflowRunState, runId: string): WorkflowRun => {
  const run = state.runs.get(runId);
  if (!run) throw notFound('workflow run', runId);
  return run;
};

const recordSteps = ({ data }: RecordWorkflowSteps, state: WorkflowRunState): readonly WorkflowRunEvent[] => {
  const { runId } = data;
  // A finished run takes nothing more: a late timer or a replayed batch for it decides nothing.
  if (runOf(state, runId).finished !== null) return [];
  const decided: WorkflowRunEvent[] = [];
  let run = runOf(state, runId);
  const take = (event: WorkflowRunEvent): void => {
    decided.push(event);
    run = evolveRun(run, event);
  };
  for (const step of data.steps) {
    if (run.completedStepIds.includes(step.stepId)) continue;
    if (run.waitingOn !== null && run.waitingOn.stepId !== step.stepId) {
      throw ruleViolated('run-waiting', `run ${runId} waits on delay ${run.waitingOn.stepId}; step ${step.stepId} comes after it`, { stepId: step.stepId });
    }
    take({ type: 'WorkflowStepTaken', data: { runId, ...step } });
  }
  if (data.delay !== null && !run.completedStepIds.includes(data.delay.stepId) && run.waitingOn?.stepId !== data.delay.stepId) {
    if (run.waitingOn !== null) {
      throw ruleViolated('run-waiting', `run ${runId} already waits on delay ${run.waitingOn.stepId}`, { stepId: data.delay.stepId });
    }
    take({ type: 'WorkflowDelayStarted', data: { runId, ...data.delay } });
  }
  if (data.finish !== null) take({ type: 'WorkflowRunFinished', data: { runId, ...data.finish } });
  return decided;
};

const finish = ({ data }: FinishWorkflowRun, state: WorkflowRunState): readonly WorkflowRunEvent[] =>
  runOf(state, data.runId).finished !== null ? [] : [{ type: 'WorkflowRunFinished', data }];

const evolveRun = (run: WorkflowRun, event: WorkflowRunEvent): WorkflowRun => {
  switch (event.type) {
    case 'WorkflowEnrolled':
      return run;
    case 'WorkflowStepTaken': {
      const { stepId, kind, outcome, branch } = event.data;
      return {
        ...run,
        steps: [...run.steps, { stepId, kind, outcome, branch }],
        completedStepIds: [...run.completedStepIds, stepId],
        branchTaken: branch === null ? run.branchTaken : { ...run.branchTaken, [stepId]: branch },
        waitingOn: run.waitingOn?.stepId === stepId ? null : run.waitingOn,
      };
    }
    case 'WorkflowDelayStarted':
      return { ...run, waitingOn: { stepId: event.data.stepId, dueAt: event.data.dueAt } };
    case 'WorkflowRunFinished':
      return { ...run, waitingOn: null, finished: { outcome: event.data.outcome, values: event.data.values } };
    default:
      return assertNever(event);
  }
};

const withRun = (state: WorkflowRunState, run: WorkflowRun): WorkflowRunState => {
  const runs = new Map(state.runs);
  runs.set(run.runId, run);
  return { ...state, runs, current: state.current?.runId === run.runId ? run : state.current };
};

/** Where a run stands, in the plain shape `#workflows`' nextStep reads (its RunCursor). */
export type WorkflowRunCursor = {
  workflowId: string;
  version: number;
  enrollingEventId: string;
  completedStepIds: string[];
  branchTaken: Record<string, WorkflowBranch>;
  waitingOn: { stepId: string; dueAt: string } | null;
};

export const runCursor = (run: WorkflowRun): WorkflowRunCursor => ({
  workflowId: run.workflowId,
  version: run.version,
  enrollingEventId: run.trigger.eventId,
  completedStepIds: [...run.completedStepIds],
  branchTaken: { ...run.branchTaken },
  waitingOn: run.waitingOn === null ? null : { ...run.waitingOn },
});

export const workflowRunDecider: Decider<WorkflowRunCommand, WorkflowRunEvent, WorkflowRunState> = {
  decide: decideByType({ EnrolInWorkflow: enrol, RecordWorkflowSteps: recordSteps, FinishWorkflowRun: finish }),
  evolve: (state, event) => {
    if (event.type === 'WorkflowEnrolled') {
      const { runId, trigger } = event.data;
      const run: WorkflowRun = { ...event.data, steps: [], completedStepIds: [], branchTaken: {}, waitingOn: null, finished: null };
      const runs = new Map(state.runs);
      runs.set(runId, run);
      return { runs, current: run, enrolledTriggerEventIds: new Set([...state.enrolledTriggerEventIds, trigger.eventId]) };
    }
    const run = state.runs.get(event.data.runId);
    return run ? withRun(state, evolveRun(run, event)) : state;
  },
  initialState: () => ({ runs: new Map(), current: null, enrolledTriggerEventIds: new Set() }),
};

/**
 * Decides several commands as one batch, each on the state the previous ones left: the runner appends an enrolment
 * and the run's first steps (and its end) in one append, so a crash never leaves an enrolment without its steps.
 */
export const decideWorkflowRunBatch = (commands: readonly WorkflowRunCommand[], state: WorkflowRunState): readonly WorkflowRunEvent[] => {
  const decided: WorkflowRunEvent[] = [];
  let current = state;
  for (const command of commands) {
    const events = workflowRunDecider.decide(command, current);
    decided.push(...events);
    current = fold({ evolve: workflowRunDecider.evolve, initialState: () => current }, events);
  }
  return decided;
};
