import { contactCreatedData } from '#test/support/events';
import { DeciderSpecification } from '../shared/decider-specification.js';
import { DEFAULT_MARKETING_POLICY } from '../marketing-policy/index.js';
import {
  contactDecider,
  routeEmailEvent,
  type ContactCommand,
  type ContactCreated,
  type ContactEvent,
  type CreateContact,
  type RecordEmailEvent,
} from './index.js';

const metadata = { now: '2024-05-01T10:00:00.000Z' };
const given = DeciderSpecification.for(contactDecider);

const createAda: CreateContact = {
  type: 'CreateContact',
  data: {
    contactId: 'c1',
    email: '  Ada@Example.COM ',
    firstName: 'Ada',
    lastName: 'Lovelace',
    companyId: 'co1',
    properties: { favouriteColour: 'green', seats: 5, gdprConsent: null },
    source: 'form',
    marketingPolicy: DEFAULT_MARKETING_POLICY,
  },
  metadata,
};
const adaCreated: ContactCreated = {
  type: 'ContactCreated',
  data: contactCreatedData('c1', {
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    companyId: 'co1',
    properties: { favouriteColour: 'green', seats: 5 },
    lifecycleStage: 'subscriber',
  }),
};
const importedGrace: ContactCreated = {
  type: 'ContactCreated',
  data: {
    ...adaCreated.data,
    contactId: 'c2',
    email: 'grace@example.com',
    firstName: 'Grace',
    lastName: 'Hopper',
    companyId: null,
    properties: {},
    source: 'import',
    marketingStatus: 'non-marketing',
    lifecycleStage: 'lead',
  },
};
const adaMergedIntoC9: ContactEvent = { type: 'ContactMerged', data: { contactId: 'c1', mergedInto: 'c9', email: 'ada@example.com' } };

const adaErased: ContactEvent = {
  type: 'ContactErased',
  data: { contactId: 'c1', erasedBy: 'key-dpo', legalBasis: 'consent-withdrawn', reason: 'request #4711' },
};

const command = <T extends ContactCommand['type']>(type: T, data: Extract<ContactCommand, { type: T }>['data']): ContactCommand =>
  ({ type, data, metadata }) as ContactCommand;
const unsubscribed: RecordEmailEvent<'unsubscribed'> = {
  type: 'RecordEmailEvent',
  data: { contactId: 'c1', emailId: 'e1', kind: 'unsubscribed' },
  metadata,
};

