import type { Command } from '../shared/index.js';
import type {
  ConditionValues,
  WorkflowDefinitionDocument,
  WorkflowRecordType,
  WorkflowRunOutcome,
  WorkflowStepTakenData,
  WorkflowTrigger,
} from './workflow.events.js';

/** The service validates, normalises and hashes the definition (`#workflows`) before it reaches the decider. */
export type CreateWorkflow = Command<
  'CreateWorkflow',
  Readonly<{ workflowId: string; name: string; definition: WorkflowDefinitionDocument; definitionHash: string }>
>;
export type UpdateWorkflow = Command<
  'UpdateWorkflow',
  Readonly<{ workflowId: string; name: string; definition: WorkflowDefinitionDocument; definitionHash: string }>
>;
export type ActivateWorkflow = Command<
  'ActivateWorkflow',
  Readonly<{ workflowId: string; reason: string; enrolExisting: Readonly<{ asOf: string }> | null }>
>;
export type PauseWorkflow = Command<'PauseWorkflow', Readonly<{ workflowId: string; reason: string }>>;

export type WorkflowCommand = CreateWorkflow | UpdateWorkflow | ActivateWorkflow | PauseWorkflow;

/** The definition's re-enrolment policy: once ever, again once the previous run ended, or on every trigger. */
export type ReenrolmentPolicy = 'never' | 'afterExit' | 'always';

export type EnrolInWorkflow = Command<
  'EnrolInWorkflow',
  Readonly<{
    workflowId: string;
    version: number;
    definitionHash: string;
    workflowName: string;
    recordType: WorkflowRecordType;
    recordId: string;
    trigger: WorkflowTrigger;
    reenrolment: ReenrolmentPolicy;
  }>
>;

export type WorkflowStepRecord = Omit<WorkflowStepTakenData, 'runId'>;

/** What one pass of the runner did for a run: the steps it took, then a delay it now waits on or the run's end. */
export type RecordWorkflowSteps = Command<
  'RecordWorkflowSteps',
  Readonly<{
    runId: string;
    steps: readonly WorkflowStepRecord[];
    delay: Readonly<{ stepId: string; dueAt: string }> | null;
    finish: Readonly<{ outcome: WorkflowRunOutcome; values: ConditionValues }> | null;
  }>
>;

export type FinishWorkflowRun = Command<
  'FinishWorkflowRun',
  Readonly<{ runId: string; outcome: WorkflowRunOutcome; values: ConditionValues }>
>;

export type WorkflowRunCommand = EnrolInWorkflow | RecordWorkflowSteps | FinishWorkflowRun;
