// Every event type is declared once: its permanent name, its current schema version and JSON Schema, and the
// upcasters that lift older stored versions to the current shape on read. Stored events are never rewritten.
import { MAX_ID_LENGTH } from './limits.js';

export type JsonSchema = Readonly<Record<string, unknown>>;

export type Upcaster = Readonly<{
  /** The stored version this lifts from; it produces fromVersion + 1. */
  fromVersion: number;
  upcast: (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}>;

export type EventDefinition = Readonly<{
  type: string;
  schemaVersion: number;
  description: string;
  /** JSON Schema of `data` at schemaVersion. */
  schema: JsonSchema;
  upcasters?: readonly Upcaster[];
}>;

export const defineEvent = (definition: EventDefinition): EventDefinition => definition;

/** An object with every listed field required and nothing else allowed. */
export const strictObject = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

/** The JSON Schema of an event's data (a root schema: it names its draft). */
export const dataSchema = (properties: Record<string, JsonSchema>): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  ...strictObject(properties),
});

// The fragments most event schemas are made of.
export const idSchema: JsonSchema = { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH };
export const optionalIdSchema: JsonSchema = { type: ['string', 'null'], minLength: 1, maxLength: MAX_ID_LENGTH };
export const textSchema: JsonSchema = { type: 'string', minLength: 1 };
export const optionalTextSchema: JsonSchema = { type: ['string', 'null'], minLength: 1 };

/** One field of an update event: which field, its value before and after. */
export const fieldChangeSchema = (field: string, value: JsonSchema): JsonSchema => strictObject({ field: { const: field }, previous: value, value });
