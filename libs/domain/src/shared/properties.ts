// Custom property values as every record (contact, company, deal, ticket) carries them: in its created event, only
// the properties with a value; in its properties-changed event, each changed value with the one before it.
import { ruleViolated } from './errors.js';
import { strictObject, type JsonSchema } from './event-definition.js';

export type PropertyValue = string | number | boolean | null;
/** Custom properties; an absent key and null both mean "no value". */
export type PropertyValues = Readonly<Record<string, PropertyValue>>;
export type PropertyChange = Readonly<{ property: string; previous: PropertyValue; value: PropertyValue }>;

export const propertyValueSchema: JsonSchema = { type: ['string', 'number', 'boolean', 'null'] };

/** A custom property's name: it may not shadow a built-in field, since readers tell them apart by name. */
export const customPropertyNameSchema = (reservedNames: readonly string[]): JsonSchema => ({
  type: 'string',
  minLength: 1,
  not: { enum: [...reservedNames] },
});

/** The properties of a created event: nulls are left out. */
export const propertiesSchema = (reservedNames: readonly string[]): JsonSchema => ({
  type: 'object',
  propertyNames: { minLength: 1, not: { enum: [...reservedNames] } },
  additionalProperties: { type: ['string', 'number', 'boolean'] },
});

/** The changes of a properties-changed event: only values that changed, at least one. */
export const propertyChangesSchema = (propertyName: JsonSchema): JsonSchema => ({
  type: 'array',
  minItems: 1,
  items: strictObject({ property: propertyName, previous: propertyValueSchema, value: propertyValueSchema }),
});

/** Refuses a custom property named like one of the record's built-in fields. */
export const checkedPropertyNames = (properties: PropertyValues, reservedNames: readonly string[], recordType: string): PropertyValues => {
  const reserved = Object.keys(properties).find((name) => reservedNames.includes(name));
  if (reserved !== undefined) {
    throw ruleViolated('reserved-property-name', `${reserved} is a built-in ${recordType} field, not a custom property`, {
      property: reserved,
    });
  }
  return properties;
};

export const withoutNullValues = (properties: PropertyValues): PropertyValues =>
  Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null));

/** The requested values that differ from the current ones (absent counts as null). */
export const propertyChanges = (current: PropertyValues, requested: PropertyValues): readonly PropertyChange[] =>
  Object.entries(requested).flatMap(([property, value]) => {
    const previous = current[property] ?? null;
    return value === previous ? [] : [{ property, previous, value }];
  });

/** The values after `changes`; a property set to null is dropped. */
export const withPropertyChanges = (current: PropertyValues, changes: readonly PropertyChange[]): PropertyValues =>
  changes.reduce<PropertyValues>((properties, { property, value }) => {
    const { [property]: _cleared, ...kept } = properties;
    return value === null ? kept : { ...kept, [property]: value };
  }, current);
