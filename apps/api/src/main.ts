import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../../../libs/config/src/index.js';
import { openRuntime } from '../../../libs/runtime/src/index.js';
import { createApp } from './app.js';

const start = async () => {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const app = await createApp(runtime, { logger: ['error', 'warn', 'log'] });
  await app.listen(config.port);
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`;
  new Logger('tally').log(`api listening on http://localhost:${config.port} (${where}, docs at /docs)`);
  const stop = async () => {
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
