import { randomUUID } from 'node:crypto';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

type Body = Record<string, unknown>;
type Plural = 'contacts' | 'companies' | 'deals' | 'tickets';
const TYPES: readonly Plural[] = ['contacts', 'companies', 'deals', 'tickets'];
const SINGULAR = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' } as const;

// A property of each type, with a value that fits and values that do not.
const KINDS = [
  { name: 'note', type: 'string', valid: 'a note', invalid: [12, true] },
  { name: 'seats', type: 'number', valid: 12.5, invalid: ['12', false] },
  { name: 'renewal_on', type: 'date', valid: '2028-02-29', invalid: ['2027-02-29', '2026-01-15T10:00:00Z', 20260115] },
  { name: 'signed_at', type: 'datetime', valid: '2026-01-15T10:00:00+01:00', invalid: ['2026-01-15', '2026-02-30T10:00:00Z', 1] },
  { name: 'active', type: 'boolean', valid: true, invalid: ['true', 1] },
  { name: 'tier', type: 'enum', valid: 'gold', invalid: ['Gold', 'platinum', 1] },
] as const;

describe('custom properties over HTTP', () => {
  const t = useTestApp();

  const streamOf = (name: string) => collect(t.runtime.eventStore.readStream(name));
  const fieldsOf = (body: { fields: { field: string }[] }) => body.fields.map((f) => f.field);

  // A record of each type, with the base fields its create route requires.
  const createBody = (type: Plural, properties: Body): Body => {
    switch (type) {
      case 'contacts':
        return { email: `${randomUUID()}@example.com`, source: 'manual', properties };
      case 'companies':
        return { name: 'Acme', properties };
      case 'deals':
        return { name: 'Acme, 50 seats', amount: 1000, currency: 'USD', properties };
      case 'tickets':
        return { subject: 'Cannot export', priority: 'low', properties };
    }
  };
  const create = (type: Plural, properties: Body) => t.http().post(`/v1/${type}`).send(createBody(type, properties));
  const patch = (type: Plural, id: string, properties: Body) => t.http().patch(`/v1/${type}/${id}`).send({ properties });

  it('defines a property of each kind for each type, and lists them in order', async () => {
    for (const type of TYPES) {
      for (const kind of KINDS) {
        const options = kind.type === 'enum' ? [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] : undefined;
        const response = await t.http().post(`/v1/properties/${type}`).send({ name: kind.name, label: ` ${kind.name} `, type: kind.type, options }).expect(201);
        expect(response.body).toMatchObject({ id: kind.name, events: ['PropertyDefined'] });
      }
      const list = (await t.http().get(`/v1/properties/${type}`).expect(200)).body;
      expect(list.items.map((p: Body) => p.name)).toEqual(KINDS.map((kind) => kind.name));
      expect(list.items[5]).toEqual({
        objectType: SINGULAR[type],
        name: 'tier',
        label: 'tier',
        type: 'enum',
        options: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }],
        unique: false,
        removed: false,
      });
    }
    expect((await t.http().get('/v1/properties/deals/seats').expect(200)).body).toMatchObject({ objectType: 'deal', name: 'seats', type: 'number' });
  });

  it('refuses bad definitions: 400 naming the field, 409 for a name taken, 422 for a rule', async () => {
    const define = (type: string, body: Body) => t.http().post(`/v1/properties/${type}`).send(body);
    expect(fieldsOf((await define('deals', { name: 'Advertiser', label: 'x', type: 'string' }).expect(400)).body)).toEqual(['name']);
    expect(fieldsOf((await define('deals', { name: 'x', label: 'x', type: 'money' }).expect(400)).body)).toEqual(['type']);
    expect(fieldsOf((await define('widgets', { name: 'x', label: 'x', type: 'string' }).expect(400)).body)).toEqual(['type']);
    expect((await define('deals', { name: 'seats', label: 'x', type: 'number' }).expect(409)).body).toMatchObject({ error: 'ALREADY_EXISTS' });
    expect((await define('deals', { name: 'amount', label: 'x', type: 'number' }).expect(422)).body).toMatchObject({ rule: 'reserved-property-name' });
    expect((await define('contacts', { name: 'firstname', label: 'x', type: 'string' }).expect(422)).body).toMatchObject({ rule: 'reserved-property-name' });
    expect((await define('deals', { name: 'level', label: 'x', type: 'enum', options: [] }).expect(422)).body).toMatchObject({ rule: 'enum-options' });
    expect((await define('deals', { name: 'flag', label: 'x', type: 'boolean', unique: true }).expect(422)).body).toMatchObject({ rule: 'unique-not-supported' });
    await t.http().get('/v1/properties/deals/nothing_here').expect(404);
  });

  it.each(TYPES)('accepts valid values on %s, on create and on PATCH, stored as normalized', async (type) => {
    const values = Object.fromEntries(KINDS.map((kind) => [kind.name, kind.valid]));
    const id = (await create(type, { ...values, note: '  a note ' }).expect(201)).body.id;
    const read = (await t.http().get(`/v1/${type}/${id}`).expect(200)).body;
    expect(read.properties).toEqual({ ...values, signed_at: '2026-01-15T09:00:00.000Z' });

    await patch(type, id, { seats: 3, tier: null }).expect(200);
    const after = (await t.http().get(`/v1/${type}/${id}`).expect(200)).body;
    expect(after.properties).toMatchObject({ seats: 3 });
    expect(after.properties).not.toHaveProperty('tier');
  });

  it.each(TYPES)('answers 400 naming properties.<name> for each value that does not fit on %s, and writes nothing', async (type) => {
    const id = (await create(type, {}).expect(201)).body.id;
    const before = (await streamOf(`${SINGULAR[type]}-${id}`)).length;
    for (const kind of KINDS) {
      for (const invalid of kind.invalid) {
        const created = await create(type, { [kind.name]: invalid }).expect(400);
        expect([kind.name, invalid, fieldsOf(created.body)]).toEqual([kind.name, invalid, [`properties.${kind.name}`]]);
        const patched = await patch(type, id, { [kind.name]: invalid }).expect(400);
        expect([kind.name, invalid, fieldsOf(patched.body)]).toEqual([kind.name, invalid, [`properties.${kind.name}`]]);
      }
    }
    expect(await streamOf(`${SINGULAR[type]}-${id}`)).toHaveLength(before);
  });

  it.each(TYPES)('answers 400 for a property not defined for %s, naming it', async (type) => {
    const response = await create(type, { colour: 'teal', seats: 'many' }).expect(400);
    expect(response.body.fields).toEqual([
      { field: 'properties.colour', reason: `property colour is not defined for ${type}` },
      { field: 'properties.seats', reason: 'must be a finite number' },
    ]);
  });

  describe('a unique advertiser_id on deals', () => {
    let holder: string;
    let other: string;

    it('is defined unique', async () => {
      await t.http().post('/v1/properties/deals').send({ name: 'advertiser_id', label: 'Advertiser ID', type: 'string', unique: true }).expect(201);
      holder = (await create('deals', { advertiser_id: 'ADV-7' }).expect(201)).body.id;
      other = (await create('deals', { advertiser_id: 'ADV-8' }).expect(201)).body.id;
    });

    it("answers 409 with the holder's id on create, however the value is written, and writes no deal", async () => {
      for (const value of ['ADV-7', ' adv-7 ']) {
        const response = await create('deals', { advertiser_id: value }).expect(409);
        expect(response.body).toMatchObject({ error: 'ALREADY_EXISTS', existingId: holder, field: 'properties.advertiser_id' });
      }
    });

    it("answers 409 with the holder's id on PATCH, and leaves the deal as it was", async () => {
      const response = await patch('deals', other, { advertiser_id: 'adv-7', seats: 4 }).expect(409);
      expect(response.body).toMatchObject({ error: 'ALREADY_EXISTS', existingId: holder });
      expect((await t.http().get(`/v1/deals/${other}`).expect(200)).body.properties).toEqual({ advertiser_id: 'ADV-8' });
    });

    it('frees a value its holder gives up, for another deal to take', async () => {
      await patch('deals', holder, { advertiser_id: 'ADV-9' }).expect(200);
      await patch('deals', other, { advertiser_id: 'ADV-7' }).expect(200);
      expect((await create('deals', { advertiser_id: 'ADV-8' }).expect(201)).body.id).toBeDefined();
      expect((await create('deals', { advertiser_id: 'ADV-9' }).expect(409)).body).toMatchObject({ existingId: holder });
    });

    it('gives a fresh claim back when the record is refused after it (a contact whose email is taken)', async () => {
      await t.http().post('/v1/properties/contacts').send({ name: 'member_no', label: 'Member', type: 'number', unique: true }).expect(201);
      const email = `${randomUUID()}@example.com`;
      const first = (await t.http().post('/v1/contacts').send({ email, source: 'manual' }).expect(201)).body.id;
      const refused = await t.http().post('/v1/contacts').send({ email, source: 'manual', properties: { member_no: 42 } }).expect(409);
      expect(refused.body).toMatchObject({ existingId: first });
      const taker = await create('contacts', { member_no: 42 }).expect(201);
      expect((await create('contacts', { member_no: 42 }).expect(409)).body).toMatchObject({ existingId: taker.body.id, field: 'properties.member_no' });
    });

    it('refuses turning unique on after the definition', async () => {
      const response = await t.http().patch('/v1/properties/deals/note').send({ unique: true }).expect(422);
      expect(response.body).toMatchObject({ rule: 'unique-after-definition' });
    });
  });

  it('records a change of a definition as an event, and holds writes to the new options', async () => {
    const response = await t.http().patch('/v1/properties/companies/tier').send({ label: 'Customer tier', options: [{ value: 'gold', label: 'Gold' }, { value: 'bronze', label: 'Bronze' }] }).expect(200);
    expect(response.body).toMatchObject({ id: 'tier', events: ['PropertyDefinitionChanged'] });
    const stream = await streamOf('property-definitions-company');
    expect(stream.map((e) => e.type).slice(-1)).toEqual(['PropertyDefinitionChanged']);
    expect(stream[stream.length - 1].data).toEqual({
      objectType: 'company',
      name: 'tier',
      changes: [
        { field: 'label', previous: 'tier', value: 'Customer tier' },
        {
          field: 'options',
          previous: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }],
          value: [{ value: 'gold', label: 'Gold' }, { value: 'bronze', label: 'Bronze' }],
        },
      ],
    });
    await create('companies', { tier: 'bronze' }).expect(201);
    expect(fieldsOf((await create('companies', { tier: 'silver' }).expect(400)).body)).toEqual(['properties.tier']);
  });

  it('refuses writes naming a removed property; values written before stay in the record stream', async () => {
    const id = (await create('tickets', { note: 'kept' }).expect(201)).body.id;
    const removed = await t.http().delete('/v1/properties/tickets/note').expect(200);
    expect(removed.body).toMatchObject({ events: ['PropertyDefinitionRemoved'] });

    expect((await patch('tickets', id, { note: 'again' }).expect(400)).body.fields).toEqual([
      { field: 'properties.note', reason: 'property note is not defined for tickets' },
    ]);
    expect(fieldsOf((await create('tickets', { note: 'new' }).expect(400)).body)).toEqual(['properties.note']);
    const [created] = await streamOf(`ticket-${id}`);
    expect(created.data).toMatchObject({ properties: { note: 'kept' } });

    expect((await t.http().get('/v1/properties/tickets').expect(200)).body.items.map((p: Body) => p.name)).not.toContain('note');
    const all = (await t.http().get('/v1/properties/tickets?includeRemoved=true').expect(200)).body.items;
    expect(all.find((p: Body) => p.name === 'note')).toMatchObject({ removed: true });
    await t.http().get('/v1/properties/tickets/note').expect(404);
    // A removed name may be defined again, with another type.
    await t.http().post('/v1/properties/tickets').send({ name: 'note', label: 'Note', type: 'number' }).expect(201);
    await patch('tickets', id, { note: 7 }).expect(200);
  });

  it('takes tickets with lists of contacts, companies and deals, and the single contactId and dealId', async () => {
    const contact = (await create('contacts', {}).expect(201)).body.id;
    const company = (await create('companies', {}).expect(201)).body.id;
    const deal = (await create('deals', {}).expect(201)).body.id;
    const listed = await t.http().post('/v1/tickets').send({ ...createBody('tickets', {}), contactIds: [contact], companyIds: [company], dealIds: [deal] }).expect(201);
    expect((await t.http().get(`/v1/tickets/${listed.body.id}`).expect(200)).body).toMatchObject({
      contactIds: [contact], companyIds: [company], dealIds: [deal], contactId: contact, dealId: deal,
    });
    const single = await t.http().post('/v1/tickets').send({ ...createBody('tickets', {}), contactId: contact, dealId: deal }).expect(201);
    expect((await t.http().get(`/v1/tickets/${single.body.id}`).expect(200)).body).toMatchObject({ contactIds: [contact], dealIds: [deal] });
  });

  it('lets super-admin and marketing define properties, every record role read them, others nothing', async () => {
    const body = { name: 'region_code', label: 'Region', type: 'string' };
    await (await t.as('marketing')).post('/v1/properties/contacts').send(body).expect(201);
    for (const role of ['sales', 'service', 'auditor', 'reporting', 'integrator'] as const) {
      const agent = await t.as(role);
      await agent.post('/v1/properties/deals').send({ ...body, name: `x_${role}` }).expect(403);
    }
    for (const role of ['marketing', 'sales', 'service', 'auditor'] as const) {
      expect((await (await t.as(role)).get('/v1/properties/contacts').expect(200)).body.items.map((p: Body) => p.name)).toContain('region_code');
    }
    for (const role of ['reporting', 'integrator'] as const) await (await t.as(role)).get('/v1/properties/contacts').expect(403);
  });
});
