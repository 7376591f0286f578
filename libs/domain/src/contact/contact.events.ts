// Contact events: profile, status and merges (low volume). Behaviour goes to the activity stream, see
// contact-activity.events.ts. Names and shapes are permanent once stored.
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema, type PropertyChange, type PropertyValue, type PropertyValues, type Upcaster, dataSchema, idSchema as id, optionalIdSchema as optionalId, propertiesSchema, propertyChangesSchema, textSchema as text, optionalTextSchema as optionalText } from '../shared/index.js';
import { CONTACT_SOURCES, MARKETING_STATUSES, type ContactSource, type MarketingStatus } from '../marketing-policy/index.js';

export const contactStream = (contactId: string): string => `contact-${contactId}`;

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketing-qualified',
  'sales-qualified',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The built-in fields UpdateContact changes; ContactPropertiesChanged names them like custom properties. */
export const CONTACT_PROFILE_FIELDS = ['email', 'firstName', 'lastName', 'phone', 'jobTitle', 'country'] as const;
export type ContactProfileField = (typeof CONTACT_PROFILE_FIELDS)[number];
export type ContactProfile = Readonly<{ email: string } & Record<Exclude<ContactProfileField, 'email'>, string | null>>;

// Custom property names may not shadow any built-in field: projections tell them apart by name.
export const RESERVED_PROPERTY_NAMES: readonly string[] = [
  ...CONTACT_PROFILE_FIELDS,
  'contactId',
  'companyId',
  'ownerId',
  'source',
  'marketingStatus',
  'lifecycleStage',
];

/**
 * The grounds for erasure of GDPR Art. 17(1), (a) to (f): no longer necessary for its purpose, consent withdrawn,
 * an objection to processing, unlawfully processed, erasure required by law, data of a child collected for an
 * information society service.
 */
export const ERASURE_LEGAL_BASES = [
  'no-longer-necessary',
  'consent-withdrawn',
  'objection',
  'unlawful-processing',
  'legal-obligation',
  'child-data',
] as const;
export type ErasureLegalBasis = (typeof ERASURE_LEGAL_BASES)[number];

export type ContactPropertyValue = PropertyValue;
/** Custom properties; an absent key and null both mean "no value". */
export type ContactProperties = PropertyValues;

export type ContactPropertyChange = PropertyChange;

export type ContactCreated = DomainEvent<
  'ContactCreated',
  Readonly<
    { contactId: string } & ContactProfile & {
        companyId: string | null;
        ownerId: string | null;
        /** Custom properties with a value (nulls are left out). */
        properties: ContactProperties;
        source: ContactSource;
        marketingStatus: MarketingStatus;
        lifecycleStage: LifecycleStage;
      }
  >
>;
/**
 * causeRevision: present only when automation decided the change (a workflow's action): the contact's stream revision
 * when its cause happened. The decision counts as made then, not when it was recorded, so a late action never
 * outranks what a person (or automation with a later cause) decided in between.
 */
export type CauseRevision = Readonly<{ causeRevision?: number }>;
export type ContactPropertiesChanged = DomainEvent<
  'ContactPropertiesChanged',
  Readonly<{ contactId: string; changes: readonly ContactPropertyChange[] } & CauseRevision>
>;
export type ContactLifecycleStageChanged = DomainEvent<
  'ContactLifecycleStageChanged',
  Readonly<{ contactId: string; previous: LifecycleStage; stage: LifecycleStage } & CauseRevision>
>;
export type ContactMarketingStatusChanged = DomainEvent<
  'ContactMarketingStatusChanged',
  Readonly<{ contactId: string; previous: MarketingStatus; status: MarketingStatus; reason: string } & CauseRevision>
>;
export type MarketingEmailUnsubscribed = DomainEvent<'MarketingEmailUnsubscribed', Readonly<{ contactId: string; emailId: string }>>;
export type ContactOwnerAssigned = DomainEvent<
  'ContactOwnerAssigned',
  Readonly<{ contactId: string; previous: string | null; ownerId: string | null }>
>;
export type ContactAssociatedWithCompany = DomainEvent<
  'ContactAssociatedWithCompany',
  Readonly<{ contactId: string; companyId: string; previousCompanyId: string | null }>
>;
export type ContactDissociatedFromCompany = DomainEvent<
  'ContactDissociatedFromCompany',
  Readonly<{ contactId: string; companyId: string }>
>;
/** On the duplicate's stream: it is now a tombstone pointing at the primary. */
export type ContactMerged = DomainEvent<'ContactMerged', Readonly<{ contactId: string; mergedInto: string; email: string }>>;
/** On the primary's stream: it took over the duplicate. */
export type ContactAbsorbed = DomainEvent<
  'ContactAbsorbed',
  Readonly<{ contactId: string; mergedContactId: string; mergedEmail: string }>
>;

/**
 * The person's data was erased on request (GDPR Art. 17). Holds no personal data: the audit record of who erased
 * whom, on which legal basis and why; when is the event's occurredAt. The stream takes no command after it.
 */
export type ContactErased = DomainEvent<
  'ContactErased',
  Readonly<{ contactId: string; erasedBy: string; legalBasis: ErasureLegalBasis; reason: string }>
