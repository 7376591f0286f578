// The workflows read model, the pure part: each workflow's latest version and status, each run with where it stands
// (open, waiting on a delay until when, finished how), and the steps each run took in order. Every row remembers
// the last event applied to it, so a batch applied again after a lost checkpoint leaves the rows as they were.
import { comparePositions, parsePosition } from '#event-store';
import { assertNever } from '#domain/shared';
import type {
  ConditionValues,
  ProducedEvent,
  WorkflowBranch,
  WorkflowEvent,
  WorkflowRecordType,
  WorkflowRunEvent,
  WorkflowRunOutcome,
  WorkflowStepKind,
  WorkflowStepOutcome,
  WorkflowTrigger,
} from '#domain/workflow';

export const WORKFLOW_DEFINITION_EVENT_TYPES = ['WorkflowCreated', 'WorkflowUpdated', 'WorkflowActivated', 'WorkflowPaused'] as const satisfies readonly WorkflowEvent['type'][];
export const WORKFLOW_RUN_EVENT_TYPES = ['WorkflowEnrolled', 'WorkflowStepTaken', 'WorkflowDelayStarted', 'WorkflowRunFinished'] as const satisfies readonly WorkflowRunEvent['type'][];
export const WORKFLOWS_EVENT_TYPES = [...WORKFLOW_DEFINITION_EVENT_TYPES, ...WORKFLOW_RUN_EVENT_TYPES];

export type WorkflowRowStatus = 'draft' | 'active' | 'paused';

export type WorkflowRow = Readonly<{
  workflowId: string;
  name: string;
  version: number;
  status: WorkflowRowStatus;
  definition: Readonly<Record<string, unknown>>;
  definitionHash: string;
  /** Business time of the latest definition event, and who made it. */
  updatedAt: string;
  actor: string;
  lastPosition: string;
}>;

export type WorkflowRunRow = Readonly<{
  runId: string;
  workflowId: string;
  version: number;
  recordType: WorkflowRecordType;
  recordId: string;
  status: 'open' | 'waiting' | 'finished';
  outcome: WorkflowRunOutcome | null;
  trigger: WorkflowTrigger;
  enrolledAt: string;
  waitingStepId: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  /** Of the enrolment. */
  position: string;
  stepCount: number;
  lastPosition: string;
}>;

export type WorkflowRunStepRow = Readonly<{
  runId: string;
  /** 0, 1, ... in the order the run took its steps. */
  ordinal: number;
  stepId: string;
  kind: WorkflowStepKind;
  outcome: WorkflowStepOutcome;
  values: ConditionValues;
  branch: WorkflowBranch | null;
  commandId: string | null;
  produced: readonly ProducedEvent[];
  detail: string | null;
  at: string;
}>;

export type WorkflowsEvent = Readonly<{
  event: WorkflowEvent | WorkflowRunEvent;
  position: string;
  occurredAt: string;
  actor: string;
}>;

export type WorkflowsChanges = Readonly<{ workflows: WorkflowRow[]; runs: WorkflowRunRow[]; steps: WorkflowRunStepRow[] }>;

const instant = (iso: string): string => new Date(iso).toISOString();

/** Whether the row has seen the event already (a batch applied again). */
const applied = (lastPosition: string, position: string): boolean => comparePositions(parsePosition(position), parsePosition(lastPosition)) <= 0;

const evolveWorkflow = (row: WorkflowRow | undefined, { event, position, occurredAt, actor }: WorkflowsEvent & { event: WorkflowEvent }): WorkflowRow | undefined => {
  if (row && applied(row.lastPosition, position)) return row;
  const touched = { updatedAt: instant(occurredAt), actor, lastPosition: position };
  switch (event.type) {
    case 'WorkflowCreated': {
      if (row) return row;
      const { workflowId, name, version, definition, definitionHash } = event.data;
      return { workflowId, name, version, status: 'draft', definition, definitionHash, ...touched };
    }
    case 'WorkflowUpdated': {
      const { name, version, definition, definitionHash } = event.data;
      return row && { ...row, name, version, definition, definitionHash, ...touched };
    }
    case 'WorkflowActivated':
      return row && { ...row, status: 'active', ...touched };
    case 'WorkflowPaused':
      return row && { ...row, status: 'paused', ...touched };
    default:
      return assertNever(event);
  }
};

const evolveRun = (
  run: WorkflowRunRow | undefined,
  { event, position, occurredAt }: WorkflowsEvent & { event: WorkflowRunEvent },
  steps: WorkflowRunStepRow[],
): WorkflowRunRow | undefined => {
  if (run && applied(run.lastPosition, position)) return run;
  switch (event.type) {
    case 'WorkflowEnrolled': {
      if (run) return run;
      const { runId, workflowId, version, recordType, recordId, trigger } = event.data;
      return {
        runId, workflowId, version, recordType, recordId, status: 'open', outcome: null, trigger, enrolledAt: instant(occurredAt),
        waitingStepId: null, dueAt: null, finishedAt: null, position, stepCount: 0, lastPosition: position,
      };
    }
    case 'WorkflowStepTaken': {
      if (!run) return run;
      const { stepId, kind, outcome, values, branch, commandId, produced, detail } = event.data;
      steps.push({ runId: run.runId, ordinal: run.stepCount, stepId, kind, outcome, values, branch, commandId, produced, detail, at: instant(occurredAt) });
      const resumed = run.waitingStepId === stepId;
      return {
        ...run,
        stepCount: run.stepCount + 1,
        lastPosition: position,
        ...(resumed ? { status: 'open', waitingStepId: null, dueAt: null } : {}),
      };
    }
    case 'WorkflowDelayStarted':
      return run && { ...run, status: 'waiting', waitingStepId: event.data.stepId, dueAt: instant(event.data.dueAt), lastPosition: position };
    case 'WorkflowRunFinished':
      return run && { ...run, status: 'finished', outcome: event.data.outcome, waitingStepId: null, dueAt: null, finishedAt: instant(occurredAt), lastPosition: position };
    default:
      return assertNever(event);
  }
};

const isDefinitionEvent = (event: WorkflowEvent | WorkflowRunEvent): event is WorkflowEvent =>
  (WORKFLOW_DEFINITION_EVENT_TYPES as readonly string[]).includes(event.type);

/** A batch applied in order to the rows it touches; answers the rows it changed (each once) and the steps it added. */
export const reduceWorkflows = (
  stored: Readonly<{ workflows: ReadonlyMap<string, WorkflowRow>; runs: ReadonlyMap<string, WorkflowRunRow> }>,
  events: readonly WorkflowsEvent[],
): WorkflowsChanges => {
  const workflows = new Map(stored.workflows);
  const runs = new Map(stored.runs);
  const changedWorkflows = new Set<string>();
  const changedRuns = new Set<string>();
  const steps: WorkflowRunStepRow[] = [];
  for (const timed of events) {
    const { event } = timed;
    if (isDefinitionEvent(event)) {
      const before = workflows.get(event.data.workflowId);
      const after = evolveWorkflow(before, { ...timed, event });
      if (after === undefined || after === before) continue;
      workflows.set(after.workflowId, after);
      changedWorkflows.add(after.workflowId);
    } else {
      const before = runs.get(event.data.runId);
      const after = evolveRun(before, { ...timed, event }, steps);
      if (after === undefined || after === before) continue;
      runs.set(after.runId, after);
      changedRuns.add(after.runId);
    }
  }
  return {
    workflows: [...changedWorkflows].map((id) => workflows.get(id)!),
    runs: [...changedRuns].map((id) => runs.get(id)!),
    steps,
  };
};
