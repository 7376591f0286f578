// The workflow engine of libs/application as Nest providers: definitions, runner, timers and simulator share one
// engine. The runner and the timers run where the projections run (TALLY_ROLE=all here, else apps/projector).
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  CommandExecutor,
  createWorkflowEngine,
  type LeadScoreReadModel,
  type WorkflowEngine,
  type WorkflowsReadModel,
} from '#application';
import { openTaskCounts } from '#projections/engagement-list';
import { workflowsReadModel } from '#projections/workflows';
import type { Runtime } from '#runtime';
import { AppendSignal } from '../write/command-executor.provider.js';
import { LEAD_SCORE_READ_MODEL } from '../read-models/lead-score-read-model.provider.js';
import { READ_MODELS, RUNTIME } from '../tokens.js';

export const WORKFLOW_ENGINE = Symbol('WORKFLOW_ENGINE');
export const WORKFLOWS_READ_MODEL = Symbol('WORKFLOWS_READ_MODEL');

/** What the timers take for now: the one place workflows read the wall clock. A test module overrides it. */
export const WORKFLOW_CLOCK = Symbol('WORKFLOW_CLOCK');

export const workflowClockProvider: Provider = { provide: WORKFLOW_CLOCK, useValue: () => new Date() };

export const workflowsReadModelProvider: Provider = {
  provide: WORKFLOWS_READ_MODEL,
  inject: [READ_MODELS, RUNTIME],
  useFactory: (readModels: DataSource, runtime: Runtime): WorkflowsReadModel => workflowsReadModel(readModels, runtime.db.pool),
};

export const workflowEngineProvider: Provider = {
  provide: WORKFLOW_ENGINE,
  inject: [RUNTIME, CommandExecutor, WORKFLOWS_READ_MODEL, LEAD_SCORE_READ_MODEL, WORKFLOW_CLOCK],
  useFactory: (
    runtime: Runtime,
    executor: CommandExecutor,
    workflows: WorkflowsReadModel,
    leadScores: LeadScoreReadModel,
    clock: () => Date,
  ): WorkflowEngine => {
    const logger = new Logger('workflows');
    const warn = (message: string) => logger.warn(message);
    return createWorkflowEngine({
      store: runtime.eventStore,
      executor,
      pool: runtime.db.pool,
      leadScores,
      workflowsReadModel: workflows,
      clock,
      logger: warn,
      info: (message: string) => logger.log(message),
      signingSecret: runtime.config.workflowSigningSecret ?? undefined,
      openTaskCounts: (ownerIds) => openTaskCounts(runtime.db.pool, ownerIds),
    });
  },
};

/** Starts the runner and the timers in the all-in-one process, after the default workflows exist; stops them first. */
@Injectable()
export class WorkflowProcesses implements OnApplicationBootstrap, OnModuleDestroy {
  private running = false;
  private stopListening: () => void = () => undefined;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    private readonly appends: AppendSignal,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.runtime.config.role !== 'all') return;
    await this.engine.runner.start();
    await this.engine.timers.start();
    // Wake on this process's appends instead of waiting for the runner's poll.
    const stopLocal = this.appends.listen(() => this.engine.runner.poke());
    // And on other processes' appends (NOTIFY on a PostgreSQL server).
    const stopElsewhere = this.runtime.appendsElsewhere.listen(() => this.engine.runner.poke());
    this.stopListening = () => {
      stopLocal();
      stopElsewhere();
    };
    this.running = true;
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopListening();
    await this.engine.timers.stop();
    await this.engine.runner.stop();
  }
}
