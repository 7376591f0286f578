// Scheduled triggers ("a deal's closeDate minus 7 days at 09:00 in Europe/Paris"). The runner keeps the table
// workflow_schedules as it reads the log: whenever an event of a record's own stream passes, each active schedule
// workflow of that record type recomputes the record's row from the record as it stood at that event, so re-reading
// the log from any checkpoint leaves the same rows. The timers enrol the rows that are due; each enrolment is named
// by (workflow, record, date), so one date enrols once however often it is looked at, and a moved date re-schedules.
import type pg from 'pg';
import { deterministicUuid } from '#domain/shared';
import { formatPosition, streamCategory, type RecordedEvent } from '#event-store';
import { RECORD_TYPES, scheduleOf, type RecordType, type ScheduleTrigger, type TriggerEvent } from '#workflows';
import type { LoadedRecord, RecordRef } from './record-state.js';
import type { ActiveWorkflow } from './workflow-registry.js';

/** The trigger type a scheduled enrolment names in its trail (never stored in the log as an event of its own). */
export const SCHEDULE_REACHED = 'WorkflowScheduleReached';

export type ScheduleRow = Readonly<{
  workflowId: string;
  recordType: RecordType;
  recordId: string;
  /** The date property's value the due instant was computed from. */
  date: string;
  dueAt: string;
  triggerId: string;
  /** The event that set the date (the enrolment's trigger position) and its stream. */
  position: string;
  streamName: string;
}>;

export type ScheduleChange = Readonly<{ kind: 'keep' } | { kind: 'clear' } | { kind: 'set'; row: ScheduleRow }>;

export const scheduleTriggerOf = (workflow: ActiveWorkflow): ScheduleTrigger | null =>
  workflow.definition.trigger.kind === 'schedule' ? workflow.definition.trigger : null;

/** The record whose own stream this is, when it is a record type's stream. */
export const recordOfStream = (streamName: string): RecordRef | null => {
  const category = streamCategory(streamName);
  if (!(RECORD_TYPES as readonly string[]).includes(category)) return null;
  return { recordType: category as RecordType, recordId: streamName.slice(category.length + 1) };
};

/** Ids in the log are at most 200 characters: a longer name is recorded by its name-based UUID. */
export const scheduleTriggerId = (workflowId: string, record: RecordRef, date: string): string => {
  const id = `schedule:${workflowId}:${record.recordType}:${record.recordId}:${date}`;
  return id.length <= 200 ? id : `schedule:${deterministicUuid(id, 'schedule')}`;
};

/**
 * What an event of the record's stream does to its row (pure: the simulator replays it too). The same date keeps the
 * row as it is (it may have enrolled already); no record, no date, or a new date whose time had passed when it was
 * set clears it; a new date in the future replaces it.
 */
export const scheduleChange = (workflow: ActiveWorkflow, record: RecordRef, loaded: LoadedRecord, event: Pick<RecordedEvent, 'position' | 'streamName' | 'metadata'>, currentTriggerId: string | null): ScheduleChange => {
  const trigger = scheduleTriggerOf(workflow);
  const schedule = trigger && loaded.exists ? scheduleOf(trigger, loaded.state) : null;
  if (schedule === null) return { kind: 'clear' };
  const triggerId = scheduleTriggerId(workflow.workflowId, record, schedule.date);
  if (triggerId === currentTriggerId) return { kind: 'keep' };
  if (Date.parse(schedule.dueAt) < Date.parse(event.metadata.occurredAt)) return { kind: 'clear' };
  return {
    kind: 'set',
    row: { workflowId: workflow.workflowId, ...record, date: schedule.date, dueAt: new Date(schedule.dueAt).toISOString(), triggerId, position: formatPosition(event.position), streamName: event.streamName },
  };
};

