import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiKeys, type Role } from '#auth';
import { createApp } from '#api/app';
import { loadConfig } from '#config';
import { PostgresEventStore } from '#event-store';
import { ProjectionEngine, type ProjectionDefinition } from '#projection-engine';
import { openRuntime, type Runtime } from '#runtime';
import { createTestDatabase, openForSuite, type TestDatabase, type TestDatabaseTemplate } from './test-database.js';
import { ALL_PROJECTIONS } from '#projections';

export type TestApp = Readonly<{
  app: NestExpressApplication;
  runtime: Runtime;
  db: TestDatabase;
  /** Requests as a super-admin. */
  http: () => request.Agent;
  /** Requests with a key of `role` (created once per role). */
  as: (role: Role) => Promise<request.Agent>;
  /** Requests without any key. */
  anonymous: () => ReturnType<typeof request>;
  close(): Promise<void>;
}>;

export type TestAppOptions = Readonly<{
  /** Another opening of an existing database, to restart Tally over the same data; closed with the app. */
  database?: TestDatabase;
  /** Environment for the configuration (TALLY_RATE_LIMIT, TALLY_AUTH, ...). */
  env?: NodeJS.ProcessEnv;
  /**
   * The read models to run, all of them by default. A spec that reads none passes fewer: every running build follows
   * the log, so a spec that appends megabytes no read model wants would still pay for sixteen.
   */
  projections?: readonly ProjectionDefinition[];
}>;

// One pepper per test process: a restarted app over the same database still knows its keys.
const pepper = randomBytes(32);

/** The migrations openRuntime runs on a fresh database with the PostgreSQL event store, in its order. */
export const runtimeTemplate: TestDatabaseTemplate = {
  name: 'runtime',
  prepare: async (db) => {
    await PostgresEventStore.migrate(db.pool);
    await ProjectionEngine.migrate(db.pool);
    await ApiKeys.migrate(db.pool);
  },
};

/** The whole api over a fresh database (PGlite, or the server when DATABASE_URL is set). */
export const startTestApp = async (options: TestAppOptions = {}): Promise<TestApp> => {
  // Specs' webhook and workflow receivers listen on loopback, which production refuses by default.
  const config = loadConfig({ TALLY_RATE_LIMIT: '1000000', TALLY_OUTBOUND_PRIVATE_NETWORK: 'allow', ...options.env });
  const db = options.database ?? (await createTestDatabase(undefined, undefined, config.eventStore === 'postgres' ? runtimeTemplate : undefined));
  const runtime = await openRuntime(config, options.projections ?? ALL_PROJECTIONS, {
    database: db,
    // The engine's own default: the api pokes the builds after each command, so only events appended around it wait
    // for a poll; polling sixteen idle builds every 20 ms cost a tenth of a core for each app a spec holds open.
    engine: { pollIntervalMs: 100 },
    authPepper: pepper,
  });
  await runtime.projections.start();
  const app = await createApp(runtime, { logger: ['error'] });
  await app.init();
  const server = app.getHttpServer();
  const keys = new Map<Role, string>();
  const keyOf = async (role: Role) => {
    let secret = keys.get(role);
    if (!secret) {
      secret = (await runtime.apiKeys.create(`test ${role}`, role, 'test')).secret;
      keys.set(role, secret);
    }
    return secret;
  };
  const admin = await keyOf('super-admin');
  return {
    app,
    runtime,
    db,
    http: () => request.agent(server).set('Authorization', `Bearer ${admin}`),
    as: async (role) => request.agent(server).set('Authorization', `Bearer ${await keyOf(role)}`),
    anonymous: () => request(server),
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
};

/**
 * The api for a describe block: started before its tests, closed after them; read it inside a test or hook. Options
 * that need opening (a database) are given as a function, called in the block's beforeAll.
 */
export const useTestApp = (options: TestAppOptions | (() => Promise<TestAppOptions>) = {}): Omit<TestApp, 'close'> => {
  const current = openForSuite(async () => startTestApp(typeof options === 'function' ? await options() : options));
  return {
    get app() {
      return current().app;
    },
    get runtime() {
      return current().runtime;
    },
    get db() {
      return current().db;
    },
    http: () => current().http(),
    as: (role) => current().as(role),
    anonymous: () => current().anonymous(),
  };
};
