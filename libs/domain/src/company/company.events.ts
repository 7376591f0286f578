// Company events. Names and shapes are permanent once stored.
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema, dataSchema, idSchema as id, textSchema as text, optionalTextSchema as optionalText, fieldChangeSchema, type FieldChange } from '../shared/index.js';

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

export type CompanyCreated = DomainEvent<'CompanyCreated', Readonly<{ companyId: string } & CompanyProfile>>;
export type CompanyUpdated = DomainEvent<'CompanyUpdated', Readonly<{ companyId: string; changes: readonly CompanyFieldChange[] }>>;

export type CompanyEvent = CompanyCreated | CompanyUpdated;

const employees: JsonSchema = { type: ['integer', 'null'], minimum: 0 };

const fieldChange = (field: CompanyField, value: JsonSchema): JsonSchema => fieldChangeSchema(field, value);

export const companyEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'CompanyCreated',
    schemaVersion: 1,
    description: 'A company was added; domain is normalized.',
    schema: dataSchema({ companyId: id, name: text, domain: optionalText, industry: optionalText, employees, country: optionalText }),
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
];
