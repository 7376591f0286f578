import { randomUUID } from 'node:crypto';
import { collect, committedCount } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { raceSafeDatabase } from '#test/support/test-database';

const OPEN_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'];

type Response = { status: number; body: { rule?: string; error?: string; fields?: { field: string }[] } };

describe('deals over HTTP', () => {
  const t = useTestApp(async () => ({ database: await raceSafeDatabase() }));

  const ownerId = randomUUID();
  const deal = { name: 'Acme, 50 seats', amount: 12000, currency: 'USD', closeDate: '2026-03-31', ownerId };
  const createDeal = async (body: object = deal): Promise<string> => (await t.http().post('/v1/deals').send(body).expect(201)).body.id;
  const moveTo = (dealId: string, body: object, ifMatch?: number) => {
    const request = t.http().put(`/v1/deals/${dealId}/stage`);
    return (ifMatch === undefined ? request : request.set('If-Match', String(ifMatch))).send(body);
  };
  const streamOf = async (dealId: string) => collect(t.runtime.eventStore.readStream(`deal-${dealId}`));
  const dealEventCount = () => committedCount(t.db.pool, 'deal');
  const ruleOf = async (request: PromiseLike<Response>): Promise<string | undefined> => {
    const response = await request;
    expect(response.status).toBe(422);
    return response.body.rule;
  };

  it('walks a deal through every stage of the default pipeline to closed won', async () => {
    const created = await t.http().post('/v1/deals').send(deal).expect(201);
    expect(created.body).toMatchObject({ revision: 0, events: ['DealCreated'] });
    const dealId: string = created.body.id;

    const revisions: number[] = [];
    for (const stageId of [...OPEN_STAGES.slice(1), 'closedwon']) {
      const moved = await moveTo(dealId, { stageId }).expect(200);
      revisions.push(moved.body.revision);
      expect(moved.body.events).toEqual(stageId === 'closedwon' ? ['DealStageChanged', 'DealWon'] : ['DealStageChanged']);
    }
    expect(revisions).toEqual([1, 2, 3, 4, 6]);

    const events = await streamOf(dealId);
    expect(events.map((e) => e.type)).toEqual(['DealCreated', 'DealStageChanged', 'DealStageChanged', 'DealStageChanged', 'DealStageChanged', 'DealStageChanged', 'DealWon']);
    expect(events[0].data).toEqual({
      dealId,
      name: 'Acme, 50 seats',
      pipelineId: 'default',
      stageId: 'appointmentscheduled',
      amount: 12000,
      currency: 'USD',
      contractTermMonths: 12,
      closeDate: '2026-03-31',
      ownerId,
      contactIds: [],
      companyId: null,
      companyIds: [],
      properties: {},
    });
    const path = [...OPEN_STAGES, 'closedwon'];
    expect(events.slice(1, 6).map((e) => e.data)).toEqual(
      path.slice(1).map((toStageId, index) => ({ dealId, pipelineId: 'default', fromStageId: path[index], toStageId })),
    );
    expect(events[6].data).toEqual({ dealId, pipelineId: 'default', stageId: 'closedwon', amount: 12000, currency: 'USD', ownerId });

    const view = await t.http().get(`/v1/deals/${dealId}`).expect(200);
    expect(view.body).toMatchObject({ dealId, stageId: 'closedwon', outcome: 'won', revision: 6 });
  });

  it("refuses to move a closed deal ('deal-closed') until it is reopened", async () => {
    const dealId = await createDeal();
    await moveTo(dealId, { stageId: 'closedwon' }).expect(200);
    expect(await ruleOf(moveTo(dealId, { stageId: 'contractsent' }))).toBe('deal-closed');
    expect(await ruleOf(moveTo(dealId, { stageId: 'closedlost', lostReason: 'budget' }))).toBe('deal-closed');
    expect(await streamOf(dealId)).toHaveLength(3);

    // Reopening needs an open stage.
    expect(await ruleOf(t.http().post(`/v1/deals/${dealId}/reopen`).send({ stageId: 'closedlost' }))).toBe('reopen-stage-not-open');
    const reopened = await t.http().post(`/v1/deals/${dealId}/reopen`).send({ stageId: 'contractsent' }).expect(200);
    expect(reopened.body).toMatchObject({ revision: 3, events: ['DealReopened'] });
    expect(await ruleOf(t.http().post(`/v1/deals/${dealId}/reopen`).send({ stageId: 'contractsent' }))).toBe('deal-not-closed');

    const moved = await moveTo(dealId, { stageId: 'decisionmakerboughtin' }).expect(200);
    expect(moved.body).toMatchObject({ revision: 4, events: ['DealStageChanged'] });
  });

  it('needs a reason to close a deal as lost', async () => {
    const dealId = await createDeal();
    expect(await ruleOf(moveTo(dealId, { stageId: 'closedlost' }))).toBe('lost-reason-required');
    expect(await ruleOf(moveTo(dealId, { stageId: 'closedlost', lostReason: '   ' }))).toBe('lost-reason-required');
    expect(await streamOf(dealId)).toHaveLength(1);

    const lost = await moveTo(dealId, { stageId: 'closedlost', lostReason: 'Went with a competitor' }).expect(200);
    expect(lost.body.events).toEqual(['DealStageChanged', 'DealLost']);
    const events = await streamOf(dealId);
    expect(events[2].data).toEqual({ dealId, pipelineId: 'default', stageId: 'closedlost', reason: 'Went with a competitor' });

    // Created straight into a lost stage: the same rule.
    expect(await ruleOf(t.http().post('/v1/deals').send({ ...deal, stageId: 'closedlost' }))).toBe('lost-reason-required');
  });

  it('refuses a stage of another pipeline (422) and an unknown pipeline (404), appending nothing', async () => {
    const other = await t.http()
      .post('/v1/pipelines')
      .send({
        objectType: 'deal',
        name: 'Partners',
        stages: [
          { id: 'pilot', label: 'Pilot', probability: 0.5 },
          { id: 'signed', label: 'Signed', probability: 1, closed: 'won' },
          { id: 'dropped', label: 'Dropped', probability: 0, closed: 'lost' },
        ],
      })
      .expect(201);
    const dealId = await createDeal();
    const before = await dealEventCount();

    expect(await ruleOf(moveTo(dealId, { stageId: 'pilot' }))).toBe('stage-not-in-pipeline');
    expect(await ruleOf(t.http().post('/v1/deals').send({ ...deal, stageId: 'pilot' }))).toBe('stage-not-in-pipeline');
    expect(await ruleOf(t.http().post('/v1/deals').send({ ...deal, pipelineId: 'support' }))).toBe('not-a-deal-pipeline');
    const unknown = await t.http().post('/v1/deals').send({ ...deal, pipelineId: 'nope' }).expect(404);
    expect(unknown.body.error).toBe('NOT_FOUND');
    expect(await dealEventCount()).toBe(before);

    // The other pipeline takes deals of its own.
    const partnerDeal = await t.http().post('/v1/deals').send({ ...deal, pipelineId: other.body.id }).expect(201);
    expect((await streamOf(partnerDeal.body.id))[0].data).toMatchObject({ pipelineId: other.body.id, stageId: 'pilot' });
  });

  it('answers 400 naming each bad field, refuses unknown fields, and appends nothing', async () => {
    const before = await dealEventCount();
    const fieldsOf = async (body: object) => {
      const response = await t.http().post('/v1/deals').send(body).expect(400);
      expect(response.body.error).toBe('VALIDATION_FAILED');
      return response.body.fields.map((f: { field: string }) => f.field);
    };
    expect(await fieldsOf({ ...deal, amount: -1 })).toEqual(['amount']);
    expect(await fieldsOf({ ...deal, amount: 10.555 })).toEqual(['amount']);
    expect(await fieldsOf({ ...deal, currency: 'usd' })).toEqual(['currency']);
    expect(await fieldsOf({ ...deal, closeDate: '2026-02-30' })).toEqual(['closeDate']);
    expect(await fieldsOf({ ...deal, closeDate: '31/03/2026' })).toEqual(['closeDate']);
    expect(await fieldsOf({ ...deal, stage: 'qualifiedtobuy' })).toEqual(['stage']);
    expect(await fieldsOf({ name: '', contractTermMonths: 0, ownerId: 'bob' })).toEqual(
      expect.arrayContaining(['name', 'amount', 'currency', 'contractTermMonths', 'ownerId']),
    );

    const dealId = await createDeal();
    const patch = await t.http().patch(`/v1/deals/${dealId}`).send({ currency: 'eur', probability: 1 }).expect(400);
    expect(patch.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['currency', 'probability']));
    await t.http().put('/v1/deals/not-a-uuid/stage').send({ stageId: 'qualifiedtobuy' }).expect(400);
    expect(await dealEventCount()).toBe(before + 1);
  });

  it('answers 404 for a deal that does not exist', async () => {
    const missing = randomUUID();
    await t.http().get(`/v1/deals/${missing}`).expect(404);
    await moveTo(missing, { stageId: 'qualifiedtobuy' }).expect(404);
    await t.http().patch(`/v1/deals/${missing}`).send({ name: 'Ghost' }).expect(404);
    expect(await streamOf(missing)).toEqual([]);
  });

  it('updates a deal with PATCH as one decision, honouring If-Match', async () => {
    const dealId = await createDeal();
    const updated = await t.http()
      .patch(`/v1/deals/${dealId}`)
      .set('If-Match', '0')
      .send({ name: 'Acme, 80 seats', amount: 19200.5, closeDate: '2026-04-30', ownerId: null })
      .expect(200);
    expect(updated.body).toMatchObject({ revision: 4, events: ['DealRenamed', 'DealAmountChanged', 'DealCloseDateChanged', 'DealOwnerAssigned'] });
    const events = await streamOf(dealId);
    expect(events[2].data).toEqual({ dealId, previous: { amount: 12000, currency: 'USD' }, amount: 19200.5, currency: 'USD' });

    const stale = await t.http().patch(`/v1/deals/${dealId}`).set('If-Match', '0').send({ currency: 'EUR' }).expect(409);
    expect(stale.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', expectedRevision: 0, actualRevision: 4 });
    expect(await streamOf(dealId)).toHaveLength(5);

    const view = await t.http().get(`/v1/deals/${dealId}`).expect(200);
    expect(view.body).toMatchObject({ name: 'Acme, 80 seats', amount: 19200.5, currency: 'USD', closeDate: '2026-04-30', ownerId: null, revision: 4 });
  });

  const fieldNames = (body: { fields: { field: string }[] }): string[] => [...new Set(body.fields.map((f) => f.field))];

  it('sets the contract term at creation and with PATCH, 1 to 120 whole months', async () => {
    const dealId = await createDeal({ ...deal, contractTermMonths: 24 });
    expect((await streamOf(dealId))[0].data).toMatchObject({ contractTermMonths: 24 });
    const patched = await t.http().patch(`/v1/deals/${dealId}`).set('If-Match', '0').send({ contractTermMonths: 36 }).expect(200);
    expect(patched.body).toMatchObject({ revision: 1, events: ['DealContractTermChanged'] });
    expect((await streamOf(dealId))[1].data).toEqual({ dealId, previous: 24, contractTermMonths: 36 });
    expect((await t.http().get(`/v1/deals/${dealId}`).expect(200)).body).toMatchObject({ contractTermMonths: 36, revision: 1 });
    for (const contractTermMonths of [0, 121, 1.5, '12']) {
      const { body } = await t.http().patch(`/v1/deals/${dealId}`).send({ contractTermMonths }).expect(400);
      expect(fieldNames(body)).toEqual(['contractTermMonths']);
    }
    expect(await streamOf(dealId)).toHaveLength(2);
  });

  it('answers 400 for null where a field may only be omitted, and takes null as "clear" only where it says so', async () => {
    const before = await dealEventCount();
    for (const field of ['contractTermMonths', 'closeDate', 'stageId', 'pipelineId', 'ownerId', 'contactIds', 'companyId', 'lostReason']) {
      const { body } = await t.http().post('/v1/deals').send({ ...deal, [field]: null }).expect(400);
      expect(fieldNames(body)).toEqual([field]);
    }
    expect(await dealEventCount()).toBe(before);
    const dealId = await createDeal();
    for (const field of ['name', 'amount', 'currency', 'contractTermMonths', 'closeDate']) {
      const { body } = await t.http().patch(`/v1/deals/${dealId}`).send({ [field]: null }).expect(400);
      expect(fieldNames(body)).toEqual([field]);
    }
    await moveTo(dealId, { stageId: 'qualifiedtobuy', lostReason: null }).expect(400);
    const unassigned = await t.http().patch(`/v1/deals/${dealId}`).send({ ownerId: null }).expect(200);
    expect(unassigned.body.events).toEqual(['DealOwnerAssigned']);
  });

  it('associates and dissociates contacts and sets the company', async () => {
    const [contactA, contactB, companyId] = [randomUUID(), randomUUID(), randomUUID()];
    const dealId = await createDeal({ ...deal, contactIds: [contactA] });
    const added = await t.http().post(`/v1/deals/${dealId}/contacts`).send({ contactId: contactB }).expect(200);
    expect(added.body.events).toEqual(['DealContactAssociated']);
    const again = await t.http().post(`/v1/deals/${dealId}/contacts`).send({ contactId: contactB }).expect(200);
    expect(again.body.events).toEqual([]);
    const removed = await t.http().delete(`/v1/deals/${dealId}/contacts/${contactA}`).expect(200);
    expect(removed.body.events).toEqual(['DealContactDissociated']);
    const company = await t.http().put(`/v1/deals/${dealId}/company`).send({ companyId }).expect(200);
    expect(company.body.events).toEqual(['DealCompanyAssociated']);

    const view = await t.http().get(`/v1/deals/${dealId}`).expect(200);
    expect(view.body).toMatchObject({ contactIds: [contactB], companyId, revision: 3 });
  });

  it('lets exactly one of 50 concurrent moves with the same If-Match win, round after round', async () => {
    const dealId = await createDeal();
    const race = async (ifMatch: number, targets: readonly [string, string]) => {
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) => moveTo(dealId, { stageId: targets[index % 2] }, ifMatch)),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      return responses.find((r) => r.status === 200)!.body;
    };

    const first = await race(0, ['qualifiedtobuy', 'presentationscheduled']);
    expect(first).toMatchObject({ revision: 1, events: ['DealStageChanged'] });
    expect(await streamOf(dealId)).toHaveLength(2);

    const second = await race(1, ['decisionmakerboughtin', 'contractsent']);
    expect(second).toMatchObject({ revision: 2, events: ['DealStageChanged'] });
    const events = await streamOf(dealId);
    expect(events.map((e) => e.type)).toEqual(['DealCreated', 'DealStageChanged', 'DealStageChanged']);
    // The second winner moved from wherever the first left the deal.
    expect((events[2].data as { fromStageId: string }).fromStageId).toBe((events[1].data as { toStageId: string }).toStageId);
  });
});
