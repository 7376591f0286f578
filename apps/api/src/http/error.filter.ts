// Every error leaves as one JSON shape {error, message, ...details}, mapped from its type once, here: each module's
// errors carry a code from the module's union, and statusOf gives every code its status.
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ApplicationError, type ApplicationErrorCode } from '#application';
import { AssociationError, type AssociationErrorCode } from '#application';
import { WorkflowInvalid } from '#application';
import { PlaybookTeamForbidden } from '#application';
import { SurveyError, type SurveyErrorCode } from '#application';
import { assertNever, DomainError, type DomainErrorCode } from '#domain/shared';
import {
  AppendTooLarge,
  DuplicateEventIds,
  InvalidAppend,
  InvalidPosition,
  StreamDeleted,
  WrongExpectedRevision,
  type EventStoreErrorCode,
} from '#event-store';
import { isConnectionError } from '#postgres';
import { ProjectionNotFound, ProjectionStateError, type ProjectionEngineErrorCode } from '#projection-engine';
import { InvalidCursor, InvalidDayRange, type ReadModelErrorCode } from '#read-models';
import { FormulaInvalid } from '#scoring';
import { ReadModelBehind } from '../read-models/read-model-gate.js';

/** The database's failures, recognised by their driver codes rather than by a class of ours. */
type DatabaseErrorCode = 'DATABASE_UNAVAILABLE' | 'READ_MODEL_BUILDING';

/** Every code an error of ours can carry, module by module. */
export type ErrorCode =
  | DomainErrorCode
  | ApplicationErrorCode
  | AssociationErrorCode
  | EventStoreErrorCode
  | ProjectionEngineErrorCode
  | ReadModelErrorCode
  | FormulaInvalid['code']
  | WorkflowInvalid['code']
  | PlaybookTeamForbidden['code']
  | ReadModelBehind['code']
  | SurveyErrorCode
  | DatabaseErrorCode;

/** A code without a status here does not compile. */
export const statusOf = (code: ErrorCode): number => {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_HEADER':
    case 'INVALID_POSITION':
    case 'INVALID_CURSOR':
    case 'INVALID_DATE_RANGE':
    case 'FORMULA_INVALID':
    case 'WORKFLOW_INVALID':
    case 'SURVEY_TOKEN_INVALID':
      return 400;
    case 'FORBIDDEN':
    case 'PLAYBOOK_TEAM_FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
    case 'PROJECTION_NOT_FOUND':
      return 404;
    case 'ALREADY_EXISTS':
    case 'WRONG_EXPECTED_REVISION':
    case 'PROJECTION_STATE':
    case 'PRIMARY_COMPANY_REQUIRED':
    case 'SURVEY_LINK_USED':
      return 409;
    case 'STREAM_DELETED':
    case 'GONE':
      return 410;
    case 'APPEND_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'RULE_VIOLATED':
    case 'DUPLICATE_EVENT_IDS':
    case 'INVALID_APPEND':
      return 422;
    case 'TOO_MANY_STREAMS':
      return 429;
    case 'READ_MODEL_BEHIND':
    case 'DATABASE_UNAVAILABLE':
    case 'READ_MODEL_BUILDING':
    case 'SURVEY_SIGNING_UNCONFIGURED':
      return 503;
    default:
      return assertNever(code);
  }
};

type ErrorBody = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

type Classified = Readonly<{ code: ErrorCode; body: Record<string, unknown>; headers?: Record<string, string> }>;

/** PostgreSQL's undefined_table and undefined_column. */
const NOT_BUILT_YET: ReadonlySet<unknown> = new Set(['42P01', '42703']);

const plain = (error: Error & { code: ErrorCode }, details: Record<string, unknown> = {}): Classified => ({
  code: error.code,
  body: { error: error.code, message: error.message, ...details },
});

/** Our errors and the database's, by code; null for anything else. */
const classify = (error: unknown): Classified | null => {
  if (error instanceof DomainError || error instanceof ApplicationError) return plain(error, error.details);
  if (error instanceof AssociationError) return plain(error, error.details);
  if (error instanceof PlaybookTeamForbidden) return plain(error, error.details);
  if (error instanceof SurveyError) return plain(error, error.details);
  if (error instanceof WrongExpectedRevision) {
    return {
      code: error.code,
      body: {
        error: 'CONCURRENCY_CONFLICT',
        message: `${error.streamName} has changed: expected revision ${error.expected}, it is at ${error.actual}`,
        expectedRevision: error.expected,
        actualRevision: error.actual === 'no_stream' ? -1 : error.actual,
      },
    };
  }
  if (error instanceof AppendTooLarge) return plain(error, { maxAppendSize: error.maxAppendSize });
  if (error instanceof FormulaInvalid) {
    const fields = error.errors.map((issue) => ({ field: issue.path || '/', reason: issue.reason }));
    return {
      code: error.code,
      body: { error: error.code, message: fields.map((f) => `${f.field}: ${f.reason}`).join('; '), fields, errors: error.errors },
    };
  }
  if (error instanceof WorkflowInvalid) {
    const fields = error.errors.map((issue) => ({ field: issue.path || '/', reason: issue.message }));
    return { code: error.code, body: { error: error.code, message: error.message, fields, errors: error.errors } };
  }
  if (error instanceof ReadModelBehind) return { ...plain(error), headers: { 'Retry-After': '1' } };
  if (
    error instanceof DuplicateEventIds ||
    error instanceof InvalidAppend ||
    error instanceof StreamDeleted ||
    error instanceof InvalidPosition ||
    error instanceof ProjectionNotFound ||
    error instanceof ProjectionStateError ||
    error instanceof InvalidCursor ||
    error instanceof InvalidDayRange
  ) {
    return plain(error);
  }
  if (isConnectionError(error)) {
    // The database dropped or refused the connection: nothing of this request was committed unless its answer was
    // lost with the connection, which a retry with the same Idempotency-Key settles.
    return {
      code: 'DATABASE_UNAVAILABLE',
      body: { error: 'DATABASE_UNAVAILABLE', message: 'the database connection failed; try again shortly' },
      headers: { 'Retry-After': '1' },
    };
  }
  if (NOT_BUILT_YET.has((error as { code?: unknown })?.code)) {
    // A new code version of a projection that added a table or a column: the query finds them once the new build
    // takes over; until then the view still shows the old build's tables.
    return {
      code: 'READ_MODEL_BUILDING',
      body: { error: 'READ_MODEL_BUILDING', message: 'this read model is being rebuilt; try again shortly' },
      headers: { 'Retry-After': '5' },
    };
  }
  return null;
};

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
  const classified = classify(error);
  if (classified) {
    const { code, body, headers } = classified;
    return { status: statusOf(code), body, ...(headers ? { headers } : {}) };
  }
  // What is not ours carries its own status: body-parser's errors (broken JSON, too large, refused by our verify
  // step; Nest wraps them in an HttpException) and Nest's own (an unknown route, a malformed uuid parameter).
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
