// Custom property values checked against the type's definitions before a record is written: every problem is named
// by its field (`properties.<name>`), so a client can fix all of them from one answer.
import { hasLoneSurrogate, isCalendarDate, isInstant, utcInstant, type PropertyValue, type PropertyValues } from '../shared/index.js';
import { definedProperty, type PropertyDefinition, type PropertyDefinitionsState } from './property-definition.decider.js';
import { OBJECT_TYPE_PLURALS, type ObjectType } from './property-definition.events.js';

/** The longest text value, in characters, as the records' other free-text fields allow. */
export const MAX_PROPERTY_TEXT_LENGTH = 10_000;

export type PropertyProblem = Readonly<{ field: string; reason: string }>;

const fieldOf = (name: string): string => `properties.${name}`;

// Why `value` does not fit `definition`, or null. null always fits: it clears the property.
const problemWith = (definition: PropertyDefinition, value: PropertyValue): string | null => {
  if (value === null) return null;
  switch (definition.type) {
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      if ([...value].length > MAX_PROPERTY_TEXT_LENGTH) return `must be at most ${MAX_PROPERTY_TEXT_LENGTH} characters`;
      // Neither has a spelling PostgreSQL stores: NUL, and half of a UTF-16 surrogate pair.
      if (value.includes('\u0000') || hasLoneSurrogate(value)) return 'must be text without NUL characters or lone surrogates';
      return null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a finite number';
    case 'date':
      return isCalendarDate(value) ? null : 'must be a calendar date YYYY-MM-DD that exists, from 1900-01-01 to 2199-12-31';
    case 'datetime':
      return isInstant(value) ? null : 'must be an RFC 3339 date-time with a zone (Z or ±hh:mm), from 1900 to 2200';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'enum':
      return definition.options.some((option) => option.value === value)
        ? null
        : `must be one of ${definition.options.map((option) => option.value).join(', ')}`;
    default:
      return `has an unknown type ${String(definition.type satisfies never)}`;
  }
};

/** Every value that is not defined for the type or does not fit its definition, named `properties.<name>`. */
export const validatePropertyValues = (
  objectType: ObjectType,
  definitions: PropertyDefinitionsState,
  values: PropertyValues,
): readonly PropertyProblem[] =>
  Object.entries(values).flatMap(([name, value]): PropertyProblem[] => {
    const definition = definedProperty(definitions, name);
    if (definition === undefined) return [{ field: fieldOf(name), reason: `property ${name} is not defined for ${OBJECT_TYPE_PLURALS[objectType]}` }];
    const reason = problemWith(definition, value);
    return reason === null ? [] : [{ field: fieldOf(name), reason }];
  });

/**
 * Valid values as stored: text trimmed (blank text is no value, so null), instants in UTC. Call after
 * validatePropertyValues found no problem.
 */
export const normalizedPropertyValues = (definitions: PropertyDefinitionsState, values: PropertyValues): PropertyValues =>
  Object.fromEntries(
    Object.entries(values).map(([name, value]) => {
      if (typeof value !== 'string') return [name, value];
      if (definedProperty(definitions, name)?.type === 'datetime') return [name, utcInstant(value)];
      const trimmed = value.trim();
      return [name, trimmed === '' ? null : trimmed];
    }),
  );
