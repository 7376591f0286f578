import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { contactCreated, dealCreated, inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { contactListProjection } from './contact-list.persistence.js';

const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const viewed = (contactId: string, occurredAt: string) => event('PageViewed', occurredAt, { contactId, url: 'https://example.com/pricing', title: null, referrer: null });
const defined = (name: string, type: string, objectType = 'contact') =>
  event('PropertyDefined', day(1), { objectType, name, label: name, type, options: [], unique: false });

const ADA = contactCreated('ada', day(2), { firstName: 'Ada', lastName: 'Lovelace', phone: '+44 (20) 7946-0000', ownerId: 'rep', properties: { tier: 'gold' } });
const BOB = contactCreated('bob', day(3), { companyId: 'acme' });

const CONTACTS = `SELECT contact_id, name, name_key, phone_digits, owner_id, company_id, properties, created_at, last_activity_at, merged_into, search_text
                    FROM contact_list ORDER BY contact_id`;

describe('contact list persistence', () => {
  const spec = useProjectionSpec(contactListProjection);

  it('stores each contact with its sort and search keys, and the latest activity over an earlier batch', async () => {
    await spec
      .given([...inStream('contact-ada', ADA), ...inStream('contact-bob', BOB), ...inStream('activity-ada', viewed('ada', day(4)))])
      .when([
        ...inStream('activity-ada', viewed('ada', day(6)), viewed('ada', day(5))),
        ...inStream('deal-d1', dealCreated('d1', day(7), { pipelineId: 'sales', stageId: 'lead', contactIds: ['bob', 'nobody'] })),
        ...inStream('contact-ada', event('ContactPropertiesChanged', day(8), { contactId: 'ada', changes: [{ property: 'lastName', previous: 'Lovelace', value: 'King' }, { property: 'seats', previous: null, value: 3 }] })),
      ])
      .then(CONTACTS, [
        {
          contact_id: 'ada', name: 'Ada King', name_key: 'ada king', phone_digits: '442079460000', owner_id: 'rep', company_id: null,
          properties: { tier: 'gold', seats: 3 }, created_at: new Date(day(2)), last_activity_at: new Date(day(6)), merged_into: null,
          search_text: 'ada king ada@example.com 442079460000',
        },
        {
          contact_id: 'bob', name: 'bob@example.com', name_key: 'bob@example.com', phone_digits: null, owner_id: null, company_id: 'acme',
          properties: {}, created_at: new Date(day(3)), last_activity_at: new Date(day(7)), merged_into: null, search_text: 'bob@example.com bob@example.com',
        },
      ]);
  });

  it('keeps a merged duplicate, marked, and gives its survivor the later activity', async () => {
    await spec
      .given([...inStream('contact-ada', ADA), ...inStream('contact-bob', BOB), ...inStream('activity-bob', viewed('bob', day(9)))])
      .when([
        ...inStream('contact-bob', event('ContactMerged', day(10), { contactId: 'bob', mergedInto: 'ada', email: 'bob@example.com' })),
        ...inStream('contact-ada', event('ContactAbsorbed', day(10), { contactId: 'ada', mergedContactId: 'bob', mergedEmail: 'bob@example.com' })),
      ])
      .then(`SELECT contact_id, last_activity_at, merged_into FROM contact_list ORDER BY contact_id`, [
        { contact_id: 'ada', last_activity_at: new Date(day(9)), merged_into: null },
        { contact_id: 'bob', last_activity_at: new Date(day(9)), merged_into: 'ada' },
      ]);
  });

  it("keeps the contacts' property definitions, not the other object types'", async () => {
    await spec
      .given(inStream('property-definitions-contact', defined('tier', 'string'), defined('seats', 'number')))
      .when([
        ...inStream('property-definitions-company', defined('tier', 'enum', 'company')),
        ...inStream('property-definitions-contact', event('PropertyDefinitionRemoved', day(2), { objectType: 'contact', name: 'seats' })),
      ])
      .then(`SELECT name, type, removed FROM contact_list_properties ORDER BY name`, [
        { name: 'seats', type: 'number', removed: true },
        { name: 'tier', type: 'string', removed: false },
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given(inStream('contact-ada', ADA))
      .when([...inStream('activity-ada', viewed('ada', day(6))), ...inStream('contact-ada', event('ContactOwnerAssigned', day(7), { contactId: 'ada', previous: 'rep', ownerId: null }))], { times: 2 })
      .then(`SELECT contact_id, owner_id, last_activity_at FROM contact_list`, [{ contact_id: 'ada', owner_id: null, last_activity_at: new Date(day(6)) }]);
  });
});

describe('contact list rebuild', () => {
  const bed = useRebuildBed(contactListProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...inStream('property-definitions-contact', defined('tier', 'string')),
      ...inStream('contact-ada', ADA),
      ...inStream('contact-bob', BOB),
      ...inStream('activity-ada', viewed('ada', day(5))),
      ...inStream('contact-ada', event('ContactLifecycleStageChanged', day(6), { contactId: 'ada', previous: 'lead', stage: 'customer' })),
      ...inStream('activity-bob', viewed('bob', day(8))),
      ...inStream('contact-bob', event('ContactAssociatedWithCompany', day(9), { contactId: 'bob', companyId: 'globex', previousCompanyId: 'acme' })),
      ...inStream('contact-bob', event('ContactMerged', day(10), { contactId: 'bob', mergedInto: 'ada', email: 'bob@example.com' })),
      ...inStream('contact-ada', event('ContactAbsorbed', day(10), { contactId: 'ada', mergedContactId: 'bob', mergedEmail: 'bob@example.com' })),
      ...inStream('activity-ada', viewed('ada', day(7))),
    ];
    const { live, rebuilt } = await bed.compare(history, { contact_list: 'contact_id', contact_list_properties: 'name' });
    expect(live.contact_list).toHaveLength(2);
    expect(live.contact_list.find((row) => row.contact_id === 'ada')?.last_activity_at).toEqual(new Date(day(8)));
    expect(rebuilt).toEqual(live);
  });
});
