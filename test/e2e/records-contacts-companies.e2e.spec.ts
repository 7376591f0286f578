import type request from 'supertest';
import { eventCatalog } from '#domain/catalog';
import { parsePosition, type NewEvent } from '#event-store';
import { contactCreatedData, dealCreatedData, newEvent } from '#test/support/events';
import { appendEvents, csvPages, pageThrough } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const day = (n: number, hour = 9) => `2026-01-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

// Events as their writers store them: the catalog's current schema version.
const ev = (type: string, data: object, occurredAt: string): NewEvent =>
  newEvent(type, data, { occurredAt, schemaVersion: eventCatalog.schemaVersionOf(type) });

type Row = Record<string, unknown>;
const ids = (rows: readonly Row[], id = 'contactId') => rows.map((row) => row[id]);
const fieldsOf = (response: request.Response) => response.body.fields.map((f: { field: string }) => f.field);

// The projections a list row is read from: its own, and those it joins at query time.
const PROJECTIONS = ['contact-list', 'company-list', 'owner-list', 'lead-score', 'associations'];

describe('records: contacts and companies lists over HTTP', () => {
  const t = useTestApp();
  let position: string;

  const append = (stream: string, ...events: NewEvent[]) => appendEvents(t, stream, events);
  const contact = (contactId: string, occurredAt: string, data: Parameters<typeof contactCreatedData>[1]) =>
    append(`contact-${contactId}`, ev('ContactCreated', contactCreatedData(contactId, data), occurredAt));
  const company = (companyId: string, name: string, occurredAt: string, data: object = {}) =>
    append(`company-${companyId}`, ev('CompanyCreated', { companyId, name, domain: null, industry: null, employees: null, country: null, properties: {}, ...data }, occurredAt));
  const define = (objectType: string, name: string, type: string, options: readonly string[] = []) =>
    append(
      `property-definitions-${objectType}`,
      ev('PropertyDefined', { objectType, name, label: name, type, options: options.map((value) => ({ value, label: value })), unique: false }, day(1, 1)),
    );

  // Longer than a hook's default: five read models catch up before the first request.
  beforeAll(async () => {
    await append('owner-00000000-0000-4000-8000-0000000000a1', ev('OwnerCreated', { ownerId: '00000000-0000-4000-8000-0000000000a1', name: 'Rita Rep', email: 'rita@example.com', team: null, role: 'sales' }, day(1, 1)));
    await append('owner-00000000-0000-4000-8000-0000000000a2', ev('OwnerCreated', { ownerId: '00000000-0000-4000-8000-0000000000a2', name: 'Sam Seller', email: 'sam@example.com', team: null, role: 'sales' }, day(1, 1)));
    await define('contact', 'tier', 'string');
    await define('contact', 'seats', 'number');
    await define('contact', 'vip', 'boolean');
    await define('company', 'plan', 'enum', ['free', 'pro']);

    await contact('ada', day(1), {
      email: 'ada@acme.test', firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0001', ownerId: '00000000-0000-4000-8000-0000000000a1', companyId: '00000000-0000-4000-8000-0000000000c1',
      source: 'form', lifecycleStage: 'lead', marketingStatus: 'marketing', properties: { tier: 'gold', seats: 5 },
    });
    // Three contacts created at the same instant: pages must split them without a gap or a repeat.
    await contact('bob', day(2), {
      email: 'bob@example.com', firstName: 'Bob', lastName: 'Builder', ownerId: '00000000-0000-4000-8000-0000000000a2', source: 'import', lifecycleStage: 'customer',
      marketingStatus: 'non-marketing', properties: { tier: 'silver', seats: 50 },
    });
    await contact('cy', day(2), { email: 'tanaka@example.jp', firstName: '田中', lastName: '太郎', ownerId: '00000000-0000-4000-8000-0000000000a1', source: 'api' });
    await contact('dee', day(2), { email: 'dee@globex.test', firstName: 'Dee', companyId: '00000000-0000-4000-8000-0000000000c2', source: 'manual', properties: { vip: true } });
    await contact('eve', day(3), { email: 'eve@acme.test', firstName: 'Eve', source: 'manual' });
    await contact('fay', day(4), { email: 'fay@example.com', firstName: 'Fay', source: 'manual', lifecycleStage: 'customer' });

    await append('activity-bob', ev('FormSubmitted', { contactId: 'bob', formId: 'demo', fields: {} }, day(8)));
    await append('deal-d1', ev('DealCreated', dealCreatedData('d1', { contactIds: ['dee'] }), day(9)));
    await append('activity-ada', ev('PageViewed', { contactId: 'ada', url: 'https://acme.test/', title: null, referrer: null }, day(10)));
    await append('activity-eve', ev('PageViewed', { contactId: 'eve', url: 'https://acme.test/', title: null, referrer: null }, day(12)));
    // Eve is merged into Ada: hidden, and Ada takes her later activity.
    await append('contact-eve', ev('ContactMerged', { contactId: 'eve', mergedInto: 'ada', email: 'eve@acme.test' }, day(13)));
    await append('contact-ada', ev('ContactAbsorbed', { contactId: 'ada', mergedContactId: 'eve', mergedEmail: 'eve@acme.test' }, day(13)));
    // Dee works at Globex (primary) and is associated with Acme too.
    await append(
      'association-dee-acme',
      ev('RecordsAssociated', { from: { type: 'contact', id: 'dee' }, to: { type: 'company', id: '00000000-0000-4000-8000-0000000000c1' }, label: 'advisor' }, day(14)),
    );

    await company('00000000-0000-4000-8000-0000000000c1', 'Acme GmbH', day(1), { domain: 'acme.com', industry: 'Software', employees: 120, country: 'DE', properties: { plan: 'pro' } });
    await company('00000000-0000-4000-8000-0000000000c0', 'บริษัท ทดสอบ จำกัด', day(2), { domain: 'bcorp.co.th', industry: 'software', properties: { plan: 'free' } });
    await company('00000000-0000-4000-8000-0000000000c2', 'Globex', day(2), { domain: 'globex.test', industry: 'Energy' });
    await company('dupe', 'Acme (old)', day(3), { domain: 'acme-old.com' });
    position = await append('company-dupe', ev('CompanyMerged', { companyId: 'dupe', mergedInto: '00000000-0000-4000-8000-0000000000c1', domain: 'acme-old.com' }, day(4)));

    for (const name of PROJECTIONS) {
      if (!(await t.runtime.projections.waitFor(name, parsePosition(position), 30_000))) throw new Error(`${name} did not catch up`);
    }
  }, 120_000);

  const contacts = (query: Record<string, string | number> = {}) => t.http().get('/v1/contacts').query({ minPosition: position, ...query });
  const companies = (query: Record<string, string | number> = {}) => t.http().get('/v1/companies').query({ minPosition: position, ...query });
  const contactIds = async (query: Record<string, string | number>) => ids((await contacts(query).expect(200)).body.data);

  describe('contacts', () => {
    it('answers live contacts, newest first, ties by id, with owner name, lead score and the position it reflects', async () => {
      const { body } = await contacts().expect(200);
      expect(BigInt(body.position)).toBeGreaterThanOrEqual(parsePosition(position).commit);
      expect(ids(body.data)).toEqual(['fay', 'dee', 'cy', 'bob', 'ada']);
      expect(body.nextCursor).toBeNull();
      const ada = body.data.find((row: Row) => row.contactId === 'ada');
      expect(ada).toEqual({
        contactId: 'ada', name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@acme.test', phone: '+44 20 7946 0001',
        jobTitle: null, country: null, ownerId: '00000000-0000-4000-8000-0000000000a1', ownerName: 'Rita Rep', lifecycleStage: 'lead', marketingStatus: 'marketing',
        source: 'form', companyId: '00000000-0000-4000-8000-0000000000c1', leadScore: expect.any(Number), qualification: expect.stringMatching(/^(none|mql|sql)$/),
        createdAt: day(1), lastActivityAt: day(12), properties: { tier: 'gold', seats: 5 },
      });
    });

    it('pages through equal sort keys without a gap or a repeat, in every sort and direction', async () => {
      for (const sort of ['createdAt', '-createdAt', 'name', '-name', 'lastActivityAt', '-lastActivityAt', 'score', '-score']) {
        const all = ids((await contacts({ sort, limit: 500 }).expect(200)).body.data);
        const paged = ids(await pageThrough<Row>((cursor) => contacts({ sort, limit: 2, ...(cursor ? { cursor } : {}) })));
        expect({ sort, paged }).toEqual({ sort, paged: all });
        expect(new Set(all).size).toBe(5);
      }
    });

    it('sorts by creation, name (byte order), latest activity (none last, newest first) and lead score', async () => {
      expect(await contactIds({ sort: 'createdAt' })).toEqual(['ada', 'bob', 'cy', 'dee', 'fay']);
      expect(await contactIds({ sort: 'name' })).toEqual(['ada', 'bob', 'dee', 'fay', 'cy']);
      expect(await contactIds({ sort: '-lastActivityAt' })).toEqual(['ada', 'dee', 'bob', 'fay', 'cy']);
      expect(await contactIds({ sort: 'lastActivityAt' })).toEqual(['cy', 'fay', 'bob', 'dee', 'ada']);
      for (const sort of ['score', '-score']) {
        const scores = (await contacts({ sort }).expect(200)).body.data.map((row: Row) => row.leadScore as number);
        const ordered = [...scores].sort((a, b) => (sort === 'score' ? a - b : b - a));
        expect(scores).toEqual(ordered);
      }
    });

    it('finds by a case-insensitive substring of name, email or phone, with or without spaces', async () => {
      expect(await contactIds({ q: 'LOVELACE' })).toEqual(['ada']);
      expect(await contactIds({ q: 'acme.test' })).toEqual(['ada']);
      expect(await contactIds({ q: '田中' })).toEqual(['cy']);
      expect(await contactIds({ q: '7946 0001' })).toEqual(['ada']);
      expect(await contactIds({ q: '+44 (20) 79460001' })).toEqual(['ada']);
      expect(await contactIds({ q: '%' })).toEqual([]);
    });

    it('filters by owner, lifecycle stage, marketing status, source and creation time', async () => {
      expect(await contactIds({ ownerId: '00000000-0000-4000-8000-0000000000a1' })).toEqual(['cy', 'ada']);
      expect(await contactIds({ lifecycleStage: 'customer' })).toEqual(['fay', 'bob']);
      expect(await contactIds({ marketingStatus: 'non-marketing' })).toEqual(['bob']);
      expect(await contactIds({ source: 'manual' })).toEqual(['fay', 'dee']);
      expect(await contactIds({ createdFrom: '2026-01-02', createdTo: '2026-01-02' })).toEqual(['dee', 'cy', 'bob']);
      expect(await contactIds({ createdFrom: day(2), createdTo: day(4) })).toEqual(['fay', 'dee', 'cy', 'bob']);
      expect(await contactIds({ ownerId: '00000000-0000-4000-8000-0000000000a1', sort: 'name', q: 'a' })).toEqual(['ada', 'cy']);
    });

    it('filters by company: its primary contacts and those associated with it', async () => {
      expect(await contactIds({ companyId: '00000000-0000-4000-8000-0000000000c1' })).toEqual(['dee', 'ada']);
      expect(await contactIds({ companyId: '00000000-0000-4000-8000-0000000000c2' })).toEqual(['dee']);
      expect(await contactIds({ companyId: '00000000-0000-4000-8000-0000000000ff' })).toEqual([]);
    });

    it('filters by defined custom properties, typed by their definitions', async () => {
      expect(await contactIds({ 'property.tier': 'gold' })).toEqual(['ada']);
      expect(await contactIds({ 'property.seats': '50' })).toEqual(['bob']);
      expect(await contactIds({ 'property.vip': 'true' })).toEqual(['dee']);
      expect(await contactIds({ 'property.tier': 'silver', 'property.seats': '5' })).toEqual([]);
    });

    it('refuses an unknown parameter, an undefined property and a bad value, naming each', async () => {
      expect(fieldsOf(await contacts({ shoeSize: 42 }).expect(400))).toEqual(['shoeSize']);
      expect(fieldsOf(await contacts({ 'property.shoe_size': 42 }).expect(400))).toEqual(['property.shoe_size']);
      expect(fieldsOf(await contacts({ 'property.seats': 'many' }).expect(400))).toEqual(['property.seats']);
      expect(fieldsOf(await contacts({ 'property.vip': 'yes' }).expect(400))).toEqual(['property.vip']);
      expect(fieldsOf(await contacts({ lifecycleStage: 'prospect' }).expect(400))).toEqual(['lifecycleStage']);
      expect(fieldsOf(await contacts({ sort: 'email' }).expect(400))).toEqual(['sort']);
      expect(fieldsOf(await contacts({ createdFrom: '2026-02-30' }).expect(400))).toEqual(['createdFrom']);
      expect(fieldsOf(await contacts({ limit: 501 }).expect(400))).toEqual(['limit']);
      expect(fieldsOf(await contacts({ minPosition: 'latest' }).expect(400))).toEqual(['minPosition']);
      await contacts({ cursor: 'not-a-cursor' }).expect(400);
      // A cursor of one sort is no position in another.
      const { body } = await contacts({ sort: 'name', limit: 1 }).expect(200);
      await contacts({ sort: 'createdAt', limit: 1, cursor: body.nextCursor }).expect(400);
    });

    it('answers CSV pages with a property.<name> column per custom property', async () => {
      const pages = await csvPages(t, `/v1/contacts?minPosition=${position}&limit=2&sort=createdAt`);
      expect(pages).toHaveLength(3);
      const header = pages[0].header.split(',');
      expect(header.slice(0, 3)).toEqual(['contactId', 'name', 'firstName']);
      expect(header).toEqual(expect.arrayContaining(['ownerName', 'leadScore', 'property.tier', 'property.seats']));
      expect(header).not.toContain('properties.tier');
      const first = pages[0].lines[0].split(',');
      expect(first[header.indexOf('contactId')]).toBe('ada');
      expect(first[header.indexOf('property.tier')]).toBe('gold');
      expect(pages.flatMap((page) => page.lines)).toHaveLength(5);
    });
  });

  describe('companies', () => {
    const companyIds = async (query: Record<string, string | number>) => ids((await companies(query).expect(200)).body.data, 'companyId');

    it('answers live companies, newest first, ties by id', async () => {
      const { body } = await companies().expect(200);
      expect(BigInt(body.position)).toBeGreaterThanOrEqual(parsePosition(position).commit);
      expect(ids(body.data, 'companyId')).toEqual(['00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000c0', '00000000-0000-4000-8000-0000000000c1']);
      expect(body.data[2]).toEqual({
        companyId: '00000000-0000-4000-8000-0000000000c1', name: 'Acme GmbH', domain: 'acme.com', industry: 'Software', employees: 120, country: 'DE', createdAt: day(1), properties: { plan: 'pro' },
      });
    });

    it('sorts and pages by name and creation', async () => {
      expect(await companyIds({ sort: 'name' })).toEqual(['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000c0']);
      expect(await companyIds({ sort: 'createdAt' })).toEqual(['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c0', '00000000-0000-4000-8000-0000000000c2']);
      for (const sort of ['name', '-name', 'createdAt', '-createdAt']) {
        const all = await companyIds({ sort });
        const paged = ids(await pageThrough<Row>((cursor) => companies({ sort, limit: 1, ...(cursor ? { cursor } : {}) })), 'companyId');
        expect(paged).toEqual(all);
      }
    });

    it('filters by q (Thai too), normalized domain, industry (any case) and defined properties', async () => {
      expect(await companyIds({ q: 'บริษัท' })).toEqual(['00000000-0000-4000-8000-0000000000c0']);
      expect(await companyIds({ q: 'ACME' })).toEqual(['00000000-0000-4000-8000-0000000000c1']);
      expect(await companyIds({ domain: 'https://www.Acme.com/about' })).toEqual(['00000000-0000-4000-8000-0000000000c1']);
      expect(await companyIds({ domain: 'acme-old.com' })).toEqual([]);
      expect(await companyIds({ industry: 'SOFTWARE' })).toEqual(['00000000-0000-4000-8000-0000000000c0', '00000000-0000-4000-8000-0000000000c1']);
      expect(await companyIds({ 'property.plan': 'free' })).toEqual(['00000000-0000-4000-8000-0000000000c0']);
    });

    it('refuses an unknown parameter, an undefined property and a value outside an enum, naming each', async () => {
      expect(fieldsOf(await companies({ ownerId: '00000000-0000-4000-8000-0000000000a1' }).expect(400))).toEqual(['ownerId']);
      expect(fieldsOf(await companies({ 'property.tier': 'gold' }).expect(400))).toEqual(['property.tier']);
      expect(fieldsOf(await companies({ 'property.plan': 'enterprise' }).expect(400))).toEqual(['property.plan']);
    });

    it('answers CSV with a property.<name> column', async () => {
      const [page] = await csvPages(t, `/v1/companies?minPosition=${position}&sort=name`);
      const header = page.header.split(',');
      expect(header).toContain('property.plan');
      expect(page.lines.map((line) => line.split(',')[header.indexOf('companyId')])).toEqual(['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000c0']);
    });
  });
});
