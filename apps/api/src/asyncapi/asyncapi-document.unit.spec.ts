// The AsyncAPI document is what integrators generate clients and docs from: it must be valid AsyncAPI 3.0 (its
// security scheme included; asyncapi-security.e2e.spec.ts checks that the api accepts what the scheme declares).
import specs from '@asyncapi/specs';
import { Ajv } from 'ajv';
import { eventCatalog } from '#domain/catalog';
import { buildAsyncApiDocument } from './asyncapi-document.js';

const document = buildAsyncApiDocument(eventCatalog.list(), { host: 'localhost:3000', protocol: 'http' });

describe('the AsyncAPI document', () => {
  it('validates against the AsyncAPI 3.0.0 JSON Schema', () => {
    // The official schema bundles its own draft-07 meta-schema, so Ajv must not add its copy; formats are not the
    // structure this checks.
    const validate = new Ajv({ strict: false, allErrors: true, meta: false, validateSchema: false, validateFormats: false }).compile(
      specs.schemas['3.0.0'],
    );
    validate(document);
    expect(validate.errors ?? []).toEqual([]);
  });
});
