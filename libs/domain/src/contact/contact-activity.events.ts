// Contact behaviour: high volume, so it goes to its own stream and a busy contact does not slow contact commands.
// Names and shapes are permanent once stored.
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema, type Upcaster, dataSchema, MAX_URL_LENGTH, idSchema as id, optionalTextSchema as optionalText } from '../shared/index.js';

export const activityStream = (contactId: string): string => `activity-${contactId}`;

export type PageViewed = DomainEvent<
  'PageViewed',
  Readonly<{ contactId: string; url: string; title: string | null; referrer: string | null }>
>;
/** UTM parameters of the page a form was submitted on; each null when the URL did not carry it. */
export type SubmissionUtm = Readonly<{ source: string | null; medium: string | null; campaign: string | null; term: string | null; content: string | null }>;
/**
 * v2 added pageUrl and utm (null and all-null for v1 submissions, and for those recorded without a page). Tally
 * always writes both; they are optional because a v2 line imported or generated without them is still valid.
 */
export type FormSubmitted = DomainEvent<
  'FormSubmitted',
  Readonly<{ contactId: string; formId: string; fields: Readonly<Record<string, string>>; pageUrl?: string | null; utm?: SubmissionUtm }>
>;
export type MarketingEmailDelivered = DomainEvent<'MarketingEmailDelivered', Readonly<{ contactId: string; emailId: string }>>;
export type MarketingEmailOpened = DomainEvent<'MarketingEmailOpened', Readonly<{ contactId: string; emailId: string }>>;
/** url: the link clicked, null when the mail provider did not report it. */
export type MarketingEmailClicked = DomainEvent<
  'MarketingEmailClicked',
  Readonly<{ contactId: string; emailId: string; url: string | null }>
>;
export type MarketingEmailBounced = DomainEvent<'MarketingEmailBounced', Readonly<{ contactId: string; emailId: string }>>;

export type MarketingEmailActivityEvent = MarketingEmailDelivered | MarketingEmailOpened | MarketingEmailClicked | MarketingEmailBounced;
export type ContactActivityEvent = PageViewed | FormSubmitted | MarketingEmailActivityEvent;

// URLs are kept, never indexed (limits.ts): they may be longer than an id.
const url: JsonSchema = { type: 'string', minLength: 1, maxLength: MAX_URL_LENGTH };
const optionalUrl: JsonSchema = { type: ['string', 'null'], minLength: 1, maxLength: MAX_URL_LENGTH };
const utmValue: JsonSchema = { type: ['string', 'null'], minLength: 1, maxLength: 500 };

/** FormSubmitted v1 knew no page: v2 reads it as submitted on an unknown page, without UTM parameters. */
export const formSubmittedV1ToV2: Upcaster = {
  fromVersion: 1,
  upcast: (data) => ({ ...data, pageUrl: null, utm: { source: null, medium: null, campaign: null, term: null, content: null } }),
};

// pageUrl and utm are listed but not required: lines imported or recorded as v2 before the page was known read as null.
const formSubmittedSchema: JsonSchema = {
  ...dataSchema({
    contactId: id,
    formId: id,
    fields: { type: 'object', additionalProperties: { type: 'string' } },
    pageUrl: optionalUrl,
    utm: {
      type: 'object',
      additionalProperties: false,
      required: ['source', 'medium', 'campaign', 'term', 'content'],
      properties: { source: utmValue, medium: utmValue, campaign: utmValue, term: utmValue, content: utmValue },
    },
  }),
  required: ['contactId', 'formId', 'fields'],
};

export const contactActivityEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'PageViewed',
    schemaVersion: 1,
    description: 'The contact viewed a tracked page.',
    schema: dataSchema({ contactId: id, url, title: optionalText, referrer: optionalUrl }),
  }),
  defineEvent({
    type: 'FormSubmitted',
    schemaVersion: 2,
    description:
      'The contact submitted a form; fields are the submitted values by field name, pageUrl the page it was on (null: not known) and utm its utm_* parameters.',
    schema: formSubmittedSchema,
    upcasters: [formSubmittedV1ToV2],
  }),
  defineEvent({
    type: 'MarketingEmailDelivered',
    schemaVersion: 1,
    description: 'A marketing email reached the contact.',
    schema: dataSchema({ contactId: id, emailId: id }),
  }),
  defineEvent({
    type: 'MarketingEmailOpened',
    schemaVersion: 1,
    description: 'The contact opened a marketing email.',
    schema: dataSchema({ contactId: id, emailId: id }),
  }),
  defineEvent({
    type: 'MarketingEmailClicked',
    schemaVersion: 1,
    description: 'The contact clicked a link in a marketing email.',
    schema: dataSchema({ contactId: id, emailId: id, url: optionalUrl }),
  }),
  defineEvent({
    type: 'MarketingEmailBounced',
    schemaVersion: 1,
    description: 'A marketing email to the contact bounced.',
    schema: dataSchema({ contactId: id, emailId: id }),
  }),
];
