// The hosted answer page of a survey link (GET /s/:token): plain HTML without JavaScript, a radio button per score
// of the survey's scale, posting back a form; and the per-address limit on answers, shared by the page and
// POST /v1/survey-responses.
import { randomUUID } from 'node:crypto';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

const SECRET = 'hosted-page-spec-secret-at-least-32-characters';
const LIMIT = 8;

describe('the hosted survey page', () => {
  const t = useTestApp({ env: { TALLY_SURVEY_SIGNING_SECRET: SECRET, TALLY_SURVEY_RATE_LIMIT: String(LIMIT) } });
  let token = '';
  let linkId = '';

  beforeAll(async () => {
    const ownerId = (await t.http().post('/v1/owners').send({ name: 'Page', email: `${randomUUID()}@example.com`, team: 'Page', role: 'service' }).expect(201)).body.id;
    const contactId = (await t.http().post('/v1/contacts').send({ email: `${randomUUID()}@example.com`, source: 'api', ownerId }).expect(201)).body.id;
    const surveyId = (await t.http().post('/v1/surveys').send({ type: 'csat', name: 'Support <CSAT>', question: 'How did we do?' }).expect(201)).body.id;
    ({ token, linkId } = (await t.http().post(`/v1/surveys/${surveyId}/links`).send({ contactId }).expect(201)).body);
  });

  it('shows the question, one radio button per score of the scale and a comment box, escaped, without a key', async () => {
    const shown = await t.anonymous().get(`/s/${token}`).expect(200);
    expect(shown.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(shown.text).toContain('<h1>Support &lt;CSAT&gt;</h1>');
    expect(shown.text).toContain('<legend>How did we do? (1 = very dissatisfied, 5 = very satisfied)</legend>');
    expect(shown.text.match(/type="radio" name="score"/g)).toHaveLength(5);
    expect(shown.text).toContain(`<form method="post" action="/s/${token}">`);
    expect(shown.text).toContain('<label for="comment">');
    expect(shown.text).not.toContain('<script');
  });

  it('answers a posted form once: a score out of range shows the form again, a second answer is refused', async () => {
    const form = (body: string) => t.anonymous().post(`/s/${token}`).set('Content-Type', 'application/x-www-form-urlencoded').send(body);
    const refused = await form('score=6&comment=hm').expect(400);
    expect(refused.text).toMatch(/role="alert"[^>]*>score: must be a whole number from 1 to 5/);
    const answered = await form('score=4&comment=Quick+%26+kind').expect(201);
    expect(answered.text).toContain('Your answer has been recorded.');
    await eventually(async () => {
      const comments = (await t.http().get('/v1/read-models/survey-comments').expect(200)).body;
      expect(comments.data).toEqual([expect.objectContaining({ linkId, score: 4, category: 'satisfied', comment: 'Quick & kind' })]);
    });
    expect((await form('score=5').expect(409)).text).toContain('Already answered');
    expect((await t.anonymous().get(`/s/${token}`).expect(200)).text).toContain('answered already');
    // A forged signature: the last character changed (to A, or to E when it was A: base64url's last character of 32
    // bytes carries 4 bits, so A and B would decode alike).
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'E' : 'A'}`;
    expect((await t.anonymous().get(`/s/${forged}`).expect(400)).text).toContain('Survey link not found');
  });

  it('lets one address answer at most its limit a minute, then answers 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < LIMIT + 2; i++) {
      const answer = await t.anonymous().post('/v1/survey-responses').send({ token: `${randomUUID()}.${randomUUID()}.${'A'.repeat(43)}`, score: 1 });
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter = answer.headers['retry-after'];
    }
    // The three page posts above count against the same address.
    expect(statuses.filter((status) => status === 400)).toHaveLength(LIMIT - 3);
    expect(statuses.slice(LIMIT - 3)).toEqual(Array(5).fill(429));
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
