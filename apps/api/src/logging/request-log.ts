// One JSON line per request (pino-http through nestjs-pino): method, path, status, duration, the request's
// correlation id (the one its events carry) and the id of the key that made it. Never the key itself: no header
// is logged, and the logger redacts Authorization wherever it would appear.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { createJsonLogger, type LogLevel } from '#runtime';
import type { TallyRequest } from '../http/request-context.decorator.js';

export type RequestLogOptions = Readonly<{ level: LogLevel; destination?: DestinationStream }>;

const HEADER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's correlation id: the caller's X-Correlation-Id when it is a valid one, else the request id the
 * command context will use (set here first, so both name the same id).
 */
export const correlationIdOf = (request: TallyRequest): string => {
  const header = request.headers['x-correlation-id'];
  if (typeof header === 'string' && HEADER_ID.test(header)) return header;
  return (request.tallyRequestId ??= randomUUID());
};

const pathOf = (request: IncomingMessage): string => {
  const { originalUrl, url } = request as IncomingMessage & { originalUrl?: string };
  return (originalUrl ?? url ?? '').split('?')[0];
};

const keyIdOf = (request: TallyRequest): string | undefined =>
  request.tallyActor?.startsWith('key:') ? request.tallyActor.slice('key:'.length) : undefined;

const lineOf = (request: IncomingMessage, response: ServerResponse, responseTime: unknown) => ({
  method: request.method,
  path: pathOf(request),
  status: response.statusCode,
  durationMs: responseTime,
});

export const requestLogParams = (options: RequestLogOptions): Params => ({
  pinoHttp: {
    logger: createJsonLogger({ level: options.level, destination: options.destination }),
    genReqId: (request) => correlationIdOf(request as TallyRequest),
    // The request's logger (what Nest's Logger writes through during the request) carries the correlation id.
    quietReqLogger: true,
    // The response line is ours (lineOf): no request object, so no header can reach it.
    quietResLogger: true,
    customAttributeKeys: { reqId: 'correlationId', responseTime: 'durationMs' },
    // Known at the end, once the guard has authenticated the key.
    customProps: (request) => {
      const keyId = keyIdOf(request as TallyRequest);
      return keyId ? { keyId } : {};
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (request, response, values: Record<string, unknown>) => lineOf(request, response, values.durationMs),
    customErrorObject: (request, response, error, values: Record<string, unknown>) => ({
      ...lineOf(request, response, values.durationMs),
      error: error.message,
    }),
  },
});
