import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../../../libs/config/src/index.js';
import { openRuntime } from '../../../libs/runtime/src/index.js';
import { seedStore } from '../../../libs/synthetic-history/src/index.js';
import { WebhookWorker } from '../../../libs/webhooks/src/index.js';
import { createApp } from './app.js';
import { ensureFirstKey } from './auth/first-key.js';

const start = async () => {
  const config = loadConfig();
  const logger = new Logger('tally');
  const runtime = await openRuntime(config, { engine: { logger: (message) => logger.warn(message) } });
  if (config.demoContacts > 0 && !config.databaseUrl && (await runtime.eventStore.headPosition()) === null) {
    logger.log(`empty embedded store: seeding demo history of ${config.demoContacts} contacts (TALLY_DEMO_CONTACTS=0 to skip)`);
    const seeded = await seedStore(runtime.eventStore, { contacts: config.demoContacts, seed: 'demo' });
    logger.log(`seeded ${seeded.events} events`);
  }
  await ensureFirstKey(runtime, logger);
  const app = await createApp(runtime, { logger: ['error', 'warn', 'log'] });
  await app.listen(config.port);
  // One process by default: the projector runs beside the api unless the topology is scaled out.
  if (config.role === 'all') await runtime.projections.start();
  // Webhook deliveries run beside the projector: one worker per deployment.
  const webhooks = new WebhookWorker(runtime.eventStore, runtime.db.pool, { logger: (message) => logger.warn(message) });
  if (config.role === 'all') await webhooks.start();
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`;
  logger.log(`api listening on http://localhost:${config.port} (${where}, docs at /docs)`);
  const stop = async () => {
    await webhooks.stop();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

start().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
