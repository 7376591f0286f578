// The marketing-contact policy: which contact sources count as marketing contacts (the ones HubSpot bills for).
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema } from '../shared/index.js';

// One settings stream for the whole account.
export const MARKETING_POLICY_STREAM = 'settings-marketing-policy';

export const CONTACT_SOURCES = [
  'form',
  'import',
  'integration',
  'conversation',
  'manual',
  'mobile',
  'email-logging',
  'meeting',
  'api',
] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

export const MARKETING_STATUSES = ['marketing', 'non-marketing'] as const;
export type MarketingStatus = (typeof MARKETING_STATUSES)[number];

export type MarketingPolicy = Readonly<Record<ContactSource, MarketingStatus>>;

export type MarketingPolicyChanged = DomainEvent<
  'MarketingPolicyChanged',
  Readonly<{ previous: MarketingPolicy; policy: MarketingPolicy; reason: string | null }>
>;

export type MarketingPolicyEvent = MarketingPolicyChanged;

export const marketingPolicySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...CONTACT_SOURCES],
  properties: Object.fromEntries(CONTACT_SOURCES.map((source) => [source, { enum: [...MARKETING_STATUSES] }])),
};

export const marketingPolicyEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'MarketingPolicyChanged',
    schemaVersion: 1,
    description: 'The marketing status new contacts get by source changed; previous and policy are complete policies.',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      required: ['previous', 'policy', 'reason'],
      properties: {
        previous: marketingPolicySchema,
        policy: marketingPolicySchema,
        reason: { type: ['string', 'null'], minLength: 1 },
      },
    },
  }),
];
