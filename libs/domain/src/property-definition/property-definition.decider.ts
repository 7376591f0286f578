// Decides the custom properties of one object type. A name is unique per type while defined; its type never
// changes (values already written would change meaning), so a different type is a new property.
import { COMPANY_RESERVED_PROPERTY_NAMES } from '../company/company.events.js';
import { RESERVED_PROPERTY_NAMES } from '../contact/contact.events.js';
import { DEAL_RESERVED_PROPERTY_NAMES } from '../deal/deal.events.js';
import { alreadyExists, assertNever, changedFields, decideByType, identityText, notFound, ruleViolated, type Decider } from '../shared/index.js';
import { TICKET_RESERVED_PROPERTY_NAMES } from '../ticket/ticket.events.js';
import type {
  ChangePropertyDefinition,
  DefineProperty,
  PropertyDefinitionCommand,
  RemovePropertyDefinition,
} from './property-definition.commands.js';
import {
  OBJECT_TYPE_PLURALS,
  PROPERTY_NAME_PATTERN,
  PROPERTY_TYPES,
  type ObjectType,
  type PropertyDefinitionEvent,
  type PropertyOption,
  type PropertySettings,
  type PropertyType,
} from './property-definition.events.js';

export const MAX_PROPERTY_LABEL_LENGTH = 200;
export const MAX_PROPERTY_OPTIONS = 500;

/** The built-in fields of each type; a custom property may not take one of their names, in any case. */
export const BUILT_IN_FIELDS: Readonly<Record<ObjectType, readonly string[]>> = {
  contact: RESERVED_PROPERTY_NAMES,
  company: COMPANY_RESERVED_PROPERTY_NAMES,
  deal: DEAL_RESERVED_PROPERTY_NAMES,
  ticket: TICKET_RESERVED_PROPERTY_NAMES,
};
// Every object has a `constructor`: request bodies cannot carry a key by that name.
const RESERVED_EVERYWHERE = ['constructor'];

// Uniqueness is claimed per value; a yes/no or a choice among a few options cannot single a record out.
const UNIQUE_TYPES: readonly PropertyType[] = ['string', 'number'];

export type PropertyDefinition = Readonly<{ objectType: ObjectType; name: string; type: PropertyType; removed: boolean } & PropertySettings>;

/** Every property ever defined for the type, removed ones too (flagged), by name. */
export type PropertyDefinitionsState = Readonly<{ definitions: ReadonlyMap<string, PropertyDefinition> }>;

/** The definition of `name` unless it was never defined or was removed. */
export const definedProperty = (state: PropertyDefinitionsState, name: string): PropertyDefinition | undefined => {
  const definition = state.definitions.get(name);
  return definition === undefined || definition.removed ? undefined : definition;
};

const requireDefined = (state: PropertyDefinitionsState, objectType: ObjectType, name: string): PropertyDefinition => {
  const definition = definedProperty(state, name);
  if (definition === undefined) throw notFound(`property of ${OBJECT_TYPE_PLURALS[objectType]}`, name);
  return definition;
};

const checkedName = (objectType: ObjectType, name: string): string => {
  if (!PROPERTY_NAME_PATTERN.test(name)) {
    throw ruleViolated('invalid-property-name', `${name} is no property name: a lower-case letter, then up to 63 lower-case letters, digits or _`, {
      field: 'name',
    });
  }
  const builtIn = [...BUILT_IN_FIELDS[objectType], ...RESERVED_EVERYWHERE].find((field) => field.toLowerCase() === name);
  if (builtIn !== undefined) {
    throw ruleViolated('reserved-property-name', `${name} is the built-in ${objectType} field ${builtIn}, not a custom property`, {
      field: 'name',
    });
  }
  return name;
};

const checkedText = (text: unknown, field: string, what: string): string => {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '' || [...trimmed].length > MAX_PROPERTY_LABEL_LENGTH) {
    throw ruleViolated('invalid-text', `${what} must be 1 to ${MAX_PROPERTY_LABEL_LENGTH} characters`, { field });
  }
  return trimmed;
};

