// Unique-value claims: one stream per normalized value, so any event store can refuse a duplicate contact email or
// company domain with an optimistic append. Names and shapes are permanent once stored.
import { createHash } from 'node:crypto';
import { assertNever, defineEvent, identityText, type DomainEvent, type EventDefinition, type JsonSchema, MAX_ID_LENGTH } from '../shared/index.js';
import { normalizeDomain } from '../company/company-domain.js';
import { normalizeEmail } from '../contact/email-address.js';

/** property-value: a unique custom property's value, spelled `<objectType>.<name>:<value>` (see propertyValueKey). */
export const UNIQUE_VALUE_KINDS = ['contact-email', 'company-domain', 'property-value'] as const;
export type UniqueValueKind = (typeof UNIQUE_VALUE_KINDS)[number];

export const normalizeUniqueValue = (kind: UniqueValueKind, value: string): string => {
  switch (kind) {
    case 'contact-email':
      return normalizeEmail(value);
    case 'company-domain':
      return normalizeDomain(value);
    case 'property-value':
      // An identifier typed as `ABC-1` and `abc-1 ` is one value to the people who look records up by it.
      return identityText(value);
    default:
      return assertNever(kind);
  }
};

/** What a unique custom property claims: one stream per type, property and value, so no two records share it. */
export const propertyValueKey = (objectType: string, name: string, value: string | number): string =>
  `${objectType}.${name}:${identityText(String(value))}`;

// Hashed so any value fits a stream name and the name does not expose the email address.
export const uniqueValueStream = (kind: UniqueValueKind, value: string): string =>
  `unique-${kind}-${createHash('sha256').update(normalizeUniqueValue(kind, value), 'utf8').digest('hex')}`;

/** ownerId: the record holding the value (a contact id for emails, a company id for domains). */
export type UniqueValueClaimed = DomainEvent<'UniqueValueClaimed', Readonly<{ kind: UniqueValueKind; value: string; ownerId: string }>>;
export type UniqueValueReleased = DomainEvent<'UniqueValueReleased', Readonly<{ kind: UniqueValueKind; value: string; ownerId: string }>>;

export type UniqueValueEvent = UniqueValueClaimed | UniqueValueReleased;

const claimSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'value', 'ownerId'],
  properties: {
    kind: { enum: [...UNIQUE_VALUE_KINDS] },
    value: { type: 'string', minLength: 1 },
    ownerId: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH },
  },
};

export const uniqueValueEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'UniqueValueClaimed',
    schemaVersion: 1,
    description: 'The record ownerId holds the normalized value; nobody else may claim it until released.',
    schema: claimSchema,
  }),
  defineEvent({
    type: 'UniqueValueReleased',
    schemaVersion: 1,
    description: 'The record ownerId gave up the value; it may be claimed again.',
    schema: claimSchema,
  }),
];
