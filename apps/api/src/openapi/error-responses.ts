// The error answers of every operation, derived from what the route really passes through (the auth and rate-limit
// guards, the validation pipe, the body parser, the idempotency interceptor, the command executor) rather than
// written by hand on 87 routes. Every one has the single body http/error.filter.ts sends.
import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ROLES, isAllowed } from '#auth';
import { permissionOf } from '../auth/route-areas.js';

const ERROR_SCHEMA = 'ApiError';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
// The bodies app.ts parses whole, under a size limit (an NDJSON import is streamed line by line instead).
const LIMITED_BODIES = ['application/json', 'application/yaml'];

const errorSchema: SchemaObject = {
  type: 'object',
  description:
    'Every error answer: a machine-readable code and a message; a bad request names each bad field. Some codes add ' +
    'details (existingId, expectedRevision, retryAfterSeconds, ...).',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'A stable code, such as VALIDATION_FAILED, NOT_FOUND or CONCURRENCY_CONFLICT', example: 'NOT_FOUND' },
    message: { type: 'string', description: 'What went wrong, for a person', example: 'contact 6f1c... does not exist' },
    fields: {
      type: 'array',
      description: 'Each bad field of a 400, with why',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: { field: { type: 'string', example: 'email' }, reason: { type: 'string', example: 'email must be an email address' } },
      },
    },
    id: { type: 'string', description: 'NOT_FOUND: the id that does not exist' },
    existingId: { type: 'string', description: 'ALREADY_EXISTS: the record that already has the value' },
    rule: { type: 'string', description: 'RULE_VIOLATED: the business rule refused' },
    expectedRevision: { type: 'integer', description: 'CONCURRENCY_CONFLICT: the revision the command expected' },
    actualRevision: { type: 'integer', description: 'CONCURRENCY_CONFLICT: the revision the stream is at (-1: no stream)' },
    retryAfterSeconds: { type: 'integer', description: 'RATE_LIMITED: when to try again (also in Retry-After)' },
  },
  additionalProperties: true,
};

/** The shared answers, with the wording used when a route declares a status without describing it. */
const STANDARD: Readonly<Record<string, Readonly<{ name: string; description: string; retryAfter?: true }>>> = {
  '400': { name: 'BadRequest', description: 'A field, parameter, header or the body is invalid; `fields` names each one' },
  '401': { name: 'Unauthenticated', description: 'No API key, or an unknown, malformed or revoked one (send Authorization: Bearer <key>)' },
  '403': { name: 'Forbidden', description: "The key's role may not do this" },
  '404': { name: 'NotFound', description: 'The record in the path does not exist' },
  '409': { name: 'Conflict', description: 'If-Match is stale or the record changed meanwhile (CONCURRENCY_CONFLICT), or the value is taken (ALREADY_EXISTS)' },
  '413': { name: 'PayloadTooLarge', description: 'The body is larger than this route accepts' },
  '422': {
    name: 'Unprocessable',
    description: 'A business rule refused the command (RULE_VIOLATED), or the Idempotency-Key was sent with another body',
  },
  '429': { name: 'RateLimited', description: 'Too many requests for this key; retry after Retry-After seconds', retryAfter: true },
  '503': {
    name: 'Unavailable',
    description: 'The database is unreachable, or the read model is behind or being rebuilt; retry after Retry-After seconds',
    retryAfter: true,
  },
};

export type RouteFacts = Readonly<{
  method: string;
  /** The OpenAPI path, `{id}` style. */
  path: string;
  operation: OperationObject;
}>;

const isReference = (value: unknown): value is ReferenceObject => typeof value === 'object' && value !== null && '$ref' in value;

const answersCommand = (operation: OperationObject): boolean =>
  Object.entries(operation.responses).some(
    ([status, response]) =>
      status.startsWith('2') &&
      !isReference(response) &&
      Object.values(response?.content ?? {}).some((media) => isReference(media.schema) && media.schema.$ref.endsWith('/CommandResponse')),
  );

const parsesBodyWhole = ({ requestBody }: OperationObject): boolean =>
  requestBody !== undefined && !isReference(requestBody) && Object.keys(requestBody.content).some((type) => LIMITED_BODIES.includes(type));

/** The error statuses a route can answer beyond those its controller declares. */
export const errorStatusesOf = ({ method, path, operation }: RouteFacts): string[] => {
  const permission = permissionOf(method, path.replace(/\{(\w+)\}/g, ':$1'));
  if (permission === 'public') return [];
  const isWrite = method !== 'get' && method !== 'head';
  const statuses = new Set<string>(['401', '429', '503']);
  // A route without a rule (permissionOf null) is refused to every role.
  if (permission === null || ROLES.some((role) => !isAllowed(role, permission))) statuses.add('403');
  // Writes also validate the Idempotency-Key header (400) and refuse a key reused with another body (422).
  if (operation.parameters?.length || operation.requestBody || isWrite) statuses.add('400');
  if (isWrite) statuses.add('422');
  if (parsesBodyWhole(operation)) statuses.add('413');
  if (/\{\w+\}/.test(path)) statuses.add('404');
  // A command appends with the revision it read: a concurrent writer makes it a 409.
  if (answersCommand(operation)) statuses.add('409');
  return [...statuses];
};

const errorContent = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } };

const retryAfterHeader = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
} as const;

const standardResponse = (status: string): ResponseObject => {
  const standard = STANDARD[status];
  return {
    description: standard?.description ?? 'An error',
    ...(standard?.retryAfter ? { headers: retryAfterHeader } : {}),
    content: errorContent,
  };
};

/**
 * Adds the shared error schema and the error answers every operation can give, keeps what controllers declared
 * (their descriptions say more), and gives their undescribed error answers the shared body.
 */
export const withErrorResponses = (document: OpenAPIObject): OpenAPIObject => {
  const used = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses;
      for (const status of errorStatusesOf({ method, path, operation })) {
        if (!responses[status]) {
          responses[status] = { $ref: `#/components/responses/${STANDARD[status].name}` };
          used.add(status);
        }
      }
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]/.test(status) || !response || isReference(response)) continue;
        const standard = standardResponse(status);
        response.description ||= standard.description;
        response.content ??= errorContent;
        if (standard.headers) response.headers ??= standard.headers;
      }
    }
  }
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, [ERROR_SCHEMA]: errorSchema };
  components.responses = {
    ...components.responses,
    ...Object.fromEntries([...used].sort().map((status) => [STANDARD[status].name, standardResponse(status)])),
  };
  return document;
};
