import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { migrate } from '#postgres';
import type { Runtime } from '#runtime';
import { apiMigrations } from './api.migrations.js';
import { AppModule } from './app.module.js';
import { ErrorFilter } from './http/error.filter.js';
import { serveConsole } from './console/console-static.js';
import { verifyJsonBody, verifyTextBody } from './http/body-text.js';
import { validationPipe } from './http/validation.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';
import { Logger as JsonLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { logLevelFrom, type LogLevel } from '#runtime';

export type AppOptions = Readonly<{
  logger?: false | ('error' | 'warn' | 'log' | 'debug')[];
  /** The JSON log: its level (TALLY_LOG_LEVEL by default, else what `logger` lets through) and where it goes. */
  log?: Readonly<{ level?: LogLevel; destination?: DestinationStream }>;
}>;

/** TALLY_LOG_LEVEL when set; else the quietest level `logger` asks for (specs pass ['error'] and stay quiet). */
const logLevelOf = (options: AppOptions): LogLevel => {
  if (options.log?.level) return options.log.level;
  const asked = options.logger;
  const fallback: LogLevel = asked === false ? 'silent' : !asked || asked.includes('log') ? 'info' : asked.includes('warn') ? 'warn' : 'error';
  return logLevelFrom(process.env, fallback);
};

/** The api as a Nest application over an opened runtime; main.ts listens, e2e specs drive it with supertest. */
export const createApp = async (runtime: Runtime, options: AppOptions = {}): Promise<NestExpressApplication> => {
  await migrate(runtime.db.pool, 'tally_api_migrations', apiMigrations);
  const log = { level: logLevelOf(options), destination: options.log?.destination };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime, log), new ExpressAdapter(), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyParser: false,
    bufferLogs: true,
  });
  // Nest's Logger (every module's) writes JSON lines through pino, with the request's correlation id in a request.
  app.useLogger(app.get(JsonLogger));
  app.use(helmet());
  app.enableCors({
    origin: runtime.config.corsOrigins.length ? [...runtime.config.corsOrigins] : false,
    // A browser client reads only the headers named here: paging, read-your-writes and retry hints.
    exposedHeaders: ['Link', 'X-Next-Cursor', 'X-Tally-Position', 'Idempotent-Replayed', 'Retry-After'],
  });
  app.set('trust proxy', false);
  // The console: `/` and `/assets/*` from dist/console, under a Content-Security-Policy of this origin only.
  serveConsole(app);
  // A bounded body: a CRM command is small; imports stream NDJSON through their own route.
  // express.json directly: Nest's useBodyParser typing keeps `verify` for its raw-body option. The verify step
  // refuses what parsing would change silently: invalid UTF-8, numbers a double cannot hold, deep nesting.
  app.use(express.json({ limit: '1mb', verify: verifyJsonBody }));
  // Scoring formulas may be written in YAML.
  app.use(express.text({ type: ['application/yaml', 'application/x-yaml', 'text/yaml'], limit: '256kb', verify: verifyTextBody }));
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorFilter());
  // No enableShutdownHooks: Nest would re-raise SIGINT/SIGTERM before the database is closed; main.ts stops.

  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
};
