// The workflow engine of the scaled-out projector: actions go through the same application services as the api.
import { CommandExecutor, createWorkflowEngine, type WorkflowEngine } from '#application';
import { eventCatalog } from '#domain/catalog';
import { openTaskCounts } from '#projections/engagement-list';
import { leadScoreReadModel } from '#projections/lead-score';
import { workflowsReadModel } from '#projections/workflows';
import type { Runtime } from '#runtime';
import { createOutboundFetch } from '#webhooks';

export const workflowEngineOf = (runtime: Runtime, warn: (message: string) => void, info: (message: string) => void = warn): WorkflowEngine => {
  // Each action's append pokes this process's projections and runner, so read models and other workflows follow
  // within milliseconds (appends of api processes reach the runner through its poll).
  let engine: WorkflowEngine | undefined;
  const executor = new CommandExecutor(runtime.eventStore, eventCatalog, () => {
    runtime.projections.poke();
    engine?.runner.poke();
  });
  engine = createWorkflowEngine({
    store: runtime.eventStore,
    executor,
    pool: runtime.db.pool,
    leadScores: leadScoreReadModel(runtime.db.pool),
    workflowsReadModel: workflowsReadModel(runtime.db.pool),
    clock: () => new Date(),
    logger: warn,
    info,
    signingSecret: runtime.config.workflowSigningSecret ?? undefined,
    fetch: createOutboundFetch(runtime.config.outboundPrivateNetwork),
    openTaskCounts: (ownerIds) => openTaskCounts(runtime.db.pool, ownerIds),
  });
  return engine;
};
