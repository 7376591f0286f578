// What the workflow use cases need from the workflows read model: declared here, implemented by projections/workflows
// and passed in by the apps, so this lib never reaches up to a projection. The runner never asks it which workflows
// are active (it folds the definition streams itself and never lags); the timers and the routes read it.
import type { Positioned } from '#read-models';

export type WorkflowStatus = 'draft' | 'active' | 'paused';

export type WorkflowSummary = Readonly<{
  workflowId: string;
  name: string;
  version: number;
  status: WorkflowStatus;
  definition: Readonly<Record<string, unknown>>;
  definitionHash: string;
  updatedAt: string;
  actor: string;
}>;

export type WorkflowRunStepRow = Readonly<{
  ordinal: number;
  stepId: string;
  kind: 'action' | 'branch' | 'delay';
  outcome: 'acted' | 'noChange' | 'skipped' | 'branched' | 'elapsed' | 'failed';
  values: Readonly<Record<string, unknown>>;
  branch: 'then' | 'else' | null;
  commandId: string | null;
  produced: readonly Readonly<{ eventId: string; type: string; streamName: string }>[];
  detail: string | null;
  at: string;
}>;

export type WorkflowRunRow = Readonly<{
  runId: string;
  workflowId: string;
  version: number;
  recordType: 'contact' | 'company' | 'deal' | 'ticket';
  recordId: string;
  status: 'open' | 'waiting' | 'finished';
  outcome: string | null;
  trigger: Readonly<Record<string, unknown>>;
  enrolledAt: string;
  waitingStepId: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  steps: readonly WorkflowRunStepRow[];
}>;

export type WorkflowRunsQuery = Readonly<{ contactId?: string; recordId?: string; cursor?: string; limit: number }>;

/** A delay that is due: the run waits on `stepId` until `dueAt`. */
export type DueTimer = Readonly<{ runStream: string; runId: string; workflowId: string; stepId: string; dueAt: string }>;

export interface WorkflowsReadModel {
  listWorkflows(): Promise<Positioned<{ data: WorkflowSummary[] }>>;
  workflowById(workflowId: string): Promise<Positioned<{ workflow: WorkflowSummary | null }>>;
  runsOf(workflowId: string, query: WorkflowRunsQuery): Promise<Positioned<{ data: WorkflowRunRow[]; nextCursor?: string }>>;
  /** Waiting runs whose delay is due at or before `nowIso`, earliest first. */
  dueTimers(nowIso: string, limit: number): Promise<DueTimer[]>;
}
