import { DeciderSpecification } from '../shared/decider-specification.js';
import { companyDecider, normalizeDomain, type CompanyCreated, type CreateCompany, type UpdateCompany } from './index.js';

const metadata = { now: '2024-05-01T10:00:00.000Z' };
const given = DeciderSpecification.for(companyDecider);

const createAcme: CreateCompany = {
  type: 'CreateCompany',
  data: { companyId: 'co1', name: ' Acme ', domain: 'https://www.Acme.com/about?ref=x', industry: 'Manufacturing', employees: 250 },
  metadata,
};
const acmeCreated: CompanyCreated = {
  type: 'CompanyCreated',
  data: { companyId: 'co1', name: 'Acme', domain: 'acme.com', industry: 'Manufacturing', employees: 250, country: null },
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
        .then([{ type: 'CompanyCreated', data: { companyId: 'co1', name: 'Acme', domain: null, industry: null, employees: null, country: null } }]);
    });

    it('accepts a company with no employees yet', () => {
      given([])
        .when(withData({ employees: 0 }))
        .then([{ ...acmeCreated, data: { ...acmeCreated.data, employees: 0 } }]);
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
