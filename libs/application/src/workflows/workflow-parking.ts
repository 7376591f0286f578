// Poison events. When judging an event for one workflow keeps failing (anything but a lost lease or a lost database
// connection, which are retried from the checkpoint as before), the runner tries it a bounded number of times with
// backoff, then PARKS that (workflow, event) pair in workflow_parked_events with the error and GOES ON: the event's
// other workflows and every later event are judged as usual, so one bad event never stalls every workflow. Unlike a
// projection (which must apply every event in order, so it stops), a workflow judges each event on its own; the cost,
// said here once, is that later events of the same record are judged without the parked one (a 'never' workflow may
// enrol the record on a later trigger instead). An operator then retries the pair (judged again now, against the
// record as it is now; exactly once as always: its enrolment and actions are named by the event) or skips it with a
// reason. A skipped pair stays skipped when the runner re-reads the log; a parked one that succeeds on a re-read is
// marked retried.
import type pg from 'pg';
import { notFound, ruleViolated } from '#domain/shared';
import { workflowDecider, workflowStream } from '#domain/workflow';
import { parsePosition } from '#event-store';
import type { TriggerEvent } from '#workflows';
import type { CommandExecutor } from '../command-executor.js';
import { versionOf } from './workflow-registry.js';
import type { WorkflowRunner } from './workflow-runner.js';

/** What was being done: judging an enrolment trigger, or following a record's date for a schedule trigger. */
export type ParkedKind = 'enrol' | 'schedule';
export type ParkedStatus = 'parked' | 'retried' | 'skipped';

export type ParkedWorkflowEvent = Readonly<{
  workflowId: string;
  version: number;
  kind: ParkedKind;
  /** The event (or virtual trigger) as the runner judged it. */
  trigger: TriggerEvent;
  error: string;
  attempts: number;
  status: ParkedStatus;
  parkedAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  reason: string | null;
}>;

export type ParkedKey = Readonly<{ workflowId: string; eventId: string; kind: ParkedKind }>;

export const parkedKey = (key: ParkedKey): string => `${key.kind}:${key.workflowId}:${key.eventId}`;

type Row = {
  workflow_id: string;
  version: number;
  kind: ParkedKind;
  trigger: TriggerEvent;
  error: string;
  attempts: number;
  status: ParkedStatus;
  parked_at: Date;
  resolved_by: string | null;
  resolved_at: Date | null;
  reason: string | null;
};

const parkedOf = (row: Row): ParkedWorkflowEvent => ({
  workflowId: row.workflow_id,
  version: row.version,
  kind: row.kind,
  trigger: row.trigger,
  error: row.error,
  attempts: row.attempts,
  status: row.status,
  parkedAt: row.parked_at.toISOString(),
  resolvedBy: row.resolved_by,
  resolvedAt: row.resolved_at?.toISOString() ?? null,
  reason: row.reason,
});

const KEY = 'workflow_id = $1 AND event_id = $2 AND kind = $3';
const keyParams = (key: ParkedKey) => [key.workflowId, key.eventId, key.kind];

/** The table of parked pairs; the runner writes it, operators read and resolve it. */
export class WorkflowParking {
  constructor(private readonly pool: pg.Pool) {}

  /** Parks the pair (again: the attempts add up, an earlier resolution is undone). */
  async park(entry: { workflowId: string; version: number; kind: ParkedKind; trigger: TriggerEvent; error: string; attempts: number }): Promise<void> {
    await this.pool.query(
      `INSERT INTO workflow_parked_events (workflow_id, event_id, kind, version, trigger, position, position_commit, event_type, error, attempts, status)
       VALUES ($1, $2, $3, $4, $5, $6, $10, $7, $8, $9, 'parked')
       ON CONFLICT (workflow_id, event_id, kind) DO UPDATE SET version = EXCLUDED.version, trigger = EXCLUDED.trigger,
         error = EXCLUDED.error, attempts = workflow_parked_events.attempts + EXCLUDED.attempts, status = 'parked',
         parked_at = now(), resolved_by = NULL, resolved_at = NULL, reason = NULL`,
      [entry.workflowId, entry.trigger.id, entry.kind, entry.version, JSON.stringify(entry.trigger), entry.trigger.position, entry.trigger.type, entry.error, entry.attempts, parsePosition(entry.trigger.position).commit.toString()],
    );
  }