describe('contact decider', () => {
  describe('CreateContact', () => {
    it('creates a form contact as a marketing subscriber with a normalized email, dropping empty properties', () => {
      given([]).when(createAda).then([adaCreated]);
    });

    it('creates contacts from other sources as leads with the status the policy gives their source', () => {
      given([])
        .when(
          command('CreateContact', {
            contactId: 'c2',
            email: 'grace@example.com',
            firstName: ' Grace ',
            lastName: 'Hopper',
            phone: ' ',
            source: 'import',
            marketingPolicy: DEFAULT_MARKETING_POLICY,
          }),
        )
        .then([importedGrace]);
    });

    it('follows a changed policy', () => {
      given([])
        .when(
          command('CreateContact', {
            contactId: 'c2',
            email: 'grace@example.com',
            firstName: 'Grace',
            lastName: 'Hopper',
            source: 'import',
            marketingPolicy: { ...DEFAULT_MARKETING_POLICY, import: 'marketing' },
          }),
        )
        .then([{ ...importedGrace, data: { ...importedGrace.data, marketingStatus: 'marketing' } }]);
    });

    it('rejects a second create of the same contact', () => {
      given([adaCreated]).when(createAda).thenThrows('ALREADY_EXISTS');
    });

    it('rejects a malformed email', () => {
      given([]).when({ ...createAda, data: { ...createAda.data, email: 'ada at example' } }).thenThrows('RULE_VIOLATED', 'invalid-email');
    });

    it('rejects a custom property named like a built-in field', () => {
      given([])
        .when({ ...createAda, data: { ...createAda.data, properties: { lifecycleStage: 'customer' } } })
        .thenThrows('RULE_VIOLATED', 'reserved-property-name');
    });
  });

  it.each([
    ['UpdateContact', { contactId: 'c1', changes: { firstName: 'Augusta' } }],
    ['ChangeLifecycleStage', { contactId: 'c1', stage: 'customer' }],
    ['ChangeMarketingStatus', { contactId: 'c1', status: 'non-marketing', reason: 'asked by phone' }],
    ['RecordEmailEvent', unsubscribed.data],
    ['AssignContactOwner', { contactId: 'c1', ownerId: 'o1' }],
    ['AssociateContactWithCompany', { contactId: 'c1', companyId: 'co2' }],
    ['DissociateContactFromCompany', { contactId: 'c1', companyId: 'co1' }],
    ['MergeContactInto', { contactId: 'c1', mergedInto: 'c9' }],
    ['AbsorbContact', { contactId: 'c1', mergedContactId: 'c3', mergedEmail: 'c3@example.com' }],
  ] as const)('%s: rejects an unknown contact and a merged one', (type, data) => {
    const attempt = { type, data, metadata } as ContactCommand;
    given([]).when(attempt).thenThrows('NOT_FOUND');
    given([adaCreated, adaMergedIntoC9]).when(attempt).thenThrows('RULE_VIOLATED', 'contact-merged');
    // Gone for good: an erased contact refuses every command with 410, whatever it was before.
    given([adaCreated, adaErased]).when(attempt).thenThrows('GONE');
    given([adaCreated, adaMergedIntoC9, adaErased]).when(attempt).thenThrows('GONE');
  });

  it('points a rejected command on a merged contact at the primary', () => {
    const state = [adaCreated, adaMergedIntoC9].reduce(contactDecider.evolve, contactDecider.initialState());
    expect(() => contactDecider.decide(command('ChangeLifecycleStage', { contactId: 'c1', stage: 'lead' }), state)).toThrow(
      expect.objectContaining({ details: { rule: 'contact-merged', mergedInto: 'c9' } }),
    );
  });

  describe('UpdateContact', () => {
    it('records only the fields and properties whose value changes, with their previous value', () => {
      given([adaCreated])
        .when(
          command('UpdateContact', {
            contactId: 'c1',
            changes: {
              email: 'Ada.King@Example.com',
              firstName: 'Ada',
              lastName: ' King ',
              jobTitle: 'Analyst',
              properties: { favouriteColour: 'green', seats: 7, gdprConsent: true },
            },
          }),
        )
        .then([
          {
            type: 'ContactPropertiesChanged',
            data: {
              contactId: 'c1',
              changes: [
                { property: 'email', previous: 'ada@example.com', value: 'ada.king@example.com' },
                { property: 'lastName', previous: 'Lovelace', value: 'King' },
                { property: 'jobTitle', previous: null, value: 'Analyst' },
                { property: 'seats', previous: 5, value: 7 },
                { property: 'gdprConsent', previous: null, value: true },
              ],
            },
          },
        ]);
    });

    it('clears a field with blank text and a property with null', () => {
      given([adaCreated])
        .when(command('UpdateContact', { contactId: 'c1', changes: { lastName: '', properties: { favouriteColour: null, unknown: null } } }))
        .then([
          {
            type: 'ContactPropertiesChanged',
            data: {
              contactId: 'c1',
              changes: [
                { property: 'lastName', previous: 'Lovelace', value: null },
                { property: 'favouriteColour', previous: 'green', value: null },
              ],
            },
          },
        ]);
    });

    it('compares with the values after earlier changes', () => {
      given([
        adaCreated,
        {
          type: 'ContactPropertiesChanged',
          data: {
            contactId: 'c1',
            changes: [
              { property: 'firstName', previous: 'Ada', value: 'Augusta' },
              { property: 'favouriteColour', previous: 'green', value: null },
            ],
          },
        },
      ])
        .when(command('UpdateContact', { contactId: 'c1', changes: { firstName: 'Augusta', properties: { favouriteColour: 'green' } } }))
        .then([
          {
            type: 'ContactPropertiesChanged',
            data: { contactId: 'c1', changes: [{ property: 'favouriteColour', previous: null, value: 'green' }] },
          },
        ]);
    });

    it('records nothing when nothing changes', () => {
      given([adaCreated])
        .when(command('UpdateContact', { contactId: 'c1', changes: { email: 'ADA@example.com', properties: { seats: 5 } } }))
        .then([]);
    });

    it('rejects a malformed email', () => {
      given([adaCreated]).when(command('UpdateContact', { contactId: 'c1', changes: { email: '' } })).thenThrows('RULE_VIOLATED', 'invalid-email');
    });

    it('rejects a custom property named like a built-in field', () => {
      given([adaCreated])
        .when(command('UpdateContact', { contactId: 'c1', changes: { properties: { ownerId: 'o2' } } }))
        .thenThrows('RULE_VIOLATED', 'reserved-property-name');
    });
  });

  describe('ChangeLifecycleStage', () => {
    it('moves the stage forward', () => {
      given([adaCreated])
        .when(command('ChangeLifecycleStage', { contactId: 'c1', stage: 'customer' }))
        .then([{ type: 'ContactLifecycleStageChanged', data: { contactId: 'c1', previous: 'subscriber', stage: 'customer' } }]);
    });

    it('moves the stage backwards when explicitly set', () => {
      given([adaCreated, { type: 'ContactLifecycleStageChanged', data: { contactId: 'c1', previous: 'subscriber', stage: 'customer' } }])
        .when(command('ChangeLifecycleStage', { contactId: 'c1', stage: 'lead' }))
        .then([{ type: 'ContactLifecycleStageChanged', data: { contactId: 'c1', previous: 'customer', stage: 'lead' } }]);
    });

    it('records nothing for the current stage', () => {
      given([adaCreated]).when(command('ChangeLifecycleStage', { contactId: 'c1', stage: 'subscriber' })).then([]);
    });
  });

  describe('ChangeMarketingStatus', () => {
    it('records the change with its reason', () => {
      given([importedGrace])
        .when(command('ChangeMarketingStatus', { contactId: 'c2', status: 'marketing', reason: ' opted in at the fair ' }))
        .then([
          {
            type: 'ContactMarketingStatusChanged',
            data: { contactId: 'c2', previous: 'non-marketing', status: 'marketing', reason: 'opted in at the fair' },
          },
        ]);
    });

    it('records nothing for the current status', () => {
      given([importedGrace]).when(command('ChangeMarketingStatus', { contactId: 'c2', status: 'non-marketing', reason: 'cleanup' })).then([]);
    });

    it('rejects a change without a reason', () => {
      given([importedGrace])
        .when(command('ChangeMarketingStatus', { contactId: 'c2', status: 'marketing', reason: '  ' }))
        .thenThrows('RULE_VIOLATED', 'reason-required');
    });
  });

  describe('RecordEmailEvent (unsubscribed)', () => {
    // The status follows from the default workflow "unsubscribed sets non-marketing", not from this command.
    it('records the unsubscribe and leaves the marketing status to the workflow', () => {
      given([adaCreated]).when(unsubscribed).then([{ type: 'MarketingEmailUnsubscribed', data: { contactId: 'c1', emailId: 'e1' } }]);
    });

    it('records the unsubscribe of a contact already non-marketing', () => {
      given([
        adaCreated,
        { type: 'ContactMarketingStatusChanged', data: { contactId: 'c1', previous: 'marketing', status: 'non-marketing', reason: 'asked' } },
      ])
        .when(unsubscribed)
        .then([{ type: 'MarketingEmailUnsubscribed', data: { contactId: 'c1', emailId: 'e1' } }]);
    });
  });

  // Automation names the contact's revision at its cause (causeRevision); a field decided again after it is left alone.
  describe('an automated change superseded since its cause', () => {
    const adaUnsubscribed: ContactEvent = { type: 'MarketingEmailUnsubscribed', data: { contactId: 'c1', emailId: 'e1' } }; // revision 1
    const optedInAgain: ContactEvent = {
      type: 'ContactMarketingStatusChanged',
      data: { contactId: 'c1', previous: 'marketing', status: 'marketing', reason: 'opted in again at the booth' },
    };
    const toNonMarketing = (causeRevision: number) =>
      command('ChangeMarketingStatus', { contactId: 'c1', status: 'non-marketing', reason: 'unsubscribed', causeRevision });

    it('sets the status when nothing decided it after the cause, and records the cause', () => {
      given([adaCreated, adaUnsubscribed])
        .when(toNonMarketing(1))
        .then([
          {
            type: 'ContactMarketingStatusChanged',
            data: { contactId: 'c1', previous: 'marketing', status: 'non-marketing', reason: 'unsubscribed', causeRevision: 1 },
          },
        ]);
    });

    it("refuses when a person decided the status after the cause, naming that person's event", () => {
      const nonMarketingByHand: ContactEvent = {
        type: 'ContactMarketingStatusChanged',
        data: { contactId: 'c1', previous: 'marketing', status: 'non-marketing', reason: 'asked by phone' },
      };
      const optIn: ContactEvent = { type: 'ContactMarketingStatusChanged', data: { ...optedInAgain.data, previous: 'non-marketing' } };
      const run = () => contactDecider.decide(toNonMarketing(1), [adaCreated, adaUnsubscribed, nonMarketingByHand, optIn].reduce(contactDecider.evolve, contactDecider.initialState()));
      expect(run).toThrow(expect.objectContaining({ code: 'RULE_VIOLATED', details: expect.objectContaining({ rule: 'superseded', field: 'marketingStatus', revision: 3, eventType: 'ContactMarketingStatusChanged', causeRevision: 1 }) }));
    });

    it('refuses when a later unsubscribe decided the status after an older cause', () => {
      given([adaCreated, adaUnsubscribed])
        .when(command('ChangeMarketingStatus', { contactId: 'c1', status: 'marketing', reason: 'consent on a form', causeRevision: 0 }))
        .thenThrows('RULE_VIOLATED', 'superseded');
    });

    it('refuses even when the value would not change: the later decision is why the action does nothing', () => {
      given([adaCreated, adaUnsubscribed, optedInAgain]).when(command('ChangeMarketingStatus', { contactId: 'c1', status: 'marketing', reason: 'x', causeRevision: 1 })).thenThrows('RULE_VIOLATED', 'superseded');
    });

    it('counts an automated decision as made at its cause: a late action with an older cause does not outrank a newer cause', () => {
      const lateAutomated: ContactEvent = {
        type: 'ContactMarketingStatusChanged',
        data: { contactId: 'c1', previous: 'marketing', status: 'non-marketing', reason: 'unsubscribed', causeRevision: 1 },
      };
      const profileEdit: ContactEvent = { type: 'ContactPropertiesChanged', data: { contactId: 'c1', changes: [{ property: 'jobTitle', previous: null, value: 'CTO' }] } };
      // Revisions: 0 created, 1 unsubscribed, 2 profile edit (the newer cause), 3 the late automated change caused at 1.
      given([adaCreated, adaUnsubscribed, profileEdit, lateAutomated])
        .when(command('ChangeMarketingStatus', { contactId: 'c1', status: 'marketing', reason: 'became a customer', causeRevision: 2 }))
        .then([
          {
            type: 'ContactMarketingStatusChanged',
            data: { contactId: 'c1', previous: 'non-marketing', status: 'marketing', reason: 'became a customer', causeRevision: 2 },
          },
        ]);
    });

    it('records a status set by a person after an unsubscribe even when it is the current one: the workflow must see it', () => {
      given([adaCreated, adaUnsubscribed])
        .when(command('ChangeMarketingStatus', { contactId: 'c1', status: 'marketing', reason: 'opted in again at the booth' }))
        .then([optedInAgain]);
    });

    it("records no same-status change for the unsubscribe's own workflow", () => {
      const nonMarketing: ContactEvent = {
        type: 'ContactMarketingStatusChanged',
        data: { contactId: 'c1', previous: 'marketing', status: 'non-marketing', reason: 'asked by phone' },
      };
      given([adaCreated, nonMarketing, adaUnsubscribed]).when(toNonMarketing(2)).then([]);
    });

    it('leaves a person without a cause revision unguarded', () => {
      given([adaCreated, adaUnsubscribed, optedInAgain])
        .when(command('ChangeMarketingStatus', { contactId: 'c1', status: 'non-marketing', reason: 'asked by phone' }))
        .then([{ type: 'ContactMarketingStatusChanged', data: { contactId: 'c1', previous: 'marketing', status: 'non-marketing', reason: 'asked by phone' } }]);
    });

    it('refuses a lifecycle stage set back by a person after the cause', () => {
      const setBack: ContactEvent = { type: 'ContactLifecycleStageChanged', data: { contactId: 'c1', previous: 'subscriber', stage: 'lead' } };
      given([adaCreated, setBack])
        .when(command('ChangeLifecycleStage', { contactId: 'c1', stage: 'marketing-qualified', causeRevision: 0 }))
        .thenThrows('RULE_VIOLATED', 'superseded');
      given([adaCreated, setBack])
        .when(command('ChangeLifecycleStage', { contactId: 'c1', stage: 'marketing-qualified', causeRevision: 1 }))
        .then([{ type: 'ContactLifecycleStageChanged', data: { contactId: 'c1', previous: 'lead', stage: 'marketing-qualified', causeRevision: 1 } }]);
    });

    it('refuses a property changed after the cause and sets one that was not', () => {
      const edited: ContactEvent = { type: 'ContactPropertiesChanged', data: { contactId: 'c1', changes: [{ property: 'jobTitle', previous: null, value: 'CTO' }] } };
      given([adaCreated, edited])
        .when(command('UpdateContact', { contactId: 'c1', changes: { jobTitle: 'Analyst' }, causeRevision: 0 }))
        .thenThrows('RULE_VIOLATED', 'superseded');
      given([adaCreated, edited])
        .when(command('UpdateContact', { contactId: 'c1', changes: { properties: { seats: 9 } }, causeRevision: 0 }))
        .then([{ type: 'ContactPropertiesChanged', data: { contactId: 'c1', changes: [{ property: 'seats', previous: 5, value: 9 }], causeRevision: 0 } }]);
    });

    it('counts a contact created after the cause as deciding every field', () => {
      given([adaCreated])
        .when(command('ChangeMarketingStatus', { contactId: 'c1', status: 'non-marketing', reason: 'x', causeRevision: -1 }))
        .thenThrows('RULE_VIOLATED', 'superseded');
    });
  });

  describe('routeEmailEvent', () => {
    it('sends unsubscribes to the contact stream and the other kinds to the activity stream', () => {
      const clicked: RecordEmailEvent = { ...unsubscribed, data: { ...unsubscribed.data, kind: 'clicked', url: 'https://x.test' } };
      expect(routeEmailEvent(unsubscribed)).toEqual({ stream: 'contact', command: unsubscribed });
      expect(routeEmailEvent(clicked)).toEqual({ stream: 'activity', command: clicked });
    });
  });

  describe('AssignContactOwner', () => {
    it('assigns an owner and records the previous one', () => {
      given([adaCreated])
        .when(command('AssignContactOwner', { contactId: 'c1', ownerId: 'o1' }))
        .then([{ type: 'ContactOwnerAssigned', data: { contactId: 'c1', previous: null, ownerId: 'o1' } }]);
    });

    it('unassigns', () => {
      given([adaCreated, { type: 'ContactOwnerAssigned', data: { contactId: 'c1', previous: null, ownerId: 'o1' } }])
        .when(command('AssignContactOwner', { contactId: 'c1', ownerId: null }))
        .then([{ type: 'ContactOwnerAssigned', data: { contactId: 'c1', previous: 'o1', ownerId: null } }]);
    });

    it('records nothing for the current owner', () => {
      given([adaCreated]).when(command('AssignContactOwner', { contactId: 'c1', ownerId: null })).then([]);
    });
  });

  describe('company association', () => {
    it('associates with a company, recording the one it replaces', () => {
      given([adaCreated])
        .when(command('AssociateContactWithCompany', { contactId: 'c1', companyId: 'co2' }))
        .then([{ type: 'ContactAssociatedWithCompany', data: { contactId: 'c1', companyId: 'co2', previousCompanyId: 'co1' } }]);
    });

    it('records nothing when already with that company', () => {
      given([adaCreated]).when(command('AssociateContactWithCompany', { contactId: 'c1', companyId: 'co1' })).then([]);
    });

    it('dissociates from its company', () => {
      given([adaCreated])
        .when(command('DissociateContactFromCompany', { contactId: 'c1', companyId: 'co1' }))
        .then([{ type: 'ContactDissociatedFromCompany', data: { contactId: 'c1', companyId: 'co1' } }]);
    });

    it('records nothing when dissociating from a company it is not with', () => {
      given([adaCreated, { type: 'ContactDissociatedFromCompany', data: { contactId: 'c1', companyId: 'co1' } }])
        .when(command('DissociateContactFromCompany', { contactId: 'c1', companyId: 'co1' }))
        .then([]);
    });
  });

  describe('merging', () => {
    it('turns the duplicate into a tombstone pointing at the primary', () => {
      given([adaCreated]).when(command('MergeContactInto', { contactId: 'c1', mergedInto: 'c9' })).then([adaMergedIntoC9]);
    });

    it('merges the duplicate with its latest email', () => {
      given([
        adaCreated,
        { type: 'ContactPropertiesChanged', data: { contactId: 'c1', changes: [{ property: 'email', previous: 'ada@example.com', value: 'ada@king.test' }] } },
      ])
        .when(command('MergeContactInto', { contactId: 'c1', mergedInto: 'c9' }))
        .then([{ type: 'ContactMerged', data: { contactId: 'c1', mergedInto: 'c9', email: 'ada@king.test' } }]);
    });

    it('rejects merging a contact into itself', () => {
      given([adaCreated]).when(command('MergeContactInto', { contactId: 'c1', mergedInto: 'c1' })).thenThrows('RULE_VIOLATED', 'merge-into-self');
    });

    it('lets the primary absorb the duplicate', () => {
      given([importedGrace])
        .when(command('AbsorbContact', { contactId: 'c2', mergedContactId: 'c1', mergedEmail: 'Ada@example.com' }))
        .then([{ type: 'ContactAbsorbed', data: { contactId: 'c2', mergedContactId: 'c1', mergedEmail: 'ada@example.com' } }]);
    });

    it('absorbs a duplicate only once', () => {
      given([importedGrace, { type: 'ContactAbsorbed', data: { contactId: 'c2', mergedContactId: 'c1', mergedEmail: 'ada@example.com' } }])
        .when(command('AbsorbContact', { contactId: 'c2', mergedContactId: 'c1', mergedEmail: 'ada@example.com' }))
        .then([]);
    });

    it('rejects a contact absorbing itself', () => {
      given([importedGrace])
        .when(command('AbsorbContact', { contactId: 'c2', mergedContactId: 'c2', mergedEmail: 'grace@example.com' }))
        .thenThrows('RULE_VIOLATED', 'merge-into-self');
    });

    it('rejects re-creating a merged contact', () => {
      given([adaCreated, adaMergedIntoC9]).when(createAda).thenThrows('ALREADY_EXISTS');
    });
  });

  describe('EraseContact', () => {
    const erase = (contactId = 'c1', reason = ' request #4711 ') =>
      command('EraseContact', { contactId, erasedBy: 'key-dpo', legalBasis: 'consent-withdrawn', reason });

    it('records the erasure with who, on which basis and why (trimmed), and nothing personal', () => {
      given([adaCreated]).when(erase()).then([adaErased]);
    });

    it('erases a merged tombstone too: its stream still holds the email', () => {
      given([adaCreated, adaMergedIntoC9]).when(erase()).then([adaErased]);
    });

    it('answers an unknown contact with not found', () => {
      given([]).when(erase()).thenThrows('NOT_FOUND');
    });

    it('refuses a second erasure as a conflict', () => {
      given([adaCreated, adaErased]).when(erase()).thenThrows('ALREADY_EXISTS');
    });

    it('needs a reason on record', () => {
      given([adaCreated]).when(erase('c1', '  ')).thenThrows('RULE_VIOLATED', 'reason-required');
    });

    it('refuses to re-create an erased contact under its id', () => {
      given([adaCreated, adaErased]).when(createAda).thenThrows('ALREADY_EXISTS');
    });

    it('keeps the audit record, and no profile, in the state', () => {
      expect([adaCreated, adaErased].reduce(contactDecider.evolve, contactDecider.initialState())).toEqual({
        status: 'erased',
        contactId: 'c1',
        erasedBy: 'key-dpo',
        legalBasis: 'consent-withdrawn',
        reason: 'request #4711',
      });
    });
  });
});
