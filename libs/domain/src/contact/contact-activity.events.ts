// Contact behaviour: high volume, so it goes to its own stream and a busy contact does not slow contact commands.
// Names and shapes are permanent once stored.
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema, dataSchema, MAX_URL_LENGTH, idSchema as id, optionalTextSchema as optionalText } from '../shared/index.js';

export const activityStream = (contactId: string): string => `activity-${contactId}`;

export type PageViewed = DomainEvent<
  'PageViewed',
  Readonly<{ contactId: string; url: string; title: string | null; referrer: string | null }>
>;
export type FormSubmitted = DomainEvent<
  'FormSubmitted',
  Readonly<{ contactId: string; formId: string; fields: Readonly<Record<string, string>> }>
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

export const contactActivityEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'PageViewed',
    schemaVersion: 1,
    description: 'The contact viewed a tracked page.',
    schema: dataSchema({ contactId: id, url, title: optionalText, referrer: optionalUrl }),
  }),
  defineEvent({
    type: 'FormSubmitted',
    schemaVersion: 1,
    description: 'The contact submitted a form; fields are the submitted values by field name.',
    schema: dataSchema({ contactId: id, formId: id, fields: { type: 'object', additionalProperties: { type: 'string' } } }),
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
