import { DeciderSpecification } from '../shared/decider-specification.js';
import { fold } from '../shared/index.js';
import {
  companyDecider,
  normalizeDomain,
  requireActiveCompany,
  type CompanyCommand,
  type CompanyCreated,
  type CompanyEvent,
  type CreateCompany,
  type UpdateCompany,
} from './index.js';

const metadata = { now: '2024-05-01T10:00:00.000Z' };
const given = DeciderSpecification.for(companyDecider);

const createAcme: CreateCompany = {
  type: 'CreateCompany',
  data: { companyId: 'co1', name: ' Acme ', domain: 'https://www.Acme.com/about?ref=x', industry: 'Manufacturing', employees: 250 },
  metadata,
};
const acmeCreated: CompanyCreated = {
  type: 'CompanyCreated',
  data: { companyId: 'co1', name: 'Acme', domain: 'acme.com', industry: 'Manufacturing', employees: 250, country: null, properties: {} },
};
const update = (changes: UpdateCompany['data']['changes']): UpdateCompany => ({
  type: 'UpdateCompany',
  data: { companyId: 'co1', changes },
  metadata,
});
const withData = (data: Partial<CreateCompany['data']>): CreateCompany => ({ ...createAcme, data: { ...createAcme.data, ...data } });

describe('company decider', () => {
  describe('CreateCompany', () => {
    it('creates the company with a normalized domain', () => {
      given([]).when(createAcme).then([acmeCreated]);
    });

    it('records unknown optional fields as null', () => {
      given([])
        .when({ ...createAcme, data: { companyId: 'co1', name: 'Acme', domain: ' ' } })
        .then([
          {
            type: 'CompanyCreated',
            data: { companyId: 'co1', name: 'Acme', domain: null, industry: null, employees: null, country: null, properties: {} },
          },
        ]);
    });

    it('accepts a company with no employees yet', () => {
      given([])
        .when(withData({ employees: 0 }))
        .then([{ ...acmeCreated, data: { ...acmeCreated.data, employees: 0 } }]);
    });

    it('records the custom properties with a value', () => {
      given([])
        .when(withData({ properties: { advertiserId: 'ADV-7', seats: 40, partner: true, tier: null } }))
        .then([{ ...acmeCreated, data: { ...acmeCreated.data, properties: { advertiserId: 'ADV-7', seats: 40, partner: true } } }]);
    });

    it.each(['domain', 'companyId', 'ownerId'])('rejects a custom property named like the built-in field %s', (name) => {
      given([]).when(withData({ properties: { [name]: 'x' } })).thenThrows('RULE_VIOLATED', 'reserved-property-name');
    });

    it('rejects a second create of the same company', () => {
      given([acmeCreated]).when(createAcme).thenThrows('ALREADY_EXISTS');
    });

    it('rejects a blank name', () => {
      given([]).when(withData({ name: ' ' })).thenThrows('RULE_VIOLATED', 'name-required');
    });

    it.each(['acme', 'not a domain.com', 'acme..com', '\u0430cme.com', 'acme.c\u043em'])('rejects the domain %j', (domain) => {
      given([]).when(withData({ domain })).thenThrows('RULE_VIOLATED', 'invalid-domain');
    });

    it.each([-1, 2.5])('rejects %p employees', (employees) => {
      given([]).when(withData({ employees })).thenThrows('RULE_VIOLATED', 'invalid-employees');
    });
  });

  describe('UpdateCompany', () => {
    it('records the previous and new value of each changed field', () => {
      given([acmeCreated])
        .when(update({ name: 'Acme', domain: 'WWW.acme.io', employees: 300, country: 'DE' }))
        .then([
          {
            type: 'CompanyUpdated',
            data: {
              companyId: 'co1',
              changes: [
                { field: 'domain', previous: 'acme.com', value: 'acme.io' },
                { field: 'employees', previous: 250, value: 300 },
                { field: 'country', previous: null, value: 'DE' },
              ],
            },
          },
        ]);
    });

    it('clears optional fields', () => {
      given([acmeCreated])
        .when(update({ domain: null, industry: '' }))
        .then([
          {
            type: 'CompanyUpdated',
            data: {
              companyId: 'co1',
              changes: [
                { field: 'domain', previous: 'acme.com', value: null },
                { field: 'industry', previous: 'Manufacturing', value: null },
              ],
            },
          },
        ]);
    });

    it('compares with the latest profile', () => {
      given([acmeCreated, { type: 'CompanyUpdated', data: { companyId: 'co1', changes: [{ field: 'employees', previous: 250, value: 300 }] } }])
        .when(update({ employees: 300 }))
        .then([]);
    });

    it('records nothing when no value changes', () => {
      given([acmeCreated]).when(update({ name: 'Acme ', domain: 'http://acme.com/' })).then([]);
    });

    it('rejects updating an unknown company', () => {
      given([]).when(update({ name: 'Acme' })).thenThrows('NOT_FOUND');
    });

    it.each([
      ['clearing the name', { name: '' }, 'name-required'],
      ['an invalid domain', { domain: 'localhost' }, 'invalid-domain'],
      ['an invalid employee count', { employees: -5 }, 'invalid-employees'],
    ] as const)('rejects %s', (_case, changes, rule) => {
      given([acmeCreated]).when(update(changes)).thenThrows('RULE_VIOLATED', rule);
    });
  });
});

