// Company events. Names and shapes are permanent once stored.
import {
  defineEvent,
  type DomainEvent,
  type EventDefinition,
  type JsonSchema,
  type PropertyChange,
  type PropertyValues,
  type Upcaster,
  customPropertyNameSchema,
  dataSchema,
  idSchema as id,
  propertiesSchema,
  propertyChangesSchema,
  textSchema as text,
  optionalTextSchema as optionalText,
  fieldChangeSchema,
  type FieldChange,
} from '../shared/index.js';

export const companyStream = (companyId: string): string => `company-${companyId}`;

export type CompanyProfile = Readonly<{
  name: string;
  /** Normalized: lower-case, no scheme, no `www.`, no path. */
  domain: string | null;
  industry: string | null;
  employees: number | null;
  country: string | null;
}>;
export type CompanyField = keyof CompanyProfile;

export type CompanyFieldChange = FieldChange<CompanyProfile>;

// Custom property names may not shadow a built-in field: readers tell them apart by name.
export const COMPANY_RESERVED_PROPERTY_NAMES: readonly string[] = ['companyId', 'name', 'domain', 'industry', 'employees', 'country', 'ownerId'];

export type CompanyCreated = DomainEvent<
  'CompanyCreated',
  Readonly<{ companyId: string } & CompanyProfile & { /** Custom properties with a value (nulls are left out). */ properties: PropertyValues }>
>;
export type CompanyUpdated = DomainEvent<'CompanyUpdated', Readonly<{ companyId: string; changes: readonly CompanyFieldChange[] }>>;
export type CompanyPropertiesChanged = DomainEvent<
  'CompanyPropertiesChanged',
  Readonly<{ companyId: string; changes: readonly PropertyChange[] }>
>;
/** On the duplicate's stream: it is now a tombstone pointing at the survivor; domain is the duplicate's. */
export type CompanyMerged = DomainEvent<'CompanyMerged', Readonly<{ companyId: string; mergedInto: string; domain: string | null }>>;
/** On the survivor's stream: it took over the duplicate. */
export type CompanyAbsorbed = DomainEvent<'CompanyAbsorbed', Readonly<{ companyId: string; mergedCompanyId: string }>>;

export type CompanyEvent = CompanyCreated | CompanyUpdated | CompanyPropertiesChanged | CompanyMerged | CompanyAbsorbed;

/** CompanyCreated v1 had no custom properties. */
export const companyCreatedV1ToV2: Upcaster = {
  fromVersion: 1,
  upcast: (data) => ({ ...data, properties: {} }),
};

const employees: JsonSchema = { type: ['integer', 'null'], minimum: 0 };

const fieldChange = (field: CompanyField, value: JsonSchema): JsonSchema => fieldChangeSchema(field, value);

export const companyEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'CompanyCreated',
    schemaVersion: 2,
    description: 'A company was added; domain is normalized.',
    schema: dataSchema({
      companyId: id,
      name: text,
      domain: optionalText,
      industry: optionalText,
      employees,
      country: optionalText,
      properties: propertiesSchema(COMPANY_RESERVED_PROPERTY_NAMES),
    }),
    upcasters: [companyCreatedV1ToV2],
  }),
  defineEvent({
    type: 'CompanyUpdated',
    schemaVersion: 1,
    description: "A company's profile changed; only fields whose value changed are listed.",
    schema: dataSchema({
      companyId: id,
      changes: {
        type: 'array',
        minItems: 1,
        items: {
          oneOf: [
            fieldChange('name', text),
            fieldChange('domain', optionalText),
            fieldChange('industry', optionalText),
            fieldChange('employees', employees),
            fieldChange('country', optionalText),
          ],
        },
      },
    }),
  }),
  defineEvent({
    type: 'CompanyPropertiesChanged',
    schemaVersion: 1,
    description: "A company's custom properties changed; only values that changed are listed (null: cleared).",
    schema: dataSchema({ companyId: id, changes: propertyChangesSchema(customPropertyNameSchema(COMPANY_RESERVED_PROPERTY_NAMES)) }),
  }),
  defineEvent({
    type: 'CompanyMerged',
    schemaVersion: 1,
    description: 'The duplicate was merged into mergedInto; its stream is a tombstone from here on.',
    schema: dataSchema({ companyId: id, mergedInto: id, domain: optionalText }),
  }),
  defineEvent({
    type: 'CompanyAbsorbed',
    schemaVersion: 1,
    description: 'The survivor took over the merged duplicate.',
    schema: dataSchema({ companyId: id, mergedCompanyId: id }),
  }),
];
