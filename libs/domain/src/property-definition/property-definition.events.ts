// Custom property definitions: one stream per object type, so names are decided unique per type with one append.
// Names and shapes are permanent once stored.
import {
  dataSchema,
  defineEvent,
  fieldChangeSchema,
  strictObject,
  textSchema as text,
  type DomainEvent,
  type EventDefinition,
  type FieldChange,
  type JsonSchema,
} from '../shared/index.js';

export const OBJECT_TYPES = ['contact', 'company', 'deal', 'ticket'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** The plural, as URLs and messages name a type. */
export const OBJECT_TYPE_PLURALS: Readonly<Record<ObjectType, string>> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  ticket: 'tickets',
};

export const propertyDefinitionStream = (objectType: ObjectType): string => `property-definitions-${objectType}`;

export const PROPERTY_TYPES = ['string', 'number', 'date', 'datetime', 'boolean', 'enum'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** Like an identifier, so a name is safe in a URL, a CSV header and a `property.<name>` filter. */
export const PROPERTY_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export type PropertyOption = Readonly<{ value: string; label: string }>;

/** What a definition's change may touch; the name and the type are fixed once defined. */
export type PropertySettings = Readonly<{ label: string; options: readonly PropertyOption[]; unique: boolean }>;
export type PropertySettingChange = FieldChange<PropertySettings>;

export type PropertyDefined = DomainEvent<
  'PropertyDefined',
  Readonly<{ objectType: ObjectType; name: string; type: PropertyType } & PropertySettings>
>;
export type PropertyDefinitionChanged = DomainEvent<
  'PropertyDefinitionChanged',
  Readonly<{ objectType: ObjectType; name: string; changes: readonly PropertySettingChange[] }>
>;
/** Values already written stay in the records' streams; writes naming the property are refused from here on. */
export type PropertyDefinitionRemoved = DomainEvent<'PropertyDefinitionRemoved', Readonly<{ objectType: ObjectType; name: string }>>;

export type PropertyDefinitionEvent = PropertyDefined | PropertyDefinitionChanged | PropertyDefinitionRemoved;

const objectType: JsonSchema = { enum: [...OBJECT_TYPES] };
const name: JsonSchema = { type: 'string', pattern: PROPERTY_NAME_PATTERN.source };
const options: JsonSchema = { type: 'array', items: strictObject({ value: text, label: text }) };
const unique: JsonSchema = { type: 'boolean' };

export const propertyDefinitionEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'PropertyDefined',
    schemaVersion: 1,
    description: 'A custom property was defined for an object type; options are the choices of an enum, else empty.',
    schema: dataSchema({ objectType, name, label: text, type: { enum: [...PROPERTY_TYPES] }, options, unique }),
  }),
  defineEvent({
    type: 'PropertyDefinitionChanged',
    schemaVersion: 1,
    description: "A property's label, options or uniqueness changed; only fields whose value changed are listed.",
    schema: dataSchema({
      objectType,
      name,
      changes: {
        type: 'array',
        minItems: 1,
        items: { oneOf: [fieldChangeSchema('label', text), fieldChangeSchema('options', options), fieldChangeSchema('unique', unique)] },
      },
    }),
  }),
  defineEvent({
    type: 'PropertyDefinitionRemoved',
    schemaVersion: 1,
    description: 'The property was removed; values written before stay in the log.',
    schema: dataSchema({ objectType, name }),
  }),
];
