// Forms: definitions by marketing, read publicly; public key-less submissions that create or update the contact
// (deduplicated by normalized email) with the policy's marketing status, and record FormSubmitted with the page and
// its UTM parameters; CORS per form; the hosted page and its no-JavaScript form post.
import type { RecordedEvent } from '#event-store';
import { formsProjection } from '#projections/forms';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

// Submissions are counted per address; every request of this spec comes from one.
process.env.TALLY_FORM_RATE_LIMIT = '100000';

const MINIMAL = { name: 'Demo', fields: [{ name: 'email', type: 'email', required: true }, { name: 'firstName', type: 'text' }] };

describe('forms', () => {
  const t = useTestApp({ projections: [formsProjection] });

  const createForm = async (body: object = MINIMAL): Promise<string> => {
    const marketing = await t.as('marketing');
    const response = await marketing.post('/v1/forms').send(body).expect(201);
    return response.body.id as string;
  };
  const submit = (formId: string, body: object) => t.anonymous().post(`/v1/forms/${formId}/submissions`).send(body);
  const formEvents = async (contactId: string): Promise<RecordedEvent[]> =>
    (await collect(t.runtime.eventStore.readStream(`activity-${contactId}`))).filter((event) => event.type === 'FormSubmitted');
  const contact = async (contactId: string) => (await t.http().get(`/v1/contacts/${contactId}`).expect(200)).body;

  describe('definitions', () => {
    it('creates a form from the minimal body and serves its definition without a key', async () => {
      const formId = await createForm();
      const { body } = await t.anonymous().get(`/v1/forms/${formId}`).expect(200);
      expect(body).toMatchObject({
        id: formId,
        version: 1,
        name: 'Demo',
        fields: [
          { name: 'email', type: 'email', label: 'email', required: true, mapsTo: 'email' },
          { name: 'firstName', type: 'text', required: false, mapsTo: 'firstName' },
        ],
        settings: { submitText: 'Submit', redirectUrl: null, allowedOrigins: [], consentPolicy: 'policy' },
        hostedUrl: `/f/${formId}`,
      });
    });

    it('lets marketing write forms, and neither sales nor a caller without a key', async () => {
      await (await t.as('sales')).post('/v1/forms').send(MINIMAL).expect(403);
      await t.anonymous().post('/v1/forms').send(MINIMAL).expect(401);
      const formId = await createForm();
      await t.anonymous().patch(`/v1/forms/${formId}`).send({ name: 'Hijacked' }).expect(401);
    });

    it('refuses a bad definition with a 400 naming each field at fault', async () => {
      const marketing = await t.as('marketing');
      const { body } = await marketing
        .post('/v1/forms')
        .send({ name: 'Bad', fields: [{ name: 'email', type: 'email', required: true }, { name: 'size', type: 'select' }], settings: { allowedOrigins: ['*'] } })
        .expect(400);
      expect(body.fields.map((problem: { field: string }) => problem.field)).toEqual(['fields[1].validation.options', 'settings.allowedOrigins[0]']);
      const missing = await marketing.post('/v1/forms').send({ name: 'No email', fields: [{ name: 'email', type: 'email' }] }).expect(400);
      expect(missing.body.fields).toEqual([{ field: 'fields[0].required', reason: expect.stringContaining('required') }]);
    });

    it('lists the forms with their versions and submissions to marketing, sales and service', async () => {
      const formId = await createForm({ ...MINIMAL, name: 'Listed' });
      const submitted = await submit(formId, { fields: { email: 'listed@example.com' } }).expect(201);
      for (const role of ['marketing', 'sales', 'service'] as const) {
        const { body } = await (await t.as(role)).get(`/v1/forms?minPosition=${submitted.body.position}`).expect(200);
        expect(body.data).toContainEqual(expect.objectContaining({ id: formId, name: 'Listed', version: 1, fieldCount: 2, submissions: 1 }));
      }
      await t.anonymous().get('/v1/forms').expect(401);
    });

    it('versions a change and answers 404 for an unknown form', async () => {
      const formId = await createForm();
      const marketing = await t.as('marketing');
      await marketing.patch(`/v1/forms/${formId}`).send({ settings: { submitText: 'Send' } }).expect(200);
      const { body } = await t.anonymous().get(`/v1/forms/${formId}`).expect(200);
      expect(body).toMatchObject({ version: 2, settings: { submitText: 'Send' } });
      await t.anonymous().get('/v1/forms/00000000-0000-4000-8000-000000000404').expect(404);
      await marketing.patch('/v1/forms/00000000-0000-4000-8000-000000000404').send({ name: 'x' }).expect(404);
    });
  });

  describe('submissions', () => {
    it("creates the contact without a key, with the policy's marketing status, its source and the page's UTM parameters", async () => {
      const formId = await createForm();
      const pageUrl = 'https://www.example.com/demo?utm_source=ads&utm_medium=cpc&utm_campaign=q4';
      const { body } = await submit(formId, { fields: { email: 'Ada@Example.com', firstName: 'Ada' }, pageUrl }).expect(201);
      expect(body).toMatchObject({ created: true, formId, formVersion: 1, utm: { source: 'ads', medium: 'cpc', campaign: 'q4' } });
      expect(await contact(body.id)).toMatchObject({ email: 'ada@example.com', firstName: 'Ada', source: 'form', marketingStatus: 'marketing', lifecycleStage: 'subscriber' });
      const [submitted] = await formEvents(body.id);
      expect(submitted.metadata.schemaVersion).toBe(2);
      expect(submitted.data).toEqual({
        contactId: body.id,
        formId,
        fields: { email: 'ada@example.com', firstName: 'Ada' },
        pageUrl,
        utm: { source: 'ads', medium: 'cpc', campaign: 'q4', term: null, content: null },
      });
    });

    it('gives a new contact the status the marketing policy sets for forms', async () => {
      await t.http().put('/v1/settings/marketing-policy').send({ policy: { form: 'non-marketing' } }).expect(200);
      try {
        const formId = await createForm();
        const { body } = await submit(formId, { fields: { email: 'nina@example.com' } }).expect(201);
        expect(await contact(body.id)).toMatchObject({ source: 'form', marketingStatus: 'non-marketing' });
      } finally {
        await t.http().put('/v1/settings/marketing-policy').send({ policy: { form: 'marketing' } }).expect(200);
      }
    });

    it('updates the same contact when the email comes back in another case (200, same id)', async () => {
      const formId = await createForm();
      const first = await submit(formId, { fields: { email: 'grace@example.com', firstName: 'Grace' } }).expect(201);
      const again = await submit(formId, { fields: { email: ' GRACE@Example.COM ', firstName: 'Gracie' }, pageUrl: 'https://x.test/?utm_source=mail' }).expect(200);
      expect(again.body).toMatchObject({ id: first.body.id, created: false });
      expect(await contact(first.body.id)).toMatchObject({ email: 'grace@example.com', firstName: 'Gracie' });
      expect((await formEvents(first.body.id)).map((event) => (event.data as { utm: unknown }).utm)).toEqual([
        { source: null, medium: null, campaign: null, term: null, content: null },
        { source: 'mail', medium: null, campaign: null, term: null, content: null },
      ]);
    });

    it('makes a new contact a marketing contact only with consent, when the form asks for it', async () => {
      const formId = await createForm({
        name: 'Newsletter',
        fields: [{ name: 'email', type: 'email', required: true }, { name: 'news', type: 'consent', label: 'Send me the newsletter' }],
        settings: { consentPolicy: 'consent' },
      });
      const without = await submit(formId, { fields: { email: 'no@example.com' } }).expect(201);
      const withConsent = await submit(formId, { fields: { email: 'yes@example.com', news: true } }).expect(201);
      expect(await contact(without.body.id)).toMatchObject({ marketingStatus: 'non-marketing' });
      expect(await contact(withConsent.body.id)).toMatchObject({ marketingStatus: 'marketing' });
      expect(((await formEvents(withConsent.body.id))[0].data as { fields: unknown }).fields).toEqual({ email: 'yes@example.com', news: 'true' });
    });

    it('fills in mapped custom properties, typed', async () => {
      const defined = await t.http().post('/v1/properties/contacts').send({ name: 'team_size', label: 'Team size', type: 'number' });
      expect(defined.status).toBe(201);
      const formId = await createForm({ name: 'Sizing', fields: [{ name: 'email', type: 'email', required: true }, { name: 'size', type: 'number', mapsTo: 'property.team_size' }] });
      const { body } = await submit(formId, { fields: { email: 'sized@example.com', size: '12' } }).expect(201);
      expect((await contact(body.id)).properties).toEqual({ team_size: 12 });
    });

    it('answers a retry with the same Idempotency-Key once, counting the submission once', async () => {
      const formId = await createForm();
      const send = () => submit(formId, { fields: { email: 'retry@example.com' } }).set('Idempotency-Key', 'visit-42');
      const first = await send().expect(201);
      const second = await send().expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await formEvents(first.body.id)).toHaveLength(1);
      // A retried update is answered as it was first: 200, not the route's 201.
      const update = () => submit(formId, { fields: { email: 'retry@example.com' } }).set('Idempotency-Key', 'visit-43');
      await update().expect(200);
      expect((await update().expect(200)).headers['idempotent-replayed']).toBe('true');
    });

    it('allows CORS only for the origins of the form, answers the preflight, and refuses posts from other sites', async () => {
      const formId = await createForm({ ...MINIMAL, settings: { allowedOrigins: ['https://shop.example'] } });
      const preflight = await t
        .anonymous()
        .options(`/v1/forms/${formId}/submissions`)
        .set('Origin', 'https://shop.example')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type')
        .expect(204);
      expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': 'https://shop.example', 'access-control-allow-methods': expect.stringContaining('POST') });
      const foreignPreflight = await t.anonymous().options(`/v1/forms/${formId}/submissions`).set('Origin', 'https://evil.example').expect(204);
      expect(foreignPreflight.headers['access-control-allow-origin']).toBeUndefined();

      const allowed = await submit(formId, { fields: { email: 'cors@example.com' } }).set('Origin', 'https://shop.example').expect(201);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example');
      const read = await t.anonymous().get(`/v1/forms/${formId}`).set('Origin', 'https://evil.example').expect(200);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();

      const before = await t.db.pool.query('SELECT count(*) FROM tally_events');
      const refused = await submit(formId, { fields: { email: 'evil@example.com' } }).set('Origin', 'https://evil.example').expect(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect((await t.db.pool.query('SELECT count(*) FROM tally_events')).rows).toEqual(before.rows);
    });
  });

  describe('the hosted page', () => {
    it('renders plain accessible HTML under a strict policy, escaping what the form says', async () => {
      const formId = await createForm({
        name: 'Talk to <b>us</b>',
        fields: [
          { name: 'email', type: 'email', label: 'Work email', required: true },
          { name: 'firstName', type: 'text', label: '<script>alert(1)</script>' },
          { name: 'campaign', type: 'hidden' },
        ],
        settings: { submitText: 'Send "it"' },
      });
      const page = await t.anonymous().get(`/f/${formId}?utm_source=ads&campaign=spring`).expect(200).expect('Content-Type', /text\/html/);
      const html = page.text;
      expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; form-action 'self'/);
      expect(html).toContain('<html lang="en">');
      expect(html).toMatch(/<main>[\s\S]*<\/main>/);
      expect(html).toContain(`<form method="post" action="/v1/forms/${formId}/submissions" enctype="application/x-www-form-urlencoded"`);
      expect(html).toContain('<label for="f-email">Work email (required)</label><input type="email" id="f-email" name="email" value="" autocomplete="email" required>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script');
      expect(html).toContain('Talk to &lt;b&gt;us&lt;/b&gt;');
      expect(html).toContain('<input type="hidden" name="campaign" value="spring">');
      expect(html).toContain(':focus-visible{outline:3px solid');
    });

    it('answers an unknown or malformed form id with an HTML 404 that does not echo it', async () => {
      const unknown = await t.anonymous().get('/f/00000000-0000-4000-8000-000000000404').expect(404).expect('Content-Type', /text\/html/);
      expect(unknown.text).toContain('Form not found');
      const hostile = await t.anonymous().get(`/f/${encodeURIComponent('<script>alert(1)</script>')}`).expect(404);
      expect(hostile.text).not.toContain('<script>');
    });

    it('takes a browser form post and answers the thank-you page, or the form again with its errors', async () => {
      const formId = await createForm({ ...MINIMAL, settings: { thankYouMessage: 'Thanks & see you soon' } });
      const post = (form: string) => t.anonymous().post(`/v1/forms/${formId}/submissions`).type('form').send(form);
      const thanks = await post(`email=web%40example.com&firstName=Wen&_hp=&_pageUrl=${encodeURIComponent('https://x.test/f?utm_source=web')}`).expect(201);
      expect(thanks.headers['content-type']).toMatch(/text\/html/);
      expect(thanks.text).toContain('<p role="status">Thanks &amp; see you soon</p>');
      const refused = await post('email=not-an-email&firstName=%3Cb%3E').expect(400);
      expect(refused.text).toContain('aria-invalid="true" aria-describedby="f-email-error"');
      expect(refused.text).toContain('value="&lt;b&gt;"');
    });

    it('redirects a browser form post when the form names a redirect URL', async () => {
      const formId = await createForm({ ...MINIMAL, settings: { redirectUrl: 'https://www.example.com/thanks' } });
      const answer = await t.anonymous().post(`/v1/forms/${formId}/submissions`).type('form').send('email=redirect%40example.com').expect(303);
      expect(answer.headers.location).toBe('https://www.example.com/thanks');
    });
  });
});
