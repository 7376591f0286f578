// One api process for http-stack.bench.ts: the api's AppModule on the HTTP adapter TALLY_BENCH_ADAPTER names, over
// the database and role of the environment, run as main.ts runs it (first key, projections with role all, stop on
// SIGTERM). `express` is the api as deployed (createApp). `fastify` is the same module, guards, interceptor,
// validation pipe, error filter, helmet, CORS and OpenAPI document on @nestjs/platform-fastify, with Fastify's own
// JSON parser; `fastify-verify` adds the api's verify step (strict UTF-8, exact numbers, no duplicate keys, depth)
// to that parser, which is what a switch would ship. What differs from createApp: expressCompat below, the request
// log's route and request id (see createFastifyApp), no console static files, no Swagger UI (the document only).
import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger, RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { Logger as JsonLogger, LoggerModule } from 'nestjs-pino';
import { apiMigrations } from '#api/api.migrations';
import { createApp } from '#api/app';
import { AppModule } from '#api/app.module';
import { ensureFirstKey } from '#api/auth/first-key';
import { utf8Text, verifyJsonBody } from '#api/http/body-text';
import { ErrorFilter } from '#api/http/error.filter';
import { validationPipe } from '#api/http/validation';
import { nestLoggerOf } from '#api/logging/process-log';
import { correlationIdOf } from '#api/logging/request-log';
import type { TallyRequest } from '#api/http/request-context.decorator';
import { createOpenApiDocument } from '#api/openapi/openapi-document';
import { loadConfig } from '#config';
import { migrate } from '#postgres';
import { ALL_PROJECTIONS } from '#projections';
import { createJsonLogger, logLevelFrom, openRuntime, runUntilSignal, type Runtime, type Stop } from '#runtime';

const ADAPTERS = ['express', 'fastify', 'fastify-verify'] as const;
type AdapterName = (typeof ADAPTERS)[number];

type TallyFields = 'tallyActor' | 'tallyRole' | 'tallyOwnerId' | 'tallyRequestId';
const TALLY_FIELDS: readonly TallyFields[] = ['tallyActor', 'tallyRole', 'tallyOwnerId', 'tallyRequestId'];

/**
 * The Express request and response members the api's guards, interceptors, decorators and error filter call
 * (req.header, req.path, req.route.path, res.setHeader, res.json), given to Fastify's request and reply: without
 * them the auth guard answers every request with a 500. A switch would change those files instead (see the report).
 */
