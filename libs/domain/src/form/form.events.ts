// Forms: versioned definitions a visitor fills in on a page (hosted by Tally at /f/:id or embedded elsewhere).
// Each write stores the whole definition, so any version can be read back as it was. Names and shapes are permanent.
import { dataSchema, defineEvent, idSchema as id, MAX_URL_LENGTH, strictObject, type DomainEvent, type EventDefinition, type JsonSchema } from '../shared/index.js';

export const formStream = (formId: string): string => `form-${formId}`;

export const FORM_FIELD_TYPES = ['text', 'email', 'phone', 'number', 'textarea', 'select', 'checkbox', 'consent', 'hidden'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** The contact fields a form field may fill in; `property.<name>` names a custom contact property instead. */
export const FORM_CONTACT_FIELDS = ['email', 'firstName', 'lastName', 'phone', 'jobTitle', 'country'] as const;
export type FormContactField = (typeof FORM_CONTACT_FIELDS)[number];

/**
 * policy: a new contact's marketing status is the marketing policy's for forms (seed 002: universal for every form);
 * consent: a new contact is a marketing contact only when the policy says so and the consent box was ticked.
 */
export const FORM_CONSENT_POLICIES = ['policy', 'consent'] as const;
export type FormConsentPolicy = (typeof FORM_CONSENT_POLICIES)[number];

export type FormFieldValidation = Readonly<{
  /** Text types: the longest value accepted. */
  maxLength: number | null;
  /** Text types: a regular expression (JavaScript, unicode) the whole value must match. */
  pattern: string | null;
  /** select: the values offered. */
  options: readonly string[] | null;
}>;

export type FormField = Readonly<{
  name: string;
  type: FormFieldType;
  label: string;
  required: boolean;
  validation: FormFieldValidation;
  /** A contact field, `property.<name>`, or null: kept with the submission only. */
  mapsTo: string | null;
}>;

export type FormSettings = Readonly<{
  submitText: string;
  thankYouMessage: string;
  /** Where a browser goes after a submission (303); null shows the thank-you message. */
  redirectUrl: string | null;
  /** Origins (scheme://host[:port]) whose pages may post to the form from the browser (CORS). */
  allowedOrigins: readonly string[];
  consentPolicy: FormConsentPolicy;
}>;

export type FormDefinition = Readonly<{ name: string; fields: readonly FormField[]; settings: FormSettings }>;

export type FormCreated = DomainEvent<'FormCreated', Readonly<{ formId: string } & FormDefinition>>;
/** version: the definition's version after the change (FormCreated is version 1). */
export type FormUpdated = DomainEvent<'FormUpdated', Readonly<{ formId: string; version: number } & FormDefinition>>;

export type FormEvent = FormCreated | FormUpdated;

export const FORM_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,63}$';
export const MAX_FORM_FIELDS = 50;
export const MAX_FIELD_LENGTH = 10_000;
export const MAX_OPTIONS = 100;

const text = (maxLength: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

const fieldSchema: JsonSchema = strictObject({
  name: { type: 'string', pattern: FORM_NAME_PATTERN },
  type: { enum: [...FORM_FIELD_TYPES] },
  label: text(200),
  required: { type: 'boolean' },
  validation: strictObject({
    maxLength: nullable({ type: 'integer', minimum: 1, maximum: MAX_FIELD_LENGTH }),
    pattern: nullable(text(200)),
    options: nullable({ type: 'array', minItems: 1, maxItems: MAX_OPTIONS, items: text(200) }),
  }),
  mapsTo: nullable(text(200)),
});

const definitionSchema: Record<string, JsonSchema> = {
  name: text(200),
  fields: { type: 'array', minItems: 1, maxItems: MAX_FORM_FIELDS, items: fieldSchema },
  settings: strictObject({
    submitText: text(100),
    thankYouMessage: text(2000),
    redirectUrl: nullable(text(MAX_URL_LENGTH)),
    allowedOrigins: { type: 'array', maxItems: 50, items: text(300) },
    consentPolicy: { enum: [...FORM_CONSENT_POLICIES] },
  }),
};

export const formEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'FormCreated',
    schemaVersion: 1,
    description: 'A form was defined (version 1): its fields with type, label, rules and contact mapping, and its settings.',
    schema: dataSchema({ formId: id, ...definitionSchema }),
  }),
  defineEvent({
    type: 'FormUpdated',
    schemaVersion: 1,
    description: "A form's definition changed; the event holds the whole new definition and its version.",
    schema: dataSchema({ formId: id, version: { type: 'integer', minimum: 2, maximum: 2_147_483_647 }, ...definitionSchema }),
  }),
];
