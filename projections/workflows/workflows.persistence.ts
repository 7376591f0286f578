// Stores the workflows read model: per batch, load the workflows and runs it touches (one statement each), reduce in
// memory, then write each table in one multi-row statement.
import type { WorkflowEvent, WorkflowRunEvent } from '#domain/workflow';
import { formatPosition, parsePosition, type RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, selectByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import {
  reduceWorkflows,
  WORKFLOW_DEFINITION_EVENT_TYPES,
  WORKFLOWS_EVENT_TYPES,
  type WorkflowRow,
  type WorkflowRunRow,
  type WorkflowRunStepRow,
  type WorkflowsEvent,
} from './workflows.projection.js';
import { WORKFLOWS_SCHEMA, WORKFLOWS_TABLES as T } from './workflows.tables.js';
import { applyWithErasures, CONTACT_ERASED } from '../erasure.js';

type WorkflowRecord = {
  workflow_id: string;
  name: string;
  version: number;
  status: WorkflowRow['status'];
  definition: WorkflowRow['definition'];
  definition_hash: string;
  updated_at: Date;
  actor: string;
  last_position: string;
};

type RunRecord = {
  run_id: string;
  workflow_id: string;
  version: number;
  record_type: WorkflowRunRow['recordType'];
  record_id: string;
  status: WorkflowRunRow['status'];
  outcome: WorkflowRunRow['outcome'];
  trigger: WorkflowRunRow['trigger'];
  enrolled_at: Date;
  waiting_step_id: string | null;
  due_at: Date | null;
  finished_at: Date | null;
  position: string;
  step_count: number;
  last_position: string;
};

const workflowOf = (r: WorkflowRecord): WorkflowRow => ({
  workflowId: r.workflow_id,
  name: r.name,
  version: r.version,
  status: r.status,
  definition: r.definition,
  definitionHash: r.definition_hash,
  updatedAt: r.updated_at.toISOString(),
  actor: r.actor,
  lastPosition: r.last_position,
});

const runOf = (r: RunRecord): WorkflowRunRow => ({
  runId: r.run_id,
  workflowId: r.workflow_id,
  version: r.version,
  recordType: r.record_type,
  recordId: r.record_id,
  status: r.status,
  outcome: r.outcome,
  trigger: r.trigger,
  enrolledAt: r.enrolled_at.toISOString(),
  waitingStepId: r.waiting_step_id,
  dueAt: r.due_at?.toISOString() ?? null,
  finishedAt: r.finished_at?.toISOString() ?? null,
  position: r.position,
  stepCount: r.step_count,
  lastPosition: r.last_position,
});

const WORKFLOW_COLUMNS: readonly RowColumn<WorkflowRow>[] = fieldColumns<WorkflowRow>({
  workflowId: 'text',
  name: 'text',
  version: 'integer',
  status: 'text',
  definition: 'jsonb',
  definitionHash: 'text',
  updatedAt: 'timestamptz',
  actor: 'text',
  lastPosition: 'text',
});

const RUN_COLUMNS: readonly RowColumn<WorkflowRunRow>[] = [
  ...fieldColumns<WorkflowRunRow>({
    runId: 'text',
    workflowId: 'text',
    version: 'integer',
    recordType: 'text',
    recordId: 'text',
    status: 'text',
    outcome: 'text',
    trigger: 'jsonb',
    enrolledAt: 'timestamptz',
    waitingStepId: 'text',
    dueAt: 'timestamptz',
    finishedAt: 'timestamptz',
    position: 'text',
    stepCount: 'integer',
    lastPosition: 'text',
  }),
  ['position_commit', 'bigint', (run) => parsePosition(run.position).commit.toString()],
  ['position_prepare', 'bigint', (run) => parsePosition(run.position).prepare.toString()],
];

const STEP_COLUMNS: readonly RowColumn<WorkflowRunStepRow>[] = [
  ...fieldColumns<WorkflowRunStepRow>({ runId: 'text', ordinal: 'integer', stepId: 'text', kind: 'text', outcome: 'text' }),
  // `values` is a reserved word.
  ['"values"', 'jsonb', (step) => step.values],
  ...fieldColumns<WorkflowRunStepRow>({ branch: 'text', commandId: 'text', produced: 'jsonb', detail: 'text', at: 'timestamptz' }),
];

// The filter lets only these types through; their data was validated against the catalog at append time.
const asEvent = (event: RecordedEvent): WorkflowsEvent => ({
  event: { type: event.type, data: event.data } as WorkflowEvent | WorkflowRunEvent,
  position: formatPosition(event.position),
  occurredAt: event.metadata.occurredAt,
  actor: event.metadata.actor,
});

const isDefinition = (event: WorkflowsEvent['event']): event is WorkflowEvent => (WORKFLOW_DEFINITION_EVENT_TYPES as readonly string[]).includes(event.type);

export const workflowsProjection: ProjectionDefinition = {
  ...WORKFLOWS_SCHEMA,
  // 2: ContactErased clears the values the contact's runs matched on.
  codeVersion: 2,
  filter: { eventTypes: [...WORKFLOWS_EVENT_TYPES, CONTACT_ERASED] },
  apply: async (events, { tx, table }) => {
    await applyWithErasures(
      events,
      async (segment) => {
        const batch = segment.map(asEvent);
        const workflowIds = new Set<string>();
        const runIds = new Set<string>();
        for (const { event } of batch) {
          if (isDefinition(event)) workflowIds.add(event.data.workflowId);
          else runIds.add(event.data.runId);
        }
        const workflows = await selectByKeys<WorkflowRecord>(tx, table(T.workflows), 'workflow_id', [...workflowIds]);
        const runs = await selectByKeys<RunRecord>(tx, table(T.runs), 'run_id', [...runIds]);
        const changes = reduceWorkflows(
          { workflows: new Map(workflows.map((r) => [r.workflow_id, workflowOf(r)])), runs: new Map(runs.map((r) => [r.run_id, runOf(r)])) },
          batch,
        );
        await writeRows(tx, table(T.workflows), WORKFLOW_COLUMNS, changes.workflows, { key: ['workflow_id'], then: 'replace' });
        await writeRows(tx, table(T.runs), RUN_COLUMNS, changes.runs, { key: ['run_id'], then: 'replace' });
        await writeRows(tx, table(T.steps), STEP_COLUMNS, changes.steps);
      },
      async (contactIds) => {
        // The values a trigger or a step matched on may be the person's (an email, a form field): the runs stay for
        // the counts, without them.
        const runs = `SELECT run_id FROM ${table(T.runs)} WHERE record_type = 'contact' AND record_id = ANY($1::text[])`;
        await tx.query(`UPDATE ${table(T.steps)} SET "values" = '{}'::jsonb, detail = NULL WHERE run_id IN (${runs})`, [contactIds]);
        await tx.query(
          `UPDATE ${table(T.runs)} SET trigger = jsonb_set(trigger, '{values}', '{}'::jsonb) WHERE record_type = 'contact' AND record_id = ANY($1::text[])`,
          [contactIds],
        );
      },
    );
  },
};