  async find(key: ParkedKey): Promise<ParkedWorkflowEvent | null> {
    const { rows } = await this.pool.query<Row>(`SELECT * FROM workflow_parked_events WHERE ${KEY}`, keyParams(key));
    return rows[0] ? parkedOf(rows[0]) : null;
  }

  /** The keys still parked: the runner marks them retried when they succeed on a re-read. */
  async parkedKeys(): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ workflow_id: string; event_id: string; kind: ParkedKind }>(
      `SELECT workflow_id, event_id, kind FROM workflow_parked_events WHERE status = 'parked'`,
    );
    return new Set(rows.map((row) => parkedKey({ workflowId: row.workflow_id, eventId: row.event_id, kind: row.kind })));
  }

  /** Parked pairs, oldest event first; `status` narrows them (default: all). */
  async list(query: { workflowId?: string; status?: ParkedStatus } = {}): Promise<ParkedWorkflowEvent[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM workflow_parked_events WHERE ($1::text IS NULL OR workflow_id = $1) AND ($2::text IS NULL OR status = $2)
       ORDER BY position_commit, position, workflow_id, kind`,
      [query.workflowId ?? null, query.status ?? null],
    );
    return rows.map(parkedOf);
  }

  async resolve(key: ParkedKey, status: Exclude<ParkedStatus, 'parked'>, resolvedBy: string, reason: string | null): Promise<void> {
    await this.pool.query(
      `UPDATE workflow_parked_events SET status = $4, resolved_by = $5, resolved_at = now(), reason = $6 WHERE ${KEY}`,
      [...keyParams(key), status, resolvedBy, reason],
    );
  }

  /** A retry that failed again: still parked, with the new error. */
  async failedAgain(key: ParkedKey, error: string): Promise<void> {
    await this.pool.query(`UPDATE workflow_parked_events SET error = $4, attempts = attempts + 1 WHERE ${KEY}`, [...keyParams(key), error]);
  }

  /** The parked pair, refusing one that is absent (404) or no longer parked (409-like rule). */
  async requireParked(key: ParkedKey): Promise<ParkedWorkflowEvent> {
    const found = await this.find(key);
    if (found === null) throw notFound('parked workflow event', `${key.workflowId}/${key.eventId}`);
    if (found.status !== 'parked') throw ruleViolated('not-parked', `the event was ${found.status} already`, { status: found.status });
    return found;
  }
}

/** What operators do with parked pairs; the api exposes it. */
export class WorkflowParkedEvents {
  constructor(
    private readonly parking: WorkflowParking,
    private readonly runner: Pick<WorkflowRunner, 'retryParked'>,
    private readonly executor: CommandExecutor,
  ) {}

  list(query: { workflowId?: string; status?: ParkedStatus } = {}): Promise<ParkedWorkflowEvent[]> {
    return this.parking.list(query);
  }

  /**
   * Judges the pair again now, on the workflow version it was parked under. Success marks it retried; a failure
   * leaves it parked with the new error, and throws that error.
   */
  async retry(key: ParkedKey, actor: string): Promise<ParkedWorkflowEvent> {
    const parked = await this.parking.requireParked(key);
    const { state } = await this.executor.load(workflowStream(key.workflowId), workflowDecider);
    const workflow = versionOf(state, parked.version);
    if (workflow === null) throw notFound('workflow', `${key.workflowId}@${parked.version}`);
    try {
      await this.runner.retryParked(parked, workflow);
    } catch (error) {
      await this.parking.failedAgain(key, error instanceof Error ? error.message : String(error));
      throw error;
    }
    await this.parking.resolve(key, 'retried', actor, null);
    return (await this.parking.find(key))!;
  }

  /** Gives up on the pair for good, saying why: the workflow never judges that event (re-reads of the log included). */
  async skip(key: ParkedKey, reason: string, actor: string): Promise<ParkedWorkflowEvent> {
    const why = reason.trim();
    if (why === '') throw ruleViolated('reason-required', 'say why the event is skipped: the workflow will never judge it');
    await this.parking.requireParked(key);
    await this.parking.resolve(key, 'skipped', actor, why);
    return (await this.parking.find(key))!;
  }
}