/** A due row as the trigger its enrolment names: at the due instant, from the event that set the date. */
export const scheduleTrigger = (row: ScheduleRow, trigger: ScheduleTrigger): { trigger: TriggerEvent; values: Record<string, unknown> } => {
  const values = { [trigger.dateProperty]: row.date, dueAt: row.dueAt };
  return {
    trigger: { id: row.triggerId, type: SCHEDULE_REACHED, streamName: row.streamName, position: row.position, occurredAt: row.dueAt, data: { [`${row.recordType}Id`]: row.recordId, ...values } },
    values,
  };
};

type Row = { workflow_id: string; record_type: RecordType; record_id: string; date_value: string; due_at: Date; trigger_id: string; position: string; stream_name: string };

const rowOf = (row: Row): ScheduleRow => ({
  workflowId: row.workflow_id,
  recordType: row.record_type,
  recordId: row.record_id,
  date: row.date_value,
  dueAt: row.due_at.toISOString(),
  triggerId: row.trigger_id,
  position: row.position,
  streamName: row.stream_name,
});

export class WorkflowSchedules {
  constructor(private readonly pool: pg.Pool) {}

  async triggerIdOf(workflowId: string, record: RecordRef): Promise<string | null> {
    const { rows } = await this.pool.query<{ trigger_id: string }>(
      'SELECT trigger_id FROM workflow_schedules WHERE workflow_id = $1 AND record_type = $2 AND record_id = $3',
      [workflowId, record.recordType, record.recordId],
    );
    return rows[0]?.trigger_id ?? null;
  }

  async apply(workflowId: string, record: RecordRef, change: ScheduleChange): Promise<void> {
    if (change.kind === 'keep') return;
    if (change.kind === 'clear') {
      await this.pool.query('DELETE FROM workflow_schedules WHERE workflow_id = $1 AND record_type = $2 AND record_id = $3', [workflowId, record.recordType, record.recordId]);
      return;
    }
    const { row } = change;
    await this.pool.query(
      `INSERT INTO workflow_schedules (workflow_id, record_type, record_id, date_value, due_at, trigger_id, position, stream_name, enrolled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false)
       ON CONFLICT (workflow_id, record_type, record_id) DO UPDATE SET date_value = EXCLUDED.date_value, due_at = EXCLUDED.due_at,
         trigger_id = EXCLUDED.trigger_id, position = EXCLUDED.position, stream_name = EXCLUDED.stream_name, enrolled = false`,
      [row.workflowId, row.recordType, row.recordId, row.date, row.dueAt, row.triggerId, row.position, row.streamName],
    );
  }

  /** A workflow that stops scheduling (paused, or no longer a schedule trigger) forgets its rows. */
  async clearWorkflow(workflowId: string): Promise<void> {
    await this.pool.query('DELETE FROM workflow_schedules WHERE workflow_id = $1', [workflowId]);
  }

  /** The rows due by `nowIso` that have not enrolled yet, earliest first. */
  async due(nowIso: string, limit: number): Promise<ScheduleRow[]> {
    const { rows } = await this.pool.query<Row>(
      'SELECT * FROM workflow_schedules WHERE NOT enrolled AND due_at <= $1 ORDER BY due_at, workflow_id, record_id LIMIT $2',
      [nowIso, limit],
    );
    return rows.map(rowOf);
  }

  /** Every row of a workflow (or all), by due time: what is scheduled. */
  async list(workflowId?: string): Promise<(ScheduleRow & { enrolled: boolean })[]> {
    const { rows } = await this.pool.query<Row & { enrolled: boolean }>(
      `SELECT * FROM workflow_schedules WHERE $1::text IS NULL OR workflow_id = $1 ORDER BY due_at, workflow_id, record_id`,
      [workflowId ?? null],
    );
    return rows.map((row) => ({ ...rowOf(row), enrolled: row.enrolled }));
  }

  /** The row's date has enrolled (or was refused by the run's policy): not looked at again unless the date moves. */
  async markEnrolled(row: ScheduleRow): Promise<void> {
    await this.pool.query(
      'UPDATE workflow_schedules SET enrolled = true WHERE workflow_id = $1 AND record_type = $2 AND record_id = $3 AND trigger_id = $4',
      [row.workflowId, row.recordType, row.recordId, row.triggerId],
    );
  }
}