describe('company decider: custom properties', () => {
  const change = (properties: Readonly<Record<string, string | number | boolean | null>>): CompanyCommand => ({
    type: 'ChangeCompanyProperties',
    data: { companyId: 'co1', properties },
    metadata,
  });
  const withProperties: CompanyCreated = { ...acmeCreated, data: { ...acmeCreated.data, properties: { advertiserId: 'ADV-7', seats: 40 } } };

  it('records only the values that changed, each with the one before it', () => {
    given([withProperties])
      .when(change({ advertiserId: 'ADV-8', seats: 40, partner: true, tier: null }))
      .then([
        {
          type: 'CompanyPropertiesChanged',
          data: {
            companyId: 'co1',
            changes: [
              { property: 'advertiserId', previous: 'ADV-7', value: 'ADV-8' },
              { property: 'partner', previous: null, value: true },
            ],
          },
        },
      ]);
  });

  it('clears a value with null and knows it is gone afterwards', () => {
    const cleared: CompanyEvent = { type: 'CompanyPropertiesChanged', data: { companyId: 'co1', changes: [{ property: 'seats', previous: 40, value: null }] } };
    given([withProperties]).when(change({ seats: null })).then([cleared]);
    given([withProperties, cleared]).when(change({ seats: null })).then([]);
    given([withProperties, cleared])
      .when(change({ seats: 41 }))
      .then([{ type: 'CompanyPropertiesChanged', data: { companyId: 'co1', changes: [{ property: 'seats', previous: null, value: 41 }] } }]);
  });

  it('records nothing when no value changed', () => {
    given([withProperties]).when(change({ advertiserId: 'ADV-7', tier: null })).then([]);
  });

  it('rejects a built-in field and an unknown company', () => {
    given([withProperties]).when(change({ name: 'Other' })).thenThrows('RULE_VIOLATED', 'reserved-property-name');
    given([]).when(change({ seats: 1 })).thenThrows('NOT_FOUND');
  });
});

describe('company decider: merges', () => {
  const globexCreated: CompanyCreated = { ...acmeCreated, data: { ...acmeCreated.data, companyId: 'co2', name: 'Globex', domain: 'globex.com' } };
  const mergeInto = (mergedInto: string, companyId = 'co2'): CompanyCommand => ({ type: 'MergeCompanyInto', data: { companyId, mergedInto }, metadata });
  const absorb = (mergedCompanyId: string, companyId = 'co1'): CompanyCommand => ({ type: 'AbsorbCompany', data: { companyId, mergedCompanyId }, metadata });
  const merged: CompanyEvent = { type: 'CompanyMerged', data: { companyId: 'co2', mergedInto: 'co1', domain: 'globex.com' } };
  const absorbed: CompanyEvent = { type: 'CompanyAbsorbed', data: { companyId: 'co1', mergedCompanyId: 'co2' } };
  const setSeats = (companyId: string): CompanyCommand => ({ type: 'ChangeCompanyProperties', data: { companyId, properties: { seats: 1 } }, metadata });

  it("tombstones the duplicate, pointing at the survivor and carrying the duplicate's domain", () => {
    given([globexCreated]).when(mergeInto('co1')).then([merged]);
  });

  it('records on the survivor that it took over the duplicate', () => {
    given([acmeCreated]).when(absorb('co2')).then([absorbed]);
  });

  it('absorbs the same duplicate once: a retried merge records nothing', () => {
    given([acmeCreated, absorbed]).when(absorb('co2')).then([]);
  });

  it('refuses to merge a company into itself, on either side', () => {
    given([globexCreated]).when(mergeInto('co2')).thenThrows('RULE_VIOLATED', 'merge-into-self');
    given([acmeCreated]).when(absorb('co1')).thenThrows('RULE_VIOLATED', 'merge-into-self');
  });

  it('refuses an unknown duplicate or survivor', () => {
    given([]).when(mergeInto('co1')).thenThrows('NOT_FOUND');
    given([]).when(absorb('co2')).thenThrows('NOT_FOUND');
  });

  it('refuses a duplicate merged already, or a survivor that was merged away', () => {
    given([globexCreated, merged]).when(mergeInto('co3')).thenThrows('RULE_VIOLATED', 'company-merged');
    given([globexCreated, merged]).when(absorb('co3', 'co2')).thenThrows('RULE_VIOLATED', 'company-merged');
  });

  it('takes no further command on a merged company', () => {
    given([globexCreated, merged])
      .when({ type: 'UpdateCompany', data: { companyId: 'co2', changes: { name: 'Globex 2' } }, metadata })
      .thenThrows('RULE_VIOLATED', 'company-merged');
    given([globexCreated, merged]).when(setSeats('co2')).thenThrows('RULE_VIOLATED', 'company-merged');
  });

  it('folds a merged company to its tombstone, and a survivor to the companies it absorbed', () => {
    expect(fold(companyDecider, [globexCreated, merged])).toEqual({ status: 'merged', companyId: 'co2', domain: 'globex.com', mergedInto: 'co1' });
    expect(requireActiveCompany(fold(companyDecider, [acmeCreated, absorbed]), 'co1').absorbedCompanyIds).toEqual(['co2']);
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['Acme.COM', 'acme.com'],
    ['https://www.acme.com/pricing', 'acme.com'],
    ['http://shop.acme.co.uk:8080/cart?x=1#top', 'shop.acme.co.uk'],
    ['  www.acme.com. ', 'acme.com'],
    ['acme.com?utm=1', 'acme.com'],
    ['ac\u200Bme.com', 'acme.com'],
    ['ac\u00ADme.com\uFEFF', 'acme.com'],
    ['cafe\u0301.fr', 'caf\u00E9.fr'],
  ])('%j -> %j', (input, normalized) => {
    expect(normalizeDomain(input)).toBe(normalized);
  });
});
