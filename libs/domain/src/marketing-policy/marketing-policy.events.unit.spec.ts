// Stored shapes: each example is validated against its JSON Schema, and schema plus example are snapshotted so
// a change to what is stored shows up in review (and needs a new schemaVersion and an upcaster).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DEFAULT_MARKETING_POLICY, marketingPolicyEventDefinitions, type MarketingPolicyEvent } from './index.js';

const examples: { [T in MarketingPolicyEvent['type']]: Extract<MarketingPolicyEvent, { type: T }>['data'] } = {
  MarketingPolicyChanged: {
    previous: DEFAULT_MARKETING_POLICY,
    policy: { ...DEFAULT_MARKETING_POLICY, import: 'marketing' },
    reason: 'imported lists are opted in',
  },
};

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });

describe('marketing policy event catalog', () => {
  it('defines every event type exactly once', () => {
    expect(marketingPolicyEventDefinitions.map((definition) => definition.type).sort()).toEqual(Object.keys(examples).sort());
  });

  describe.each(marketingPolicyEventDefinitions.map((definition) => [definition.type, definition] as const))('%s', (type, definition) => {
    const example = examples[type as MarketingPolicyEvent['type']];
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
