// Surveys end to end (#18): a survey defined over HTTP, response links issued per contact (and ticket) with signed
// tokens, key-less answers taken once, hostile answers refused without writing, and the NPS, CES and CSAT read
// models answering exact numbers per team, ticket pipeline and period; a detractor's answer enrols the contact in
// a workflow that listens for it, a promoter's does not.
import { randomUUID } from 'node:crypto';
import { signSurveyToken, type WorkflowEngine } from '#application';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';
import { DEFAULT_TICKET_PIPELINE_ID } from '#domain/pipeline';
import { collect, committedCount } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

const SECRET = 'survey-spec-secret-of-at-least-32-characters';

type Link = { id: string; linkId: string; token: string; url: string; position: string };

describe('surveys', () => {
  const t = useTestApp({ env: { TALLY_SURVEY_SIGNING_SECRET: SECRET, TALLY_SURVEY_RATE_LIMIT: '1000' } });
  let last = '';

  const createOwner = async (name: string, team: string): Promise<string> =>
    (await t.http().post('/v1/owners').send({ name, email: `${name}-${randomUUID().slice(0, 8)}@example.com`, team, role: 'service' }).expect(201)).body.id;
  const createContact = async (ownerId: string): Promise<string> =>
    (await t.http().post('/v1/contacts').send({ email: `${randomUUID().slice(0, 12)}@example.com`, source: 'api', ownerId }).expect(201)).body.id;
  const createTicket = async (): Promise<string> => (await t.http().post('/v1/tickets').send({ subject: 'It broke', priority: 'low' }).expect(201)).body.id;
  const createSurvey = async (type: string, name = `${type} survey`): Promise<string> => {
    const created = await t.http().post('/v1/surveys').send({ type, name }).expect(201);
    expect(created.body.events).toEqual(['SurveyCreated']);
    return created.body.id;
  };
  const issue = async (surveyId: string, contactId: string, ticketId?: string): Promise<Link> =>
    (await t.http().post(`/v1/surveys/${surveyId}/links`).send({ contactId, ...(ticketId ? { ticketId } : {}) }).expect(201)).body;
  const answer = async (token: string, score: number, comment?: string, status = 201) => {
    const answered = await t.anonymous().post('/v1/survey-responses').send({ token, score, ...(comment === undefined ? {} : { comment }) }).expect(status);
    if (status === 201) last = answered.body.position;
    return answered.body;
  };
  const readModel = async (path: string, query: Record<string, string> = {}) =>
    (await t.http().get(`/v1/read-models/${path}`).query({ ...query, minPosition: last }).expect(200)).body;
  // Every survey event committed, counted in the table: readers of the log see only below the oldest running transaction.
  const written = async () => (await committedCount(t.db.pool, 'survey')) + (await committedCount(t.db.pool, 'surveylink'));

  describe('the minimal bodies of the issue', () => {
    it('define a survey, issue a link, answer it without a key and read the NPS', async () => {
      const owner = await createOwner('minimal', 'Minimal team');
      const contactId = await createContact(owner);
      const created = await t.http().post('/v1/surveys').send({ type: 'nps', name: 'Q4 NPS' }).expect(201);
      const surveyId: string = created.body.id;
      expect(surveyId).toMatch(/^[0-9a-f-]{36}$/);
      expect((await t.http().get(`/v1/surveys/${surveyId}`).expect(200)).body).toEqual({
        surveyId,
        type: 'nps',
        name: 'Q4 NPS',
        question: 'How likely are you to recommend us to a friend or colleague?',
        revision: 0,
      });

      const link = (await t.http().post(`/v1/surveys/${surveyId}/links`).send({ contactId }).expect(201)).body;
      expect(link).toMatchObject({ id: link.linkId, token: expect.stringMatching(new RegExp(`^${link.linkId}\\.${surveyId}\\.[A-Za-z0-9_-]{43}$`)), events: ['SurveyLinkIssued'] });
      expect(link.url).toMatch(new RegExp(`^http://[^/]+/s/${link.token.replace(/[.]/g, '\\.')}$`));

      const answered = await t.anonymous().post('/v1/survey-responses').send({ token: link.token, score: 9, comment: 'Quick and kind' }).expect(201);
      expect(answered.body).toMatchObject({ id: link.linkId, events: ['SurveyResponded'], category: 'promoter' });
      last = answered.body.position;

      const { data } = await readModel('nps', { surveyId });
      expect(data).toEqual({ responses: 1, promoters: 1, passives: 0, detractors: 0, score: '100.0', groupBy: null, groups: [] });
      const listed = (await t.http().get('/v1/surveys').query({ minPosition: last }).expect(200)).body.data;
      expect(listed).toContainEqual(expect.objectContaining({ surveyId, type: 'nps', name: 'Q4 NPS', responses: 1 }));
    });

    it('refuses bad definitions and links, naming the field', async () => {
      const fieldsOf = (body: { fields: { field: string }[] }) => body.fields.map((f) => f.field);
      expect(fieldsOf((await t.http().post('/v1/surveys').send({ type: 'stars', name: 'x' }).expect(400)).body)).toEqual(['type']);
      expect(fieldsOf((await t.http().post('/v1/surveys').send({ type: 'ces', name: '   ' }).expect(400)).body)).toEqual(['name']);
      const surveyId = await createSurvey('csat');
      expect(fieldsOf((await t.http().post(`/v1/surveys/${surveyId}/links`).send({ contactId: randomUUID() }).expect(400)).body)).toEqual(['contactId']);
      const contactId = await createContact(await createOwner('links', 'Links team'));
      expect(fieldsOf((await t.http().post(`/v1/surveys/${surveyId}/links`).send({ contactId, ticketId: randomUUID() }).expect(400)).body)).toEqual(['ticketId']);
      await t.http().post(`/v1/surveys/${randomUUID()}/links`).send({ contactId }).expect(404);
      await t.http().get(`/v1/surveys/${randomUUID()}`).expect(404);
    });
  });

  describe('tokens', () => {
    let surveyId = '';
    let contactId = '';

    beforeAll(async () => {
      surveyId = await createSurvey('nps', 'Token NPS');
      contactId = await createContact(await createOwner('tokens', 'Token team'));
    });

    it('takes one answer per link: a used token is refused with 409 SURVEY_LINK_USED and writes nothing', async () => {
      const link = await issue(surveyId, contactId);
      await answer(link.token, 10);
      const before = await written();
      const refused = await answer(link.token, 0, 'second try', 409);
      expect(refused).toMatchObject({ error: 'SURVEY_LINK_USED', linkId: link.linkId });
      expect(await written()).toBe(before);
      const stream = await collect(t.runtime.eventStore.readStream(`surveylink-${link.linkId}`));
      expect(stream.map((e) => [e.type, (e.data as { score?: number }).score])).toEqual([['SurveyLinkIssued', undefined], ['SurveyResponded', 10]]);
    });

    it('takes one of two answers sent at once', async () => {
      const link = await issue(surveyId, contactId);
      const statuses = await Promise.all([9, 1].map(async (score) => (await t.anonymous().post('/v1/survey-responses').send({ token: link.token, score })).status));
      expect(statuses.sort()).toEqual([201, 409]);
      const stream = await collect(t.runtime.eventStore.readStream(`surveylink-${link.linkId}`));
      expect(stream.map((e) => e.type)).toEqual(['SurveyLinkIssued', 'SurveyResponded']);
    });

    it('refuses a forged token with 400 and an unknown link with 404, writing nothing', async () => {
      const link = await issue(surveyId, contactId);
      const before = await written();
      const forged = [
        `${link.token.slice(0, -2)}AA`,
        signSurveyToken('another-secret-of-at-least-32-characters!', { linkId: link.linkId, surveyId }),
        `${randomUUID()}.${surveyId}.${link.token.slice(-43)}`,
        'not-a-token',
      ];
      for (const token of forged) {
        const refused = await t.anonymous().post('/v1/survey-responses').send({ token, score: 5 }).expect(400);
        expect([token, refused.body.error, refused.body.fields]).toEqual([token, 'SURVEY_TOKEN_INVALID', [expect.objectContaining({ field: 'token' })]]);
      }
      // Signed with the server's secret, but never issued (or signed for another survey than its link's).
      await t.anonymous().post('/v1/survey-responses').send({ token: signSurveyToken(SECRET, { linkId: randomUUID(), surveyId }), score: 5 }).expect(404);
      await t.anonymous().post('/v1/survey-responses').send({ token: signSurveyToken(SECRET, { linkId: link.linkId, surveyId: randomUUID() }), score: 5 }).expect(404);
      expect(await written()).toBe(before);
      // The link is still open.
      await answer(link.token, 8);
    });

    it("holds the score to the survey type's range and the comment's length, naming the field, before writing", async () => {
      const ces = await createSurvey('ces');
      const csat = await createSurvey('csat');
      const links = { nps: await issue(surveyId, contactId), ces: await issue(ces, contactId), csat: await issue(csat, contactId) };
      const before = await written();
      const cases: [Link, unknown, string[]][] = [
        [links.nps, 11, ['score']],
        [links.nps, -1, ['score']],
        [links.nps, 9.5, ['score']],
        [links.nps, '9', ['score']],
        [links.ces, 0, ['score']],
        [links.ces, 8, ['score']],
        [links.csat, 6, ['score']],
        [links.csat, 0, ['score']],
      ];
      for (const [link, score, fields] of cases) {
        const refused = await t.anonymous().post('/v1/survey-responses').send({ token: link.token, score }).expect(400);
        expect([score, refused.body.fields.map((f: { field: string }) => f.field)]).toEqual([score, fields]);
      }
      const long = await t.anonymous().post('/v1/survey-responses').send({ token: links.nps.token, score: 9, comment: 'x'.repeat(2001) }).expect(400);
      expect(long.body.fields.map((f: { field: string }) => f.field)).toEqual(['comment']);
      await t.anonymous().post('/v1/survey-responses').send({ token: links.nps.token, score: 9, extra: true }).expect(400);
      expect(await written()).toBe(before);
      await answer(links.ces.token, 7);
      await answer(links.csat.token, 5);
    });
  });

  describe('read models', () => {
    const teamA = `Team A ${randomUUID().slice(0, 6)}`;
    const teamB = `Team B ${randomUUID().slice(0, 6)}`;
    let nps = '';
    let ces = '';
    let csat = '';
    let pipelineId = '';

    beforeAll(async () => {
      const [ann, bob] = [await createOwner('ann', teamA), await createOwner('bob', teamB)];
      nps = await createSurvey('nps', 'Team NPS');
      ces = await createSurvey('ces', 'Ticket CES');
      csat = await createSurvey('csat', 'Ticket CSAT');
      pipelineId = DEFAULT_TICKET_PIPELINE_ID;
      const ticket = await createTicket();
      // Team A: 9, 10, 3 (two promoters, one detractor); team B: 7, 8, 0 (two passives, one detractor).
      for (const [owner, score, comment, onTicket] of [
        [ann, 9, 'Fast', true],
        [ann, 10, undefined, false],
        [ann, 3, 'Never called back', true],
        [bob, 7, undefined, false],
        [bob, 8, 'Fine', false],
        [bob, 0, 'Awful', false],
      ] as const) {
        const contactId = await createContact(owner);
        const link = await issue(nps, contactId, onTicket ? ticket : undefined);
        await answer(link.token, score, comment);
      }
      const contactId = await createContact(ann);
      for (const score of [7, 5, 4, 2]) await answer((await issue(ces, contactId, ticket)).token, score);
      for (const score of [5, 4, 4]) await answer((await issue(csat, contactId)).token, score);
    });

    it('gives the exact NPS per team: 9, 10, 3 score 33.3; 7, 8, 0 score -33.3; all six 0.0', async () => {
      const { data } = await readModel('nps', { surveyId: nps, groupBy: 'team' });
      expect(data).toEqual({
        responses: 6,
        promoters: 2,
        passives: 2,
        detractors: 2,
        score: '0.0',
        groupBy: 'team',
        groups: [
          { key: teamA, responses: 3, promoters: 2, passives: 0, detractors: 1, score: '33.3' },
          { key: teamB, responses: 3, promoters: 0, passives: 2, detractors: 1, score: '-33.3' },
        ],
      });
    });

    it('gives the NPS per ticket pipeline and per period (the UTC month answered)', async () => {
      const byPipeline = (await readModel('nps', { surveyId: nps, groupBy: 'ticketPipeline' })).data;
      expect(byPipeline.groups).toEqual([
        { key: pipelineId, responses: 2, promoters: 1, passives: 0, detractors: 1, score: '0.0' },
        { key: null, responses: 4, promoters: 1, passives: 2, detractors: 1, score: '0.0' },
      ]);
      // Answers carry the request's clock as their business time.
      const month = new Date().toISOString().slice(0, 7);
      const byPeriod = (await readModel('nps', { surveyId: nps, groupBy: 'period' })).data;
      expect(byPeriod.groups).toEqual([expect.objectContaining({ key: month, responses: 6, score: '0.0' })]);
      // No answer before 2000: an empty range has no score.
      expect((await readModel('nps', { surveyId: nps, to: '1999-12-31' })).data).toMatchObject({ responses: 0, promoters: 0, score: null });
      await t.http().get('/v1/read-models/nps').query({ from: '2026-02-01', to: '2026-01-01' }).expect(400);
      await t.http().get('/v1/read-models/nps').query({ groupBy: 'owner' }).expect(400);
      await t.http().get('/v1/read-models/nps').query({ surveyId: 'nope' }).expect(400);
    });

    it('gives CES and CSAT averages, distributions and categories exactly', async () => {
      expect((await readModel('ces', { surveyId: ces })).data).toEqual({
        surveyType: 'ces',
        responses: 4,
        average: '4.50',
        distribution: [
          { score: 1, count: 0 },
          { score: 2, count: 1 },
          { score: 3, count: 0 },
          { score: 4, count: 1 },
          { score: 5, count: 1 },
          { score: 6, count: 0 },
          { score: 7, count: 1 },
        ],
        categories: [
          { category: 'easy', count: 2 },
          { category: 'neutral', count: 1 },
          { category: 'difficult', count: 1 },
        ],
        groupBy: null,
        groups: [],
      });
      expect((await readModel('csat', { surveyId: csat })).data).toMatchObject({
        responses: 3,
        average: '4.33',
        distribution: [
          { score: 1, count: 0 },
          { score: 2, count: 0 },
          { score: 3, count: 0 },
          { score: 4, count: 2 },
          { score: 5, count: 1 },
        ],
        categories: [
          { category: 'satisfied', count: 3 },
          { category: 'neutral', count: 0 },
          { category: 'dissatisfied', count: 0 },
        ],
      });
      const byPipeline = (await readModel('ces', { surveyId: ces, groupBy: 'ticketPipeline' })).data;
      expect(byPipeline.groups).toEqual([expect.objectContaining({ key: pipelineId, responses: 4, average: '4.50' })]);
    });

    it('lists the comments newest first, a page at a time, by category', async () => {
      const first = await readModel('survey-comments', { surveyId: nps, limit: '3' });
      expect(first.data.map((c: { comment: string }) => c.comment)).toEqual(['Awful', 'Fine', 'Never called back']);
      expect(first.data[0]).toMatchObject({ surveyType: 'nps', score: 0, category: 'detractor', team: teamB, ticketId: null });
      const second = await readModel('survey-comments', { surveyId: nps, limit: '3', cursor: first.nextCursor });
      expect(second.data.map((c: { comment: string }) => c.comment)).toEqual(['Fast']);
      expect(second.nextCursor).toBeNull();
      const detractors = await readModel('survey-comments', { surveyId: nps, category: 'detractor' });
      expect(detractors.data.map((c: { comment: string }) => c.comment)).toEqual(['Awful', 'Never called back']);
      await t.http().get('/v1/read-models/survey-comments').query({ cursor: 'garbage' }).expect(400);
    });
  });

  describe('a detractor is a workflow trigger', () => {
    it("enrols the contact of a detractor's answer, not a promoter's", async () => {
      const owner = await createOwner('flow', 'Flow team');
      const [detractor, promoter] = [await createContact(owner), await createContact(owner)];
      const surveyId = await createSurvey('nps', 'Flow NPS');
      const created = await t.http().post('/v1/workflows').send({
        name: 'Call back detractors',
        trigger: { event: 'SurveyResponded', where: { category: 'detractor' } },
        steps: [{ id: 'call', action: 'createTask', owner: 'contactOwner', subject: 'Call back a detractor', dueInBusinessDays: 1 }],
      }).expect(201);
      const workflowId: string = created.body.workflowId;
      expect((await t.http().get(`/v1/workflows/${workflowId}`).expect(200)).body.definition).toMatchObject({ recordType: 'contact' });
      await t.http().post(`/v1/workflows/${workflowId}/activation`).send({ reason: 'Service wants every detractor called' }).expect(200);

      await answer((await issue(surveyId, detractor)).token, 4, 'Too slow');
      await answer((await issue(surveyId, promoter)).token, 10);
      await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp();
      const runs = await eventually(async () => {
        const found = (await t.http().get(`/v1/workflows/${workflowId}/runs`).expect(200)).body.data;
        expect(found).toHaveLength(1);
        return found;
      });
      expect(runs[0]).toMatchObject({ recordType: 'contact', recordId: detractor, trigger: { eventType: 'SurveyResponded' } });
      expect(JSON.stringify(runs[0].trigger.values)).toContain('detractor');
      await eventually(async () => {
        const tasks = (await t.http().get('/v1/tasks').query({ ownerId: owner }).expect(200)).body.data;
        expect(tasks).toEqual([expect.objectContaining({ subject: 'Call back a detractor', contactIds: [detractor] })]);
      });
    });
  });
});