>;

export type ContactEvent =
  | ContactCreated
  | ContactPropertiesChanged
  | ContactLifecycleStageChanged
  | ContactMarketingStatusChanged
  | MarketingEmailUnsubscribed
  | ContactOwnerAssigned
  | ContactAssociatedWithCompany
  | ContactDissociatedFromCompany
  | ContactMerged
  | ContactAbsorbed
  | ContactErased;

const splitFullName = (name: unknown): Readonly<{ firstName: string | null; lastName: string | null }> => {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  const space = trimmed.indexOf(' ');
  if (space === -1) return { firstName: trimmed === '' ? null : trimmed, lastName: null };
  return { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1).trim() };
};

/** ContactCreated v1 stored one full `name`; v2 splits it at the first space into firstName and lastName. */
export const contactCreatedV1ToV2: Upcaster = {
  fromVersion: 1,
  upcast: ({ name, ...data }) => ({ ...data, ...splitFullName(name) }),
};

const lifecycleStage: JsonSchema = { enum: [...LIFECYCLE_STAGES] };
const marketingStatus: JsonSchema = { enum: [...MARKETING_STATUSES] };
// Optional and additive: events stored before it, and every decision a person makes, have none.
const withCauseRevision = (schema: JsonSchema): JsonSchema => ({
  ...schema,
  properties: { ...(schema.properties as Record<string, JsonSchema>), causeRevision: { type: 'integer', minimum: -1 } },
});

export const contactEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'ContactCreated',
    schemaVersion: 2,
    description: 'A contact was added; email is normalized, marketingStatus comes from the marketing policy by source.',
    schema: dataSchema({
      contactId: id,
      email: text,
      firstName: optionalText,
      lastName: optionalText,
      phone: optionalText,
      jobTitle: optionalText,
      country: optionalText,
      companyId: optionalId,
      ownerId: optionalId,
      properties: propertiesSchema(RESERVED_PROPERTY_NAMES),
      source: { enum: [...CONTACT_SOURCES] },
      marketingStatus,
      lifecycleStage,
    }),
    upcasters: [contactCreatedV1ToV2],
  }),
  defineEvent({
    type: 'ContactPropertiesChanged',
    schemaVersion: 1,
    description: 'Built-in fields (by their name) or custom properties changed; only values that changed are listed; causeRevision when automation set them.',
    schema: withCauseRevision(
      dataSchema({
        contactId: id,
        // Built-in fields are listed by name too, so any name goes here.
        changes: propertyChangesSchema(text),
      }),
    ),
  }),
  defineEvent({
    type: 'ContactLifecycleStageChanged',
    schemaVersion: 1,
    description: 'The lifecycle stage was set, forwards or backwards; causeRevision when automation set it.',
    schema: withCauseRevision(dataSchema({ contactId: id, previous: lifecycleStage, stage: lifecycleStage })),
  }),
  defineEvent({
    type: 'ContactMarketingStatusChanged',
    schemaVersion: 1,
    description: 'The contact became a marketing or a non-marketing contact; causeRevision when automation set it.',
    schema: withCauseRevision(dataSchema({ contactId: id, previous: marketingStatus, status: marketingStatus, reason: text })),
  }),
  defineEvent({
    type: 'MarketingEmailUnsubscribed',
    schemaVersion: 1,
    description: 'The contact unsubscribed through a marketing email.',
    schema: dataSchema({ contactId: id, emailId: id }),
  }),
  defineEvent({
    type: 'ContactOwnerAssigned',
    schemaVersion: 1,
    description: 'The owning rep changed; ownerId null means unassigned.',
    schema: dataSchema({ contactId: id, previous: optionalId, ownerId: optionalId }),
  }),
  defineEvent({
    type: 'ContactAssociatedWithCompany',
    schemaVersion: 1,
    description: "The contact's company was set, replacing previousCompanyId.",
    schema: dataSchema({ contactId: id, companyId: id, previousCompanyId: optionalId }),
  }),
  defineEvent({
    type: 'ContactDissociatedFromCompany',
    schemaVersion: 1,
    description: 'The contact no longer belongs to the company.',
    schema: dataSchema({ contactId: id, companyId: id }),
  }),
  defineEvent({
    type: 'ContactMerged',
    schemaVersion: 1,
    description: 'The duplicate was merged into mergedInto; its stream is a tombstone from here on.',
    schema: dataSchema({ contactId: id, mergedInto: id, email: text }),
  }),
  defineEvent({
    type: 'ContactAbsorbed',
    schemaVersion: 1,
    description: 'The primary took over the merged duplicate.',
    schema: dataSchema({ contactId: id, mergedContactId: id, mergedEmail: text }),
  }),
  defineEvent({
    type: 'ContactErased',
    schemaVersion: 1,
    description:
      "The person's data was erased (GDPR Art. 17): their data key is destroyed, read models purge them, the stream takes no more commands. No personal data: erasedBy is the actor, reason the request's free text.",
    schema: dataSchema({ contactId: id, erasedBy: text, legalBasis: { enum: [...ERASURE_LEGAL_BASES] }, reason: text }),
  }),
];
