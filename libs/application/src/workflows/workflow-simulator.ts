// Back-testing a workflow on history: its trigger is judged on every event of a window of the log (each record as it
// stood at that event), the re-enrolment policy is applied as the run decider would, and the steps are walked
// without acting, delays included (up to the window's end). It reports who would have enrolled, which actions would
// have fired and how many per day. Nothing is written. The actions' own effects are not simulated: conditions after
// an action judge the record as history has it.
import { fold } from '#domain/shared';
import { workflowDecider, workflowRunDecider, workflowStream, type WorkflowRunCommand, type WorkflowRunState } from '#domain/workflow';
import { formatPosition, type EventStore } from '#event-store';
import { recordOf, triggerMatches, workflowHash, type ScheduleTrigger, type TriggerEvent, type WorkflowDefinition } from '#workflows';
import { notFound } from '#domain/shared';
import type { CommandExecutor } from '../command-executor.js';
import { validationFailed } from '../errors/application-error.js';
import type { LeadScoreReadModel } from '../scoring/lead-score-read-model.js';
import type { RecordStates, RecordRef } from './record-state.js';
import { qualificationChangesBetween, qualificationTrigger, triggerOf } from './workflow-runner.js';
import { stepThrough, type Pass } from './workflow-runs.js';
import { recordOfStream, scheduleChange, scheduleTrigger, type ScheduleRow } from './workflow-schedules.js';
import { versionOf, type ActiveWorkflow } from './workflow-registry.js';
import { definitionOf } from './workflow.service.js';

export type SimulationWindow = Readonly<{ from: string; to: string }>;

export type SimulationReport = Readonly<{
  workflow: Readonly<{ workflowId: string | null; version: number | null; name: string; definitionHash: string }>;
  window: SimulationWindow;
  /** Trigger events in the window the workflow listens to, matched or not. */
  eventsJudged: number;
  enrolments: readonly Readonly<{ recordType: string; recordId: string; triggerEventId: string; at: string }>[];
  actions: readonly Readonly<{ stepId: string; action: string; count: number }>[];
  perDay: readonly Readonly<{ day: string; enrolments: number; actions: number }>[];
}>;

const SIMULATED_ID = '00000000-0000-0000-0000-000000000000';

type Waiting = { record: RecordRef; runId: string; dueAt: string };

