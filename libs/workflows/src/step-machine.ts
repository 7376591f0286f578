// The step machine of a run: given where the run stands (folded from its run events), the record's state and the
// time, the one thing to do next. It never returns a step already recorded, so a run replayed from its events
// resumes where it stopped and never repeats an action.
import { evaluateCondition } from './condition.js';
import type { RecordState, RunCursor, Step, StepDecision, WorkflowDefinition } from './definition.js';
import { delayDue } from './delay.js';
import { instantArgument } from './zoned-time.js';

/** The id of an action's command: the same for every retry of the same step of the same run. */
export const commandKeyOf = (workflowId: string, version: number, enrollingEventId: string, stepId: string): string =>
  `${workflowId}@${version}:${enrollingEventId}:${stepId}`;

/** A run that has recorded nothing yet. */
export const startCursor = (workflowId: string, version: number, enrollingEventId: string): RunCursor => ({
  workflowId,
  version,
  enrollingEventId,
  completedStepIds: [],
  branchTaken: {},
  waitingOn: null,
});

/** The first step not recorded, in order, inside the arms recorded branches took. */
const pendingStep = (steps: readonly Step[], cursor: RunCursor, completed: ReadonlySet<string>): Step | null => {
  for (const step of steps) {
    if (!completed.has(step.id)) return step;
    const arm = step.kind === 'branch' ? cursor.branchTaken[step.id] : undefined;
    const inner = step.kind === 'branch' && arm ? pendingStep(step[arm], cursor, completed) : null;
    if (inner) return inner;
  }
  return null;
};

/** What the run does next; unenrolment, then the goal, are checked before every step. */
export const nextStep = (definition: WorkflowDefinition, cursor: RunCursor, state: RecordState, now: string): StepDecision => {
  const nowMs = instantArgument(now, 'now');
  for (const [criteria, outcome] of [[definition.unenrolWhen, 'unenrolled'], [definition.goal, 'goalMet']] as const) {
    const result = criteria ? evaluateCondition(criteria, state) : null;
    if (result?.holds) return { kind: 'finish', outcome, values: result.values };
  }
  const step = pendingStep(definition.steps, cursor, new Set(cursor.completedStepIds));
  if (!step) return { kind: 'finish', outcome: 'completed', values: {} };
  switch (step.kind) {
    case 'action':
      return { kind: 'act', step, commandKey: commandKeyOf(cursor.workflowId, cursor.version, cursor.enrollingEventId, step.id) };
    case 'branch': {
      const { holds, values } = evaluateCondition(step.if, state);
      return { kind: 'branch', step, taken: holds ? 'then' : 'else', values };
    }
    case 'delay': {
      if (cursor.waitingOn?.stepId === step.id) {
        const { dueAt } = cursor.waitingOn;
        return nowMs >= instantArgument(dueAt, 'waitingOn.dueAt') ? { kind: 'resume', step, dueAt } : { kind: 'wait', step, dueAt };
      }
      const due = delayDue(step, state, now);
      return due.dueAt === null ? { kind: 'skip', step, detail: due.detail } : { kind: 'wait', step, dueAt: due.dueAt };
    }
  }
};
