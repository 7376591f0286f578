import { openForSuite } from '#test/support/test-database';
import { contactCreated, inStream, openProjectionBed, useProjectionSpec, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';
import { searchProjection } from './search.persistence.js';

const at = '2026-01-10T09:00:00.000Z';
const event = (type: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data });
const contact = (id: string, data: Readonly<Record<string, unknown>> = {}): StreamEvent[] => inStream(`contact-${id}`, contactCreated(id, at, data));
const company = (id: string, name: string, domain: string | null = null): StreamEvent[] =>
  inStream(`company-${id}`, event('CompanyCreated', { companyId: id, name, domain, industry: null, employees: null, country: null, properties: {} }));
const merged = (id: string, into: string): StreamEvent[] => inStream(`company-${id}`, event('CompanyMerged', { companyId: id, mergedInto: into, domain: null }));

const RECORDS = `SELECT object_type, record_id, title, subtitle, email, email_key, domain, phone_digits, company_id, merged_into FROM search_records ORDER BY object_type, record_id`;

describe('search persistence', () => {
  const spec = useProjectionSpec(searchProjection);

  it('stores one row per record with what it is found and compared by', async () => {
    await spec
      .given([
        ...company('co1', 'Acme', 'acme.example'),
        ...contact('c1', { firstName: 'Jon', lastName: 'Smith', email: 'Jon.Smith+x@gmail.com', phone: '+44 20 7946 0000', companyId: 'co1' }),
      ])
      .then(RECORDS, [
        { object_type: 'company', record_id: 'co1', title: 'Acme', subtitle: 'acme.example', email: null, email_key: null, domain: 'acme.example', phone_digits: null, company_id: null, merged_into: null },
        { object_type: 'contact', record_id: 'c1', title: 'Jon Smith', subtitle: 'jon.smith+x@gmail.com', email: 'jon.smith+x@gmail.com', email_key: 'jonsmith@gmail.com', domain: 'gmail.com', phone_digits: '442079460000', company_id: 'co1', merged_into: null },
      ]);
  });

  it("moves the stored contacts of a merged company to the survivor, and marks the duplicate merged", async () => {
    await spec
      .given([...company('dup', 'Acme'), ...company('keep', 'Acme Inc'), ...contact('c1', { companyId: 'dup' }), ...contact('c2', { companyId: 'keep' })])
      .when(merged('dup', 'keep'))
      .then(`SELECT object_type, record_id, company_id, merged_into FROM search_records ORDER BY object_type, record_id`, [
        { object_type: 'company', record_id: 'dup', company_id: null, merged_into: 'keep' },
        { object_type: 'company', record_id: 'keep', company_id: null, merged_into: null },
        { object_type: 'contact', record_id: 'c1', company_id: 'keep', merged_into: null },
        { object_type: 'contact', record_id: 'c2', company_id: 'keep', merged_into: null },
      ]);
  });

  it('stores a record whose text has more trigrams than an index row holds (the typo index reads a bounded prefix)', async () => {
    const name = Array.from({ length: 6000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join(' ');
    await spec.given(company('long', name)).then(`SELECT record_id, length(search_text) > 8191 AS long FROM search_records`, [{ record_id: 'long', long: true }]);
  });

  it("keeps each record's words, and each Latin word once with the number of records holding it; a merged record holds none", async () => {
    const history = spec
      .given([
        ...company('co1', 'Acme Trading', 'acme.example'),
        ...company('co2', 'Acme', null),
        ...contact('c1', { firstName: 'Jon', lastName: 'Smith', email: 'jon@acme.example' }),
      ])
      .when([
        ...merged('co2', 'co1'),
        ...inStream('contact-c1', event('ContactPropertiesChanged', { contactId: 'c1', changes: [{ property: 'lastName', previous: 'Smith', value: 'Smyth' }] })),
      ]);
    await history.then(`SELECT word, records FROM search_words ORDER BY word`, [
        { word: 'acme', records: 2 },
        { word: 'example', records: 2 },
        { word: 'jon', records: 1 },
        { word: 'smyth', records: 1 },
        { word: 'trading', records: 1 },
      ]);
    await history.then(`SELECT word FROM search_record_words WHERE record_id = 'c1' ORDER BY word`, [
      { word: 'acme' }, { word: 'acme.example' }, { word: 'example' }, { word: 'jon' }, { word: 'jon@acme.example' }, { word: 'smyth' },
    ]);
    await history.then(`SELECT count(*)::int AS words FROM search_record_words WHERE record_id = 'co2'`, [{ words: 0 }]);
  });

  it('keeps ticket pipelines with their stage labels', async () => {
    await spec
      .given(inStream('pipeline-p', event('PipelineCreated', { pipelineId: 'p', objectType: 'ticket', name: '【サクセス】問合せ対応', stages: [{ id: 'new', label: '新規', probability: 0.5, closed: null, stuckAfterDays: 3 }] })))
      .when(inStream('pipeline-p', event('PipelineStageRenamed', { pipelineId: 'p', stageId: 'new', previous: '新規', label: '受付' })))
      .then(`SELECT pipeline_id, object_type, name, search_name, stages FROM search_pipelines`, [
        { pipeline_id: 'p', object_type: 'ticket', name: '【サクセス】問合せ対応', search_name: '【サクセス】問合せ対応', stages: [{ stageId: 'new', label: '受付' }] },
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...company('co1', 'Acme'), ...contact('c1', { firstName: 'Jon' })])
      .when(
        inStream('contact-c1', event('ContactPropertiesChanged', { contactId: 'c1', changes: [{ property: 'firstName', previous: 'Jon', value: 'John' }] })),
        { times: 2 },
      )
      .then(`SELECT record_id, title FROM search_records ORDER BY record_id`, [
        { record_id: 'c1', title: 'John' },
        { record_id: 'co1', title: 'Acme' },
      ]);
  });
});

// A history touching every kind of change, merges included.
const HISTORY: StreamEvent[] = [
  ...inStream('pipeline-p', event('PipelineCreated', { pipelineId: 'p', objectType: 'deal', name: 'Sales', stages: [{ id: 'lead', label: 'Lead', probability: 0.5, closed: null, stuckAfterDays: 3 }] })),
  ...company('dup', 'Acme', 'acme.example'),
  ...company('keep', 'Acme Inc'),
  ...contact('c1', { firstName: '太郎', lastName: '田中', companyId: 'dup', phone: '03-1234-5678' }),
  ...contact('c2', { email: 'c2@acme.example' }),
  ...inStream('contact-c2', event('ContactAssociatedWithCompany', { contactId: 'c2', companyId: 'dup', previousCompanyId: null })),
  ...inStream('deal-d', event('DealCreated', {
    dealId: 'd', name: 'Renewal', pipelineId: 'p', stageId: 'lead', amount: '1.00', currency: 'EUR', revenueType: 'one-off', billingPeriod: null,
    renewsDealId: null, contractTermMonths: 12, closeDate: '2026-03-31', ownerId: null, contactIds: [], companyId: null, companyIds: [],
    properties: { code: 'ADV-1' },
  })),
  ...inStream('deal-d', event('DealRenamed', { dealId: 'd', previous: 'Renewal', name: 'Renewal 2026' })),
  ...merged('dup', 'keep'),
  ...inStream('contact-c1', event('ContactPropertiesChanged', { contactId: 'c1', changes: [{ property: 'phone', previous: '03-1234-5678', value: null }] })),
  ...contact('c3', { companyId: 'keep' }),
  ...inStream('contact-c3', event('ContactMerged', { contactId: 'c3', mergedInto: 'c1', email: 'c3@example.com' })),
  ...inStream('pipeline-p', event('PipelineRenamed', { pipelineId: 'p', previous: 'Sales', name: 'New business' })),
];

describe('search rebuild', () => {
  const bed = openForSuite(openProjectionBed);

  it('equals the live build row for row, whatever the batches', async () => {
    const live = (base: string) => `live_${base}`;
    const rebuilt = (base: string) => `rebuilt_${base}`;
    for (const table of [live, rebuilt]) await bed().db.pool.query(searchProjection.createTables({ table }));
    const recorded = await bed().append(HISTORY, searchProjection.filter);
    // Live: one event per batch, as a projector tailing the log applies them; rebuilt: the whole log at once.
    for (const one of recorded) await bed().apply(searchProjection, [one], live);
    await bed().apply(searchProjection, recorded, rebuilt);
    for (const base of searchProjection.tables) {
      const rows = async (table: (base: string) => string) =>
        // Every column orders: the record words' first two repeat.
        (await bed().db.pool.query(`SELECT * FROM ${table(base)} t ORDER BY t::text`)).rows;
      const expected = await rows(live);
      expect(expected.length).toBeGreaterThan(0);
      expect(await rows(rebuilt)).toEqual(expected);
    }
  });
});
