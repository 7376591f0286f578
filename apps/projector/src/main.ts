// The projector alone, for the scaled-out topology: api processes serve HTTP, this one keeps the read models.
import { hostname } from 'node:os';
import { loadConfig } from '#config';
import { createJsonLogger, lineLogger, openRuntime, runUntilSignal, type Stop } from '#runtime';
import { createOutboundFetch, WebhookWorker } from '#webhooks';
import { ALL_PROJECTIONS } from '#projections';
import { workflowEngineOf } from './workflow-engine.js';

// JSON lines like the api's: a line about an event carries its correlation id.
const json = createJsonLogger({ name: 'projector' });
const info = lineLogger(json, 'info');

const start = async (): Promise<Stop> => {
  const config = loadConfig();
  // Any number of projectors may run: each build (and each partition of one) runs in the process holding its lease.
  const holder = config.projectorId ?? `${hostname()}:${process.pid}`;
  const runtime = await openRuntime(config, ALL_PROJECTIONS, {
    engine: { logger: lineLogger(json.child({ context: 'projections' })), partitions: config.projectionPartitions, leases: { holder } },
  });
  await runtime.projections.start();
  const webhooks = new WebhookWorker(runtime.eventStore, runtime.db.pool, {
    logger: lineLogger(json.child({ context: 'webhooks' })),
    fetch: createOutboundFetch(runtime.config.outboundPrivateNetwork),
  });
  await webhooks.start();
  // Workflows act where the projections run: the runner (under a lease) and the timers, the one wall-clock reader.
  const workflowsLog = json.child({ context: 'workflows' });
  const workflows = workflowEngineOf(runtime, lineLogger(workflowsLog), lineLogger(workflowsLog, 'info'));
  await workflows.runner.start();
  await workflows.timers.start();
  // Appends come from the api processes: their NOTIFY wakes deliveries and workflows at once, not at the next poll.
  const stopWaking = runtime.appendsElsewhere.listen(() => {
    webhooks.poke();
    workflows.runner.poke();
  });
  info(`projector ${holder} sharing the builds of ${runtime.projections.names().join(', ') || 'no projections'}`);
  return async () => {
    stopWaking();
    await workflows.timers.stop();
    await workflows.runner.stop();
    await webhooks.stop();
    await runtime.close();
    info('stopped: database closed');
  };
};

runUntilSignal(start, { log: info, error: lineLogger(json, 'error') });
