// Stored shapes: each example is validated against its JSON Schema, and schema plus example are snapshotted so a
// change to what is stored shows up in review (and needs a new schemaVersion and an upcaster).
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { EventDefinition } from './event-definition.js';
import { addEventSchemaFormats } from './schema-formats.js';

const ajv = addEventSchemaFormats(new Ajv2020({ strict: true, allowUnionTypes: true }));

export const specifyStoredShapes = (
  catalogName: string,
  definitions: readonly EventDefinition[],
  examples: Readonly<Record<string, unknown>>,
): void => {
  describe(catalogName, () => {
    it('defines every event type exactly once', () => {
      expect(definitions.map((definition) => definition.type).sort()).toEqual(Object.keys(examples).sort());
    });

    describe.each(definitions.map((definition) => [definition.type, definition] as const))('%s', (type, definition) => {
      const example = examples[type] as Record<string, unknown>;
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
};
