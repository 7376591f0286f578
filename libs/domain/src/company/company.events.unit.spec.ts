// Stored shapes: each example is validated against its JSON Schema, and schema plus example are snapshotted so
// a change to what is stored shows up in review (and needs a new schemaVersion and an upcaster).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { companyEventDefinitions, type CompanyEvent } from './index.js';

const examples: { [T in CompanyEvent['type']]: Extract<CompanyEvent, { type: T }>['data'] } = {
  CompanyCreated: { companyId: 'co1', name: 'Acme', domain: 'acme.com', industry: 'Manufacturing', employees: 250, country: 'DE' },
  CompanyUpdated: {
    companyId: 'co1',
    changes: [
      { field: 'domain', previous: 'acme.com', value: null },
      { field: 'employees', previous: 250, value: 300 },
    ],
  },
};

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });

describe('company event catalog', () => {
  it('defines every event type exactly once', () => {
    expect(companyEventDefinitions.map((definition) => definition.type).sort()).toEqual(Object.keys(examples).sort());
  });

  describe.each(companyEventDefinitions.map((definition) => [definition.type, definition] as const))('%s', (type, definition) => {
    const example = examples[type as CompanyEvent['type']];
    const validate = ajv.compile(definition.schema);

    it('accepts the example and matches the stored shape', () => {
      validate(example);
      expect(validate.errors ?? []).toEqual([]);
      expect({ schemaVersion: definition.schemaVersion, schema: definition.schema, example }).toMatchSnapshot();
    });

    it('rejects unknown fields', () => {
      expect(validate({ ...example, unexpected: true })).toBe(false);
    });
  });
});
