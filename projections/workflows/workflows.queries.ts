// Workflow queries: the workflows with their latest version and status, the runs of one workflow (newest enrolment
// first, keyset paging on the enrolment's position) each with its steps in order, and the delays now due.
import type { DueTimer, WorkflowRunRow, WorkflowRunsQuery, WorkflowSummary } from '#application';
import { workflowRunStream, type WorkflowRecordType } from '#domain/workflow';
import { activePositionSql } from '#projection-engine';
import { answerPosition, decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery, type Positioned, type ReadSource } from '#read-models';
import { WORKFLOWS_PROJECTION, WORKFLOWS_TABLES as T } from './workflows.tables.js';

type WorkflowRecord = {
  workflow_id: string;
  name: string;
  version: number;
  status: WorkflowSummary['status'];
  definition: WorkflowSummary['definition'];
  definition_hash: string;
  updated_at: Date;
  actor: string;
};

// A row of `(SELECT 1) LEFT JOIN ...`: the position, and the columns of a row found or all null.
type Read<R> = { read_position: string | null } & (R | { [K in keyof R]: null });

const summaryOf = (r: WorkflowRecord): WorkflowSummary => ({
  workflowId: r.workflow_id,
  name: r.name,
  version: r.version,
  status: r.status,
  definition: r.definition,
  definitionHash: r.definition_hash,
  updatedAt: r.updated_at.toISOString(),
  actor: r.actor,
});

const WORKFLOW_COLUMNS = 'w.workflow_id, w.name, w.version, w.status, w.definition, w.definition_hash, w.updated_at, w.actor';

/** Every workflow, by name (then id), with the build's position; one statement. */
export const listWorkflows = async (source: ReadSource): Promise<Positioned<{ data: WorkflowSummary[] }>> => {
  const rows = await preparedQuery<Read<WorkflowRecord>>(
    source,
    `SELECT ${activePositionSql('$1')} AS read_position, w.*
       FROM (SELECT 1) AS answer
       LEFT JOIN LATERAL (SELECT ${WORKFLOW_COLUMNS} FROM ${T.workflows} w) AS w ON true
      ORDER BY w.name COLLATE "C", w.workflow_id COLLATE "C"`,
    [WORKFLOWS_PROJECTION],
  );
  const data = rows.filter((row): row is Read<WorkflowRecord> & WorkflowRecord => row.workflow_id !== null).map(summaryOf);
  return { position: answerPosition(rows[0]?.read_position ?? null), data };
};

/** One workflow (null when the read model has not seen it) with the build's position. */
export const workflowById = async (source: ReadSource, workflowId: string): Promise<Positioned<{ workflow: WorkflowSummary | null }>> => {
  const [row] = await preparedQuery<Read<WorkflowRecord>>(
    source,
    `SELECT ${activePositionSql('$1')} AS read_position, ${WORKFLOW_COLUMNS}
       FROM (SELECT 1) AS answer LEFT JOIN ${T.workflows} w ON w.workflow_id = $2`,
    [WORKFLOWS_PROJECTION, workflowId],
  );
  const position = answerPosition(row.read_position);
  return { position, workflow: row.workflow_id === null ? null : summaryOf(row) };
};

type StepJson = {
  ordinal: number;
  step_id: string;
  kind: WorkflowRunRow['steps'][number]['kind'];
  outcome: WorkflowRunRow['steps'][number]['outcome'];
  values: Readonly<Record<string, unknown>>;
  branch: 'then' | 'else' | null;
  command_id: string | null;
  produced: WorkflowRunRow['steps'][number]['produced'];
  detail: string | null;
  at: string;
};

type RunRecord = {
  run_id: string;
  workflow_id: string;
  version: number;
  record_type: WorkflowRunRow['recordType'];
  record_id: string;
  status: WorkflowRunRow['status'];
  outcome: string | null;
  trigger: WorkflowRunRow['trigger'];
  enrolled_at: Date;
  waiting_step_id: string | null;
  due_at: Date | null;
  finished_at: Date | null;
  position_commit: string;
  position_prepare: string;
  steps: StepJson[];
};

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
  steps: r.steps.map((s) => ({
    ordinal: s.ordinal,
    stepId: s.step_id,
    kind: s.kind,
    outcome: s.outcome,
    values: s.values,
    branch: s.branch,
    commandId: s.command_id,
    produced: s.produced,
    detail: s.detail,
    // jsonb spells an instant its own way (`+00:00`): answers spell every instant as ISO in UTC.
    at: new Date(s.at).toISOString(),
  })),
});

