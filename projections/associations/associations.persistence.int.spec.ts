import { contactCreated, dealCreated, inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { associationsProjection } from './associations.persistence.js';

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const ref = (type: string, id: string) => ({ type, id });
const companyCreated = (companyId: string, occurredAt = day(1)): SpecEvent =>
  event('CompanyCreated', occurredAt, { companyId, name: companyId, domain: null, industry: null, employees: null, country: null, properties: {} });
const ticketCreated = (ticketId: string, occurredAt: string, links: Readonly<{ contactIds?: string[]; companyIds?: string[]; dealIds?: string[] }>): SpecEvent =>
  event('TicketCreated', occurredAt, {
    ticketId, subject: 'Printer on fire', pipelineId: 'support', stageId: 'new', priority: 'high', ownerId: null,
    contactIds: [], companyIds: [], dealIds: [], properties: {}, ...links,
  });
const associated = (from: ReturnType<typeof ref>, to: ReturnType<typeof ref>, label: string | null, occurredAt: string): SpecEvent =>
  event('RecordsAssociated', occurredAt, { from, to, label });
const dissociated = (from: ReturnType<typeof ref>, to: ReturnType<typeof ref>, label: string | null, occurredAt: string): SpecEvent =>
  event('RecordsDissociated', occurredAt, { from, to, label });
const merged = (contactId: string, mergedInto: string, occurredAt: string): SpecEvent => event('ContactMerged', occurredAt, { contactId, mergedInto, email: `${contactId}@example.com` });

const ROWS = `SELECT a_type, a_id, b_type, b_id, label, associated_at FROM record_associations ORDER BY a_type, a_id, b_type, b_id, label`;
const row = (a: string, b: string, label: string, at: string) => {
  const [aType, aId] = a.split(':');
  const [bType, bId] = b.split(':');
  return { a_type: aType, a_id: aId, b_type: bType, b_id: bId, label, associated_at: new Date(at) };
};

const COMPANIES = [...inStream('company-co1', companyCreated('co1')), ...inStream('company-co2', companyCreated('co2'))];

describe('associations persistence', () => {
  const spec = useProjectionSpec(associationsProjection);

  it('stores the associations records had before as rows, a primary company labelled primary', async () => {
    await spec
      .given([
        ...COMPANIES,
        ...inStream('contact-c1', contactCreated('c1', day(2), { companyId: 'co1' })),
        ...inStream('deal-d1', dealCreated('d1', day(3), { pipelineId: 'sales', stageId: 'lead', contactIds: ['c1'], companyId: 'co1', companyIds: ['co2'] })),
      ])
      .when(inStream('ticket-t1', ticketCreated('t1', day(4), { contactIds: ['c1'], companyIds: ['co2'], dealIds: ['d1'] })))
      .then(ROWS, [
        row('company:co1', 'deal:d1', 'primary', day(3)),
        row('company:co2', 'deal:d1', '', day(3)),
        row('company:co2', 'ticket:t1', '', day(4)),
        row('contact:c1', 'company:co1', 'primary', day(2)),
        row('contact:c1', 'deal:d1', '', day(3)),
        row('contact:c1', 'ticket:t1', '', day(4)),
        row('deal:d1', 'ticket:t1', '', day(4)),
      ]);
  });

  it('adds and removes labels, keeps the first time of each, and switches a primary company', async () => {
    await spec
      .given([...COMPANIES, ...inStream('contact-c1', contactCreated('c1', day(2), { companyId: 'co1' }))])
      .when([
        ...inStream('association-1', associated(ref('contact', 'c1'), ref('company', 'co2'), null, day(3)), associated(ref('contact', 'c1'), ref('company', 'co2'), 'Billing', day(4))),
        ...inStream('contact-c1', event('ContactAssociatedWithCompany', day(5), { contactId: 'c1', companyId: 'co2', previousCompanyId: 'co1' })),
        ...inStream('association-1', dissociated(ref('contact', 'c1'), ref('company', 'co2'), null, day(6))),
      ])
      .then(ROWS, [row('contact:c1', 'company:co2', 'Billing', day(4)), row('contact:c1', 'company:co2', 'primary', day(5))]);
  });

  it("moves a merged contact's rows to the survivor, and lands later changes naming it there", async () => {
    await spec
      .given([
        ...COMPANIES,
        ...inStream('contact-c1', contactCreated('c1', day(1))),
        ...inStream('contact-c2', contactCreated('c2', day(1), { companyId: 'co1' })),
        ...inStream('association-2', associated(ref('contact', 'c2'), ref('company', 'co2'), 'Former employee', day(2))),
      ])
      .when([
        ...inStream('contact-c2', merged('c2', 'c1', day(3))),
        ...inStream('deal-d1', dealCreated('d1', day(4), { pipelineId: 'sales', stageId: 'lead', contactIds: ['c2'] })),
      ])
      .then(ROWS, [
        row('contact:c1', 'company:co1', 'primary', day(1)),
        row('contact:c1', 'company:co2', 'Former employee', day(2)),
        row('contact:c1', 'deal:d1', '', day(4)),
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...COMPANIES, ...inStream('contact-c1', contactCreated('c1', day(1)))])
      .when(
        [
          ...inStream('association-1', associated(ref('contact', 'c1'), ref('company', 'co1'), 'Billing', day(2)), dissociated(ref('contact', 'c1'), ref('company', 'co1'), 'Billing', day(3))),
          ...inStream('association-1', associated(ref('contact', 'c1'), ref('company', 'co2'), null, day(4))),
          ...inStream('contact-c1', merged('c1', 'c9', day(5))),
        ],
        { times: 2 },
      )
      .then(ROWS, [row('contact:c9', 'company:co2', '', day(4))]);
  });

  it('knows every record created, and where a merged one went', async () => {
    await spec
      .given([...COMPANIES, ...inStream('contact-c1', contactCreated('c1', day(1))), ...inStream('contact-c2', contactCreated('c2', day(1)))])
      .when(inStream('contact-c2', merged('c2', 'c1', day(2))))
      .then(`SELECT object_type, record_id, merged_into FROM association_records ORDER BY object_type, record_id`, [
        { object_type: 'company', record_id: 'co1', merged_into: null },
        { object_type: 'company', record_id: 'co2', merged_into: null },
        { object_type: 'contact', record_id: 'c1', merged_into: null },
        { object_type: 'contact', record_id: 'c2', merged_into: 'c1' },
      ]);
  });
});

describe('associations rebuild', () => {
  const bed = useRebuildBed(associationsProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...COMPANIES,
      ...inStream('contact-c1', contactCreated('c1', day(1), { companyId: 'co1' })),
      ...inStream('contact-c2', contactCreated('c2', day(1))),
      ...inStream('contact-c3', contactCreated('c3', day(1), { companyId: 'co2' })),
      ...inStream('deal-d1', dealCreated('d1', day(2), { pipelineId: 'sales', stageId: 'lead', contactIds: ['c1', 'c2'], companyId: 'co1', companyIds: ['co2'] })),
      ...inStream('ticket-t1', ticketCreated('t1', day(3), { contactIds: ['c2', 'c3'], companyIds: ['co1'], dealIds: ['d1'] })),
      ...inStream('association-1', associated(ref('contact', 'c2'), ref('company', 'co2'), 'Billing', day(4))),
      ...inStream('association-1', associated(ref('contact', 'c2'), ref('company', 'co2'), null, day(4))),
      ...inStream('deal-d1', event('DealCompanyAssociated', day(5), { dealId: 'd1', companyId: 'co2', previousCompanyId: 'co1' })),
      ...inStream('contact-c3', merged('c3', 'c2', day(6))),
      ...inStream('deal-d1', event('DealContactAssociated', day(7), { dealId: 'd1', contactId: 'c3' })),
      ...inStream('contact-c2', merged('c2', 'c1', day(8))),
      ...inStream('association-2', dissociated(ref('contact', 'c1'), ref('ticket', 't1'), null, day(9))),
      ...inStream('company-co2', event('CompanyMerged', day(10), { companyId: 'co2', mergedInto: 'co1', domain: null })),
      ...inStream('contact-c1', event('ContactDissociatedFromCompany', day(11), { contactId: 'c1', companyId: 'co1' })),
    ];
    const { live, rebuilt } = await bed.compare(history, {
      record_associations: 'a_type, a_id, b_type, b_id, label',
      association_records: 'object_type, record_id',
    });
    // The merges and the primary switches, as the rows show them at the end.
    expect(live.record_associations.map((r) => [`${r.a_type}:${r.a_id}`, `${r.b_type}:${r.b_id}`, r.label, (r.associated_at as Date).toISOString()])).toEqual([
      ['company:co1', 'deal:d1', '', day(2)],
      ['company:co1', 'deal:d1', 'primary', day(5)],
      ['company:co1', 'ticket:t1', '', day(3)],
      ['contact:c1', 'company:co1', '', day(4)],
      ['contact:c1', 'company:co1', 'Billing', day(4)],
      ['contact:c1', 'deal:d1', '', day(2)],
      ['deal:d1', 'ticket:t1', '', day(3)],
    ]);
    expect(live.association_records).toHaveLength(7);
    expect(rebuilt).toEqual(live);
  });
});
