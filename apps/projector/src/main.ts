// The projector alone, for the scaled-out topology: api processes serve HTTP, this one keeps the read models.
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../../../libs/config/src/index.js';
import { openRuntime } from '../../../libs/runtime/src/index.js';
import { WebhookWorker } from '../../../libs/webhooks/src/index.js';

const start = async () => {
  const config = loadConfig();
  const logger = new Logger('projector');
  const runtime = await openRuntime(config, { engine: { logger: (message) => logger.warn(message) } });
  await runtime.projections.start();
  const webhooks = new WebhookWorker(runtime.eventStore, runtime.db.pool, { logger: (message) => logger.warn(message) });
  await webhooks.start();
  logger.log(`running ${runtime.projections.names().join(', ') || 'no projections'}`);
  const stop = async () => {
    await webhooks.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

start().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