export class WorkflowSimulator {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: EventStore,
    private readonly records: RecordStates,
    private readonly leadScores: LeadScoreReadModel,
  ) {}

  /** `subject`: a saved workflow's id (its latest version) or a document to try before saving it. */
  async simulate(subject: unknown, window: SimulationWindow): Promise<SimulationReport> {
    const from = Date.parse(window.from);
    const to = Date.parse(window.to);
    const problems = [
      ...(Number.isNaN(from) ? [{ field: 'from', reason: 'must be an ISO 8601 date or date-time' }] : []),
      ...(Number.isNaN(to) ? [{ field: 'to', reason: 'must be an ISO 8601 date or date-time' }] : []),
    ];
    if (problems.length === 0 && to <= from) problems.push({ field: 'to', reason: 'must be after from' });
    if (problems.length > 0) throw validationFailed(problems);
    const workflow = await this.workflowOf(subject);
    const inWindow = (at: string) => {
      const ms = Date.parse(at);
      return ms >= from && ms < to;
    };

    const runs = new Map<string, WorkflowRunState>();
    const waiting: Waiting[] = [];
    const enrolments: { recordType: string; recordId: string; triggerEventId: string; at: string }[] = [];
    const actionCounts = new Map<string, { stepId: string; action: string; count: number }>();
    const perDay = new Map<string, { enrolments: number; actions: number }>();
    const day = (at: string) => {
      const key = new Date(Date.parse(at)).toISOString().slice(0, 10);
      const found = perDay.get(key) ?? { enrolments: 0, actions: 0 };
      perDay.set(key, found);
      return found;
    };
    const streamOf = (record: RecordRef) => `${record.recordType}:${record.recordId}`;

    const apply = (record: RecordRef, commands: readonly WorkflowRunCommand[]) => {
      let state = runs.get(streamOf(record)) ?? workflowRunDecider.initialState();
      for (const command of commands) state = fold({ evolve: workflowRunDecider.evolve, initialState: () => state }, workflowRunDecider.decide(command, state));
      runs.set(streamOf(record), state);
      return state;
    };
    const tally = (pass: Pass, record: RecordRef, runId: string) => {
      for (const { step, run } of pass.acted) {
        const key = step.id;
        const found = actionCounts.get(key) ?? { stepId: step.id, action: step.action, count: 0 };
        found.count++;
        actionCounts.set(key, found);
        day(run.stepTime).actions++;
      }
      if (pass.delay) waiting.push({ record, runId, dueAt: pass.delay.dueAt });
      apply(record, [{ type: 'RecordWorkflowSteps', data: { runId, steps: pass.steps, delay: pass.delay, finish: pass.finish }, metadata: { now: window.to } }]);
    };
    const walk = (record: RecordRef, runId: string, startsAt: string, asOf: string) => {
      const run = runs.get(streamOf(record))!.runs.get(runId)!;
      return stepThrough(workflow, run, startsAt, {
        record,
        load: () => this.records.load(record, asOf),
        act: async () => ({ outcome: 'acted', values: {}, produced: [], detail: null }),
      });
    };
    // Delays that fall due before `until` resume first, in due order, as the timers would have.
    const resumeUntil = async (until: number, asOf: string) => {
      waiting.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      while (waiting.length > 0 && Date.parse(waiting[0].dueAt) <= until) {
        const { record, runId, dueAt } = waiting.shift()!;
        tally(await walk(record, runId, dueAt, asOf), record, runId);
      }
    };

    let eventsJudged = 0;
    for await (const { trigger, asOf, scheduled } of this.triggers(workflow, inWindow)) {
      eventsJudged++;
      await resumeUntil(Date.parse(trigger.occurredAt), asOf);
      const record = recordOf(workflow.definition, trigger);
      if (record === null) continue;
      const { state } = await this.records.load(record, asOf);
      // A due date enrols as it is (the timers check only that the record still holds the date).
      const { matched, values } = scheduled ? { matched: true, values: scheduled } : triggerMatches(workflow.definition, trigger, state);
      if (!matched) continue;
      const before = runs.get(streamOf(record))?.runs.size ?? 0;
      const after = apply(record, [
        {
          type: 'EnrolInWorkflow',
          data: {
            workflowId: workflow.workflowId,
            version: workflow.version,
            definitionHash: workflow.definitionHash,
            workflowName: workflow.name,
            recordType: record.recordType,
            recordId: record.recordId,
            trigger: { eventId: trigger.id, eventType: trigger.type, streamName: trigger.streamName, position: trigger.position, occurredAt: trigger.occurredAt, values },
            reenrolment: workflow.definition.reenrolment,
          },
          metadata: { now: trigger.occurredAt },
        },
      ]);
      if (after.runs.size === before) continue;
      enrolments.push({ recordType: record.recordType, recordId: record.recordId, triggerEventId: trigger.id, at: trigger.occurredAt });
      day(trigger.occurredAt).enrolments++;
      tally(await walk(record, after.current!.runId, trigger.occurredAt, asOf), record, after.current!.runId);
    }
    const head = await this.store.headPosition();
    await resumeUntil(to - 1, head === null ? '0' : formatPosition(head));

    return {
      workflow: { workflowId: workflow.workflowId === SIMULATED_ID ? null : workflow.workflowId, version: workflow.workflowId === SIMULATED_ID ? null : workflow.version, name: workflow.name, definitionHash: workflow.definitionHash },
      window,
      eventsJudged,
      enrolments,
      actions: [...actionCounts.values()],
      perDay: [...perDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, counts]) => ({ day: key, ...counts })),
    };
  }

  private async workflowOf(subject: unknown): Promise<ActiveWorkflow> {
    if (typeof subject === 'string' && /^[0-9a-f-]{36}$/i.test(subject.trim())) {
      const { state } = await this.executor.load(workflowStream(subject.trim()), workflowDecider);
      if (state.status === 'absent') throw notFound('workflow', subject);
      return versionOf(state, state.version)!;
    }
    const definition: WorkflowDefinition = definitionOf(subject);
    return { workflowId: SIMULATED_ID, version: 1, name: definition.name, definition, definitionHash: workflowHash(definition) };
  }

  /** The window's trigger events in time order, each with the position to judge its record at. */
  private async *triggers(workflow: ActiveWorkflow, inWindow: (at: string) => boolean): AsyncGenerator<{ trigger: TriggerEvent; asOf: string; scheduled?: Record<string, unknown> }> {
    const { trigger } = workflow.definition;
    if (trigger.kind === 'event') {
      for await (const event of this.store.readAll({ filter: { eventTypes: [trigger.event] } })) {
        if (inWindow(event.metadata.occurredAt)) yield { trigger: triggerOf(event), asOf: formatPosition(event.position) };
      }
    } else if (trigger.kind === 'qualification') {
      const head = await this.store.headPosition();
      if (head === null) return;
      const { data } = await qualificationChangesBetween(this.leadScores, null, formatPosition(head));
      for (const change of data) {
        if (inWindow(change.occurredAt)) yield { trigger: qualificationTrigger(change), asOf: change.position };
      }
    } else {
      yield* (await this.scheduled(workflow, trigger)).filter((due) => inWindow(due.trigger.occurredAt));
    }
  }

  /**
   * The dates a schedule trigger would have enrolled, by due time: the runner's schedule rows replayed over the whole
   * log (each record's stream, the record as it stood at each event); a row fires when its due time comes before the
   * next change of the record. Each record is judged as it stood when its date was set.
   */
  private async scheduled(workflow: ActiveWorkflow, trigger: ScheduleTrigger): Promise<{ trigger: TriggerEvent; asOf: string; scheduled: Record<string, unknown> }[]> {
    const rows = new Map<string, ScheduleRow>();
    const fired: ScheduleRow[] = [];
    for await (const event of this.store.readAll({ filter: { streamCategories: [trigger.recordType] } })) {
      const record = recordOfStream(event.streamName);
      if (record === null) continue;
      const row = rows.get(event.streamName);
      // Due before this event happened: the timers enrolled it then (a fired date is not scheduled again).
      if (row && Date.parse(row.dueAt) <= Date.parse(event.metadata.occurredAt)) {
        fired.push(row);
        rows.delete(event.streamName);
      }
      const change = scheduleChange(workflow, record, await this.records.load(record, formatPosition(event.position)), event, rows.get(event.streamName)?.triggerId ?? null);
      if (change.kind === 'set') rows.set(event.streamName, change.row);
      else if (change.kind === 'clear') rows.delete(event.streamName);
    }
    return [...fired, ...rows.values()]
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.recordId < b.recordId ? -1 : 1))
      .map((row) => {
        const due = scheduleTrigger(row, trigger);
        return { trigger: due.trigger, asOf: row.position, scheduled: due.values };
      });
  }
}
