import { contactCreatedData, dealCreatedData } from '#test/support/events';
import { CONTACT_LIST_EVENT_TYPES, reduceContactList, stored, type ContactListEvent, type ContactListRow } from './contact-list.projection.js';

type Timed = Readonly<{ event: ContactListEvent; occurredAt: string }>;
const at = (occurredAt: string, event: ContactListEvent): Timed => ({ event, occurredAt });
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T09:00:00.000Z`;

const reduce = (events: readonly Timed[], rows: readonly ContactListRow[] = []) => reduceContactList(new Map(rows.map((r) => [r.contactId, r])), events);

const created = (contactId: string, data: Parameters<typeof contactCreatedData>[1] = {}): ContactListEvent => ({
  type: 'ContactCreated',
  data: contactCreatedData(contactId, data),
});

const ada: ContactListRow = {
  contactId: 'ada',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  name: 'Ada Lovelace',
  phone: '+44 20 7946 0000',
  jobTitle: 'CTO',
  country: 'GB',
  ownerId: 'rep-1',
  lifecycleStage: 'lead',
  marketingStatus: 'marketing',
  source: 'form',
  companyId: 'acme',
  properties: { tier: 'gold' },
  createdAt: day(1),
  lastActivityAt: null,
  mergedInto: null,
};

describe('contact list projection', () => {
  it('lists a created contact with its display name at the business time of its creation', () => {
    const event = created('ada', {
      email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0000', jobTitle: 'CTO', country: 'GB',
      ownerId: 'rep-1', companyId: 'acme', properties: { tier: 'gold' },
    });
    expect(reduce([at('2026-01-01T10:00:00.000+01:00', event)])).toEqual([ada]);
  });

  it('names a contact without first or last name by its email', () => {
    expect(reduce([at(day(1), created('bob'))])[0].name).toBe('bob@example.com');
  });

  it('stores the keys it sorts and finds by: lower-cased NFC name, phone digits', () => {
    const row = stored({ ...ada, firstName: 'E\u0301MILE', lastName: null, name: 'E\u0301MILE' });
    expect(row.nameKey).toBe('émile');
    expect(row.phoneDigits).toBe('442079460000');
    expect(row.searchText).toBe('émile ada@example.com 442079460000');
  });

  it('changes built-in fields by name and custom properties, clearing on null', () => {
    const changed = reduce(
      [
        at(day(2), {
          type: 'ContactPropertiesChanged',
          data: {
            contactId: 'ada',
            changes: [
              { property: 'firstName', previous: 'Ada', value: 'Augusta' },
              { property: 'email', previous: 'ada@example.com', value: 'augusta@example.com' },
              { property: 'phone', previous: '+44 20 7946 0000', value: null },
              { property: 'tier', previous: 'gold', value: null },
              { property: 'seats', previous: null, value: 12 },
            ],
          },
        }),
      ],
      [ada],
    );
    expect(changed).toEqual([
      { ...ada, firstName: 'Augusta', name: 'Augusta Lovelace', email: 'augusta@example.com', phone: null, properties: { seats: 12 } },
    ]);
  });

  it('follows lifecycle stage, marketing status, owner and primary company', () => {
    const changed = reduce(
      [
        at(day(2), { type: 'ContactLifecycleStageChanged', data: { contactId: 'ada', previous: 'lead', stage: 'customer' } }),
        at(day(2), { type: 'ContactMarketingStatusChanged', data: { contactId: 'ada', previous: 'marketing', status: 'non-marketing', reason: 'asked' } }),
        at(day(2), { type: 'ContactOwnerAssigned', data: { contactId: 'ada', previous: 'rep-1', ownerId: null } }),
        at(day(2), { type: 'ContactAssociatedWithCompany', data: { contactId: 'ada', companyId: 'globex', previousCompanyId: 'acme' } }),
        // Leaving a company it is no longer with keeps the primary one.
        at(day(3), { type: 'ContactDissociatedFromCompany', data: { contactId: 'ada', companyId: 'acme' } }),
      ],
      [ada],
    );
    expect(changed).toEqual([{ ...ada, lifecycleStage: 'customer', marketingStatus: 'non-marketing', ownerId: null, companyId: 'globex' }]);
    expect(reduce([at(day(4), { type: 'ContactDissociatedFromCompany', data: { contactId: 'ada', companyId: 'acme' } })], [ada])).toEqual([
      { ...ada, companyId: null },
    ]);
  });

  it("takes the latest business time of the contact's own activity, never an earlier one", () => {
    const views = reduce(
      [
        at(day(5), { type: 'PageViewed', data: { contactId: 'ada', url: 'https://x.test/', title: null, referrer: null } }),
        at(day(3), { type: 'FormSubmitted', data: { contactId: 'ada', formId: 'f', fields: {} } }),
      ],
      [ada],
    );
    expect(views).toEqual([{ ...ada, lastActivityAt: day(5) }]);
    for (const event of [
      { type: 'MarketingEmailOpened', data: { contactId: 'ada', emailId: 'e' } },
      { type: 'MarketingEmailClicked', data: { contactId: 'ada', emailId: 'e', url: null } },
      { type: 'MarketingEmailUnsubscribed', data: { contactId: 'ada', emailId: 'e' } },
    ] as const) {
      expect(reduce([at(day(6), event)], views)).toEqual([{ ...ada, lastActivityAt: day(6) }]);
    }
    expect(reduce([at(day(4), { type: 'FormSubmitted', data: { contactId: 'ada', formId: 'f', fields: {} } })], views)).toEqual([]);
  });

  it('does not count deliveries and bounces, which the contact did not do', () => {
    expect(CONTACT_LIST_EVENT_TYPES).not.toContain('MarketingEmailDelivered');
    expect(CONTACT_LIST_EVENT_TYPES).not.toContain('MarketingEmailBounced');
  });

  it('counts engagements, deals and tickets naming the contact as its activity', () => {
    const bob = { ...ada, contactId: 'bob' };
    const engagement: ContactListEvent = {
      type: 'EngagementLogged',
      data: {
        engagementId: 'e1', kind: 'call', ownerId: 'rep-1', subject: null, body: null, durationMinutes: 5, outcome: null, dueAt: null, priority: null,
        contactIds: ['ada', 'bob'], companyIds: [], dealIds: [], ticketIds: [],
      },
    };
    expect(reduce([at(day(7), engagement)], [ada, bob])).toEqual([
      { ...ada, lastActivityAt: day(7) },
      { ...bob, lastActivityAt: day(7) },
    ]);
    const deal: ContactListEvent = { type: 'DealCreated', data: dealCreatedData('d1', { contactIds: ['ada'] }) };
    expect(reduce([at(day(8), deal)], [ada])).toEqual([{ ...ada, lastActivityAt: day(8) }]);
    expect(reduce([at(day(9), { type: 'DealContactAssociated', data: { dealId: 'd1', contactId: 'ada' } })], [ada])).toEqual([
      { ...ada, lastActivityAt: day(9) },
    ]);
    const ticket: ContactListEvent = {
      type: 'TicketCreated',
      data: { ticketId: 't1', subject: 'Help', pipelineId: 'p', stageId: 's', priority: 'low', ownerId: null, contactIds: ['ada'], companyIds: [], dealIds: [], properties: {} },
    };
    expect(reduce([at(day(10), ticket)], [ada])).toEqual([{ ...ada, lastActivityAt: day(10) }]);
    const associated = (type: 'deal' | 'company'): ContactListEvent => ({
      type: 'RecordsAssociated',
      data: { from: { type: 'contact', id: 'ada' }, to: { type, id: 'x' }, label: null },
    });
    expect(reduce([at(day(11), associated('deal'))], [ada])).toEqual([{ ...ada, lastActivityAt: day(11) }]);
    expect(reduce([at(day(11), associated('company'))], [ada])).toEqual([]);
  });

  it('marks a merged duplicate, which then takes no changes, and gives its survivor its later activity', () => {
    const dup = { ...ada, contactId: 'dup', lastActivityAt: day(20) };
    const changed = reduce(
      [
        at(day(21), { type: 'ContactMerged', data: { contactId: 'dup', mergedInto: 'ada', email: 'ada@example.com' } }),
        at(day(21), { type: 'ContactAbsorbed', data: { contactId: 'ada', mergedContactId: 'dup', mergedEmail: 'ada@example.com' } }),
        at(day(22), { type: 'ContactOwnerAssigned', data: { contactId: 'dup', previous: 'rep-1', ownerId: 'rep-2' } }),
        at(day(23), { type: 'PageViewed', data: { contactId: 'dup', url: 'https://x.test/', title: null, referrer: null } }),
      ],
      [ada, dup],
    );
    expect(changed).toEqual([
      { ...dup, mergedInto: 'ada' },
      { ...ada, lastActivityAt: day(20) },
    ]);
  });

  it('ignores events for a contact it never saw created, and a repeated creation', () => {
    expect(reduce([at(day(2), { type: 'ContactOwnerAssigned', data: { contactId: 'zed', previous: null, ownerId: 'rep' } })])).toEqual([]);
    expect(reduce([at(day(2), created('ada'))], [ada])).toEqual([]);
  });
});
