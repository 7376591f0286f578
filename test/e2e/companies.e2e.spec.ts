import { randomUUID } from 'node:crypto';
import { uniqueValueStream } from '#domain/unique-value';
import { collect, committedCount } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

describe('companies over HTTP', () => {
  const t = useTestApp();

  const companyEvents = (id: string) => collect(t.runtime.eventStore.readStream(`company-${id}`));
  const domainClaim = (domain: string) => collect(t.runtime.eventStore.readStream(uniqueValueStream('company-domain', domain)));
  const eventsIn = async (category: string) =>
    committedCount(t.db.pool, category);
  const fieldsOf = (body: { fields: { field: string }[] }) => [...new Set(body.fields.map((f) => f.field))];
  const create = (body: object) => t.http().post('/v1/companies').send(body);

  let acme: string;

  it('creates a company with its normalized domain claimed, and reads it back', async () => {
    const response = await create({ name: ' Acme Ltd ', domain: 'https://www.Acme.com/about', employees: 250, industry: 'Manufacturing' }).expect(201);
    expect(response.body).toMatchObject({ revision: 0, events: ['CompanyCreated'] });
    acme = response.body.id;

    const [created] = await companyEvents(acme);
    expect([created.type, created.data]).toEqual([
      'CompanyCreated',
      { companyId: acme, name: 'Acme Ltd', domain: 'acme.com', industry: 'Manufacturing', employees: 250, country: null, properties: {} },
    ]);
    expect((await domainClaim('acme.com')).map((e) => [e.type, e.data])).toEqual([
      ['UniqueValueClaimed', { kind: 'company-domain', value: 'acme.com', ownerId: acme }],
    ]);
    expect((await t.http().get(`/v1/companies/${acme}`).expect(200)).body).toEqual({
      id: acme,
      revision: 0,
      name: 'Acme Ltd',
      domain: 'acme.com',
      industry: 'Manufacturing',
      employees: 250,
      country: null,
      properties: {},
      mergedCompanyIds: [],
    });
  });

  it('refuses a domain another company has, however it is written, and appends nothing', async () => {
    const before = await eventsIn('company');
    for (const domain of ['acme.com', 'ACME.com', 'http://www.acme.com/']) {
      const response = await create({ name: 'Acme Copy', domain }).expect(409);
      expect(response.body).toMatchObject({ error: 'ALREADY_EXISTS', existingId: acme });
    }
    expect(await eventsIn('company')).toBe(before);
    expect(await domainClaim('acme.com')).toHaveLength(1);
  });

  it('creates a company without a domain, claiming nothing', async () => {
    const uniqueBefore = await eventsIn('unique');
    const id = (await create({ name: 'Nameless Partners' }).expect(201)).body.id;
    expect((await companyEvents(id))[0].data).toMatchObject({ domain: null });
    expect(await eventsIn('unique')).toBe(uniqueBefore);
  });

  it('answers 400 naming each bad field, 422 for a domain that is not one, and appends nothing', async () => {
    const before = await eventsIn('company');
    const response = await create({ name: '', employees: -1, domain: 42, extra: true }).expect(400);
    expect(fieldsOf(response.body)).toEqual(expect.arrayContaining(['name', 'employees', 'domain', 'extra']));
    expect(fieldsOf((await create({ name: 'X', employees: 'many' }).expect(400)).body)).toEqual(['employees']);
    expect(fieldsOf((await create({ name: 'X', employees: 2.5 }).expect(400)).body)).toEqual(['employees']);

    const invalid = await create({ name: 'Nowhere', domain: 'not a domain' }).expect(422);
    expect(invalid.body).toMatchObject({ error: 'RULE_VIOLATED', rule: 'invalid-domain' });
    expect(await eventsIn('company')).toBe(before);
    expect(await domainClaim('not a domain')).toHaveLength(0);
  });

  it('patches under If-Match, answering 409 on a stale revision', async () => {
    const response = await t.http().patch(`/v1/companies/${acme}`).set('If-Match', '0').send({ employees: 300, industry: null }).expect(200);
    expect(response.body).toMatchObject({ revision: 1, events: ['CompanyUpdated'] });
    expect((await companyEvents(acme)).at(-1)!.data).toEqual({
      companyId: acme,
      changes: [
        { field: 'industry', previous: 'Manufacturing', value: null },
        { field: 'employees', previous: 250, value: 300 },
      ],
    });

    const stale = await t.http().patch(`/v1/companies/${acme}`).set('If-Match', '0').send({ domain: 'acme.io' }).expect(409);
    expect(stale.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', expectedRevision: 0, actualRevision: 1 });
    expect(await companyEvents(acme)).toHaveLength(2);
    expect(await domainClaim('acme.io')).toHaveLength(0);
    await t.http().patch(`/v1/companies/${acme}`).send({ name: null }).expect(400);
  });

  it('moves the domain: claims the new one, frees the old one, and refuses one held by another company', async () => {
    const globex = (await create({ name: 'Globex', domain: 'globex.com' }).expect(201)).body.id;
    const taken = await t.http().patch(`/v1/companies/${acme}`).send({ domain: 'www.globex.com' }).expect(409);
    expect(taken.body).toMatchObject({ error: 'ALREADY_EXISTS', existingId: globex });
    expect(await companyEvents(acme)).toHaveLength(2);

    await t.http().patch(`/v1/companies/${acme}`).send({ domain: 'acme.io' }).expect(200);
    expect((await companyEvents(acme)).at(-1)!.data).toEqual({
      companyId: acme,
      changes: [{ field: 'domain', previous: 'acme.com', value: 'acme.io' }],
    });
    expect((await domainClaim('acme.com')).map((e) => e.type)).toEqual(['UniqueValueClaimed', 'UniqueValueReleased']);
    expect((await domainClaim('acme.io')).map((e) => e.type)).toEqual(['UniqueValueClaimed']);
    // acme.com is free for another company now.
    await create({ name: 'New Acme', domain: 'acme.com' }).expect(201);

    await t.http().patch(`/v1/companies/${globex}`).send({ domain: null }).expect(200);
    expect((await domainClaim('globex.com')).map((e) => e.type)).toEqual(['UniqueValueClaimed', 'UniqueValueReleased']);
  });

  it('answers a merged company with mergedInto, as contacts do, and lists it on the survivor', async () => {
    const survivor = (await create({ name: 'Survivor Co' }).expect(201)).body.id;
    const duplicate = (await create({ name: 'Survivor Company' }).expect(201)).body.id;
    await t.http().post(`/v1/companies/${survivor}/merge`).send({ duplicateId: duplicate }).expect(200);

    expect((await t.http().get(`/v1/companies/${duplicate}`).expect(200)).body).toEqual({ id: duplicate, mergedInto: survivor });
    expect((await t.http().get(`/v1/companies/${survivor}`).expect(200)).body).toMatchObject({ id: survivor, mergedCompanyIds: [duplicate] });
  });

  it('answers 404 for an unknown company and 400 for an id that is not one', async () => {
    await t.http().get(`/v1/companies/${randomUUID()}`).expect(404);
    await t.http().patch(`/v1/companies/${randomUUID()}`).send({ name: 'X' }).expect(404);
    await t.http().get('/v1/companies/nope').expect(400);
  });
});
