// Stored shapes: each example is validated against its JSON Schema, and schema plus example are snapshotted so a
// change to what is stored shows up in review (and needs a new schemaVersion and an upcaster).
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { EventDefinition } from './event-definition.js';
import { addEventSchemaFormats } from './schema-formats.js';

/** Validates against event schemas as the store's writers do (strict, with the formats events use). */
export const eventSchemaAjv = addEventSchemaFormats(new Ajv2020({ strict: true, allowUnionTypes: true }));

/** An example of each event type of the union `E`: its data as stored. */
export type StoredExamples<E extends Readonly<{ type: string; data: unknown }>> = { [T in E['type']]: Extract<E, { type: T }>['data'] };

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
      const validate = eventSchemaAjv.compile(definition.schema);

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

/**
 * The same check as written first for deals, engagements, pipelines and tickets, whose snapshots are keyed by these
 * test names (`<aggregate> event definitions <Type>: ...`) and hold the type as well. `more` adds the aggregate's own
 * cases to the describe block.
 */
export const specifyEventDefinitions = (
  aggregate: string,
  definitions: readonly EventDefinition[],
  examples: Readonly<Record<string, unknown>>,
  more: () => void = () => undefined,
): void => {
  describe(`${aggregate} event definitions`, () => {
    it(`define every ${aggregate} event type exactly once`, () => {
      expect(definitions.map((definition) => definition.type).sort()).toEqual(Object.keys(examples).sort());
    });

    it.each(definitions.map((definition) => [definition.type, definition] as const))('%s: example matches schema and snapshot', (type, definition) => {
      const example = examples[type];
      const validate = eventSchemaAjv.compile(definition.schema);
      const valid = validate(example);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      expect({ type, schemaVersion: definition.schemaVersion, schema: definition.schema, example }).toMatchSnapshot();
    });

    more();
  });
};
