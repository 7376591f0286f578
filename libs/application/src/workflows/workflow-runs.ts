// Drives a run as far as it can go now: enrol (when the re-enrolment policy lets the trigger in), then each step the
// step machine (`nextStep`) decides, acting through WorkflowActions, until the run waits on a delay or ends. The run's
// events are appended last, in one append at the revision read: actions first (each idempotent by its command key),
// record second, so a crash in between re-acts into the same events and records once.
import { deterministicUuid, fold } from '#domain/shared';
import {
  decideWorkflowRunBatch,
  workflowDecider,
  workflowStream,
  workflowRunDecider,
  workflowRunStream,
  type RecordWorkflowSteps,
  type WorkflowRun,
  type WorkflowRunEvent,
  type WorkflowRunState,
  type WorkflowStepRecord,
  type WorkflowTrigger,
  type ProducedEvent,
} from '#domain/workflow';
import { WrongExpectedRevision, type EventStore, type RecordedEvent } from '#event-store';
import { nextStep, type ActionStep, type RunCursor, type TriggerEvent } from '#workflows';
import type { CommandExecutor } from '../command-executor.js';
import { randomIds, type RequestContext } from '../request-context.js';
import { recordingIds, type ActionOutcome, type ActionRun, type WorkflowActions } from './workflow-actions.js';
import type { LoadedRecord, RecordRef, RecordStates } from './record-state.js';
import { versionOf, type ActiveWorkflow } from './workflow-registry.js';

/** More steps than any definition has: a step machine that never ends a pass is a bug, not a long workflow. */
const MAX_STEPS_PER_PASS = 1_000;
/** Appends lost to a concurrent writer of the same run stream before the pass gives up (its caller retries later). */
const MAX_APPEND_ATTEMPTS = 3;

export type RunPass = Readonly<{ runId: string; runStream: string; produced: readonly ProducedEvent[] }>;

export type Pass = {
  steps: WorkflowStepRecord[];
  delay: { stepId: string; dueAt: string } | null;
  finish: { outcome: 'completed' | 'goalMet' | 'unenrolled' | 'failed'; values: Record<string, unknown> } | null;
  acted: { step: ActionStep; run: ActionRun; outcome: ActionOutcome }[];
};

const cursorOf = (run: WorkflowRun): RunCursor => ({
  workflowId: run.workflowId,
  version: run.version,
  enrollingEventId: run.trigger.eventId,
  completedStepIds: run.completedStepIds,
  branchTaken: Object.fromEntries(run.steps.flatMap((step) => (step.branch === null ? [] : [[step.stepId, step.branch]]))),
  waitingOn: run.waitingOn,
});

/**
 * What a runner's page keeps read (see workflow-page-reads.ts): told which streams this process wrote, or that it
 * can no longer tell, so that nothing is judged on a copy older than this process's own writes.
 */
export type ReadCache = Readonly<{ forget(streamNames: readonly string[]): void; clear(): void }>;

const noCache: ReadCache = { forget: () => undefined, clear: () => undefined };

