// GET /v1/deals/totals: per stage and currency of one deal pipeline, every deal's count and exact total (what the
// board's closed columns show, which a page of cards cannot), at the deals list's position; 400, 404 and 403 as the
// other read routes answer them.
import { eventCatalog } from '#domain/catalog';
import { newEvent } from '#test/support/events';
import { appendEvents } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

type Deal = Readonly<{ name: string; amount: string; currency: string; stageId?: string; lostReason?: string }>;

const fieldsOf = (body: { fields: { field: string }[] }) => body.fields.map((f) => f.field);

describe('deal totals per stage and currency over HTTP', () => {
  const t = useTestApp();
  let position: string;

  // Created in the pipeline's first stage, then moved (a won or lost stage closes the deal): the write side's way.
  const deal = async ({ name, amount, currency, stageId, lostReason }: Deal): Promise<string> => {
    const created = await t.http().post('/v1/deals').send({ name, amount, currency, closeDate: '2026-06-30' }).expect(201);
    if (stageId === undefined) return created.body.position;
    const moved = await t.http().put(`/v1/deals/${created.body.id}/stage`).send({ stageId, ...(lostReason ? { lostReason } : {}) }).expect(200);
    return moved.body.position;
  };

  beforeAll(async () => {
    // A second deal pipeline, without deals: known, so an empty answer rather than a 404.
    await appendEvents(t, 'pipeline-partners', [
      newEvent(
        'PipelineCreated',
        {
          pipelineId: 'partners',
          objectType: 'deal',
          name: 'Partners',
          stages: [
            { id: 'intro', label: 'Intro call', probability: 0.1, closed: null, stuckAfterDays: null },
            { id: 'signed', label: 'Signed', probability: 1, closed: 'won', stuckAfterDays: null },
          ],
        },
        { schemaVersion: eventCatalog.schemaVersionOf('PipelineCreated') },
      ),
    ]);
    const deals: Deal[] = [
      // 0.10 + 0.20 is 0.30 exactly (a float sum would be 0.30000000000000004).
      { name: 'Dime', amount: '0.10', currency: 'EUR' },
      { name: 'Two dimes', amount: '0.20', currency: 'EUR' },
      { name: 'Yen', amount: '150000', currency: 'JPY' },
      { name: 'Dinar', amount: '1.250', currency: 'BHD' },
      { name: 'Fils', amount: '0.005', currency: 'BHD' },
      { name: 'Dollar', amount: '1200.50', currency: 'USD' },
      { name: 'Moved on', amount: '400.00', currency: 'EUR', stageId: 'qualifiedtobuy' },
      { name: 'Won euros', amount: '300.00', currency: 'EUR', stageId: 'closedwon' },
      { name: 'More won euros', amount: '0.01', currency: 'EUR', stageId: 'closedwon' },
      { name: 'Won dollars', amount: '99.99', currency: 'USD', stageId: 'closedwon' },
      { name: 'Lost euros', amount: '50.00', currency: 'EUR', stageId: 'closedlost', lostReason: 'budget' },
    ];
    for (const d of deals) position = await deal(d);
  });

  const totals = (query: Record<string, string>) => t.http().get('/v1/deals/totals').query({ minPosition: position, ...query });

  it('answers every deal of each stage per currency, with exact totals in the currency\'s digits, in stage order', async () => {
    const { body } = await totals({ pipelineId: 'default' }).expect(200);
    expect(body.position).toEqual(expect.any(String));
    expect(body.data).toEqual([
      { stageId: 'appointmentscheduled', currency: 'BHD', deals: 2, total: '1.255' },
      { stageId: 'appointmentscheduled', currency: 'EUR', deals: 2, total: '0.30' },
      { stageId: 'appointmentscheduled', currency: 'JPY', deals: 1, total: '150000' },
      { stageId: 'appointmentscheduled', currency: 'USD', deals: 1, total: '1200.50' },
      { stageId: 'qualifiedtobuy', currency: 'EUR', deals: 1, total: '400.00' },
      { stageId: 'closedwon', currency: 'EUR', deals: 2, total: '300.01' },
      { stageId: 'closedwon', currency: 'USD', deals: 1, total: '99.99' },
      { stageId: 'closedlost', currency: 'EUR', deals: 1, total: '50.00' },
    ]);
  });

  it('agrees with the open stages of pipeline health, which totals open deals only', async () => {
    const { body: health } = await t.http().get('/v1/read-models/pipeline-health').query({ pipelineId: 'default', minPosition: position }).expect(200);
    const { body } = await totals({ pipelineId: 'default' }).expect(200);
    for (const stage of health.data.stages.filter((s: { closed: string | null }) => s.closed === null)) {
      const own = body.data.filter((row: { stageId: string }) => row.stageId === stage.stageId);
      expect(own.map(({ currency, total }: { currency: string; total: string }) => ({ currency, total }))).toEqual(
        stage.amounts.map(({ currency, total }: { currency: string; total: string }) => ({ currency, total })),
      );
      expect(own.reduce((sum: number, row: { deals: number }) => sum + row.deals, 0)).toBe(stage.openDeals);
    }
  });

  it('answers a known deal pipeline without deals with no rows, and the same rows as CSV', async () => {
    await expect(totals({ pipelineId: 'partners' }).expect(200).then((r) => r.body.data)).resolves.toEqual([]);
    const csv = await totals({ pipelineId: 'default' }).set('Accept', 'text/csv').expect(200);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('stageId,currency,deals,total');
    expect(lines).toContain('appointmentscheduled,EUR,2,0.30');
  });

  it('answers 404 for an unknown pipeline or a ticket pipeline, and 400 naming a missing, malformed or unknown parameter', async () => {
    await totals({ pipelineId: 'no-such-pipeline' }).expect(404);
    await totals({ pipelineId: 'support' }).expect(404);
    expect(fieldsOf((await totals({}).expect(400)).body)).toEqual(['pipelineId']);
    expect(fieldsOf((await totals({ pipelineId: 'not a pipeline!' }).expect(400)).body)).toEqual(['pipelineId']);
    expect(fieldsOf((await totals({ pipelineId: 'default', stageId: 'closedwon' }).expect(400)).body)).toEqual(['stageId']);
    expect(fieldsOf((await totals({ pipelineId: 'default', minPosition: 'soon' }).expect(400)).body)).toEqual(['minPosition']);
  });

  it('is read by the roles that read deals, and refused (403) to those that do not', async () => {
    await (await t.as('sales')).get('/v1/deals/totals').query({ pipelineId: 'default' }).expect(200);
    await (await t.as('service')).get('/v1/deals/totals').query({ pipelineId: 'default' }).expect(200);
    await (await t.as('marketing')).get('/v1/deals/totals').query({ pipelineId: 'default' }).expect(403);
    await (await t.as('reporting')).get('/v1/deals/totals').query({ pipelineId: 'default' }).expect(403);
    await t.anonymous().get('/v1/deals/totals').query({ pipelineId: 'default' }).expect(401);
  });
});
