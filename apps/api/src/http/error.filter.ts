// Every error leaves as one JSON shape {error, message, ...details}, mapped from its type once, here.
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../../../../libs/domain/src/shared/index.js';
import { ProjectionNotFound, ProjectionStateError } from '../../../../libs/projection-engine/src/index.js';
import { isConnectionError } from '../../../../libs/postgres/src/index.js';
import { InvalidCursor } from '../../../../libs/read-models/src/index.js';
import { ReadModelBehind } from '../read-models/read-model-gate.js';
import {
  DuplicateEventIds,
  InvalidAppend,
  InvalidPosition,
  AppendTooLarge,
  StreamDeleted,
  WrongExpectedRevision,
} from '../../../../libs/event-store/src/index.js';

type ErrorBody = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/** PostgreSQL's undefined_table. */
const UNDEFINED_TABLE = '42P01';

const DOMAIN_STATUS = { NOT_FOUND: 404, ALREADY_EXISTS: 409, RULE_VIOLATED: 422 } as const;

/** body-parser's errors carry their status, a `type` and an `expose` flag; ours also name the field. */
const bodyParserError = (error: unknown): ErrorBody | null => {
  const candidate = error as { status?: unknown; expose?: unknown; type?: unknown; message?: unknown; field?: unknown } | undefined;
  if (typeof candidate?.status !== 'number' || candidate.status < 400 || candidate.status >= 500 || !candidate.expose) return null;
  const message = String(candidate.message);
  return {
    status: candidate.status,
    body: {
      error: String(candidate.type ?? 'BAD_REQUEST').toUpperCase().replace(/\./g, '_'),
      message,
      ...(typeof candidate.field === 'string' ? { fields: [{ field: candidate.field, reason: message }] } : {}),
    },
  };
};

export const toHttpError = (error: unknown): ErrorBody | null => {
  if (error instanceof DomainError) {
    return { status: DOMAIN_STATUS[error.code], body: { error: error.code, message: error.message, ...error.details } };
  }
  if (error instanceof WrongExpectedRevision) {
    return {
      status: 409,
      body: {
        error: 'CONCURRENCY_CONFLICT',
        message: `${error.streamName} has changed: expected revision ${error.expected}, it is at ${error.actual}`,
        expectedRevision: error.expected,
        actualRevision: error.actual === 'no_stream' ? -1 : error.actual,
      },
    };
  }
  if (error instanceof DuplicateEventIds || error instanceof InvalidAppend) {
    return { status: 422, body: { error: error.code, message: error.message } };
  }
  if (error instanceof AppendTooLarge) {
    return { status: 413, body: { error: error.code, message: error.message, maxAppendSize: error.maxAppendSize } };
  }
  if (error instanceof StreamDeleted) {
    return { status: 410, body: { error: error.code, message: error.message } };
  }
  if (error instanceof ReadModelBehind) {
    return { status: 503, body: { error: error.code, message: error.message }, headers: { 'Retry-After': '1' } };
  }
  if (isConnectionError(error)) {
    // The database dropped or refused the connection: nothing of this request was committed unless its answer was
    // lost with the connection, which a retry with the same Idempotency-Key settles.
    return {
      status: 503,
      body: { error: 'DATABASE_UNAVAILABLE', message: 'the database connection failed; try again shortly' },
      headers: { 'Retry-After': '1' },
    };
  }
  if ((error as { code?: unknown })?.code === UNDEFINED_TABLE) {
    // A new code version of a projection that added a table: its view appears when the new build takes over.
    return {
      status: 503,
      body: { error: 'READ_MODEL_BUILDING', message: 'this read model is being rebuilt; try again shortly' },
      headers: { 'Retry-After': '5' },
    };
  }
  if (error instanceof ProjectionNotFound) {
    return { status: 404, body: { error: error.code, message: error.message } };
  }
  if (error instanceof ProjectionStateError) {
    return { status: 409, body: { error: error.code, message: error.message } };
  }
  if (error instanceof InvalidPosition || error instanceof InvalidCursor) {
    return { status: 400, body: { error: error.code, message: error.message } };
  }
  // Nest wraps body-parser's errors (broken JSON, too large, refused by our verify step) in an HttpException.
  const parserError = bodyParserError(error instanceof HttpException ? error.cause : error);
  if (parserError) return parserError;
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const body = typeof response === 'string' ? { error: 'HTTP_ERROR', message: response } : (response as Record<string, unknown>);
    const headers = (error as HttpException & { headers?: Record<string, string> }).headers;
    return { status: error.getStatus(), body: { error: body.error ?? 'HTTP_ERROR', ...body }, headers };
  }
  return null;
};

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const mapped = toHttpError(error);
    if (!mapped) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      response.status(500).json({ error: 'INTERNAL', message: 'an unexpected error occurred; nothing was lost' });
      return;
    }
    for (const [name, value] of Object.entries(mapped.headers ?? {})) response.setHeader(name, value);
    response.status(mapped.status).json(mapped.body);
  }
}
