import { randomUUID } from 'node:crypto';
import { collect, committedCount, dealCreatedData, newEvent } from '#test/support/events';
import { formatPosition } from '#event-store';
import { appendEvents } from '#test/support/read-model-requests';
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
      amount: '12000.00',
      currency: 'USD',
      revenueType: 'one-off',
      billingPeriod: null,
      contractTermMonths: 12,
      closeDate: '2026-03-31',
      ownerId,
      contactIds: [],
      companyId: null,
      companyIds: [],
      properties: {},
      renewsDealId: null,
    });
    const path = [...OPEN_STAGES, 'closedwon'];
    expect(events.slice(1, 6).map((e) => e.data)).toEqual(
      path.slice(1).map((toStageId, index) => ({ dealId, pipelineId: 'default', fromStageId: path[index], toStageId })),
    );
    expect(events[6].data).toEqual({ dealId, pipelineId: 'default', stageId: 'closedwon', amount: '12000.00', currency: 'USD', ownerId });

    const view = await t.http().get(`/v1/deals/${dealId}`).expect(200);
    expect(view.body).toMatchObject({ dealId, stageId: 'closedwon', outcome: 'won', amount: '12000.00', mrr: null, arr: null, revision: 6 });
    expect(view.body.closedAt).toBe(events[6].metadata.occurredAt);
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
    expect(events[2].data).toEqual({ dealId, previous: { amount: '12000.00', currency: 'USD' }, amount: '19200.50', currency: 'USD' });

    const stale = await t.http().patch(`/v1/deals/${dealId}`).set('If-Match', '0').send({ currency: 'EUR' }).expect(409);
    expect(stale.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', expectedRevision: 0, actualRevision: 4 });
    expect(await streamOf(dealId)).toHaveLength(5);

    const view = await t.http().get(`/v1/deals/${dealId}`).expect(200);
    expect(view.body).toMatchObject({ name: 'Acme, 80 seats', amount: '19200.50', currency: 'USD', closeDate: '2026-04-30', ownerId: null, revision: 4 });
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
    for (const field of ['contractTermMonths', 'closeDate', 'stageId', 'pipelineId', 'ownerId', 'contactIds', 'companyId', 'lostReason', 'revenueType']) {
      const { body } = await t.http().post('/v1/deals').send({ ...deal, [field]: null }).expect(400);
      expect(fieldNames(body)).toEqual([field]);
    }
    expect(await dealEventCount()).toBe(before);
    const dealId = await createDeal();
    for (const field of ['name', 'amount', 'currency', 'contractTermMonths', 'closeDate', 'revenueType']) {
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

  describe('exact money and revenue terms', () => {
    // The global position of the deal's latest event: the list answers once it has read that far.
    const positionOf = async (dealId: string): Promise<string> => formatPosition((await streamOf(dealId)).at(-1)!.position);
    const listed = async (dealId: string) => {
      const { body } = await t.http().get('/v1/deals').query({ minPosition: await positionOf(dealId), limit: 200 }).expect(200);
      return (body.data as { dealId: string }[]).find((row) => row.dealId === dealId);
    };

    it.each([
      ['0.29', 'USD', '0.29'],
      [0.29, 'USD', '0.29'],
      ['1200.5', 'USD', '1200.50'],
      ['1.125', 'BHD', '1.125'],
      [1.25, 'BHD', '1.250'],
      [150000, 'JPY', '150000'],
      ['999999999999.99', 'USD', '999999999999.99'],
    ])('keeps %p %s exactly as %p in the event, the deal and the list (JSON and CSV)', async (amount, currency, expected) => {
      const name = `Exact ${randomUUID()}`;
      const dealId = await createDeal({ ...deal, name, amount, currency });
      expect((await streamOf(dealId))[0].data).toMatchObject({ amount: expected, currency });
      expect((await t.http().get(`/v1/deals/${dealId}`).expect(200)).body).toMatchObject({ amount: expected, currency, mrr: null, closedAt: null });
      const position = await positionOf(dealId);
      const { body } = await t.http().get('/v1/deals').query({ minPosition: position, q: name }).expect(200);
      expect(body.data).toEqual([expect.objectContaining({ dealId, amount: expected, currency, revenueType: 'one-off', mrr: null, arr: null })]);
      const csv = await t.http().get('/v1/deals').query({ minPosition: position, q: name }).set('Accept', 'text/csv').expect(200);
      const [header, line] = csv.text.split('\r\n');
      expect(line.split(',')[header.split(',').indexOf('amount')]).toBe(expected);
      // A filter bound is a decimal string too, compared as a decimal.
      const bound = await t.http().get('/v1/deals').query({ minPosition: position, q: name, currency, amountMin: expected, amountMax: expected }).expect(200);
      expect(bound.body.data.map((row: { dealId: string }) => row.dealId)).toEqual([dealId]);
    });

    it("answers 400 naming amount for more decimals than the currency has, on create and on PATCH, appending nothing", async () => {
      const before = await dealEventCount();
      for (const [amount, currency] of [[1.5, 'JPY'], ['1.5', 'JPY'], ['1.2345', 'BHD'], ['0.001', 'USD'], ['1e3', 'USD'], ['-1', 'USD'], ['1000000000000', 'USD']]) {
        const { body } = await t.http().post('/v1/deals').send({ ...deal, amount, currency }).expect(400);
        expect(fieldNames(body)).toEqual(['amount']);
      }
      const { body: jpy } = await t.http().post('/v1/deals').send({ ...deal, amount: 1.5, currency: 'JPY' }).expect(400);
      expect(jpy.message).toMatch(/JPY has 0/);
      expect(await dealEventCount()).toBe(before);
      // PATCH of the amount alone: the deal's currency decides, and the answer names amount too.
      const yen = await createDeal({ ...deal, amount: '150000', currency: 'JPY' });
      const patched = await t.http().patch(`/v1/deals/${yen}`).send({ amount: '150000.5' }).expect(422);
      expect(patched.body).toMatchObject({ rule: 'invalid-amount', fields: [{ field: 'amount' }] });
      const changed = await t.http().patch(`/v1/deals/${yen}`).send({ amount: '1.250', currency: 'BHD' }).expect(200);
      expect(changed.body.events).toEqual(['DealAmountChanged']);
      expect((await streamOf(yen))[1].data).toEqual({ dealId: yen, previous: { amount: '150000', currency: 'JPY' }, amount: '1.250', currency: 'BHD' });
    });

    it("answers a recurring deal's MRR and ARR, following its term and revenue type", async () => {
      const dealId = await createDeal({ ...deal, amount: '12000.00', revenueType: 'recurring', contractTermMonths: 12 });
      expect((await streamOf(dealId))[0].data).toMatchObject({ revenueType: 'recurring', billingPeriod: 'month', contractTermMonths: 12 });
      expect((await t.http().get(`/v1/deals/${dealId}`).expect(200)).body).toMatchObject({
        amount: '12000.00', revenueType: 'recurring', billingPeriod: 'month', contractTermMonths: 12, mrr: '1000.00', arr: '12000.00',
      });
      // 12000.00 over 7 months: 1714.2857... -> 1714.29 a month, 20571.48 a year.
      const term = await t.http().patch(`/v1/deals/${dealId}`).send({ contractTermMonths: 7, billingPeriod: 'quarter' }).expect(200);
      expect(term.body.events).toEqual(['DealRevenueTypeChanged', 'DealContractTermChanged']);
      expect((await streamOf(dealId))[1].data).toEqual({
        dealId, previous: { revenueType: 'recurring', billingPeriod: 'month' }, revenueType: 'recurring', billingPeriod: 'quarter',
      });
      expect((await t.http().get(`/v1/deals/${dealId}`).expect(200)).body).toMatchObject({ billingPeriod: 'quarter', mrr: '1714.29', arr: '20571.48' });
      expect(await listed(dealId)).toMatchObject({ revenueType: 'recurring', billingPeriod: 'quarter', contractTermMonths: 7, mrr: '1714.29', arr: '20571.48' });

      const oneOff = await t.http().patch(`/v1/deals/${dealId}`).send({ revenueType: 'one-off' }).expect(200);
      expect(oneOff.body.events).toEqual(['DealRevenueTypeChanged']);
      expect((await t.http().get(`/v1/deals/${dealId}`).expect(200)).body).toMatchObject({ revenueType: 'one-off', billingPeriod: null, mrr: null, arr: null });
      expect(await listed(dealId)).toMatchObject({ revenueType: 'one-off', billingPeriod: null, mrr: null, arr: null });
    });

    it('refuses a billing period on a one-off deal, an unknown one, and a renewal of itself, of a one-off deal or of no deal', async () => {
      const before = await dealEventCount();
      expect(fieldNames((await t.http().post('/v1/deals').send({ ...deal, revenueType: 'weekly' }).expect(400)).body)).toEqual(['revenueType']);
      expect(fieldNames((await t.http().post('/v1/deals').send({ ...deal, revenueType: 'recurring', billingPeriod: 'week' }).expect(400)).body)).toEqual([
        'billingPeriod',
      ]);
      expect(await ruleOf(t.http().post('/v1/deals').send({ ...deal, billingPeriod: 'month' }))).toBe('billing-period-one-off');
      expect(fieldNames((await t.http().post('/v1/deals').send({ ...deal, renewsDealId: 'not-a-deal' }).expect(400)).body)).toEqual(['renewsDealId']);
      const oneOff = await createDeal();
      await t.http().post('/v1/deals').send({ ...deal, revenueType: 'recurring', renewsDealId: randomUUID() }).expect(404);
      expect(await ruleOf(t.http().post('/v1/deals').send({ ...deal, revenueType: 'recurring', renewsDealId: oneOff }))).toBe('renewed-deal-not-recurring');
      expect(await dealEventCount()).toBe(before + 1);

      const contract = await createDeal({ ...deal, revenueType: 'recurring', billingPeriod: 'year' });
      const renewal = await createDeal({ ...deal, revenueType: 'recurring', renewsDealId: contract });
      expect((await t.http().get(`/v1/deals/${renewal}`).expect(200)).body).toMatchObject({ renewsDealId: contract, billingPeriod: 'month' });
      expect(await listed(renewal)).toMatchObject({ renewsDealId: contract });
      expect(await ruleOf(t.http().patch(`/v1/deals/${renewal}`).send({ revenueType: 'one-off' }))).toBe('renewal-not-recurring');
    });

    it('sets closedAt when the deal is won or lost, keeps closeDate as the expected close, and clears closedAt on reopen', async () => {
      const dealId = await createDeal();
      const won = await moveTo(dealId, { stageId: 'closedwon' }).expect(200);
      expect(won.body.events).toEqual(['DealStageChanged', 'DealWon']);
      const wonAt = (await streamOf(dealId))[2].metadata.occurredAt;
      expect((await t.http().get(`/v1/deals/${dealId}`).expect(200)).body).toMatchObject({ closeDate: '2026-03-31', closedAt: wonAt });
      expect(await listed(dealId)).toMatchObject({ outcome: 'won', closeDate: '2026-03-31', closedAt: wonAt });

      await t.http().post(`/v1/deals/${dealId}/reopen`).send({ stageId: 'contractsent' }).expect(200);
      expect((await t.http().get(`/v1/deals/${dealId}`).expect(200)).body).toMatchObject({ outcome: 'open', closedAt: null });
      expect(await listed(dealId)).toMatchObject({ outcome: 'open', closedAt: null });

      await moveTo(dealId, { stageId: 'closedlost', lostReason: 'Budget' }).expect(200);
      const lostAt = (await streamOf(dealId))[5].metadata.occurredAt;
      expect((await t.http().get(`/v1/deals/${dealId}`).expect(200)).body).toMatchObject({ outcome: 'lost', closedAt: lostAt });
      expect(await listed(dealId)).toMatchObject({ outcome: 'lost', closedAt: lostAt });
    });

    it('answers a deal stored before amounts were strings (DealCreated v2, DealWon v1, DealAmountChanged v1) with string amounts', async () => {
      const dealId = randomUUID();
      const { amount: _amount, revenueType: _type, billingPeriod: _period, renewsDealId: _renews, ...v3 } = dealCreatedData(dealId, {
        name: `Legacy ${dealId}`, pipelineId: 'default', stageId: 'contractsent', currency: 'USD',
      });
      const storedV2 = { ...v3, amount: 1200.5 };
      const position = await appendEvents(t, `deal-${dealId}`, [
        newEvent('DealCreated', storedV2, { schemaVersion: 2 }),
        newEvent('DealAmountChanged', { dealId, previous: { amount: 1200.5, currency: 'USD' }, amount: 0.29, currency: 'USD' }, { schemaVersion: 1 }),
        newEvent('DealStageChanged', { dealId, pipelineId: 'default', fromStageId: 'contractsent', toStageId: 'closedwon' }, { schemaVersion: 1 }),
        newEvent('DealWon', { dealId, pipelineId: 'default', stageId: 'closedwon', amount: 0.29, currency: 'USD', ownerId: null }, { schemaVersion: 1 }),
      ]);
      const events = await streamOf(dealId);
      expect(events[0].data).toMatchObject({ amount: '1200.50', revenueType: 'one-off', billingPeriod: null, renewsDealId: null });
      expect(events[1].data).toEqual({ dealId, previous: { amount: '1200.50', currency: 'USD' }, amount: '0.29', currency: 'USD' });
      expect(events[3].data).toMatchObject({ amount: '0.29' });
      const view = await t.http().get(`/v1/deals/${dealId}`).expect(200);
      expect(view.body).toMatchObject({ amount: '0.29', currency: 'USD', revenueType: 'one-off', billingPeriod: null, mrr: null, outcome: 'won' });
      expect(view.body.closedAt).toBe(events[3].metadata.occurredAt);
      const { body } = await t.http().get('/v1/deals').query({ minPosition: position, q: `Legacy ${dealId}` }).expect(200);
      expect(body.data).toEqual([expect.objectContaining({ dealId, amount: '0.29', revenueType: 'one-off', mrr: null, closedAt: events[3].metadata.occurredAt })]);
      // And the deal goes on as any other: the decider reads the lifted amounts.
      const patched = await t.http().patch(`/v1/deals/${dealId}`).send({ amount: 0.29 }).expect(200);
      expect(patched.body.events).toEqual([]);
    });
  });
});
