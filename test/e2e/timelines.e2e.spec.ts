import { randomUUID } from 'node:crypto';
import { pageThrough } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';
import type { WorkflowEngine } from '#application';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';

type Entry = {
  eventId: string;
  eventType: string;
  position: string;
  occurredAt: string;
  actor: string;
  summary: string;
  previous: Record<string, unknown> | null;
  via: { type: string; id: string } | null;
  data: Record<string, unknown>;
};

describe('record timelines over HTTP', () => {
  const t = useTestApp();

  const timeline = (type: string, id: string, query: Record<string, string | number> = {}) => t.http().get(`/v1/timelines/${type}/${id}`).query(query);
  const entries = (type: string, id: string, query: Record<string, string | number> = {}): Promise<Entry[]> =>
    pageThrough((cursor) => timeline(type, id, { limit: 500, ...query, ...(cursor ? { cursor } : {}) }));
  const created = async (path: string, body: object): Promise<string> => (await t.http().post(path).send(body).expect(201)).body.id;
  /** Each entry as [eventType, via] , newest first. */
  const shown = (list: readonly Entry[]) => list.map((entry) => [entry.eventType, entry.via && `${entry.via.type}:${entry.via.id}`]);

  /** A deal of Ann's at Acme, with a note logged on the deal; Beta is another company. */
  const dealWithNote = async () => {
    const acme = await created('/v1/companies', { name: 'Acme' });
    const beta = await created('/v1/companies', { name: 'Beta' });
    const ann = await created('/v1/contacts', { email: `ann-${randomUUID()}@example.com`, source: 'manual', firstName: 'Ann' });
    const dealCreated = await t
      .http()
      .post('/v1/deals')
      .send({ name: 'Acme pilot', amount: 4800, currency: 'EUR', closeDate: '2026-05-31', contactIds: [ann], companyId: acme })
      .expect(201);
    const deal: string = dealCreated.body.id;
    expect(dealCreated.body.position).toMatch(/^\d+$/);
    // The default workflow enrols the new deal and makes Ann an opportunity (#16); the note comes after. Past the
    // deal's own position: on a server the head readers see may not include it yet (an older transaction still open).
    await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp(dealCreated.body.position);
    const logged = await t.http().post('/v1/engagements').send({ kind: 'note', ownerId: randomUUID(), subject: 'Pricing call', dealIds: [deal] }).expect(201);
    const note = (await timeline('deal', deal, { minPosition: logged.body.position }).expect(200)).body.data[0] as Entry;
    return { acme, beta, ann, deal, note, position: logged.body.position as string };
  };

  it('shows a note logged on a deal on the deal, its contacts and its companies, each entry with its event id and actor', async () => {
    const { acme, ann, deal, note, position } = await dealWithNote();
    expect(note).toMatchObject({ eventType: 'EngagementLogged', summary: 'Logged a note: Pricing call', previous: null, via: null, position });
    expect(note.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(note.actor).toMatch(/^key:/);

    const [onContact] = await entries('contact', ann, { minPosition: position });
    const [onCompany] = await entries('company', acme, { minPosition: position });
    for (const entry of [onContact, onCompany]) expect(entry).toEqual({ ...note, via: { type: 'deal', id: deal } });
    expect(shown(await entries('deal', deal))).toEqual([
      ['EngagementLogged', null],
      ['WorkflowEnrolled', null],
      ['DealCreated', null],
    ]);
    expect(shown(await entries('contact', ann))).toEqual([
      ['EngagementLogged', `deal:${deal}`],
      ['ContactLifecycleStageChanged', null],
      ['DealCreated', null],
      ['ContactCreated', null],
    ]);
  });

  it("moves the note onto a company's timeline when the deal's company changes, with the values each event replaced", async () => {
    const { acme, beta, deal, note } = await dealWithNote();
    const moved = await t.http().put(`/v1/deals/${deal}/company`).send({ companyId: beta }).expect(200);
    // Created with the number 4800, changed to the string "5000.5": both read back in EUR's two digits.
    const amount = await t.http().patch(`/v1/deals/${deal}`).send({ amount: '5000.5' }).expect(200);

    expect(shown(await entries('company', beta, { minPosition: moved.body.position }))).toEqual([
      ['DealCompanyAssociated', null],
      ['EngagementLogged', `deal:${deal}`],
      ['CompanyCreated', null],
    ]);
    // It came to Acme only through the deal: it goes with the association.
    expect(shown(await entries('company', acme))).toEqual([
      ['DealCompanyAssociated', null],
      ['DealCreated', null],
      ['CompanyCreated', null],
    ]);
    const onDeal = await entries('deal', deal, { minPosition: amount.body.position });
    expect(onDeal.map((entry) => [entry.eventType, entry.previous])).toEqual([
      ['DealAmountChanged', { amount: '4800.00', currency: 'EUR' }],
      ['DealCompanyAssociated', { companyId: acme }],
      ['EngagementLogged', null],
      ['WorkflowEnrolled', null],
      ['DealCreated', null],
    ]);
    expect(onDeal[0]).toMatchObject({ summary: `Deal ${deal} amount changed from 4800.00 EUR to 5000.50 EUR`, actor: note.actor, position: amount.body.position });
  });

  it('moves the note onto a company associated through /v1/associations, and takes it away when dissociated', async () => {
    const { beta, deal, note } = await dealWithNote();
    const pair = { from: { type: 'company', id: beta }, to: { type: 'deal', id: deal }, label: 'Reseller' };
    const associated = await t.http().put('/v1/associations').send(pair).expect(200);
    const onBeta = await entries('company', beta, { minPosition: associated.body.position });
    expect(shown(onBeta)).toEqual([
      ['RecordsAssociated', null],
      ['EngagementLogged', `deal:${deal}`],
      ['CompanyCreated', null],
    ]);
    expect(onBeta[1]).toEqual({ ...note, via: { type: 'deal', id: deal } });
    expect(onBeta[0].summary).toBe(`Associated company ${beta} and deal ${deal} as "Reseller"`);

    const dissociated = await t.http().delete('/v1/associations').send(pair).expect(200);
    expect(shown(await entries('company', beta, { minPosition: dissociated.body.position }))).toEqual([
      ['RecordsDissociated', null],
      ['RecordsAssociated', null],
      ['CompanyCreated', null],
    ]);
  });

  it('pages newest first and filters by event type', async () => {
    const { ann, deal, position } = await dealWithNote();
    await t.http().post(`/v1/deals/${deal}/contacts`).send({ contactId: ann }).expect(200);
    const renamed = await t.http().patch(`/v1/deals/${deal}`).send({ name: 'Acme rollout', closeDate: '2026-06-30' }).expect(200);
    const all = await entries('deal', deal, { minPosition: renamed.body.position });
    expect(all.map((entry) => entry.eventType)).toEqual(['DealCloseDateChanged', 'DealRenamed', 'EngagementLogged', 'WorkflowEnrolled', 'DealCreated']);
    const positions = all.map((entry) => BigInt(entry.position));
    expect([...positions].sort((a, b) => (a > b ? -1 : 1))).toEqual(positions);

    const first = await timeline('deal', deal, { limit: 3 }).expect(200);
    expect(first.body.data).toEqual(all.slice(0, 3));
    expect(first.body.position).toEqual(expect.any(String));
    const second = await timeline('deal', deal, { limit: 3, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.data).toEqual(all.slice(3));
    expect(second.body.nextCursor).toBeUndefined();
    expect(await entries('deal', deal, { limit: 1 })).toEqual(all);

    expect(shown(await entries('deal', deal, { types: 'EngagementLogged,DealCreated', limit: 1 }))).toEqual([
      ['EngagementLogged', null],
      ['DealCreated', null],
    ]);
    expect((await timeline('deal', deal, { types: 'TaskCompleted', minPosition: position }).expect(200)).body.data).toEqual([]);
  });

  it('answers CSV for Accept: text/csv', async () => {
    const { acme } = await dealWithNote();
    const response = await timeline('company', acme, { limit: 2 }).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = response.text.trim().split('\r\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['eventId', 'eventType', 'actor', 'summary', 'via.type', 'via.id', 'data.engagementId']));
    expect(lines).toHaveLength(2);
    expect(response.headers['x-next-cursor']).toEqual(expect.any(String));
  });

  it('answers 404 for a record that has no timeline and 400 naming what is wrong', async () => {
    const missing = await timeline('contact', randomUUID()).expect(404);
    expect(missing.body).toMatchObject({ error: 'NOT_FOUND', message: expect.stringContaining('contact timeline') });
    const badType = await t.http().get(`/v1/timelines/contacts/${randomUUID()}`).expect(400);
    expect(badType.body.fields).toEqual([{ field: 'type', reason: 'type must be one of contact, company, deal, ticket' }]);
    await t.http().get('/v1/timelines/deal/not-a-uuid').expect(400);

    const { deal } = await dealWithNote();
    const unknownTypes = await timeline('deal', deal, { types: 'DealCreated,Nonsense' }).expect(400);
    expect(unknownTypes.body.fields).toEqual([{ field: 'types', reason: expect.stringMatching(/: Nonsense$/) }]);
    const bad: Record<string, string | number>[] = [{ limit: 0 }, { limit: 501 }, { cursor: 'bogus' }, { minPosition: 'soon' }, { sort: 'position' }];
    for (const query of bad) {
      await timeline('deal', deal, query).expect(400);
    }
  });
});