export class WorkflowRuns {
  /**
   * `store` reads the run streams and `records` the records: the runner gives its page's cache of both (and the
   * cache itself, to forget what the runs write); the timers and the api the store itself.
   */
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: EventStore,
    private readonly records: RecordStates,
    private readonly actions: WorkflowActions,
    private readonly cache: ReadCache = noCache,
  ) {}

  private async loadRun(runStream: string): Promise<{ state: WorkflowRunState; revision: number; recorded: RecordedEvent[] }> {
    const recorded: RecordedEvent[] = [];
    for await (const event of this.store.readStream(runStream)) recorded.push(event);
    const state = fold(workflowRunDecider, recorded.map((e) => ({ type: e.type, data: e.data }) as WorkflowRunEvent));
    return { state, revision: recorded.length ? recorded[recorded.length - 1].revision : -1, recorded };
  }

  /**
   * Enrols the record for `trigger` unless the policy keeps it out (null then, also when this trigger enrolled it
   * before: a re-processed event finds its run recorded), and runs the steps due at the trigger's time. `judged` is
   * the record as the trigger was judged on a moment ago: the first pass starts from it instead of reading it again.
   */
  async enrol(
    workflow: ActiveWorkflow,
    record: RecordRef,
    trigger: TriggerEvent,
    values: Readonly<Record<string, unknown>>,
    judged?: LoadedRecord,
  ): Promise<RunPass | null> {
    const runStream = workflowRunStream(workflow.workflowId, record.recordType, record.recordId);
    const enrolledBy: WorkflowTrigger = {
      eventId: trigger.id,
      eventType: trigger.type,
      streamName: trigger.streamName,
      position: trigger.position,
      occurredAt: trigger.occurredAt,
      values,
    };
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.loadRun(runStream);
      const enrolment = {
        type: 'EnrolInWorkflow',
        data: {
          workflowId: workflow.workflowId,
          version: workflow.version,
          definitionHash: workflow.definitionHash,
          workflowName: workflow.name,
          recordType: record.recordType,
          recordId: record.recordId,
          trigger: enrolledBy,
          reenrolment: workflow.definition.reenrolment,
        },
        metadata: { now: trigger.occurredAt },
      } as const;
      const enrolled = workflowRunDecider.decide(enrolment, state);
      if (enrolled.length === 0) return null;
      const afterEnrolment = foldOnto(state, enrolled);
      const run = afterEnrolment.current!;
      // A second attempt lost a race on the run stream: the record is read again too.
      const pass = await this.pass(workflow, run, record, trigger.occurredAt, attempt === 1 ? judged : undefined);
      try {
        return await this.record(runStream, run, state, revision, [enrolment, this.stepsOf(run, pass, trigger.occurredAt)], pass);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The enrolInWorkflow action: the run's record enters another workflow (active now, on its latest version) as if
   * triggered, named by the step's command key so that doing the step again enrols nobody twice.
   */
  async enrolFromStep(workflowId: string, from: ActionRun): Promise<ActionOutcome> {
    const { state } = await this.executor.load(workflowStream(workflowId), workflowDecider);
    if (state.status !== 'active') return { outcome: 'skipped', values: { workflowId }, produced: [], detail: `workflow ${workflowId} is not active` };
    const workflow = versionOf(state, state.version)!;
    if (workflow.definition.recordType !== from.record.recordType) {
      const detail = `workflow ${workflowId} enrols ${workflow.definition.recordType} records, not ${from.record.recordType}`;
      return { outcome: 'skipped', values: { workflowId }, produced: [], detail };
    }
    const trigger: TriggerEvent = {
      id: deterministicUuid(from.commandKey, 'enrolInWorkflow'),
      type: 'enrolInWorkflow',
      streamName: workflowRunStream(from.workflowId, from.record.recordType, from.record.recordId),
      position: from.trigger.position,
      occurredAt: from.stepTime,
      data: { workflowId: from.workflowId, runId: from.runId },
    };
    const values = { workflowId, fromWorkflowId: from.workflowId, fromRunId: from.runId };
    // Done before (the step is being taken again after a crash): answer with the enrolment it made then.
    const target = await this.executor.load(workflowRunStream(workflowId, from.record.recordType, from.record.recordId), workflowRunDecider);
    const earlier = target.recorded.find((event) => event.type === 'WorkflowEnrolled' && (event.data as { trigger: { eventId: string } }).trigger.eventId === trigger.id);
    if (earlier) {
      const runId = (earlier.data as { runId: string }).runId;
      return { outcome: 'acted', values: { ...values, runId }, produced: [{ eventId: earlier.id, type: earlier.type, streamName: earlier.streamName }], detail: null };
    }
    const pass = await this.enrol(workflow, from.record, trigger, values);
    if (pass === null) return { outcome: 'noChange', values, produced: [], detail: `the re-enrolment policy of workflow ${workflowId} keeps the record out` };
    return { outcome: 'acted', values: { ...values, runId: pass.runId }, produced: pass.produced.filter((event) => event.type === 'WorkflowEnrolled'), detail: null };
  }

  /**
   * Goes on with a run whose delay `stepId` is due; its steps run at the delay's due time. False when the run no
   * longer waits on it (another process resumed it first, or it ended).
   */
  async resume(runStream: string, runId: string, stepId: string, workflowOf: (workflowId: string, version: number) => Promise<ActiveWorkflow | null>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.loadRun(runStream);
      const run = state.runs.get(runId);
      if (!run || run.finished !== null || run.waitingOn?.stepId !== stepId) return false;
      const workflow = await workflowOf(run.workflowId, run.version);
      if (workflow === null) return false;
      const record = { recordType: run.recordType, recordId: run.recordId };
      const pass = await this.pass(workflow, run, record, run.waitingOn.dueAt);
      try {
        await this.record(runStream, run, state, revision, [this.stepsOf(run, pass, run.waitingOn.dueAt)], pass);
        return true;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /** The pass as one command; its time (the trigger's or the delay's due time) becomes the events' occurredAt. */
  private stepsOf(run: WorkflowRun, pass: Pass, startsAt: string): RecordWorkflowSteps {
    return { type: 'RecordWorkflowSteps', data: { runId: run.runId, steps: pass.steps, delay: pass.delay, finish: pass.finish }, metadata: { now: startsAt } };
  }

  /** The steps due now, acted on; nothing is recorded yet. */
  private pass(workflow: ActiveWorkflow, run: WorkflowRun, record: RecordRef, startsAt: string, judged?: LoadedRecord): Promise<Pass> {
    let first = judged;
    return stepThrough(workflow, run, startsAt, {
      load: () => {
        const loaded = first;
        first = undefined;
        return loaded ? Promise.resolve(loaded) : this.records.load(record);
      },
      act: async (step, actionRun) => {
        try {
          const outcome = await this.actions.execute(step, actionRun);
          // What the action wrote is read again by the steps after it (and by the page's later judgments). Another
          // workflow's run (enrolInWorkflow) acts on its own: whatever it wrote is not named here.
          if (step.action === 'enrolInWorkflow') this.cache.clear();
          else this.cache.forget(outcome.produced.map((event) => event.streamName));
          return outcome;
        } catch (error) {
          this.cache.clear();
          throw error;
        }
      },
      record,
    });
  }

  private async record(
    runStream: string,
    run: WorkflowRun,
    state: WorkflowRunState,
    revision: number,
    commands: Parameters<typeof decideWorkflowRunBatch>[0],
    pass: Pass,
  ): Promise<RunPass> {
    const events = decideWorkflowRunBatch(commands, state);
    const last = commands[commands.length - 1];
    // Fresh ids: a second writer of the same pass must lose on the revision, not pass as a retry of the first.
    const { ids, issued } = recordingIds(randomIds());
    const context: RequestContext = {
      actor: `workflow:${run.workflowId}@${run.version}`,
      correlationId: run.runId,
      causationId: run.trigger.eventId,
      now: last.metadata.now,
      source: 'workflow',
      ids,
    };
    try {
      await this.executor.append(runStream, events, last, context, {
        expectedRevision: revision === -1 ? 'no_stream' : revision,
      });
    } finally {
      // Written, lost to another writer or unknown: the run stream is read from the store next time.
      this.cache.forget([runStream]);
    }
    for (const { step, run: actionRun, outcome } of pass.acted) await this.actions.recorded(step, actionRun, outcome);
    // One append of fresh ids: its events are the ids handed out for the run stream, in order.
    const written = issued.get(`event:${runStream}`) ?? [];
    return { runId: run.runId, runStream, produced: events.map((event, index) => ({ eventId: written[index], type: event.type, streamName: runStream })) };
  }
}

const foldOnto = (state: WorkflowRunState, events: readonly WorkflowRunEvent[]): WorkflowRunState =>
  fold({ evolve: workflowRunDecider.evolve, initialState: () => state }, events);

/** Ids in the log are at most 200 characters: a longer command key is recorded by its name-based UUID. */
const MAX_ID_LENGTH = 200;
export const commandIdOf = (commandKey: string): string => (commandKey.length <= MAX_ID_LENGTH ? commandKey : deterministicUuid(commandKey, 'command'));

export type StepPorts = Readonly<{
  record: RecordRef;
  load: () => Promise<LoadedRecord>;
  act: (step: ActionStep, run: ActionRun) => Promise<ActionOutcome>;
}>;

/**
 * One pass of the step machine over a run from `startsAt`: every step due is decided and acted on (by `ports.act`:
 * the services, or the simulator's tally), until the run waits on a delay or ends.
 */
export const stepThrough = async (workflow: ActiveWorkflow, run: WorkflowRun, startsAt: string, ports: StepPorts): Promise<Pass> => {
  const { record } = ports;
  const pass: Pass = { steps: [], delay: null, finish: null, acted: [] };
  let cursor = cursorOf(run);
  const done = (stepId: string, branch?: 'then' | 'else') => {
    cursor = {
      ...cursor,
      completedStepIds: [...cursor.completedStepIds, stepId],
      branchTaken: branch ? { ...cursor.branchTaken, [stepId]: branch } : cursor.branchTaken,
      waitingOn: cursor.waitingOn?.stepId === stepId ? null : cursor.waitingOn,
    };
  };
  let loaded = await ports.load();
  let time = startsAt;
  for (let taken = 0; taken < MAX_STEPS_PER_PASS; taken++) {
    const decision = nextStep(workflow.definition, cursor, loaded.state, time);
    switch (decision.kind) {
      case 'act': {
        const actionRun: ActionRun = {
          workflowId: workflow.workflowId,
          version: workflow.version,
          runId: run.runId,
          record,
          loaded,
          trigger: run.trigger,
          stepTime: time,
          commandKey: decision.commandKey,
        };
        const outcome = await ports.act(decision.step, actionRun);
        pass.steps.push({
          stepId: decision.step.id,
          kind: 'action',
          outcome: outcome.outcome,
          values: outcome.values,
          branch: null,
          commandId: commandIdOf(decision.commandKey),
          produced: outcome.produced,
          detail: outcome.detail,
        });
        pass.acted.push({ step: decision.step, run: actionRun, outcome });
        done(decision.step.id);
        // A failed action ends the run: later steps may rely on it, and the trail says which step and why.
        if (outcome.outcome === 'failed') {
          pass.finish = { outcome: 'failed', values: { stepId: decision.step.id, detail: outcome.detail } };
          return pass;
        }
        // Goal, unenrolment and branches after it judge the record as the action left it.
        if (outcome.outcome === 'acted') loaded = await ports.load();
        break;
      }
      case 'branch':
        pass.steps.push({ stepId: decision.step.id, kind: 'branch', outcome: 'branched', values: decision.values, branch: decision.taken, commandId: null, produced: [], detail: null });
        done(decision.step.id, decision.taken);
        break;
      case 'wait':
        pass.delay = { stepId: decision.step.id, dueAt: decision.dueAt };
        return pass;
      case 'resume':
        pass.steps.push({ stepId: decision.step.id, kind: 'delay', outcome: 'elapsed', values: { dueAt: decision.dueAt }, branch: null, commandId: null, produced: [], detail: null });
        done(decision.step.id);
        // The steps after a delay run at its due time, whenever the timer got to it.
        time = decision.dueAt;
        break;
      case 'skip':
        pass.steps.push({ stepId: decision.step.id, kind: 'delay', outcome: 'skipped', values: {}, branch: null, commandId: null, produced: [], detail: decision.detail });
        done(decision.step.id);
        break;
      case 'finish':
        pass.finish = { outcome: decision.outcome, values: decision.values };
        return pass;
    }
  }
  throw new Error(`workflow ${workflow.workflowId}@${workflow.version}: run ${run.runId} took ${MAX_STEPS_PER_PASS} steps in one pass`);
};

/** A read model the workflows read has no views yet: its first build is still being created (a fresh start). */
export const readModelNotBuiltYet = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42P01';
