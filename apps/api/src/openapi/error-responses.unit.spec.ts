import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { errorStatusesOf, withErrorResponses } from './error-responses.js';

const commandAnswer = { '200': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResponse' } } } } };
const jsonBody = { content: { 'application/json': { schema: { type: 'object' } } } } as const;
const sorted = (statuses: string[]) => [...statuses].sort();

describe('errorStatusesOf', () => {
  it('gives a read every role may make only what any request can meet: no key, too many requests, no database', () => {
    expect(sorted(errorStatusesOf({ method: 'get', path: '/v1/health', operation: { responses: {} } }))).toEqual(['401', '429', '503']);
  });

  it('gives a command on a record everything from a bad field to a concurrent writer', () => {
    const operation: OperationObject = { requestBody: jsonBody, responses: commandAnswer };
    expect(sorted(errorStatusesOf({ method: 'patch', path: '/v1/contacts/{id}', operation }))).toEqual([
      '400', '401', '403', '404', '409', '413', '422', '429', '503',
    ]);
  });

  it('gives no 413 to a body streamed line by line, and no 409 to what is not a command', () => {
    const operation: OperationObject = { requestBody: { content: { 'application/x-ndjson': {} } }, responses: { '200': { description: '' } } };
    expect(sorted(errorStatusesOf({ method: 'post', path: '/v1/import', operation }))).toEqual(['400', '401', '403', '422', '429', '503']);
  });

  it('gives a public route no error of the guards', () => {
    expect(errorStatusesOf({ method: 'get', path: '/docs/openapi.json', operation: { responses: {} } })).toEqual([]);
  });
});

describe('withErrorResponses', () => {
  const document = (): OpenAPIObject => ({
    openapi: '3.0.0',
    info: { title: 'test', version: '1' },
    paths: {
      '/v1/contacts/{id}': {
        get: { responses: { '200': { description: '' }, '404': { description: 'No such contact' }, '410': { description: '' } } },
      },
    },
  });

  it('keeps what the controller declared, adds the rest by reference, and gives every error the one body', () => {
    const result = withErrorResponses(document());
    const responses = result.paths['/v1/contacts/{id}'].get!.responses;
    const errorBody = { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } };
    expect(responses['404']).toEqual({ description: 'No such contact', content: errorBody });
    expect(responses['410']).toEqual({ description: 'An error', content: errorBody });
    expect(responses['401']).toEqual({ $ref: '#/components/responses/Unauthenticated' });
    expect(result.components!.responses!.RateLimited).toMatchObject({ content: errorBody, headers: { 'Retry-After': expect.anything() } });
    expect(Object.keys(result.components!.responses!).sort()).toEqual(['Forbidden', 'RateLimited', 'Unauthenticated', 'Unavailable']);
    expect(result.components!.schemas!.ApiError).toMatchObject({ required: ['error', 'message'] });
  });
});
