import { HttpException } from '@nestjs/common';
import { ApplicationError, invalidHeader, validationFailed } from '#application';
import { AssociationError } from '#application';
import { WorkflowInvalid } from '#application';
import { PlaybookTeamForbidden } from '#application';
import { surveyLinkUsed, surveySigningUnconfigured, surveyTokenInvalid } from '#application';
import { alreadyExists, gone, notFound, ruleViolated } from '#domain/shared';
import {
  AppendTooLarge,
  DuplicateEventIds,
  InvalidAppend,
  InvalidPosition,
  StreamDeleted,
  WrongExpectedRevision,
} from '#event-store';
import { ProjectionNotFound, ProjectionStateError } from '#projection-engine';
import { InvalidCursor, InvalidDayRange } from '#read-models';
import { FormulaInvalid } from '#scoring';
import { ReadModelBehind } from '../read-models/read-model-gate.js';
import { statusOf, toHttpError, type ErrorCode } from './error.filter.js';

// One error of each code with the answer it gets; typed by ErrorCode, so a new code needs a line here too.
const ANSWERS: Record<ErrorCode, Readonly<{ error: unknown; status: number; body: Record<string, unknown>; headers?: Record<string, string> }>> = {
  NOT_FOUND: { error: notFound('deal', 'd-1'), status: 404, body: { error: 'NOT_FOUND', message: 'deal d-1 does not exist', id: 'd-1' } },
  ALREADY_EXISTS: { error: alreadyExists('deal', { id: 'd-1' }), status: 409, body: { error: 'ALREADY_EXISTS', message: 'deal already exists', id: 'd-1' } },
  GONE: { error: gone('contact', 'c-1'), status: 410, body: { error: 'GONE', message: 'contact c-1 was erased', id: 'c-1' } },
  RULE_VIOLATED: {
    error: ruleViolated('closed-deal', 'the deal is closed'),
    status: 422,
    body: { error: 'RULE_VIOLATED', message: 'the deal is closed', rule: 'closed-deal' },
  },
  VALIDATION_FAILED: {
    error: validationFailed([{ field: 'occurredAt', reason: 'must be in the past' }]),
    status: 400,
    body: { error: 'VALIDATION_FAILED', message: 'occurredAt: must be in the past', fields: [{ field: 'occurredAt', reason: 'must be in the past' }] },
  },
  INVALID_HEADER: {
    error: invalidHeader('If-Match', 'If-Match must be a revision'),
    status: 400,
    body: { error: 'INVALID_HEADER', message: 'If-Match must be a revision', fields: [{ field: 'If-Match', reason: 'format' }] },
  },
  FORBIDDEN: { error: new ApplicationError('FORBIDDEN', 'no role'), status: 403, body: { error: 'FORBIDDEN', message: 'no role' } },
  PRIMARY_COMPANY_REQUIRED: {
    error: new AssociationError('PRIMARY_COMPANY_REQUIRED', 'set another one', { dealId: 'd-1' }),
    status: 409,
    body: { error: 'PRIMARY_COMPANY_REQUIRED', message: 'set another one', dealId: 'd-1' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    error: new ApplicationError('UNSUPPORTED_MEDIA_TYPE', 'send NDJSON'),
    status: 415,
    body: { error: 'UNSUPPORTED_MEDIA_TYPE', message: 'send NDJSON' },
  },
  TOO_MANY_STREAMS: {
    error: new ApplicationError('TOO_MANY_STREAMS', 'close one first', { limit: 5 }),
    status: 429,
    body: { error: 'TOO_MANY_STREAMS', message: 'close one first', limit: 5 },
  },
  WRONG_EXPECTED_REVISION: {
    error: new WrongExpectedRevision('deal-1', 2, 'no_stream'),
    status: 409,
    body: { error: 'CONCURRENCY_CONFLICT', message: 'deal-1 has changed: expected revision 2, it is at no_stream', expectedRevision: 2, actualRevision: -1 },
  },
  DUPLICATE_EVENT_IDS: {
    error: new DuplicateEventIds('deal-1', ['e-1']),
    status: 422,
    body: { error: 'DUPLICATE_EVENT_IDS', message: expect.stringContaining('e-1') },
  },
  INVALID_APPEND: { error: new InvalidAppend('no events'), status: 422, body: { error: 'INVALID_APPEND', message: 'no events' } },
  STREAM_DELETED: { error: new StreamDeleted('deal-1'), status: 410, body: { error: 'STREAM_DELETED', message: 'stream deal-1 is deleted' } },
  APPEND_TOO_LARGE: {
    error: new AppendTooLarge('deal-1', 1_048_576, 2_000_000),
    status: 413,
    body: { error: 'APPEND_TOO_LARGE', message: expect.stringContaining('1048576'), maxAppendSize: 1_048_576 },
  },
  INVALID_POSITION: { error: new InvalidPosition('x'), status: 400, body: { error: 'INVALID_POSITION', message: expect.stringContaining('"x"') } },
  PROJECTION_NOT_FOUND: {
    error: new ProjectionNotFound('lead-score', 9),
    status: 404,
    body: { error: 'PROJECTION_NOT_FOUND', message: 'projection lead-score has no build 9' },
  },
  PROJECTION_STATE: { error: new ProjectionStateError('not parked'), status: 409, body: { error: 'PROJECTION_STATE', message: 'not parked' } },
  INVALID_CURSOR: { error: new InvalidCursor(), status: 400, body: { error: 'INVALID_CURSOR', message: 'cursor is not one this server issued' } },
  INVALID_DATE_RANGE: { error: new InvalidDayRange('to is before from'), status: 400, body: { error: 'INVALID_DATE_RANGE', message: 'to is before from' } },
  WORKFLOW_INVALID: {
    error: new WorkflowInvalid([
      { path: '', message: 'name is required' },
      { path: '/steps/0/owner', message: 'owner must be contactOwner, dealOwner, ticketOwner, recordOwner or {ownerId}' },
    ]),
    status: 400,
    body: {
      error: 'WORKFLOW_INVALID',
      message: 'invalid workflow: / name is required; /steps/0/owner owner must be contactOwner, dealOwner, ticketOwner, recordOwner or {ownerId}',
      fields: [
        { field: '/', reason: 'name is required' },
        { field: '/steps/0/owner', reason: 'owner must be contactOwner, dealOwner, ticketOwner, recordOwner or {ownerId}' },
      ],
      errors: [
        { path: '', message: 'name is required' },
        { path: '/steps/0/owner', message: 'owner must be contactOwner, dealOwner, ticketOwner, recordOwner or {ownerId}' },
      ],
    },
  },
  FORMULA_INVALID: {
    error: new FormulaInvalid([
      { path: '', reason: 'unexpected end' },
      { path: '/fit', reason: 'must be an array' },
    ]),
    status: 400,
    body: {
      error: 'FORMULA_INVALID',
      message: '/: unexpected end; /fit: must be an array',
      fields: [
        { field: '/', reason: 'unexpected end' },
        { field: '/fit', reason: 'must be an array' },
      ],
      errors: [
        { path: '', reason: 'unexpected end' },
        { path: '/fit', reason: 'must be an array' },
      ],
    },
  },
  READ_MODEL_BEHIND: {
    error: new ReadModelBehind('lead-score', '42'),
    status: 503,
    body: { error: 'READ_MODEL_BEHIND', message: 'lead-score has not reached position 42 yet; retry shortly' },
    headers: { 'Retry-After': '1' },
  },
  DATABASE_UNAVAILABLE: {
    error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    status: 503,
    body: { error: 'DATABASE_UNAVAILABLE', message: 'the database connection failed; try again shortly' },
    headers: { 'Retry-After': '1' },
  },
  READ_MODEL_BUILDING: {
    error: Object.assign(new Error('relation "lead_scores" does not exist'), { code: '42P01' }),
    status: 503,
    body: { error: 'READ_MODEL_BUILDING', message: 'this read model is being rebuilt; try again shortly' },
    headers: { 'Retry-After': '5' },
  },
  SURVEY_LINK_USED: {
    error: surveyLinkUsed('l-1'),
    status: 409,
    body: { error: 'SURVEY_LINK_USED', message: 'this survey link has been answered already; a link takes one answer', linkId: 'l-1' },
  },
  SURVEY_TOKEN_INVALID: {
    error: surveyTokenInvalid(),
    status: 400,
    body: {
      error: 'SURVEY_TOKEN_INVALID',
      message: 'token: is not a survey link token this server issued',
      fields: [{ field: 'token', reason: 'not a token this server issued' }],
    },
  },
  SURVEY_SIGNING_UNCONFIGURED: {
    error: surveySigningUnconfigured(),
    status: 503,
    body: {
      error: 'SURVEY_SIGNING_UNCONFIGURED',
      message: 'survey links are signed and no signing secret is configured: set TALLY_SURVEY_SIGNING_SECRET (at least 32 characters)',
    },
  },
  PLAYBOOK_TEAM_FORBIDDEN: {
    error: new PlaybookTeamForbidden('sales', 'service'),
    status: 403,
    body: {
      error: 'PLAYBOOK_TEAM_FORBIDDEN',
      message: 'the sales role writes only sales playbooks; this playbook belongs to service',
      role: 'sales',
      team: 'service',
      fields: [{ field: 'team', reason: 'a sales key may not write a service playbook' }],
    },
  },
};

describe('statusOf', () => {
  it.each(Object.entries(ANSWERS))('gives %s its status', (code, { status }) => {
    expect(statusOf(code as ErrorCode)).toBe(status);
  });
});

describe('toHttpError', () => {
  it.each(Object.entries(ANSWERS))('answers an error of code %s with its status, body and headers', (_code, { error, status, body, headers }) => {
    expect(toHttpError(error)).toEqual({ status, body, ...(headers ? { headers } : {}) });
  });

  it('answers a column a new build adds, queried before it takes over, as a read model being built', () => {
    expect(toHttpError(Object.assign(new Error('column d.revenue_type does not exist'), { code: '42703' }))).toEqual({
      status: 503,
      body: { error: 'READ_MODEL_BUILDING', message: 'this read model is being rebuilt; try again shortly' },
      headers: { 'Retry-After': '5' },
    });
  });

  it('leaves an error that is neither ours nor the database\'s to the 500 answer', () => {
    expect(toHttpError(new Error('boom'))).toBeNull();
    expect(toHttpError(Object.assign(new Error('odd'), { code: 'SOMETHING_ELSE' }))).toBeNull();
  });

  it('keeps the status and body of what Nest throws itself', () => {
    expect(toHttpError(new HttpException({ error: 'FORBIDDEN', message: 'not for your role' }, 403))).toEqual({
      status: 403,
      body: { error: 'FORBIDDEN', message: 'not for your role' },
      headers: undefined,
    });
    expect(toHttpError(new HttpException('Cannot GET /nowhere', 404))).toMatchObject({
      status: 404,
      body: { error: 'HTTP_ERROR', message: 'Cannot GET /nowhere' },
    });
  });

  it('answers an append over the store limit with 413 and the limit', () => {
    expect(toHttpError(new AppendTooLarge('deal-1', 1_048_576, 2_000_000))).toEqual({
      status: 413,
      body: { error: 'APPEND_TOO_LARGE', message: expect.stringContaining('1048576'), maxAppendSize: 1_048_576 },
    });
  });

  it('answers a deleted stream with 410', () => {
    expect(toHttpError(new StreamDeleted('deal-1'))).toMatchObject({ status: 410, body: { error: 'STREAM_DELETED' } });
  });

  it('names the field of a body refused before parsing, also when Nest wraps the parser error', () => {
    const refused = Object.assign(new Error('properties.seats: 9007199254740993 cannot be kept exactly'), {
      status: 400,
      expose: true,
      type: 'entity.inexact.number',
      field: 'properties.seats',
    });
    const expected = {
      status: 400,
      body: {
        error: 'ENTITY_INEXACT_NUMBER',
        message: refused.message,
        fields: [{ field: 'properties.seats', reason: refused.message }],
      },
    };
    expect(toHttpError(refused)).toEqual(expected);
    expect(toHttpError(new HttpException(refused.message, 400, { cause: refused }))).toEqual(expected);
  });
});
