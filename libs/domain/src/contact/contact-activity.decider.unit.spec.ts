// Activity is decided against the contact's state: given events of the contact stream, when an activity
// command, then events for the activity stream.
import { contactCreatedData } from '#test/support/events';
import { DomainError, fold } from '../shared/index.js';
import { DEFAULT_MARKETING_POLICY } from '../marketing-policy/index.js';
import {
  contactDecider,
  decideContactActivity,
  type ActivityStreamEmailEventKind,
  type ContactActivityCommand,
  type ContactCreated,
  type ContactEvent,
  type RecordEmailEvent,
} from './index.js';

const metadata = { now: '2024-05-01T10:00:00.000Z', occurredAt: '2024-04-30T08:00:00.000Z' };

const given = (events: readonly ContactEvent[]) => ({
  when: (command: ContactActivityCommand) => () => decideContactActivity(command, fold(contactDecider, events)),
});
const rejectionOf = (decide: () => unknown): Pick<DomainError, 'code' | 'details'> => {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a rejection, got events');
};

const adaCreated: ContactCreated = {
  type: 'ContactCreated',
  data: contactCreatedData('c1', {
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    marketingStatus: DEFAULT_MARKETING_POLICY.form,
    lifecycleStage: 'subscriber',
  }),
};
const adaNonMarketing: ContactEvent = {
  type: 'ContactMarketingStatusChanged',
  data: { contactId: 'c1', previous: 'marketing', status: 'non-marketing', reason: 'unsubscribed' },
};
const adaMerged: ContactEvent = { type: 'ContactMerged', data: { contactId: 'c1', mergedInto: 'c9', email: 'ada@example.com' } };

const pageView: ContactActivityCommand = {
  type: 'RecordPageView',
  data: { contactId: 'c1', url: 'https://tally.test/pricing', title: 'Pricing', referrer: ' ' },
  metadata,
};
const formSubmission: ContactActivityCommand = {
  type: 'RecordFormSubmission',
  data: { contactId: 'c1', formId: 'f1', fields: { email: 'ada@example.com', message: 'call me' } },
  metadata,
};
const emailEvent = (kind: ActivityStreamEmailEventKind, url?: string): RecordEmailEvent<ActivityStreamEmailEventKind> => ({
  type: 'RecordEmailEvent',
  data: url === undefined ? { contactId: 'c1', emailId: 'e1', kind } : { contactId: 'c1', emailId: 'e1', kind, url },
  metadata,
});

describe('contact activity', () => {
  it('records a page view', () => {
    expect(given([adaCreated]).when(pageView)()).toEqual([
      { type: 'PageViewed', data: { contactId: 'c1', url: 'https://tally.test/pricing', title: 'Pricing', referrer: null } },
    ]);
  });

  it('records a form submission, without a page or UTM parameters when none are given', () => {
    expect(given([adaCreated]).when(formSubmission)()).toEqual([
      {
        type: 'FormSubmitted',
        data: {
          contactId: 'c1',
          formId: 'f1',
          fields: { email: 'ada@example.com', message: 'call me' },
          pageUrl: null,
          utm: { source: null, medium: null, campaign: null, term: null, content: null },
        },
      },
    ]);
  });

  it('records the page and its UTM parameters with a form submission', () => {
    const utm = { source: 'ads', medium: 'cpc', campaign: null, term: null, content: null };
    const withPage = { ...formSubmission, data: { ...formSubmission.data, pageUrl: 'https://tally.test/?utm_source=ads&utm_medium=cpc', utm } };
    expect(given([adaCreated]).when(withPage)()).toEqual([
      { type: 'FormSubmitted', data: { ...formSubmission.data, pageUrl: 'https://tally.test/?utm_source=ads&utm_medium=cpc', utm } },
    ]);
  });

  it('records form submissions and page views of non-marketing contacts too', () => {
    expect(given([adaCreated, adaNonMarketing]).when(formSubmission)()).toHaveLength(1);
    expect(given([adaCreated, adaNonMarketing]).when(pageView)()).toHaveLength(1);
  });

  it.each([
    ['delivered', undefined, { type: 'MarketingEmailDelivered', data: { contactId: 'c1', emailId: 'e1' } }],
    ['opened', undefined, { type: 'MarketingEmailOpened', data: { contactId: 'c1', emailId: 'e1' } }],
    ['clicked', 'https://tally.test/offer', { type: 'MarketingEmailClicked', data: { contactId: 'c1', emailId: 'e1', url: 'https://tally.test/offer' } }],
    ['clicked', undefined, { type: 'MarketingEmailClicked', data: { contactId: 'c1', emailId: 'e1', url: null } }],
    ['bounced', undefined, { type: 'MarketingEmailBounced', data: { contactId: 'c1', emailId: 'e1' } }],
  ] as const)('records a marketing email %s event (url %p)', (kind, url, event) => {
    expect(given([adaCreated]).when(emailEvent(kind, url))()).toEqual([event]);
  });

  it.each(['delivered', 'opened', 'clicked', 'bounced'] as const)('rejects a marketing email %s event for a non-marketing contact', (kind) => {
    expect(rejectionOf(given([adaCreated, adaNonMarketing]).when(emailEvent(kind)))).toEqual({
      code: 'RULE_VIOLATED',
      details: { rule: 'marketing-email-to-non-marketing-contact', emailId: 'e1' },
    });
  });

  // The unsubscribe's workflow sets the status later; the unsubscribe alone already stops marketing email.
  it('rejects marketing email once the contact unsubscribed, before its status changes, until a later status decision', () => {
    const unsubscribed: ContactEvent = { type: 'MarketingEmailUnsubscribed', data: { contactId: 'c1', emailId: 'e0' } };
    const optedInAgain: ContactEvent = {
      type: 'ContactMarketingStatusChanged',
      data: { contactId: 'c1', previous: 'marketing', status: 'marketing', reason: 'opted in again at the booth' },
    };
    expect(rejectionOf(given([adaCreated, unsubscribed]).when(emailEvent('delivered')))).toEqual({
      code: 'RULE_VIOLATED',
      details: { rule: 'marketing-email-to-non-marketing-contact', emailId: 'e1' },
    });
    expect(given([adaCreated, unsubscribed, optedInAgain]).when(emailEvent('delivered'))()).toEqual([
      { type: 'MarketingEmailDelivered', data: { contactId: 'c1', emailId: 'e1' } },
    ]);
  });

  it.each([pageView, formSubmission, emailEvent('opened')])('$type: rejects an unknown contact', (command) => {
    expect(rejectionOf(given([]).when(command))).toEqual({ code: 'NOT_FOUND', details: { id: 'c1' } });
  });

  it.each([pageView, formSubmission, emailEvent('opened')])('$type: rejects a merged contact, naming the primary', (command) => {
    expect(rejectionOf(given([adaCreated, adaMerged]).when(command))).toEqual({
      code: 'RULE_VIOLATED',
      details: { rule: 'contact-merged', mergedInto: 'c9' },
    });
  });
});
