import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { idempotentIds, invalidHeader, randomIds, type RequestContext } from '#application';

const HEADER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** tallyOwnerId: the owner the request's API key is bound to, if any (set by the auth guard). */
export type TallyRequest = Request & { tallyActor?: string; tallyRole?: string; tallyOwnerId?: string; tallyRequestId?: string };

export const headerId = (request: Request, name: string): string | undefined => {
  const value = request.header(name);
  if (value === undefined) return undefined;
  if (!HEADER_ID.test(value)) {
    throw invalidHeader(name, `${name} must be 1-128 characters of letters, digits, '.', '_', ':' or '-'`);
  }
  return value;
};

/**
 * Whose key it is and for which route: the stored answer and the ids derived from the key share this scope, so a
 * key sent again on another route is another command, never a replay of the first one's events.
 */
export const idempotencyScope = (request: TallyRequest): string =>
  `${request.tallyActor ?? 'anonymous'} ${request.method} ${request.path}`;

/** Builds the command's context from the request: actor, correlation and causation ids, clock, id source. */
export const requestContextOf = (request: TallyRequest): RequestContext => {
  const idempotencyKey = headerId(request, 'Idempotency-Key');
  const requestId = (request.tallyRequestId ??= randomUUID());
  return {
    // Until authentication lands every caller is anonymous; the actor is never read from the body or a header.
    actor: request.tallyActor ?? 'anonymous',
    correlationId: headerId(request, 'X-Correlation-Id') ?? requestId,
    causationId: requestId,
    now: new Date().toISOString(),
    source: 'api',
    ids: idempotencyKey ? idempotentIds(`${idempotencyScope(request)}:${idempotencyKey}`) : randomIds(),
    ...(request.tallyOwnerId === undefined ? {} : { ownerId: request.tallyOwnerId }),
  };
};

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext =>
  requestContextOf(ctx.switchToHttp().getRequest<TallyRequest>()),
);

/** The If-Match header as a stream revision (`"3"`, `3` or `W/"3"`), or undefined when absent. */
export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().header('If-Match');
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(-1|\d{1,15})"?$/.exec(value.trim());
  if (!match) {
    throw invalidHeader('If-Match', 'If-Match must be the stream revision you last saw, such as "3"');
  }
  return Number(match[1]);
});
