// The published contract, checked with tools nobody here wrote: Redocly's recommended rules (redocly.yaml) and
// swagger-parser, on the document exactly as the server serves it; then what a generated client relies on.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv } from 'ajv';
import type { OpenAPIV3 } from 'openapi-types';
import { startTestApp, type TestApp } from '#test/support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_SCHEMA_REF = '#/components/schemas/ApiError';

type Operation = Readonly<{ name: string; operation: OpenAPIV3.OperationObject }>;
type LintProblem = Readonly<{ ruleId: string; severity: string; message: string; location: { pointer: string }[] }>;

const redocly = path.resolve('node_modules/@redocly/cli/bin/cli.js');

/** `redocly lint` on the document, with the repository's redocly.yaml: every error and warning it reports. */
const lint = async (document: unknown): Promise<string[]> => {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'tally-openapi-'));
  try {
    const file = path.join(directory, 'openapi.json');
    await writeFile(file, JSON.stringify(document, null, 2));
    const args = [redocly, 'lint', file, '--config', path.resolve('redocly.yaml'), '--format', 'json'];
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    // It exits 1 when it finds errors; the report is on stdout either way.
    const stdout = await promisify(execFile)(process.execPath, args, { env, maxBuffer: 64 * 1024 * 1024 }).then(
      (result) => result.stdout,
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    const report = JSON.parse(stdout) as { problems: LintProblem[] };
    return report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
};

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenAPIV3.Document;
  let operations: Operation[];

  // The shared error answers are references into components.responses.
  const resolveResponse = (response: OpenAPIV3.ResponseObject | OpenAPIV3.ReferenceObject): OpenAPIV3.ResponseObject =>
    '$ref' in response
      ? (document.components!.responses![response.$ref.replace('#/components/responses/', '')] as OpenAPIV3.ResponseObject)
      : response;

  const errorBodyOf = (response: OpenAPIV3.ResponseObject | OpenAPIV3.ReferenceObject): string | undefined =>
    (resolveResponse(response).content?.['application/json']?.schema as OpenAPIV3.ReferenceObject | undefined)?.$ref;

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.anonymous().get('/docs/openapi.json').expect(200)).body as OpenAPIV3.Document;
    operations = Object.entries(document.paths).flatMap(([route, item]) =>
      METHODS.filter((method) => item?.[method]).map((method) => ({ name: `${method} ${route}`, operation: item![method]! })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('lints with no error and no warning under the recommended rules', async () => {
    expect(await lint(document)).toEqual([]);
  });

  it('validates with swagger-parser', async () => {
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
  });

  it('describes the success answer of every operation: a body schema, or no body for a 204', () => {
    expect(operations.length).toBeGreaterThan(60);
    const withoutSuccessBody = operations.filter(({ operation }) => {
      const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      return !success.some(([status, response]) => {
        const content = resolveResponse(response).content;
        if (status === '204') return content === undefined;
        return content !== undefined && Object.values(content).every((media) => media.schema !== undefined);
      });
    });
    expect(withoutSuccessBody.map((o) => o.name)).toEqual([]);
  });

  it('gives every operation a 4xx answer, and every error answer the one shared error body', () => {
    const without4xx = operations.filter(({ operation }) => !Object.keys(operation.responses).some((status) => status.startsWith('4')));
    expect(without4xx.map((o) => o.name)).toEqual([]);
    const otherErrorBodies = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]/.test(status))
        .filter(([, response]) => errorBodyOf(response) !== ERROR_SCHEMA_REF)
        .map(([status]) => `${name} ${status}`),
    );
    expect(otherErrorBodies).toEqual([]);
  });

  it('lists the errors a route can give: 401 and 429 everywhere, 403 where some role may not, 404 for a record in the path', () => {
    const statuses = (name: string) => Object.keys(operations.find((o) => o.name === name)!.operation.responses).sort();
    // Every role may read the health; only writes validate an Idempotency-Key and check that it is not reused.
    expect(statuses('get /v1/health')).toEqual(['200', '401', '429', '503']);
    expect(statuses('patch /v1/contacts/{id}')).toEqual(['200', '400', '401', '403', '404', '409', '413', '422', '429', '503']);
  });

  it('declares the API key scheme and requires it', () => {
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.components?.securitySchemes?.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ apiKey: [] }]);
    expect(operations.filter(({ operation }) => operation.security !== undefined).map((o) => o.name)).toEqual([]);
  });

  it('types every nullable field: a nullable object is one with properties', () => {
    const untyped = Object.entries(document.components!.schemas!).flatMap(([schemaName, schema]) =>
      Object.entries((schema as OpenAPIV3.SchemaObject).properties ?? {})
        .filter(([, property]) => {
          const p = property as OpenAPIV3.SchemaObject;
          return p.nullable && (p.type === undefined || (p.type === 'object' && !p.properties && !p.allOf && !p.additionalProperties));
        })
        .map(([property]) => `${schemaName}.${property}`),
    );
    expect(untyped).toEqual([]);
    expect(document.components!.schemas!.UpdateContactDto).toMatchObject({ properties: { firstName: { type: 'string', nullable: true } } });
  });

  it('documents deal amounts as decimal strings, in the bodies taken and the answers given', () => {
    const schemas = document.components!.schemas! as Record<string, OpenAPIV3.SchemaObject>;
    const propertyOf = (schema: string, property: string) => schemas[schema]?.properties?.[property] as OpenAPIV3.SchemaObject | undefined;
    for (const schema of ['CreateDealDto', 'UpdateDealDto', 'DealView', 'DealListItemDto'])
      expect([schema, propertyOf(schema, 'amount')?.type]).toEqual([schema, 'string']);
    for (const schema of ['DealView', 'DealListItemDto']) {
      for (const property of ['mrr', 'arr']) expect([schema, property, propertyOf(schema, property)]).toEqual([schema, property, expect.objectContaining({ type: 'string', nullable: true })]);
      expect(propertyOf(schema, 'closedAt')).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
      expect(propertyOf(schema, 'revenueType')).toMatchObject({ enum: ['one-off', 'recurring'] });
    }
    expect(propertyOf('CreateDealDto', 'amount')?.description).toMatch(/decimal string/);
  });

  it('describes the error bodies the server really sends', async () => {
    const validate = new Ajv({ strict: false }).compile(document.components!.schemas![ERROR_SCHEMA_REF.split('/').pop()!]);
    const answers = [
      await t.anonymous().get('/v1/health'),
      await (await t.as('reporting')).post('/v1/contacts').send({}),
      await t.http().post('/v1/contacts').send({ email: 'not an email', source: 'no-such-source' }),
      await t.http().get('/v1/contacts/00000000-0000-4000-8000-000000000000'),
      await t.http().get('/v1/contacts/not-a-uuid'),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 403, 400, 404, 400]);
    for (const answer of answers) expect([answer.body, validate(answer.body), validate.errors]).toEqual([answer.body, true, null]);
  });
});
