import { randomUUID } from 'node:crypto';
import { uniqueValueStream } from '#domain/unique-value';
import { isAfter } from '#event-store';
import { collect, committedCount, newEvent } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

describe('contacts over HTTP', () => {
  const t = useTestApp();

  const stream = (name: string) => collect(t.runtime.eventStore.readStream(name));
  const contactEvents = (id: string) => stream(`contact-${id}`);
  const activityEvents = (id: string) => stream(`activity-${id}`);
  const emailClaim = (email: string) => stream(uniqueValueStream('contact-email', email));
  const eventsIn = async (category: string) =>
    committedCount(t.db.pool, category);
  const fieldsOf = (body: { fields: { field: string }[] }) => [...new Set(body.fields.map((f) => f.field))];

  const createContact = (body: object, headers: Record<string, string> = {}) =>
    t.http().post('/v1/contacts').set(headers).send(body);
  const newContact = async (body: object): Promise<string> => (await createContact(body).expect(201)).body.id;

  // Custom property values must be defined for contacts before a contact carries them.
  beforeAll(async () => {
    const properties = [['favourite_colour', 'string'], ['seats', 'number'], ['vip', 'boolean'], ['nickname', 'string']];
    for (const [name, type] of properties) await t.http().post('/v1/properties/contacts').send({ name, label: name, type }).expect(201);
  });

  describe('a contact from a form, walked through its life', () => {
    let ada: string;
    let adaRevision: number;

    it('creates a marketing subscriber, claims the normalized email and reads back', async () => {
      const response = await createContact({
        email: '  Ada@Example.com ',
        firstName: 'Ada',
        lastName: 'Lovelace',
        country: 'GB',
        properties: { favourite_colour: 'teal', seats: 12, vip: true, nickname: null },
        source: 'form',
      }).expect(201);
      expect(response.body).toMatchObject({ revision: 0, events: ['ContactCreated'] });
      ada = response.body.id;

      const [created] = await contactEvents(ada);
      expect(created.type).toBe('ContactCreated');
      expect(created.data).toEqual({
        contactId: ada,
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        phone: null,
        jobTitle: null,
        country: 'GB',
        companyId: null,
        ownerId: null,
        properties: { favourite_colour: 'teal', seats: 12, vip: true },
        source: 'form',
        marketingStatus: 'marketing',
        lifecycleStage: 'subscriber',
      });
      const claims = await emailClaim('ada@example.com');
      expect(claims.map((e) => [e.type, e.data])).toEqual([
        ['UniqueValueClaimed', { kind: 'contact-email', value: 'ada@example.com', ownerId: ada }],
      ]);

      const read = await t.http().get(`/v1/contacts/${ada}`).expect(200);
      expect(read.body).toMatchObject({
        id: ada,
        revision: 0,
        email: 'ada@example.com',
        marketingStatus: 'marketing',
        lifecycleStage: 'subscriber',
        properties: { favourite_colour: 'teal', seats: 12, vip: true },
      });
    });

    it('refuses the same email, in any case and spacing, with the holder id, and appends nothing', async () => {
      const contactsBefore = await eventsIn('contact');
      for (const email of ['ada@example.com', ' ADA@example.COM  ']) {
        const response = await createContact({ email, source: 'import' }).expect(409);
        expect(response.body).toMatchObject({ error: 'ALREADY_EXISTS', existingId: ada });
      }
      expect(await eventsIn('contact')).toBe(contactsBefore);
      expect(await emailClaim('ada@example.com')).toHaveLength(1);
    });

    it('records page views on the activity stream, leaving the contact stream alone', async () => {
      const first = await t
        .http()
        .post(`/v1/contacts/${ada}/page-views`)
        .send({ url: 'https://tally.example/pricing', title: 'Pricing', referrer: 'https://search.example/' })
        .expect(201);
      expect(first.body).toMatchObject({ id: ada, revision: 0, events: ['PageViewed'] });
      await t.http().post(`/v1/contacts/${ada}/page-views`).send({ url: 'https://tally.example/docs' }).expect(201);

      const views = await activityEvents(ada);
      expect(views.map((e) => [e.type, e.data])).toEqual([
        ['PageViewed', { contactId: ada, url: 'https://tally.example/pricing', title: 'Pricing', referrer: 'https://search.example/' }],
        ['PageViewed', { contactId: ada, url: 'https://tally.example/docs', title: null, referrer: null }],
      ]);
      expect(await contactEvents(ada)).toHaveLength(1);
    });

    it('records a form submission at the time it happened', async () => {
      const response = await t
        .http()
        .post(`/v1/contacts/${ada}/form-submissions`)
        .send({ formId: 'webinar-signup', fields: { company: 'Analytical Engines', seats: '12' }, occurredAt: '2025-06-01T11:30:00+02:00' })
        .expect(201);
      expect(response.body.events).toEqual(['FormSubmitted']);
      const submitted = (await activityEvents(ada)).at(-1)!;
      expect(submitted.type).toBe('FormSubmitted');
      expect(submitted.data).toEqual({
        contactId: ada,
        formId: 'webinar-signup',
        fields: { company: 'Analytical Engines', seats: '12' },
        // FormSubmitted v2: this route knows no page.
        pageUrl: null,
        utm: { source: null, medium: null, campaign: null, term: null, content: null },
      });
      expect(submitted.metadata.occurredAt).toBe('2025-06-01T09:30:00.000Z');
    });

    it('answers 400 for an occurredAt without a time zone, unreal, or in the future, and appends nothing', async () => {
      const before = (await activityEvents(ada)).length;
      const future = new Date(Date.now() + 60 * 60_000).toISOString();
      for (const occurredAt of ['2025-06-01T09:30:00', 'yesterday', '2025-13-45T99:00:00Z', future]) {
        const response = await t
          .http()
          .post(`/v1/contacts/${ada}/page-views`)
          .send({ url: 'https://tally.example/', occurredAt })
          .expect(400);
        expect(fieldsOf(response.body)).toEqual(['occurredAt']);
      }
      const fields = await t
        .http()
        .post(`/v1/contacts/${ada}/form-submissions`)
        .send({ formId: 'x', fields: { seats: 12 } })
        .expect(400);
      expect(fieldsOf(fields.body)).toEqual(['fields']);
      expect(await activityEvents(ada)).toHaveLength(before);
    });

    it('records marketing email events, and an unsubscribe makes the contact non-marketing (by its default workflow)', async () => {
      await t.http().post(`/v1/contacts/${ada}/email-events`).send({ emailId: 'launch-1', kind: 'delivered' }).expect(201);
      await t.http().post(`/v1/contacts/${ada}/email-events`).send({ emailId: 'launch-1', kind: 'opened' }).expect(201);
      await t
        .http()
        .post(`/v1/contacts/${ada}/email-events`)
        .send({ emailId: 'launch-1', kind: 'clicked', url: 'https://tally.example/offer' })
        .expect(201);
      expect((await activityEvents(ada)).slice(-3).map((e) => [e.type, e.data])).toEqual([
        ['MarketingEmailDelivered', { contactId: ada, emailId: 'launch-1' }],
        ['MarketingEmailOpened', { contactId: ada, emailId: 'launch-1' }],
        ['MarketingEmailClicked', { contactId: ada, emailId: 'launch-1', url: 'https://tally.example/offer' }],
      ]);

      const unsubscribed = await t
        .http()
        .post(`/v1/contacts/${ada}/email-events`)
        .send({ emailId: 'launch-1', kind: 'unsubscribed', occurredAt: '2026-01-02T03:04:05.000Z' })
        .expect(201);
      expect(unsubscribed.body).toMatchObject({ revision: 1, events: ['MarketingEmailUnsubscribed'] });
      // The status is the default workflow's to set, as of the unsubscribe (its revision, 1) and at its time.
      const [, unsubscribe, statusChange] = await eventually(async () => {
        const events = await contactEvents(ada);
        expect(events).toHaveLength(3);
        return events;
      });
      expect([unsubscribe.type, unsubscribe.data, unsubscribe.metadata.occurredAt]).toEqual([
        'MarketingEmailUnsubscribed',
        { contactId: ada, emailId: 'launch-1' },
        '2026-01-02T03:04:05.000Z',
      ]);
      expect([statusChange.type, statusChange.data, statusChange.metadata.occurredAt, statusChange.metadata.causationId]).toEqual([
        'ContactMarketingStatusChanged',
        { contactId: ada, previous: 'marketing', status: 'non-marketing', reason: 'unsubscribed', causeRevision: 1 },
        '2026-01-02T03:04:05.000Z',
        unsubscribe.id,
      ]);
      expect(statusChange.metadata.actor).toMatch(/^workflow:[0-9a-f-]{36}@1$/);
    });

    it('refuses marketing email to a non-marketing contact with the rule name, and appends nothing', async () => {
      const before = (await activityEvents(ada)).length;
      const response = await t.http().post(`/v1/contacts/${ada}/email-events`).send({ emailId: 'launch-2', kind: 'delivered' }).expect(422);
      expect(response.body).toMatchObject({ error: 'RULE_VIOLATED', rule: 'marketing-email-to-non-marketing-contact' });
      expect(await activityEvents(ada)).toHaveLength(before);

      const imported = await newContact({ email: 'imported@example.com', source: 'import' });
      await t.http().post(`/v1/contacts/${imported}/email-events`).send({ emailId: 'launch-2', kind: 'opened' }).expect(422);
      expect(await activityEvents(imported)).toHaveLength(0);
    });

    it('changes the marketing status back with a reason, and needs one', async () => {
      const missing = await t.http().put(`/v1/contacts/${ada}/marketing-status`).send({ status: 'marketing' }).expect(400);
      expect(fieldsOf(missing.body)).toEqual(['reason']);
      await t
        .http()
        .put(`/v1/contacts/${ada}/marketing-status`)
        .send({ status: 'marketing', reason: 'Opted in again at the booth' })
        .expect(200);
      const last = (await contactEvents(ada)).at(-1)!;
      expect([last.type, last.data]).toEqual([
        'ContactMarketingStatusChanged',
        { contactId: ada, previous: 'non-marketing', status: 'marketing', reason: 'Opted in again at the booth' },
      ]);
    });

    it('moves the lifecycle stage', async () => {
      const bad = await t.http().put(`/v1/contacts/${ada}/lifecycle-stage`).send({ stage: 'royalty' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['stage']);
      const response = await t.http().put(`/v1/contacts/${ada}/lifecycle-stage`).send({ stage: 'marketing-qualified' }).expect(200);
      expect(response.body.events).toEqual(['ContactLifecycleStageChanged']);
      const last = (await contactEvents(ada)).at(-1)!;
      expect(last.data).toEqual({ contactId: ada, previous: 'subscriber', stage: 'marketing-qualified' });
    });

    it('assigns and unassigns an owner, refusing an unknown one', async () => {
      const owner = (
        await t.http().post('/v1/owners').send({ name: 'Grace Hopper', email: 'grace@tally.example', role: 'sales' }).expect(201)
      ).body.id;
      const before = (await contactEvents(ada)).length;
      await t.http().put(`/v1/contacts/${ada}/owner`).send({ ownerId: randomUUID() }).expect(404);
      const missing = await t.http().put(`/v1/contacts/${ada}/owner`).send({}).expect(400);
      expect(fieldsOf(missing.body)).toEqual(['ownerId']);
      expect(await contactEvents(ada)).toHaveLength(before);

      await t.http().put(`/v1/contacts/${ada}/owner`).send({ ownerId: owner }).expect(200);
      await t.http().put(`/v1/contacts/${ada}/owner`).send({ ownerId: null }).expect(200);
      expect((await contactEvents(ada)).slice(-2).map((e) => [e.type, e.data])).toEqual([
        ['ContactOwnerAssigned', { contactId: ada, previous: null, ownerId: owner }],
        ['ContactOwnerAssigned', { contactId: ada, previous: owner, ownerId: null }],
      ]);
    });

    it('associates with a company and dissociates, answering 404 for an unknown company', async () => {
      const company = (await t.http().post('/v1/companies').send({ name: 'Analytical Engines' }).expect(201)).body.id;
      const before = (await contactEvents(ada)).length;
      const unknown = randomUUID();
      await t.http().post(`/v1/contacts/${ada}/company`).send({ companyId: unknown }).expect(404);
      await t.http().delete(`/v1/contacts/${ada}/company/${unknown}`).expect(404);
      expect(await contactEvents(ada)).toHaveLength(before);

      await t.http().post(`/v1/contacts/${ada}/company`).send({ companyId: company }).expect(200);
      expect((await t.http().get(`/v1/contacts/${ada}`).expect(200)).body.companyId).toBe(company);
      await t.http().delete(`/v1/contacts/${ada}/company/${company}`).expect(200);
      expect((await contactEvents(ada)).slice(-2).map((e) => [e.type, e.data])).toEqual([
        ['ContactAssociatedWithCompany', { contactId: ada, companyId: company, previousCompanyId: null }],
        ['ContactDissociatedFromCompany', { contactId: ada, companyId: company }],
      ]);
      adaRevision = (await contactEvents(ada)).length - 1;
    });

    it('patches fields and properties under If-Match, answering 409 on a stale revision', async () => {
      const response = await t
        .http()
        .patch(`/v1/contacts/${ada}`)
        .set('If-Match', String(adaRevision))
        .send({ jobTitle: 'Analyst', country: null, properties: { seats: 13, favourite_colour: null } })
        .expect(200);
      expect(response.body).toMatchObject({ revision: adaRevision + 1, events: ['ContactPropertiesChanged'] });
      expect((await contactEvents(ada)).at(-1)!.data).toEqual({
        contactId: ada,
        changes: [
          { property: 'jobTitle', previous: null, value: 'Analyst' },
          { property: 'country', previous: 'GB', value: null },
          { property: 'seats', previous: 12, value: 13 },
          { property: 'favourite_colour', previous: 'teal', value: null },
        ],
      });

      const stale = await t
        .http()
        .patch(`/v1/contacts/${ada}`)
        .set('If-Match', String(adaRevision))
        .send({ jobTitle: 'Mathematician', email: 'ada@lovelace.example' })
        .expect(409);
      expect(stale.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', expectedRevision: adaRevision, actualRevision: adaRevision + 1 });
      expect(await contactEvents(ada)).toHaveLength(adaRevision + 2);
      expect(await emailClaim('ada@lovelace.example')).toHaveLength(0);
    });

    it('refuses bad patches naming the field, built-in field names as undefined properties, and appends nothing', async () => {
      const before = (await contactEvents(ada)).length;
      const bad = await t.http().patch(`/v1/contacts/${ada}`).send({ email: null, phone: 42, properties: [1], nickname: 'x' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['email', 'phone', 'properties', 'nickname']));
      const reserved = await t.http().patch(`/v1/contacts/${ada}`).send({ email: 'ada@new.example', properties: { lifecycleStage: 'x' } }).expect(400);
      expect(fieldsOf(reserved.body)).toEqual(['properties.lifecycleStage']);
      expect(await contactEvents(ada)).toHaveLength(before);
      expect(await emailClaim('ada@new.example')).toHaveLength(0);
    });

    it('changes the email: claims the new one, frees the old one, and refuses one held by another contact', async () => {
      const other = await newContact({ email: 'charles@example.com', source: 'manual' });
      const before = (await contactEvents(ada)).length;
      const taken = await t.http().patch(`/v1/contacts/${ada}`).send({ email: 'Charles@Example.com' }).expect(409);
      expect(taken.body).toMatchObject({ error: 'ALREADY_EXISTS', existingId: other });
      expect(await contactEvents(ada)).toHaveLength(before);

      await t.http().patch(`/v1/contacts/${ada}`).send({ email: 'Ada@Lovelace.example' }).expect(200);
      expect((await contactEvents(ada)).at(-1)!.data).toEqual({
        contactId: ada,
        changes: [{ property: 'email', previous: 'ada@example.com', value: 'ada@lovelace.example' }],
      });
      expect((await emailClaim('ada@lovelace.example')).map((e) => e.type)).toEqual(['UniqueValueClaimed']);
      expect((await emailClaim('ada@example.com')).map((e) => e.type)).toEqual(['UniqueValueClaimed', 'UniqueValueReleased']);
      // The old email is free again.
      await newContact({ email: 'ada@example.com', source: 'api' });
    });

    it('merges a duplicate into the contact, tombstoning it and freeing its email', async () => {
      const duplicate = await newContact({ email: 'a.lovelace@example.com', firstName: 'A.', source: 'import' });
      const response = await t.http().post(`/v1/contacts/${ada}/merge`).send({ duplicateId: duplicate }).expect(200);
      expect(response.body).toMatchObject({ id: ada, events: ['ContactMerged', 'ContactAbsorbed'] });

      const duplicateLast = (await contactEvents(duplicate)).at(-1)!;
      expect([duplicateLast.type, duplicateLast.data]).toEqual([
        'ContactMerged',
        { contactId: duplicate, mergedInto: ada, email: 'a.lovelace@example.com' },
      ]);
      const primaryLast = (await contactEvents(ada)).at(-1)!;
      expect([primaryLast.type, primaryLast.data]).toEqual([
        'ContactAbsorbed',
        { contactId: ada, mergedContactId: duplicate, mergedEmail: 'a.lovelace@example.com' },
      ]);
      expect(isAfter(primaryLast.position, duplicateLast.position)).toBe(true);
      expect((await emailClaim('a.lovelace@example.com')).map((e) => e.type)).toEqual(['UniqueValueClaimed', 'UniqueValueReleased']);

      expect((await t.http().get(`/v1/contacts/${duplicate}`).expect(200)).body).toEqual({ id: duplicate, mergedInto: ada });
      const merged = await t.http().post(`/v1/contacts/${duplicate}/page-views`).send({ url: 'https://tally.example/' }).expect(422);
      expect(merged.body).toMatchObject({ rule: 'contact-merged', mergedInto: ada });
    });

    it('refuses a merge into itself or of a contact merged already, appending nothing', async () => {
      const before = (await contactEvents(ada)).length;
      const self = await t.http().post(`/v1/contacts/${ada}/merge`).send({ duplicateId: ada }).expect(422);
      expect(self.body.rule).toBe('merge-into-self');
      const other = await newContact({ email: 'someone@example.com', source: 'api' });
      const gone = await t.http().post(`/v1/contacts/${ada}/merge`).send({ duplicateId: randomUUID() }).expect(404);
      expect(gone.body.error).toBe('NOT_FOUND');
      await t.http().post(`/v1/contacts/${other}/merge`).send({ duplicateId: ada, extra: true }).expect(400);
      expect(await contactEvents(ada)).toHaveLength(before);
      expect(await contactEvents(other)).toHaveLength(1);
    });
  });

  describe('the marketing policy', () => {
    it('starts at the defaults and changes what the next contact gets', async () => {
      const initial = await t.http().get('/v1/settings/marketing-policy').expect(200);
      expect(initial.body).toMatchObject({ revision: -1, policy: { form: 'marketing', import: 'non-marketing' } });
      expect(initial.body.lockedSources).toEqual(['manual', 'mobile', 'email-logging', 'meeting']);

      const changed = await t
        .http()
        .put('/v1/settings/marketing-policy')
        .send({ policy: { import: 'marketing' }, reason: 'Imported lists are opted in' })
        .expect(200);
      expect(changed.body).toMatchObject({ revision: 0, events: ['MarketingPolicyChanged'] });
      const [event] = await stream('settings-marketing-policy');
      expect(event.data).toEqual({
        previous: initial.body.policy,
        policy: { ...initial.body.policy, import: 'marketing' },
        reason: 'Imported lists are opted in',
      });
      expect((await t.http().get('/v1/settings/marketing-policy').expect(200)).body.policy.import).toBe('marketing');

      const imported = await newContact({ email: 'list@example.com', source: 'import' });
      expect((await contactEvents(imported))[0].data).toMatchObject({ source: 'import', marketingStatus: 'marketing', lifecycleStage: 'lead' });
    });

    it('refuses a locked source with the rule name, and bad fields by name, appending nothing', async () => {
      const locked = await t.http().put('/v1/settings/marketing-policy').send({ policy: { manual: 'marketing' } }).expect(422);
      expect(locked.body).toMatchObject({ error: 'RULE_VIOLATED', rule: 'locked-source', source: 'manual' });
      const bad = await t.http().put('/v1/settings/marketing-policy').send({ policy: { form: 'maybe', fax: 'marketing' } }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['policy.form', 'policy.fax']));
      const missing = await t.http().put('/v1/settings/marketing-policy').send({ reason: 'x' }).expect(400);
      expect(fieldsOf(missing.body)).toContain('policy');
      expect(await stream('settings-marketing-policy')).toHaveLength(1);
    });
  });

  describe('creating contacts', () => {
    it('answers 400 naming each bad field, refuses unknown fields, and appends nothing', async () => {
      const before = await eventsIn('contact');
      const response = await createContact({
        email: 'not-an-email',
        source: 'carrier-pigeon',
        companyId: 'acme',
        properties: { nested: { no: true } },
        firstName: 7,
        extra: 1,
      }).expect(400);
      expect(response.body.error).toBe('VALIDATION_FAILED');
      expect(fieldsOf(response.body)).toEqual(
        expect.arrayContaining(['email', 'source', 'companyId', 'properties', 'firstName', 'extra']),
      );
      await createContact({ firstName: 'Nobody' }).expect(400);
      expect(await eventsIn('contact')).toBe(before);
    });

    it('refuses a built-in field as a property, an undefined property or an unknown company before claiming the email', async () => {
      const reserved = await createContact({ email: 'reserved@example.com', source: 'api', properties: { ownerId: 'x' } }).expect(400);
      expect(reserved.body.fields).toEqual([{ field: 'properties.ownerId', reason: 'property ownerId is not defined for contacts' }]);
      const unknown = await createContact({ email: 'reserved@example.com', source: 'api', properties: { shoe_size: 9 } }).expect(400);
      expect(fieldsOf(unknown.body)).toEqual(['properties.shoe_size']);
      await createContact({ email: 'reserved@example.com', source: 'api', companyId: randomUUID() }).expect(404);
      expect(await emailClaim('reserved@example.com')).toHaveLength(0);
    });

    it('takes over a claim left behind by a crash, but not one that may still be in flight', async () => {
      const ghost = randomUUID();
      const claimed = (email: string, occurredAt: string) =>
        t.runtime.eventStore.appendToStream(uniqueValueStream('contact-email', email), [
          newEvent('UniqueValueClaimed', { kind: 'contact-email', value: email, ownerId: ghost }, { occurredAt }),
        ]);

      await claimed('crashed@example.com', '2026-01-15T10:00:00.000Z');
      const id = await newContact({ email: 'crashed@example.com', source: 'api' });
      expect((await emailClaim('crashed@example.com')).map((e) => [e.type, e.data])).toEqual([
        ['UniqueValueClaimed', { kind: 'contact-email', value: 'crashed@example.com', ownerId: ghost }],
        ['UniqueValueReleased', { kind: 'contact-email', value: 'crashed@example.com', ownerId: ghost }],
        ['UniqueValueClaimed', { kind: 'contact-email', value: 'crashed@example.com', ownerId: id }],
      ]);

      await claimed('in-flight@example.com', new Date().toISOString());
      const response = await createContact({ email: 'in-flight@example.com', source: 'api' }).expect(409);
      expect(response.body.existingId).toBe(ghost);
      expect(await emailClaim('in-flight@example.com')).toHaveLength(1);
    });

    it('answers a retry under the same Idempotency-Key with the same contact', async () => {
      const headers = { 'Idempotency-Key': 'create-babbage-1' };
      const payload = { email: 'babbage@example.com', source: 'integration' };
      const first = await createContact(payload, headers).expect(201);
      // As if the process died between the append and storing the answer.
      await t.db.pool.query(`DELETE FROM tally_idempotency_keys WHERE key = 'create-babbage-1'`);
      const retry = await createContact(payload, headers).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(await contactEvents(first.body.id)).toHaveLength(1);
      expect(await emailClaim('babbage@example.com')).toHaveLength(1);
    });

    it('answers 404 for an unknown contact and 400 for an id that is not one', async () => {
      await t.http().get(`/v1/contacts/${randomUUID()}`).expect(404);
      await t.http().patch(`/v1/contacts/${randomUUID()}`).send({ jobTitle: 'x' }).expect(404);
      await t.http().post(`/v1/contacts/${randomUUID()}/page-views`).send({ url: 'https://tally.example/' }).expect(404);
      await t.http().get('/v1/contacts/nope').expect(400);
    });
  });
});
