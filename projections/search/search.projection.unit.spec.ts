import { describe as describeRecord, digitsOf, emailKeyOf, gramsOf, isGram, reduceSearch, searchTextOf, type SearchEvent, type SearchRecord, type SearchState } from './search.projection.js';

const EMPTY: SearchState = { records: new Map(), pipelines: new Map() };
let position = 0;
const at = (event: SearchEvent) => ({ event, position: `${++position}` });
const ev = (type: string, data: Readonly<Record<string, unknown>>) => at({ type, data } as SearchEvent);

const contactCreated = (contactId: string, data: Readonly<Record<string, unknown>> = {}) =>
  ev('ContactCreated', { contactId, email: `${contactId}@example.com`, firstName: null, lastName: null, phone: null, jobTitle: null, country: null, companyId: null, properties: {}, ...data });
const companyCreated = (companyId: string, name: string, domain: string | null = null) =>
  ev('CompanyCreated', { companyId, name, domain, industry: null, country: null, properties: {} });

const byId = (records: readonly SearchRecord[]) => new Map(records.map((r) => [r.recordId, r]));

describe('search reducer', () => {
  it('describes a contact by its name, email words, phone digits and custom text', () => {
    const { records } = reduceSearch(EMPTY, [
      contactCreated('c1', { firstName: ' Ｔａｒｏ ', lastName: '田中', email: 'Taro.Tanaka+news@GoogleMail.com', phone: '+81 (3) 1234-5678', properties: { advertiserId: 'ADV-9', score: 3 } }),
    ]);
    expect(records).toEqual([
      expect.objectContaining({
        title: 'Ｔａｒｏ 田中',
        subtitle: 'taro.tanaka+news@googlemail.com',
        email: 'taro.tanaka+news@googlemail.com',
        emailKey: 'tarotanaka@gmail.com',
        domain: 'googlemail.com',
        phoneDigits: '81312345678',
        nameKey: 'taro 田中',
        updatedPosition: `${position}`,
      }),
    ]);
    const text = records[0].searchText;
    for (const word of ['taro 田中', 'adv-9', 'tanaka', 'googlemail.com', '81312345678']) expect(text).toContain(word);
    expect(text).not.toContain(' 3 ');
  });

  it('reads built-in fields among the property changes by name, and drops cleared properties', () => {
    const { records } = reduceSearch(EMPTY, [
      contactCreated('c1', { properties: { tier: 'gold' } }),
      ev('ContactPropertiesChanged', { contactId: 'c1', changes: [
        { property: 'lastName', previous: null, value: 'Suzuki' },
        { property: 'email', previous: 'c1@example.com', value: 'ichiro@suzuki.example' },
        { property: 'tier', previous: 'gold', value: null },
      ] }),
    ]);
    expect(records[0]).toMatchObject({ title: 'Suzuki', email: 'ichiro@suzuki.example', domain: 'suzuki.example', properties: {} });
    expect(records[0].searchText).not.toContain('gold');
  });

  it('keeps a company current through updates, properties and a merge', () => {
    const { records } = reduceSearch(EMPTY, [
      companyCreated('co1', 'Acme', 'acme.example'),
      ev('CompanyUpdated', { companyId: 'co1', changes: [{ field: 'name', previous: 'Acme', value: 'Acme Holdings' }, { field: 'employees', previous: null, value: 5 }] }),
      ev('CompanyPropertiesChanged', { companyId: 'co1', changes: [{ property: 'region', previous: null, value: 'Kansai' }] }),
      ev('CompanyMerged', { companyId: 'co1', mergedInto: 'co2', domain: 'acme.example' }),
    ]);
    expect(records[0]).toMatchObject({ title: 'Acme Holdings', subtitle: 'acme.example', domain: 'acme.example', mergedInto: 'co2', properties: { region: 'Kansai' } });
  });

  it("moves a contact of a merged company to the survivor, also when it is pointed at the duplicate later", () => {
    const { records, companyMerges } = reduceSearch(EMPTY, [
      companyCreated('dup', 'Acme'),
      contactCreated('before', { companyId: 'dup' }),
      ev('CompanyMerged', { companyId: 'dup', mergedInto: 'keep', domain: null }),
      contactCreated('after', { companyId: 'dup' }),
      contactCreated('moved'),
      ev('ContactAssociatedWithCompany', { contactId: 'moved', companyId: 'dup', previousCompanyId: null }),
    ]);
    const rows = byId(records);
    expect([rows.get('before')?.companyId, rows.get('after')?.companyId, rows.get('moved')?.companyId]).toEqual(['keep', 'keep', 'keep']);
    expect(companyMerges).toEqual([{ companyId: 'dup', mergedInto: 'keep' }]);
  });

  it('keeps deals and tickets in their pipeline stage, and pipelines with their stage labels', () => {
    const { records, pipelines } = reduceSearch(EMPTY, [
      ev('PipelineCreated', { pipelineId: 'p', objectType: 'ticket', name: '【サクセス】問合せ', stages: [{ id: 'new', label: 'New' }] }),
      ev('PipelineRenamed', { pipelineId: 'p', previous: '【サクセス】問合せ', name: '【サクセス】社内問合せ' }),
      ev('PipelineStageRenamed', { pipelineId: 'p', stageId: 'new', previous: 'New', label: '新規' }),
      ev('TicketCreated', { ticketId: 't', subject: 'Printer', pipelineId: 'p', stageId: 'new', properties: {} }),
      ev('TicketStageChanged', { ticketId: 't', pipelineId: 'p', fromStageId: 'new', toStageId: 'done' }),
      ev('DealCreated', { dealId: 'd', name: 'Old name', pipelineId: 'sales', stageId: 'lead', properties: {} }),
      ev('DealRenamed', { dealId: 'd', previous: 'Old name', name: 'Renewal 2026' }),
      ev('DealWon', { dealId: 'd', pipelineId: 'sales', stageId: 'won' }),
    ]);
    const rows = byId(records);
    expect(rows.get('t')).toMatchObject({ title: 'Printer', stageId: 'done', pipelineId: 'p' });
    expect(rows.get('d')).toMatchObject({ title: 'Renewal 2026', stageId: 'won' });
    expect(rows.get('d')?.searchText).not.toContain('old name');
    expect(pipelines).toEqual([{ pipelineId: 'p', objectType: 'ticket', name: '【サクセス】社内問合せ', searchName: '【サクセス】社内問合せ', stages: [{ stageId: 'new', label: '新規' }] }]);
  });

  it('ignores events of records it never saw created, and a second creation', () => {
    const { records } = reduceSearch(EMPTY, [
      ev('DealRenamed', { dealId: 'ghost', previous: 'a', name: 'b' }),
      companyCreated('co1', 'First'),
      companyCreated('co1', 'Second'),
    ]);
    expect(records.map((r) => [r.recordId, r.title])).toEqual([['co1', 'First']]);
  });
});

describe('search text', () => {
  it('folds width and case the same way for records and queries', () => {
    expect(searchTextOf('  ＡＣＭＥ\tｻｸｾｽ  ')).toBe('acme サクセス');
    expect(digitsOf('＋８１ 3-1234')).toBe('8131234');
  });

  it('keeps the two-character sequences a trigram index cannot serve: those with a non-ASCII character', () => {
    expect(gramsOf('ab 田中太 สม x田')).toEqual(['田中', '中太', 'สม', 'x田']);
    expect([isGram('田中'), isGram('ab'), isGram('田'), isGram('田 ')]).toEqual([true, false, false, false]);
  });

  it('compares emails without +tags, and Gmail addresses without dots', () => {
    expect(emailKeyOf('j.o.n+crm@gmail.com')).toBe('jon@gmail.com');
    expect(emailKeyOf('jon@googlemail.com')).toBe('jon@gmail.com');
    expect(emailKeyOf('j.on+x@acme.example')).toBe('j.on@acme.example');
  });

  it('names a contact without a name by its email', () => {
    expect(describeRecord({ objectType: 'contact', recordId: 'c', fields: { email: 'a@b.example', firstName: null }, properties: {} }).title).toBe('a@b.example');
  });
});
