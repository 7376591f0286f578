// Stored shapes: each example is validated against its JSON Schema, and schema plus example are snapshotted so
// a change to what is stored shows up in review (and needs a new schemaVersion and an upcaster).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { uniqueValueEventDefinitions, type UniqueValueEvent } from './index.js';

const examples: { [T in UniqueValueEvent['type']]: Extract<UniqueValueEvent, { type: T }>['data'] } = {
  UniqueValueClaimed: { kind: 'contact-email', value: 'ada@example.com', ownerId: 'c1' },
  UniqueValueReleased: { kind: 'company-domain', value: 'acme.com', ownerId: 'co1' },
};

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });

describe('unique value event catalog', () => {
  it('defines every event type exactly once', () => {
    expect(uniqueValueEventDefinitions.map((definition) => definition.type).sort()).toEqual(Object.keys(examples).sort());
  });

  describe.each(uniqueValueEventDefinitions.map((definition) => [definition.type, definition] as const))('%s', (type, definition) => {
    const example = examples[type as UniqueValueEvent['type']];
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
