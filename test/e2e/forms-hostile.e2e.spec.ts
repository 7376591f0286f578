// The public submission route is hostile territory: 1,000 seeded bad submissions (honeypot filled, required field
// missing, bad emails, oversized bodies, unknown fields, wrong types, non-JSON bodies, script in form ids, foreign
// origins, ...) are each answered with a 4xx that leaks no stack, and not one event reaches the log. Then a
// separate app shows the per-address rate limit.
import type { Test } from 'supertest';
import { Prng } from '#synthetic-history';
import { startTestApp, useTestApp, type TestApp } from '#test/support/test-app';

const REQUESTS = 1_000;
const UNKNOWN_FORM = '00000000-0000-4000-8000-00000000f018';
const STACK = /\bat [^\s]+ \(|node_modules|\.ts:\d+|Error: |SELECT |tally_events/;

type Hostile = Readonly<{ kind: string; send: (t: Omit<TestApp, 'close'>, formId: string) => Test }>;

const json = (body: unknown, path?: string): Hostile['send'] => (t, formId) =>
  t.anonymous().post(path ?? `/v1/forms/${formId}/submissions`).set('Content-Type', 'application/json').send(JSON.stringify(body));
const raw = (contentType: string, body: string, path?: string): Hostile['send'] => (t, formId) =>
  t.anonymous().post(path ?? `/v1/forms/${formId}/submissions`).set('Content-Type', contentType).send(body);

const BAD_EMAILS = ['', ' ', 'ada', 'ada@', '@example.com', 'ada@example', 'a b@example.com', 'аda@example.com', 'ada@exa\u0000mple.com', `${'a'.repeat(300)}@example.com`, '<script>@x.com'];
const SCRIPT_IDS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; DROP TABLE tally_events; --", '../../etc/passwd', '%00', 'javascript:alert(1)'];

const hostile = (prng: Prng): Hostile => {
  // Each case below breaks one thing of an otherwise good submission.
  const valid = { email: `v${prng.int(0, 1e6)}@example.com`, firstName: 'Val', terms: true };
  const wrongType = prng.pick(['email', 'firstName', 'terms']);
  const cases: Hostile[] = [
    { kind: 'honeypot filled', send: json({ fields: { ...valid, _hp: prng.pick(['http://spam.test', 'x', ' ', '0']) } }) },
    { kind: 'honeypot filled in a form post', send: raw('application/x-www-form-urlencoded', `email=${encodeURIComponent(valid.email)}&terms=true&_hp=buy+now`) },
    { kind: 'required field missing', send: json({ fields: { firstName: 'Nobody' } }) },
    { kind: 'required consent not ticked', send: json({ fields: { ...valid, terms: prng.pick([false, 'false', 'off', '']) } }) },
    { kind: 'bad email', send: json({ fields: { ...valid, email: prng.pick(BAD_EMAILS) } }) },
    { kind: 'oversized body', send: json({ fields: { ...valid, firstName: 'x'.repeat(prng.int(40_000, 200_000)) } }) },
    { kind: 'oversized form post', send: raw('application/x-www-form-urlencoded', `email=a%40b.test&firstName=${'x'.repeat(prng.int(40_000, 100_000))}`) },
    { kind: 'over-long field', send: json({ fields: { ...valid, firstName: 'x'.repeat(prng.int(501, 5_000)) } }) },
    { kind: 'unknown field', send: json({ fields: { ...valid, [prng.pick(['admin', 'ownerId', '__proto__', 'constructor', 'email2', '<script>'])]: 'x' } }) },
    { kind: 'unknown top-level key', send: json({ fields: valid, contactId: 'c1' }) },
    {
      kind: 'wrong type',
      send: json({ fields: { ...valid, [wrongType]: prng.pick(wrongType === 'terms' ? [42, [], {}, 'maybe', 'TRUE!'] : [42, true, [], {}, ['a@b.test'], { $gt: '' }]) } }),
    },
    { kind: 'fields not an object', send: json({ fields: prng.pick([null, 'email=a@b.test', [valid], 7]) }) },
    { kind: 'body not an object', send: json(prng.pick([[valid], 'x', 42, null])) },
    { kind: 'broken JSON', send: raw('application/json', prng.pick(['{"fields":', '{fields: {}}', "{'a':1}", '{"fields":{"email":"a@b.test"}}}'])) },
    { kind: 'not JSON nor a form', send: raw(prng.pick(['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/octet-stream']), 'email=a@b.test') },
    { kind: 'no body', send: (t, formId) => t.anonymous().post(`/v1/forms/${formId}/submissions`) },
    { kind: 'control characters', send: json({ fields: { ...valid, firstName: prng.pick(['a\u0000b', 'a\u0007b', 'a\nb', '\u001b[31mred']) } }) },
    { kind: 'bad page URL', send: json({ fields: valid, pageUrl: prng.pick(['javascript:alert(1)', 'not a url', 42, `https://x.test/${'p'.repeat(3_000)}`, 'data:text/html,<script>']) }) },
    { kind: 'script in the form id', send: json({ fields: valid }, `/v1/forms/${encodeURIComponent(prng.pick(SCRIPT_IDS))}/submissions`) },
    { kind: 'unknown form', send: json({ fields: valid }, `/v1/forms/${UNKNOWN_FORM}/submissions`) },
    { kind: 'script in a hosted page id', send: (t) => t.anonymous().get(`/f/${encodeURIComponent(prng.pick(SCRIPT_IDS))}`) },
    { kind: 'foreign origin', send: (t, formId) => json({ fields: valid })(t, formId).set('Origin', prng.pick(['https://evil.test', 'null', 'http://127.0.0.1:1'])) },
    { kind: 'malformed Idempotency-Key', send: (t, formId) => json({ fields: valid })(t, formId).set('Idempotency-Key', prng.pick(['a b', 'x'.repeat(200), '<script>'])) },
    { kind: 'form post sent twice over', send: raw('application/x-www-form-urlencoded', `email=a%40b.test&terms=true&email=c%40d.test`) },
    { kind: 'broken percent-encoding', send: raw('application/x-www-form-urlencoded', prng.pick(['email=%E0%A4%A', 'email=%zz', 'email=%C0%AF'])) },
    { kind: 'urlencoded with raw UTF-8', send: raw('application/x-www-form-urlencoded; charset=utf-8', 'email=ådå@example.com') },
    { kind: 'writes without a key', send: (t, formId) => t.anonymous().patch(`/v1/forms/${formId}`).send({ name: 'pwned' }) },
  ];
  return prng.pick(cases);
};

describe('1,000 hostile submissions', () => {
  process.env.TALLY_FORM_RATE_LIMIT = '100000';
  const t = useTestApp({ projections: [] });
  const countEvents = async () => Number((await t.db.pool.query<{ count: string }>('SELECT count(*) FROM tally_events')).rows[0].count);

  it('are each refused with a 4xx without a stack trace, and write nothing', async () => {
    const marketing = await t.as('marketing');
    const created = await marketing
      .post('/v1/forms')
      .send({ name: 'Trial', fields: [{ name: 'email', type: 'email', required: true }, { name: 'firstName', type: 'text' }, { name: 'terms', type: 'checkbox', required: true, mapsTo: null }] })
      .expect(201);
    const formId = created.body.id as string;
    // The form takes a good submission: what is refused below is refused for being bad.
    await t.anonymous().post(`/v1/forms/${formId}/submissions`).send({ fields: { email: 'good@example.com', terms: true } }).expect(201);

    const before = await countEvents();
    const prng = new Prng(18);
    const failures: string[] = [];
    const kinds = new Set<string>();
    for (let i = 0; i < REQUESTS; i++) {
      const { kind, send } = hostile(prng);
      kinds.add(kind);
      const response = await send(t, formId);
      if (response.status < 400 || response.status >= 500) failures.push(`#${i} ${kind}: ${response.status} ${response.text.slice(0, 200)}`);
      if (STACK.test(response.text)) failures.push(`#${i} ${kind}: leaks ${response.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(kinds.size).toBeGreaterThanOrEqual(25);
    expect(await countEvents()).toBe(before);
    // And the route still serves a good submission.
    await t.anonymous().post(`/v1/forms/${formId}/submissions`).send({ fields: { email: 'after@example.com', terms: 'on' } }).expect(201);
  });
});

describe('the per-address rate limit on submissions', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.TALLY_FORM_RATE_LIMIT = '3';
    t = await startTestApp({ projections: [] });
    process.env.TALLY_FORM_RATE_LIMIT = '100000';
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After past TALLY_FORM_RATE_LIMIT a minute, and writes nothing for it', async () => {
    const marketing = await t.as('marketing');
    const formId = (await marketing.post('/v1/forms').send({ name: 'Demo', fields: [{ name: 'email', type: 'email', required: true }] }).expect(201)).body.id;
    for (let i = 0; i < 3; i++) await t.anonymous().post(`/v1/forms/${formId}/submissions`).send({ fields: { email: `r${i}@example.com` } }).expect(201);
    const before = await t.db.pool.query('SELECT count(*) FROM tally_events');
    const limited = await t.anonymous().post(`/v1/forms/${formId}/submissions`).send({ fields: { email: 'r4@example.com' } }).expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect((await t.db.pool.query('SELECT count(*) FROM tally_events')).rows).toEqual(before.rows);
    // Reading the form is not a submission.
    await t.anonymous().get(`/v1/forms/${formId}`).expect(200);
  });
});
