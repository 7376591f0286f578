// The projector alone, for the scaled-out topology: api processes serve HTTP, this one keeps the read models.
import { Logger } from '@nestjs/common';
import { loadConfig } from '#config';
import { openRuntime, runUntilSignal, type Stop } from '#runtime';
import { WebhookWorker } from '#webhooks';
import { ALL_PROJECTIONS } from '#projections';
import { workflowEngineOf } from './workflow-engine.js';

const start = async (logger: Logger): Promise<Stop> => {
  const config = loadConfig();
  const runtime = await openRuntime(config, ALL_PROJECTIONS, { engine: { logger: (message) => logger.warn(message) } });
  await runtime.projections.start();
  const webhooks = new WebhookWorker(runtime.eventStore, runtime.db.pool, { logger: (message) => logger.warn(message) });
  await webhooks.start();
  // Workflows act where the projections run: the runner (under a lease) and the timers, the one wall-clock reader.
  const workflows = workflowEngineOf(runtime, (message) => logger.warn(message));
  await workflows.runner.start();
  await workflows.timers.start();
  logger.log(`running ${runtime.projections.names().join(', ') || 'no projections'}`);
  return async () => {
    await workflows.timers.stop();
    await workflows.runner.stop();
    await webhooks.stop();
    await runtime.close();
    logger.log('stopped: database closed');
  };
};

const logger = new Logger('projector');
runUntilSignal(() => start(logger), { log: (message) => logger.log(message), error: (message) => logger.error(message) });
