// Durable delays and schedule triggers: the one place that reads the clock. Under the `workflow-timers` lease it asks
// the workflows read model for the delays due by now and resumes each run at its delay's due time, then enrols the
// records whose scheduled date is due (workflow_schedules, kept by the runner). Both append at the revision they
// read, so a second process (or a runner that got there first) loses the race and does nothing: a timer fires once,
// and a scheduled date enrols once (its enrolment is named by the date).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type pg from 'pg';
import { workflowDecider, workflowStream } from '#domain/workflow';
import { isConnectionError, Leases, type KeptLease } from '#postgres';
import { scheduleOf } from '#workflows';
import type { RecordStates } from './record-state.js';
import { scheduleTrigger, scheduleTriggerOf, type ScheduleRow, type WorkflowSchedules } from './workflow-schedules.js';
import type { CommandExecutor } from '../command-executor.js';
import type { WorkflowActions } from './workflow-actions.js';
import { versionOf, type ActiveWorkflow } from './workflow-registry.js';
import { WorkflowRunner } from './workflow-runner.js';
import { readModelNotBuiltYet, type WorkflowRuns } from './workflow-runs.js';
import type { WorkflowsReadModel } from './workflows-read-model.js';

export const WORKFLOW_TIMERS_LEASE = 'workflow-timers';

export type WorkflowTimersOptions = Readonly<{
  pollIntervalMs?: number;
  leaseTtlMs?: number;
  /** Due timers read per look. */
  batchSize?: number;
  holder?: string;
  logger?: (message: string) => void;
  info?: (message: string) => void;
}>;

const sleep = (ms: number, signal: AbortSignal): Promise<void> => delay(ms, undefined, { signal }).catch(() => undefined);

export class WorkflowTimers {
  readonly holder: string;
  private readonly leases: Leases;
  private readonly settings: Required<Omit<WorkflowTimersOptions, 'holder'>>;
  private lease: KeptLease | null = null;
  private stopping = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly executor: CommandExecutor,
    private readonly runs: WorkflowRuns,
    private readonly actions: WorkflowActions,
    private readonly readModel: WorkflowsReadModel,
    private readonly schedules: WorkflowSchedules,
    private readonly records: RecordStates,
    private readonly clock: () => Date,
    options: WorkflowTimersOptions = {},
  ) {
    this.holder = options.holder ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? 250,
      leaseTtlMs: options.leaseTtlMs ?? 8_000,
      batchSize: options.batchSize ?? 200,
      logger: options.logger ?? (() => undefined),
      info: options.info ?? options.logger ?? (() => undefined),
    };
    this.leases = new Leases(pool, this.settings.leaseTtlMs);
  }

  async start(): Promise<void> {
    // The runner's tables too: a process may run the timers alone, and a resumed run may assign round-robin.
    await WorkflowRunner.migrate(this.pool);
    if (this.loop) return;
    this.stopping = new AbortController();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    this.loop = null;
    await this.lease?.release();
    this.lease = null;
  }

  /** One look at the due timers, whoever holds the lease (a spec's or the CLI's pass); answers how many fired. */
  async fireDue(): Promise<number> {
    const now = this.clock().toISOString();
    // The owners may have changed since the last look; round-robin assignments read them again.
    this.actions.forgetOwners();
    let fired = 0;
    for (const timer of await this.readModel.dueTimers(now, this.settings.batchSize)) {
      if (this.stopping.signal.aborted) break;
      const resumed = await this.isolated(`run ${timer.runId} delay ${timer.stepId}`, () =>
        this.runs.resume(timer.runStream, timer.runId, timer.stepId, (workflowId, version) => this.workflowAt(workflowId, version)),
      );
      if (resumed) fired++;
    }
    for (const row of await this.schedules.due(now, this.settings.batchSize)) {
      if (this.stopping.signal.aborted) break;
      if (await this.isolated(`schedule ${row.triggerId}`, () => this.enrolScheduled(row))) fired++;
    }
    return fired;
  }

  /** One timer failing (said in the log, tried again at the next look) does not hold back the others due; an outage does. */
  private async isolated(what: string, fire: () => Promise<boolean>): Promise<boolean> {
    try {
      return await fire();
    } catch (error) {
      if (isConnectionError(error)) throw error;
      this.settings.logger(`workflow timers: ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /**
   * Enrols a due row's record on the workflow's active version, at the due instant. A row whose date the record no
   * longer holds is left alone: the runner has not read the change yet and will re-schedule it.
   */
  private async enrolScheduled(row: ScheduleRow): Promise<boolean> {
    const { state } = await this.executor.load(workflowStream(row.workflowId), workflowDecider);
    const workflow = state.status === 'active' ? versionOf(state, state.version) : null;
    const trigger = workflow && scheduleTriggerOf(workflow);
    if (!workflow || !trigger) return false;
    const record = { recordType: row.recordType, recordId: row.recordId };
    const loaded = await this.records.load(record);
    if (!loaded.exists || scheduleOf(trigger, loaded.state)?.date !== row.date) return false;
    const due = scheduleTrigger(row, trigger);
    const pass = await this.runs.enrol(workflow, record, due.trigger, due.values);
    await this.schedules.markEnrolled(row);
    return pass !== null;
  }

  private async run(): Promise<void> {
    let notBuiltSaid = false;
    while (!this.stopping.signal.aborted) {
      try {
        if (!this.lease?.held) {
          await this.lease?.release();
          this.lease = await this.leases.keep(WORKFLOW_TIMERS_LEASE, this.holder, (error) => this.settings.logger(`workflow timers lease: ${String(error)}`));
        }
        if (this.lease) await this.fireDue();
      } catch (error) {
        // On a fresh start the workflows read model's first build is still being created: say so once, then wait.
        const message = error instanceof Error ? error.message : String(error);
        if (!readModelNotBuiltYet(error)) this.settings.logger(`workflow timers: ${message}`);
        else if (!notBuiltSaid) this.settings.info(`workflow timers: waiting for the first build of the workflows read model (${message})`);
        notBuiltSaid ||= readModelNotBuiltYet(error);
      }
      await sleep(this.settings.pollIntervalMs, this.stopping.signal);
    }
  }

  /** A run finishes on the version it enrolled in, even after a pause or a newer version. */
  private async workflowAt(workflowId: string, version: number): Promise<ActiveWorkflow | null> {
    const { state } = await this.executor.load(workflowStream(workflowId), workflowDecider);
    return versionOf(state, version);
  }
}
