// Decides behaviour events for `activity-<contactId>` from the contact's state (folded from `contact-<contactId>`).
// The activity stream keeps no state of its own: the handler appends with expectedRevision 'any'.
import { assertNever, decideByType, optionalText, ruleViolated } from '../shared/index.js';
import type { ContactActivityCommand, RecordFormSubmission, RecordPageView } from './contact-activity.commands.js';
import type { ContactActivityEvent, FormSubmitted, MarketingEmailActivityEvent, PageViewed } from './contact-activity.events.js';
import type { ActivityStreamEmailEventKind, RecordEmailEvent } from './contact.commands.js';
import { requireActiveContact, type ActiveContact, type ContactState } from './contact.decider.js';

export const decidePageView = ({ data }: RecordPageView, state: ContactState): readonly PageViewed[] => {
  requireActiveContact(state, data.contactId);
  return [
    {
      type: 'PageViewed',
      data: { contactId: data.contactId, url: data.url, title: optionalText(data.title), referrer: optionalText(data.referrer) },
    },
  ];
};

export const decideFormSubmission = ({ data }: RecordFormSubmission, state: ContactState): readonly FormSubmitted[] => {
  requireActiveContact(state, data.contactId);
  const utm = data.utm ?? { source: null, medium: null, campaign: null, term: null, content: null };
  return [{ type: 'FormSubmitted', data: { contactId: data.contactId, formId: data.formId, fields: data.fields, pageUrl: optionalText(data.pageUrl), utm } }];
};

/**
 * Why no marketing email may reach the contact, or null when it may. Non-marketing contacts are not billed as
 * marketing contacts, so no marketing email may reach them. An unsubscribe stops it at once, before its workflow
 * makes the contact non-marketing; only a later status decision lifts it.
 */
export const marketingEmailRefusal = (contact: Pick<ActiveContact, 'marketingStatus' | 'decisions'>): 'unsubscribed' | 'is not a marketing contact' | null => {
  if (contact.decisions.marketingStatus.type === 'MarketingEmailUnsubscribed') return 'unsubscribed';
  return contact.marketingStatus === 'marketing' ? null : 'is not a marketing contact';
};

export const decideEmailEvent = (
  { data }: RecordEmailEvent<ActivityStreamEmailEventKind>,
  state: ContactState,
): readonly MarketingEmailActivityEvent[] => {
  const contact = requireActiveContact(state, data.contactId);
  const refusal = marketingEmailRefusal(contact);
  if (refusal !== null) {
    throw ruleViolated('marketing-email-to-non-marketing-contact', `contact ${data.contactId} ${refusal}`, { emailId: data.emailId });
  }
  const { contactId, emailId } = data;
  switch (data.kind) {
    case 'delivered':
      return [{ type: 'MarketingEmailDelivered', data: { contactId, emailId } }];
    case 'opened':
      return [{ type: 'MarketingEmailOpened', data: { contactId, emailId } }];
    case 'clicked':
      return [{ type: 'MarketingEmailClicked', data: { contactId, emailId, url: optionalText(data.url) } }];
    case 'bounced':
      return [{ type: 'MarketingEmailBounced', data: { contactId, emailId } }];
    default:
      return assertNever(data.kind);
  }
};

export const decideContactActivity = decideByType<ContactActivityCommand, ContactState, ContactActivityEvent>({
  RecordPageView: decidePageView,
  RecordFormSubmission: decideFormSubmission,
  RecordEmailEvent: decideEmailEvent,
});
