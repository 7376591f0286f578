// The workflow engine as the apps compose it: the definitions service, the runner, the timers and the simulator
// over one set of action services built from the app's executor.
import type pg from 'pg';
import type { EventStore } from '#event-store';
import type { CommandExecutor } from '../command-executor.js';
import { CompanyService } from '../companies/company.service.js';
import { ContactService } from '../contacts/contact.service.js';
import { DealService } from '../deals/deal.service.js';
import { EngagementService } from '../engagements/engagement.service.js';
import type { LeadScoreReadModel } from '../scoring/lead-score-read-model.js';
import { TicketService } from '../tickets/ticket.service.js';
import { RecordStates } from './record-state.js';
import { WorkflowActions, type ActionOutcome, type ActionRun } from './workflow-actions.js';
import { PageReads } from './workflow-page-reads.js';
import { WorkflowParkedEvents, WorkflowParking } from './workflow-parking.js';
import { WorkflowRunner } from './workflow-runner.js';
import { WorkflowSchedules } from './workflow-schedules.js';
import { WorkflowRuns } from './workflow-runs.js';
import { WorkflowSimulator } from './workflow-simulator.js';
import { WorkflowTimers } from './workflow-timers.js';
import { WorkflowService } from './workflow.service.js';
import type { WorkflowsReadModel } from './workflows-read-model.js';

export type WorkflowEngineOptions = Readonly<{
  /** How often the runner looks for new events when nothing woke it, and the timers for due delays. */
  pollIntervalMs?: number;
  timerPollMs?: number;
  /** How long the runner's and the timers' leases last without a heartbeat. */
  leaseTtlMs?: number;
  /** Log events the runner reads per page. */
  batchSize?: number;
  /** Records (groups of a page's judgments that keep their order) the runner judges at once (8). */
  concurrency?: number;
  /** This process's name in the lease table. */
  holder?: string;
  /** Attempts per webhook or chat post before the step is recorded as failed, and the pause before each retry. */
  webhookAttempts?: number;
  webhookRetryMs?: number;
  /** Attempts at judging one event for one workflow before the runner parks it (5), and the first retry's pause (200 ms, doubling). */
  parkAfterAttempts?: number;
  retryBackoffMs?: number;
}>;

export type WorkflowEngineDeps = Readonly<{
  store: EventStore;
  executor: CommandExecutor;
  pool: pg.Pool;
  leadScores: LeadScoreReadModel;
  workflowsReadModel: WorkflowsReadModel;
  /** Read by the timers alone (and to stamp webhook signatures): the runner's time is the events'. */
  clock: () => Date;
  logger?: (message: string) => void;
  /** What is normal but worth a line (waiting for a first build on a fresh start); `logger` when absent. */
  info?: (message: string) => void;
  fetch?: typeof fetch;
  /** Signs sendWebhook and postToChat requests (Tally-Signature); without it those steps fail with the reason. */
  signingSecret?: string;
  /** Open tasks per owner, for leastOpenTasks assignments; without it those steps fail with the reason. */
  openTaskCounts?: (ownerIds: readonly string[]) => Promise<ReadonlyMap<string, number>>;
  options?: WorkflowEngineOptions;
}>;

export type WorkflowEngine = Readonly<{
  definitions: WorkflowService;
  runner: WorkflowRunner;
  timers: WorkflowTimers;
  simulator: WorkflowSimulator;
  /** Poison events the runner parked: list, retry, skip (see workflow-parking.ts). */
  parked: WorkflowParkedEvents;
  /** What the schedule triggers will enrol, and when (`list(workflowId?)`). */
  schedules: WorkflowSchedules;
}>;

export const createWorkflowEngine = (deps: WorkflowEngineDeps): WorkflowEngine => {
  const { store, executor, pool, leadScores, options = {} } = deps;
  const logger = deps.logger ?? (() => undefined);
  const warn = (message: string) => logger(`workflow action: ${message}`);
  const records = new RecordStates(store, leadScores);
  // enrolInWorkflow needs the runs, which need the actions: tied through this late binding.
  let enrolIn: (workflowId: string, run: ActionRun) => Promise<ActionOutcome> = async () => {
    throw new Error('the workflow engine is not assembled');
  };
  const actions = new WorkflowActions({
    store,
    pool,
    services: {
      contacts: new ContactService(executor, warn),
      companies: new CompanyService(executor, warn),
      deals: new DealService(executor, warn),
      engagements: new EngagementService(executor),
      tickets: new TicketService(executor, warn),
    },
    fetch: deps.fetch ?? globalThis.fetch,
    clock: deps.clock,
    signingSecret: deps.signingSecret,
    openTaskCounts: deps.openTaskCounts,
    enrolIn: (workflowId, run) => enrolIn(workflowId, run),
    webhookAttempts: options.webhookAttempts,
    webhookRetryMs: options.webhookRetryMs,
  });
  const runs = new WorkflowRuns(executor, store, records, actions);
  enrolIn = (workflowId, run) => runs.enrolFromStep(workflowId, run);
  // The runner's own: its records, lead scores and run streams are read a page at a time (workflow-page-reads.ts).
  const reads = new PageReads(store, leadScores);
  const runnerRecords = new RecordStates(reads.store, reads.leadScores);
  const runnerRuns = new WorkflowRuns(executor, reads.store, runnerRecords, actions, reads);
  const schedules = new WorkflowSchedules(pool);
  const parking = new WorkflowParking(pool);
  const runner = new WorkflowRunner(store, pool, runnerRuns, runnerRecords, actions, leadScores, schedules, parking, reads, {
    pollIntervalMs: options.pollIntervalMs,
    leaseTtlMs: options.leaseTtlMs,
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    holder: options.holder,
    logger,
    info: deps.info ?? logger,
    parkAfterAttempts: options.parkAfterAttempts,
    retryBackoffMs: options.retryBackoffMs,
  });
  const timers = new WorkflowTimers(pool, executor, runs, actions, deps.workflowsReadModel, schedules, records, deps.clock, {
    pollIntervalMs: options.timerPollMs,
    leaseTtlMs: options.leaseTtlMs,
    holder: options.holder,
    logger,
    info: deps.info ?? logger,
  });
  return {
    definitions: new WorkflowService(executor),
    runner,
    timers,
    simulator: new WorkflowSimulator(executor, store, records, leadScores),
    parked: new WorkflowParkedEvents(parking, runner, executor),
    schedules,
  };
};