const expressCompat = (fastify: FastifyInstance): void => {
  fastify.decorateRequest('header', function (this: FastifyRequest, name: string) {
    return this.headers[name.toLowerCase()];
  });
  fastify.decorateRequest('path', {
    getter(this: FastifyRequest) {
      const query = this.url.indexOf('?');
      return query === -1 ? this.url : this.url.slice(0, query);
    },
  });
  // The route's pattern, as Express's req.route.path: the auth guard looks the route's area up by it.
  fastify.decorateRequest('route', {
    getter(this: FastifyRequest) {
      const url = this.routeOptions.url;
      return url === undefined ? undefined : { path: url };
    },
  });
  // Kept on the Node request, where pino-http's middleware (through middie) sets the request id and reads the key id:
  // the request log line and the command's correlation id then name the same request, as on Express.
  for (const field of TALLY_FIELDS) {
    fastify.decorateRequest(field, {
      getter(this: FastifyRequest) {
        return (this.raw as unknown as Record<TallyFields, string | undefined>)[field];
      },
      setter(this: FastifyRequest, value: string | undefined) {
        (this.raw as unknown as Record<TallyFields, string | undefined>)[field] = value;
      },
    });
  }
  fastify.decorateReply('setHeader', function (this: FastifyReply, name: string, value: string) {
    return this.header(name, value);
  });
  fastify.decorateReply('json', function (this: FastifyReply, body: unknown) {
    return this.send(body);
  });
};

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];
const charsetOf = (request: FastifyRequest): string | undefined => /;\s*charset=([^;\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];

// body-parser marks the errors of a verify step as safe to show (expose); the api's ErrorFilter answers those.
const exposed = (error: unknown): unknown => Object.assign(error as object, { expose: true });

/** createApp's pipeline on Fastify; `verify` runs the api's JSON verify step before Fastify's parser. */
const createFastifyApp = async (runtime: Runtime, verify: boolean): Promise<NestFastifyApplication> => {
  await migrate(runtime.db.pool, 'tally_api_migrations', apiMigrations);
  // nestjs-pino applies pino-http to the route `{/*splat}`, which @fastify/middie (through platform-fastify 12.6.3)
  // matches for no request: no request log line, no request context. `*splat` matches every request once.
  (LoggerModule.prototype as unknown as { defaultRoutes(): unknown[] }).defaultRoutes = () => [{ path: '*splat', method: RequestMethod.ALL }];
  const adapter = new FastifyAdapter({
    // Express's defaults: a 1 MB body, no trusted proxy.
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    // middie hands Fastify's request id to pino-http, which keeps it: the same id the api's log and events use.
    genReqId: (request: IncomingMessage) => correlationIdOf(request as unknown as TallyRequest),
  });
  const fastify = adapter.getInstance() as unknown as FastifyInstance;
  expressCompat(fastify);
  const log = { level: logLevelFrom(process.env, 'info') };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(runtime, log), adapter, {
    logger: ['error', 'warn', 'log'],
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(JsonLogger));
  // Through @fastify/middie, on the Node request and response, as on Express.
  app.use(helmet() as unknown as Parameters<NestFastifyApplication['use']>[0]);
  app.enableCors({
    origin: runtime.config.corsOrigins.length ? [...runtime.config.corsOrigins] : false,
    exposedHeaders: ['Link', 'X-Next-Cursor', 'X-Tally-Position', 'Idempotent-Replayed', 'Retry-After'],
  });
  const defaultJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>(
    'application/json',
    { bodyLimit: 1024 * 1024 },
    verify
      ? (request, body, done) => {
          try {
            // The verify step reads neither the request nor the response beyond the body.
            verifyJsonBody(request.raw, undefined as unknown as ServerResponse, body, charsetOf(request));
          } catch (error) {
            done(exposed(error) as Error, undefined);
            return;
          }
          defaultJson(request, body as unknown as string, done);
        }
      : undefined,
  );
  app.useBodyParser<Server>(YAML_TYPES, { bodyLimit: 256 * 1024 }, (request, body, done) => {
    try {
      done(null, utf8Text(body, charsetOf(request)));
    } catch (error) {
      done(exposed(error) as Error, undefined);
    }
  });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorFilter());
  // The document only: Swagger UI's assets need @fastify/static, which is not installed.
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json', ui: false });
  return app;
};

const adapterOf = (value: string | undefined): AdapterName => {
  const name = value ?? 'express';
  if (!(ADAPTERS as readonly string[]).includes(name)) throw new Error(`TALLY_BENCH_ADAPTER is one of ${ADAPTERS.join(', ')}, not ${name}`);
  return name as AdapterName;
};

const json = createJsonLogger({ name: 'tally' });

const start = async (logger: Logger): Promise<Stop> => {
  const adapter = adapterOf(process.env.TALLY_BENCH_ADAPTER);
  const config = loadConfig();
  const runtime = await openRuntime(config, ALL_PROJECTIONS);
  await ensureFirstKey(runtime, logger);
  const app: INestApplication =
    adapter === 'express' ? await createApp(runtime, { logger: ['error', 'warn', 'log'] }) : await createFastifyApp(runtime, adapter === 'fastify-verify');
  await app.listen(config.port, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  // As main.ts: longer than the clients' idle timeouts.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  if (config.role === 'all') await runtime.projections.start();
  logger.log(`api on ${adapter} listening on http://127.0.0.1:${config.port} (pid ${process.pid})`);
  return async () => {
    await runtime.projections.stop();
    await app.close();
    server.closeAllConnections();
    await runtime.close();
  };
};

Logger.overrideLogger(nestLoggerOf(json));
const logger = new Logger('tally');
runUntilSignal(() => start(logger), { log: (message) => logger.log(message), error: (message) => logger.error(message) });
