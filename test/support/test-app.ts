import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.js';
import { loadConfig } from '../../libs/config/src/index.js';
import { openRuntime, type Runtime } from '../../libs/runtime/src/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type TestApp = Readonly<{
  app: NestExpressApplication;
  runtime: Runtime;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}>;

/** The whole api over a fresh database (PGlite, or the server when DATABASE_URL is set). */
export const startTestApp = async (): Promise<TestApp> => {
  const db = await createTestDatabase();
  const runtime = await openRuntime(loadConfig({}), { database: db, engine: { pollIntervalMs: 20 } });
  await runtime.projections.start();
  const app = await createApp(runtime, { logger: ['error'] });
  await app.init();
  return {
    app,
    runtime,
    db,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
};
