import { reduceCompanyList, stored, type CompanyListEvent, type CompanyListRow } from './company-list.projection.js';

type Timed = Readonly<{ event: CompanyListEvent; occurredAt: string }>;
const at = (occurredAt: string, event: CompanyListEvent): Timed => ({ event, occurredAt });
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T09:00:00.000Z`;

const reduce = (events: readonly Timed[], rows: readonly CompanyListRow[] = []) => reduceCompanyList(new Map(rows.map((r) => [r.companyId, r])), events);

const acme: CompanyListRow = {
  companyId: 'acme',
  name: 'Acme GmbH',
  domain: 'acme.com',
  industry: 'Software',
  employees: 120,
  country: 'DE',
  properties: { tier: 'gold' },
  createdAt: day(1),
  mergedInto: null,
};

const created: CompanyListEvent = {
  type: 'CompanyCreated',
  data: { companyId: 'acme', name: 'Acme GmbH', domain: 'acme.com', industry: 'Software', employees: 120, country: 'DE', properties: { tier: 'gold' } },
};

describe('company list projection', () => {
  it('lists a created company at the business time of its creation', () => {
    expect(reduce([at('2026-01-01T10:00:00.000+01:00', created)])).toEqual([acme]);
  });

  it('stores the keys it sorts, filters and finds by', () => {
    expect(stored({ ...acme, name: 'ÀCME  ', industry: 'SoftWare' })).toMatchObject({ nameKey: 'àcme', industryKey: 'software', searchText: 'àcme   acme.com' });
  });

  it('follows profile updates and custom property changes', () => {
    const changed = reduce(
      [
        at(day(2), {
          type: 'CompanyUpdated',
          data: { companyId: 'acme', changes: [{ field: 'name', previous: 'Acme GmbH', value: 'Acme AG' }, { field: 'employees', previous: 120, value: null }] },
        }),
        at(day(3), {
          type: 'CompanyPropertiesChanged',
          data: { companyId: 'acme', changes: [{ property: 'tier', previous: 'gold', value: null }, { property: 'seats', previous: null, value: 40 }] },
        }),
      ],
      [acme],
    );
    expect(changed).toEqual([{ ...acme, name: 'Acme AG', employees: null, properties: { seats: 40 } }]);
  });

  it('marks a merged duplicate, which then takes no changes', () => {
    const changed = reduce(
      [
        at(day(4), { type: 'CompanyMerged', data: { companyId: 'acme', mergedInto: 'globex', domain: 'acme.com' } }),
        at(day(5), { type: 'CompanyUpdated', data: { companyId: 'acme', changes: [{ field: 'country', previous: 'DE', value: 'FR' }] } }),
      ],
      [acme],
    );
    expect(changed).toEqual([{ ...acme, mergedInto: 'globex' }]);
  });

  it('ignores events for a company it never saw created, and a repeated creation', () => {
    expect(reduce([at(day(2), { type: 'CompanyMerged', data: { companyId: 'zed', mergedInto: 'acme', domain: null } })])).toEqual([]);
    expect(reduce([at(day(2), created)], [acme])).toEqual([]);
  });
});
