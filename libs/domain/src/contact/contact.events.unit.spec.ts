// Stored shapes: each example is validated against its JSON Schema, and schema plus example are snapshotted so
// a change to what is stored shows up in review (and needs a new schemaVersion and an upcaster).
import type { EventDefinition } from '../shared/index.js';
import { eventSchemaAjv as ajv, specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import {
  contactActivityEventDefinitions,
  contactCreatedV1ToV2,
  contactEventDefinitions,
  formSubmittedV1ToV2,
  type ContactActivityEvent,
  type ContactEvent,
} from './index.js';

const contactExamples: StoredExamples<ContactEvent> = {
  ContactCreated: {
    contactId: 'c1',
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    phone: '+44 20 7946 0000',
    jobTitle: 'Analyst',
    country: 'GB',
    companyId: 'co1',
    ownerId: 'o1',
    properties: { favouriteColour: 'green', seats: 5, gdprConsent: true },
    source: 'form',
    marketingStatus: 'marketing',
    lifecycleStage: 'subscriber',
  },
  ContactPropertiesChanged: {
    contactId: 'c1',
    changes: [
      { property: 'email', previous: 'ada@example.com', value: 'ada@king.test' },
      { property: 'seats', previous: 5, value: null },
    ],
  },
  ContactLifecycleStageChanged: { contactId: 'c1', previous: 'subscriber', stage: 'customer' },
  ContactMarketingStatusChanged: { contactId: 'c1', previous: 'marketing', status: 'non-marketing', reason: 'unsubscribed' },
  MarketingEmailUnsubscribed: { contactId: 'c1', emailId: 'e1' },
  ContactOwnerAssigned: { contactId: 'c1', previous: null, ownerId: 'o1' },
  ContactAssociatedWithCompany: { contactId: 'c1', companyId: 'co2', previousCompanyId: 'co1' },
  ContactDissociatedFromCompany: { contactId: 'c1', companyId: 'co2' },
  ContactMerged: { contactId: 'c1', mergedInto: 'c9', email: 'ada@example.com' },
  ContactAbsorbed: { contactId: 'c9', mergedContactId: 'c1', mergedEmail: 'ada@example.com' },
  ContactErased: { contactId: 'c1', erasedBy: 'key-super-admin', legalBasis: 'consent-withdrawn', reason: 'ticket #4711: the person withdrew consent' },
};

const activityExamples: StoredExamples<ContactActivityEvent> = {
  PageViewed: { contactId: 'c1', url: 'https://tally.test/pricing', title: 'Pricing', referrer: null },
  FormSubmitted: {
    contactId: 'c1',
    formId: 'f1',
    fields: { email: 'ada@example.com', message: 'call me' },
    pageUrl: 'https://tally.test/demo?utm_source=ads&utm_campaign=q4',
    utm: { source: 'ads', medium: null, campaign: 'q4', term: null, content: null },
  },
  MarketingEmailDelivered: { contactId: 'c1', emailId: 'e1' },
  MarketingEmailOpened: { contactId: 'c1', emailId: 'e1' },
  MarketingEmailClicked: { contactId: 'c1', emailId: 'e1', url: 'https://tally.test/offer' },
  MarketingEmailBounced: { contactId: 'c1', emailId: 'e1' },
};

const definitionOf = (type: string): EventDefinition => {
  const definition = contactEventDefinitions.find((candidate) => candidate.type === type);
  if (definition === undefined) throw new Error(`no definition for ${type}`);
  return definition;
};

specifyStoredShapes('contact event catalog', contactEventDefinitions, contactExamples);
specifyStoredShapes('contact activity event catalog', contactActivityEventDefinitions, activityExamples);

describe('ContactCreated v1 -> v2 upcaster', () => {
  const { firstName: _firstName, lastName: _lastName, ...withoutNames } = contactExamples.ContactCreated;
  const storedV1 = (name: string | null) => ({ ...withoutNames, name });
  const validateV2 = ajv.compile(definitionOf('ContactCreated').schema);

  it('is the registered upcaster from version 1', () => {
    expect(definitionOf('ContactCreated').upcasters).toEqual([contactCreatedV1ToV2]);
    expect(contactCreatedV1ToV2.fromVersion).toBe(1);
  });

  it('splits the full name at the first space into a valid v2 shape', () => {
    const upcast = contactCreatedV1ToV2.upcast(storedV1('Ada Lovelace King'));
    expect(upcast).toEqual({ ...withoutNames, firstName: 'Ada', lastName: 'Lovelace King' });
    validateV2(upcast);
    expect(validateV2.errors ?? []).toEqual([]);
  });

  it.each([
    [' Ada ', 'Ada', null],
    ['Ada  Lovelace', 'Ada', 'Lovelace'],
    ['', null, null],
    [null, null, null],
  ])('upcasts the name %j to first name %j and last name %j', (name, firstName, lastName) => {
    const upcast = contactCreatedV1ToV2.upcast(storedV1(name));
    expect(upcast).toEqual({ ...withoutNames, firstName, lastName });
    expect(validateV2(upcast)).toBe(true);
  });
});

describe('FormSubmitted v1 -> v2 upcaster', () => {
  const definition = contactActivityEventDefinitions.find((candidate) => candidate.type === 'FormSubmitted')!;
  const validateV2 = ajv.compile(definition.schema);
  const storedV1 = { contactId: 'c1', formId: 'f1', fields: { email: 'ada@example.com' } };

  it('is the registered upcaster from version 1', () => {
    expect(definition.schemaVersion).toBe(2);
    expect(definition.upcasters).toEqual([formSubmittedV1ToV2]);
    expect(formSubmittedV1ToV2.fromVersion).toBe(1);
  });

  it('reads a v1 submission as made on an unknown page without UTM parameters', () => {
    const upcast = formSubmittedV1ToV2.upcast(storedV1);
    expect(upcast).toEqual({ ...storedV1, pageUrl: null, utm: { source: null, medium: null, campaign: null, term: null, content: null } });
    expect(validateV2(upcast)).toBe(true);
  });

  it('refuses a v2 utm without all five keys or a page URL that is no text', () => {
    expect(validateV2({ ...storedV1, pageUrl: null, utm: { source: 'ads' } })).toBe(false);
    expect(validateV2({ ...storedV1, pageUrl: 42, utm: formSubmittedV1ToV2.upcast(storedV1).utm })).toBe(false);
  });
});

// Additive and optional: what was stored before it (and every change a person makes) has none.
describe('causeRevision on an automated change', () => {
  it.each([
    ['ContactMarketingStatusChanged', contactExamples.ContactMarketingStatusChanged],
    ['ContactLifecycleStageChanged', contactExamples.ContactLifecycleStageChanged],
    ['ContactPropertiesChanged', contactExamples.ContactPropertiesChanged],
  ] as const)('%s is valid with and without one, never with a fraction', (type, example) => {
    const validate = ajv.compile(definitionOf(type).schema);
    expect(validate(example)).toBe(true);
    expect(validate({ ...example, causeRevision: 4 })).toBe(true);
    expect(validate({ ...example, causeRevision: -1 })).toBe(true);
    expect(validate({ ...example, causeRevision: 1.5 })).toBe(false);
  });
});
