// Stored shapes: each example is validated against its JSON Schema, and schema plus example are snapshotted so
// a change to what is stored shows up in review (and needs a new schemaVersion and an upcaster).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ownerEventDefinitions, type OwnerEvent } from './index.js';

const examples: { [T in OwnerEvent['type']]: Extract<OwnerEvent, { type: T }>['data'] } = {
  OwnerCreated: { ownerId: 'o1', name: 'Ada Lovelace', email: 'ada@example.com', team: 'EMEA', role: 'sales' },
  OwnerUpdated: {
    ownerId: 'o1',
    changes: [
      { field: 'team', previous: 'EMEA', value: null },
      { field: 'role', previous: 'sales', value: 'service' },
    ],
  },
};

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });

describe('owner event catalog', () => {
  it('defines every event type exactly once', () => {
    expect(ownerEventDefinitions.map((definition) => definition.type).sort()).toEqual(Object.keys(examples).sort());
  });

  describe.each(ownerEventDefinitions.map((definition) => [definition.type, definition] as const))('%s', (type, definition) => {
    const example = examples[type as OwnerEvent['type']];
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