const CURSOR_PART = /^[0-9]{1,20}$/;

/**
 * One page of a workflow's runs, newest enrolment first, each with every step it took in order (its explain trail),
 * and the build's position, in one statement. `contactId` narrows to a contact's runs, `recordId` to any record's.
 */
export const workflowRuns = async (
  source: ReadSource,
  workflowId: string,
  query: WorkflowRunsQuery,
): Promise<Positioned<{ data: WorkflowRunRow[]; nextCursor?: string }>> => {
  const params = new Parameters();
  const position = activePositionSql(params.add(WORKFLOWS_PROJECTION));
  const conditions = [`r.workflow_id = ${params.add(workflowId)}`];
  if (query.contactId !== undefined) conditions.push(`r.record_type = 'contact' AND r.record_id = ${params.add(query.contactId)}`);
  if (query.recordId !== undefined) conditions.push(`r.record_id = ${params.add(query.recordId)}`);
  if (query.cursor !== undefined) {
    const [commit, prepare] = decodeCursor(query.cursor, 2);
    if (typeof commit !== 'string' || typeof prepare !== 'string' || !CURSOR_PART.test(commit) || !CURSOR_PART.test(prepare)) throw new InvalidCursor();
    conditions.push(`(r.position_commit, r.position_prepare) < (${params.add(commit)}::bigint, ${params.add(prepare)}::bigint)`);
  }
  const order = 'r.position_commit DESC, r.position_prepare DESC';
  const rows = await preparedQuery<Read<RunRecord>>(
    source,
    `SELECT ${position} AS read_position, r.*
       FROM (SELECT 1) AS answer
       LEFT JOIN LATERAL (
         SELECT r.run_id, r.workflow_id, r.version, r.record_type, r.record_id, r.status, r.outcome, r.trigger, r.enrolled_at,
                r.waiting_step_id, r.due_at, r.finished_at, r.position_commit, r.position_prepare,
                (SELECT coalesce(jsonb_agg(to_jsonb(s) - 'run_id' ORDER BY s.ordinal), '[]'::jsonb)
                   FROM ${T.steps} s WHERE s.run_id = r.run_id) AS steps
           FROM ${T.runs} r WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT ${params.add(query.limit + 1)}
       ) AS r ON true
      ORDER BY ${order}`,
    params.values,
  );
  const found = rows.filter((row): row is Read<RunRecord> & RunRecord => row.run_id !== null);
  const page = found.slice(0, query.limit);
  const answer = { position: answerPosition(rows[0]?.read_position ?? null), data: page.map(runOf) };
  const last = page[page.length - 1];
  if (found.length <= query.limit || !last) return answer;
  return { ...answer, nextCursor: encodeCursor([String(last.position_commit), String(last.position_prepare)]) };
};

type DueRecord = { run_id: string; workflow_id: string; record_type: WorkflowRecordType; record_id: string; waiting_step_id: string; due_at: Date };

/** Runs waiting on a delay due at or before `nowIso`, earliest first (then by run id: a stable order for the timers). */
export const dueTimers = async (source: ReadSource, nowIso: string, limit: number): Promise<DueTimer[]> =>
  (
    await preparedQuery<DueRecord>(
      source,
      `SELECT r.run_id, r.workflow_id, r.record_type, r.record_id, r.waiting_step_id, r.due_at
         FROM ${T.runs} r
        WHERE r.status = 'waiting' AND r.due_at <= $1
        ORDER BY r.due_at, r.run_id COLLATE "C" LIMIT $2`,
      [nowIso, limit],
    )
  ).map((r) => ({
    runStream: workflowRunStream(r.workflow_id, r.record_type, r.record_id),
    runId: r.run_id,
    workflowId: r.workflow_id,
    stepId: r.waiting_step_id,
    dueAt: r.due_at.toISOString(),
  }));