const checkedOptions = (type: PropertyType, options: readonly PropertyOption[]): readonly PropertyOption[] => {
  if (type !== 'enum') {
    if (options.length > 0) throw ruleViolated('options-for-enum-only', `a ${type} property has no options`, { field: 'options' });
    return [];
  }
  if (options.length === 0 || options.length > MAX_PROPERTY_OPTIONS) {
    throw ruleViolated('enum-options', `an enum property needs 1 to ${MAX_PROPERTY_OPTIONS} options`, { field: 'options' });
  }
  const checked = options.map((option, index) => ({
    value: checkedText(option.value, `options.${index}.value`, 'an option value'),
    label: checkedText(option.label, `options.${index}.label`, 'an option label'),
  }));
  // Values told apart only by case or invisible characters would look like one option twice.
  const seen = new Set<string>();
  for (const [index, { value }] of checked.entries()) {
    if (seen.has(identityText(value))) {
      throw ruleViolated('duplicate-option', `option value ${value} is listed twice`, { field: `options.${index}.value` });
    }
    seen.add(identityText(value));
  }
  return checked;
};

const checkedUnique = (type: PropertyType, unique: boolean): boolean => {
  if (unique && !UNIQUE_TYPES.includes(type)) {
    throw ruleViolated('unique-not-supported', `a ${type} property cannot be unique: only ${UNIQUE_TYPES.join(' and ')} properties can`, {
      field: 'unique',
    });
  }
  return unique;
};

const define = ({ data }: DefineProperty, state: PropertyDefinitionsState): readonly PropertyDefinitionEvent[] => {
  const name = checkedName(data.objectType, data.name);
  if (definedProperty(state, name) !== undefined) throw alreadyExists(`property ${name} of ${OBJECT_TYPE_PLURALS[data.objectType]}`, { name });
  if (!PROPERTY_TYPES.includes(data.type)) throw ruleViolated('invalid-property-type', `${String(data.type)} is no property type`, { field: 'type' });
  return [
    {
      type: 'PropertyDefined',
      data: {
        objectType: data.objectType,
        name,
        label: checkedText(data.label, 'label', 'a label'),
        type: data.type,
        options: checkedOptions(data.type, data.options ?? []),
        unique: checkedUnique(data.type, data.unique ?? false),
      },
    },
  ];
};

const SETTINGS: readonly (keyof PropertySettings)[] = ['label', 'options', 'unique'];

const change = ({ data }: ChangePropertyDefinition, state: PropertyDefinitionsState): readonly PropertyDefinitionEvent[] => {
  const definition = requireDefined(state, data.objectType, data.name);
  // Values written while the property was not unique were never claimed: duplicates among them cannot be found
  // from the claims, so uniqueness is decided once, when the property is defined.
  if (data.unique === true && !definition.unique) {
    throw ruleViolated('unique-after-definition', `${data.name} was defined without unique; define a new unique property instead`, {
      field: 'unique',
    });
  }
  const requested: Partial<PropertySettings> = {
    ...(data.label === undefined ? {} : { label: checkedText(data.label, 'label', 'a label') }),
    ...(data.options === undefined ? {} : { options: checkedOptions(definition.type, data.options) }),
    ...(data.unique === undefined ? {} : { unique: data.unique }),
  };
  // Options are compared by content: a list sent again unchanged is no change.
  const sameOptions = requested.options !== undefined && JSON.stringify(requested.options) === JSON.stringify(definition.options);
  const changes = changedFields(SETTINGS, definition, sameOptions ? { ...requested, options: undefined } : requested);
  return changes.length === 0 ? [] : [{ type: 'PropertyDefinitionChanged', data: { objectType: data.objectType, name: data.name, changes } }];
};

const remove = ({ data }: RemovePropertyDefinition, state: PropertyDefinitionsState): readonly PropertyDefinitionEvent[] => {
  requireDefined(state, data.objectType, data.name);
  return [{ type: 'PropertyDefinitionRemoved', data: { objectType: data.objectType, name: data.name } }];
};

const withDefinition = (state: PropertyDefinitionsState, name: string, update: (definition: PropertyDefinition) => PropertyDefinition): PropertyDefinitionsState => {
  const definition = state.definitions.get(name);
  if (definition === undefined) return state;
  return { definitions: new Map(state.definitions).set(name, update(definition)) };
};

export const propertyDefinitionDecider: Decider<PropertyDefinitionCommand, PropertyDefinitionEvent, PropertyDefinitionsState> = {
  decide: decideByType({ DefineProperty: define, ChangePropertyDefinition: change, RemovePropertyDefinition: remove }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'PropertyDefined':
        return { definitions: new Map(state.definitions).set(event.data.name, { ...event.data, removed: false }) };
      case 'PropertyDefinitionChanged':
        return withDefinition(state, event.data.name, (definition) =>
          event.data.changes.reduce<PropertyDefinition>((changed, { field, value }) => ({ ...changed, [field]: value }), definition),
        );
      case 'PropertyDefinitionRemoved':
        return withDefinition(state, event.data.name, (definition) => ({ ...definition, removed: true }));
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ definitions: new Map() }),
};
