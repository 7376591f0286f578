import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { companyListProjection } from './company-list.persistence.js';

const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const created = (companyId: string, name: string, occurredAt: string, data: Readonly<Record<string, unknown>> = {}) =>
  event('CompanyCreated', occurredAt, { companyId, name, domain: `${companyId}.com`, industry: 'Software', employees: 10, country: 'DE', properties: {}, ...data });
const updated = (companyId: string, occurredAt: string, changes: readonly Readonly<Record<string, unknown>>[]) => event('CompanyUpdated', occurredAt, { companyId, changes });

const COMPANIES = `SELECT company_id, name, name_key, domain, industry, industry_key, employees, properties, created_at, merged_into, search_text
                     FROM company_list ORDER BY company_id`;

describe('company list persistence', () => {
  const spec = useProjectionSpec(companyListProjection);

  it('stores each company with its keys, and changes over an earlier batch', async () => {
    await spec
      .given([...inStream('company-acme', created('acme', 'Acme GmbH', day(2), { properties: { tier: 'gold' } })), ...inStream('company-bcorp', created('bcorp', 'บริษัท ไทย', day(3)))])
      .when([
        ...inStream('company-acme', updated('acme', day(4), [{ field: 'industry', previous: 'Software', value: 'Hardware' }, { field: 'employees', previous: 10, value: 1e20 }])),
        ...inStream('company-acme', event('CompanyPropertiesChanged', day(5), { companyId: 'acme', changes: [{ property: 'tier', previous: 'gold', value: 'silver' }] })),
      ])
      .then(COMPANIES, [
        {
          company_id: 'acme', name: 'Acme GmbH', name_key: 'acme gmbh', domain: 'acme.com', industry: 'Hardware', industry_key: 'hardware', employees: '100000000000000000000',
          properties: { tier: 'silver' }, created_at: new Date(day(2)), merged_into: null, search_text: 'acme gmbh acme.com',
        },
        {
          company_id: 'bcorp', name: 'บริษัท ไทย', name_key: 'บริษัท ไทย', domain: 'bcorp.com', industry: 'Software', industry_key: 'software', employees: '10',
          properties: {}, created_at: new Date(day(3)), merged_into: null, search_text: 'บริษัท ไทย bcorp.com',
        },
      ]);
  });

  it('keeps a merged duplicate, marked', async () => {
    await spec
      .given([...inStream('company-acme', created('acme', 'Acme', day(2))), ...inStream('company-dup', created('dup', 'Acme Inc', day(3)))])
      .when([
        ...inStream('company-dup', event('CompanyMerged', day(6), { companyId: 'dup', mergedInto: 'acme', domain: 'dup.com' })),
        ...inStream('company-acme', event('CompanyAbsorbed', day(6), { companyId: 'acme', mergedCompanyId: 'dup' })),
      ])
      .then(`SELECT company_id, merged_into FROM company_list ORDER BY company_id`, [
        { company_id: 'acme', merged_into: null },
        { company_id: 'dup', merged_into: 'acme' },
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given(inStream('company-acme', created('acme', 'Acme', day(2))))
      .when(inStream('company-acme', updated('acme', day(4), [{ field: 'name', previous: 'Acme', value: 'Acme AG' }])), { times: 2 })
      .then(`SELECT company_id, name FROM company_list`, [{ company_id: 'acme', name: 'Acme AG' }]);
  });
});

describe('company list rebuild', () => {
  const bed = useRebuildBed(companyListProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...inStream('property-definitions-company', event('PropertyDefined', day(1), { objectType: 'company', name: 'tier', label: 'Tier', type: 'string', options: [], unique: false })),
      ...inStream('company-acme', created('acme', 'Acme', day(2), { properties: { tier: 'gold' } })),
      ...inStream('company-dup', created('dup', 'Acme Inc', day(3))),
      ...inStream('company-acme', updated('acme', day(4), [{ field: 'domain', previous: 'acme.com', value: null }])),
      ...inStream('company-dup', event('CompanyMerged', day(6), { companyId: 'dup', mergedInto: 'acme', domain: 'dup.com' })),
      ...inStream('company-acme', event('CompanyPropertiesChanged', day(7), { companyId: 'acme', changes: [{ property: 'tier', previous: 'gold', value: null }] })),
    ];
    const { live, rebuilt } = await bed.compare(history, { company_list: 'company_id', company_list_properties: 'name' });
    expect(live.company_list).toHaveLength(2);
    expect(live.company_list_properties).toHaveLength(1);
    expect(rebuilt).toEqual(live);
  });
});
