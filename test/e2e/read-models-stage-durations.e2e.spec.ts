import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { dealCreated } from '#projection-specs';
import { newEvent } from '#test/support/events';
import { appendEvents, BAD_INSTANTS, storable } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const HOUR = 3_600_000;
const hoursIn = (hours: number): string => new Date(T0 + hours * HOUR).toISOString();

const stage = (id: string, closed: 'won' | 'lost' | null = null) => ({
  id,
  label: id.toUpperCase(),
  probability: closed === 'won' ? 1 : closed === 'lost' ? 0 : 0.5,
  closed,
  stuckAfterDays: null,
});

describe('stage duration read model over HTTP', () => {
  const t = useTestApp();

  const append = (stream: string, events: NewEvent[]): Promise<string> => appendEvents(t, stream, events);

  const createPipeline = async (objectType: 'deal' | 'ticket' = 'deal') => {
    const pipelineId = `p-${randomUUID().slice(0, 8)}`;
    const stages =
      objectType === 'deal'
        ? [stage('lead'), stage('demo'), stage('proposal'), stage('won', 'won'), stage('lost', 'lost')]
        : [stage('new'), stage('closed', 'won')];
    const position = await append(`pipeline-${pipelineId}`, [
      newEvent('PipelineCreated', { pipelineId, objectType, name: pipelineId, stages }, { occurredAt: hoursIn(-100) }),
    ]);
    return { pipelineId, position };
  };

  /** A deal created in lead at T0, then through `path`: [stage, hours after T0] (won/lost/reopen as the domain records them). */
  const createDeal = async (pipelineId: string, path: [string, number][]): Promise<{ dealId: string; position: string }> => {
    const dealId = randomUUID();
    const events: NewEvent[] = [storable(dealCreated(dealId, hoursIn(0), { name: dealId, pipelineId, stageId: 'lead', amount: '100.00' }))];
    let current = 'lead';
    for (const [to, hours] of path) {
      const occurredAt = hoursIn(hours);
      const move = { dealId, pipelineId, fromStageId: current, toStageId: to };
      if (current === 'won' || current === 'lost') {
        events.push(newEvent('DealReopened', move, { occurredAt }));
      } else {
        events.push(newEvent('DealStageChanged', move, { occurredAt }));
        if (to === 'won') events.push(newEvent('DealWon', { dealId, pipelineId, stageId: 'won', amount: 100, currency: 'EUR', ownerId: null }, { occurredAt }));
        if (to === 'lost') events.push(newEvent('DealLost', { dealId, pipelineId, stageId: 'lost', reason: 'budget' }, { occurredAt }));
      }
      current = to;
    }
    return { dealId, position: await append(`deal-${dealId}`, events) };
  };

  const seed = async () => {
    const { pipelineId } = await createPipeline();
    const d1 = await createDeal(pipelineId, [['demo', 10], ['proposal', 40], ['won', 100]]);
    // Back to lead and into demo again: second visits of both.
    const d2 = await createDeal(pipelineId, [['demo', 20], ['lead', 30], ['demo', 60]]);
    const d3 = await createDeal(pipelineId, [['lost', 5]]);
    // Won straight from lead, then reopened into demo.
    const d4 = await createDeal(pipelineId, [['won', 50], ['demo', 80]]);
    return { pipelineId, d1, d2, d3, d4, position: d4.position };
  };

  it('answers per stage the visits, median and p90 time over completed visits, and the conversion to the next stage', async () => {
    const { pipelineId, position } = await seed();
    const response = await t.http().get('/v1/read-models/stage-durations').query({ pipelineId, minPosition: position }).expect(200);
    expect(BigInt(response.body.position)).toBeGreaterThanOrEqual(BigInt(position));
    expect(response.body.data).toEqual([
      // lead: 10, 20, 30, 5, 50 hours. 3 of 4 deals went on to demo or won straight from lead.
      { pipelineId, stageId: 'lead', label: 'LEAD', closed: null, archived: false, visits: 5, completedVisits: 5, medianMs: 20 * HOUR, p90Ms: 42 * HOUR, conversionToNext: 0.75 },
      // demo: 30 and 10 hours completed, two visits in progress. 1 of 3 deals reached proposal.
      { pipelineId, stageId: 'demo', label: 'DEMO', closed: null, archived: false, visits: 4, completedVisits: 2, medianMs: 20 * HOUR, p90Ms: 28 * HOUR, conversionToNext: 0.3333 },
      // proposal is the last open stage: converting means winning from it.
      { pipelineId, stageId: 'proposal', label: 'PROPOSAL', closed: null, archived: false, visits: 1, completedVisits: 1, medianMs: 60 * HOUR, p90Ms: 60 * HOUR, conversionToNext: 1 },
      { pipelineId, stageId: 'won', label: 'WON', closed: 'won', archived: false, visits: 2, completedVisits: 1, medianMs: 30 * HOUR, p90Ms: 30 * HOUR, conversionToNext: null },
      { pipelineId, stageId: 'lost', label: 'LOST', closed: 'lost', archived: false, visits: 1, completedVisits: 0, medianMs: null, p90Ms: null, conversionToNext: null },
    ]);

    const csv = await t.http().get('/v1/read-models/stage-durations').query({ pipelineId }).set('Accept', 'text/csv').expect(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('pipelineId,stageId,label,closed,archived,visits,completedVisits,medianMs,p90Ms,conversionToNext');
    expect(lines[1]).toBe(`${pipelineId},lead,LEAD,,false,5,5,${20 * HOUR},${42 * HOUR},0.75`);
    expect(lines).toHaveLength(6);
  });

  it('answers a deal its visits and the latest and cumulative time per stage, surviving re-entries and counting the open visit to asOf', async () => {
    const { d2, d4 } = await seed();
    const response = await t.http().get(`/v1/read-models/stage-durations/deals/${d2.dealId}`).query({ asOf: hoursIn(100), minPosition: d4.position }).expect(200);
    expect(response.body.data).toMatchObject({ dealId: d2.dealId, asOf: hoursIn(100), currentStageId: 'demo' });
    expect(response.body.data.visits.map((v: { stageId: string; visit: number; durationMs: number | null; exitedTo: string | null }) => [v.stageId, v.visit, v.durationMs, v.exitedTo])).toEqual([
      ['lead', 1, 20 * HOUR, 'demo'],
      ['demo', 1, 10 * HOUR, 'lead'],
      ['lead', 2, 30 * HOUR, 'demo'],
      ['demo', 2, null, null],
    ]);
    expect(response.body.data.stages).toEqual([
      { stageId: 'lead', visits: 2, latestMs: 30 * HOUR, cumulativeMs: 50 * HOUR, inStageNow: false },
      { stageId: 'demo', visits: 2, latestMs: 40 * HOUR, cumulativeMs: 50 * HOUR, inStageNow: true },
    ]);

    const reopened = await t.http().get(`/v1/read-models/stage-durations/deals/${d4.dealId}`).query({ asOf: hoursIn(100) }).expect(200);
    expect(reopened.body.data.visits).toEqual([
      { dealId: d4.dealId, pipelineId: expect.any(String), stageId: 'lead', visit: 1, enteredAt: hoursIn(0), exitedAt: hoursIn(50), exitedTo: 'won', durationMs: 50 * HOUR },
      { dealId: d4.dealId, pipelineId: expect.any(String), stageId: 'won', visit: 1, enteredAt: hoursIn(50), exitedAt: hoursIn(80), exitedTo: 'demo', durationMs: 30 * HOUR },
      { dealId: d4.dealId, pipelineId: expect.any(String), stageId: 'demo', visit: 1, enteredAt: hoursIn(80), exitedAt: null, exitedTo: null, durationMs: null },
    ]);

    await t.http().get(`/v1/read-models/stage-durations/deals/${randomUUID()}`).expect(404);
  });

  it('pages the visits of a stage oldest entry first, and filters by pipeline', async () => {
    const { pipelineId, d1, d2, d3, d4, position } = await seed();
    const url = '/v1/read-models/stage-durations/visits';
    const seen: { dealId: string; visit: number }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { body } = await t.http().get(url).query({ pipelineId, stageId: 'lead', limit: 2, minPosition: position, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...body.data);
      cursor = body.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    // Four first visits entered at T0 (by deal id), then d2's second visit at T0 + 30 h.
    const firstVisits = [d1, d2, d3, d4].map((d) => d.dealId).sort();
    expect(seen.map((v) => [v.dealId, v.visit])).toEqual([...firstVisits.map((id) => [id, 1]), [d2.dealId, 2]]);

    const all = await t.http().get(url).query({ pipelineId, limit: 500 }).expect(200);
    expect(all.body.data).toHaveLength(13);
    expect(all.body.nextCursor).toBeNull();
    expect(new Set(all.body.data.map((v: { pipelineId: string }) => v.pipelineId))).toEqual(new Set([pipelineId]));

    const csv = await t.http().get(url).query({ pipelineId, stageId: 'proposal' }).set('Accept', 'text/csv').expect(200);
    expect(csv.text.trim().split('\r\n')).toEqual([
      'dealId,pipelineId,stageId,visit,enteredAt,exitedAt,exitedTo,durationMs',
      `${d1.dealId},${pipelineId},proposal,1,${hoursIn(40)},${hoursIn(100)},won,${60 * HOUR}`,
    ]);
  });

  it('reports archived stages without conversion, follows reorders for the next stage, and leaves out ticket pipelines', async () => {
    const { pipelineId } = await seed();
    const ticket = await createPipeline('ticket');
    const stats = async (minPosition: string) => {
      const { body } = await t.http().get('/v1/read-models/stage-durations').query({ pipelineId, minPosition }).expect(200);
      return body.data as { stageId: string; archived: boolean; visits: number; conversionToNext: number | null }[];
    };
    const conversions = (rows: Awaited<ReturnType<typeof stats>>) => rows.map((row) => [row.stageId, row.conversionToNext]);

    // Proposal now follows lead: of the 4 deals in lead, d1 later reached proposal and d4 was won straight from lead;
    // d1 was won straight from proposal.
    const reordered = await append(`pipeline-${pipelineId}`, [
      newEvent('PipelineStagesReordered', {
        pipelineId,
        previous: ['lead', 'demo', 'proposal', 'won', 'lost'],
        stageIds: ['lead', 'proposal', 'demo', 'won', 'lost'],
      }),
    ]);
    expect(conversions(await stats(reordered))).toEqual([
      ['lead', 0.5],
      ['proposal', 1],
      ['demo', 0],
      ['won', null],
      ['lost', null],
    ]);

    // Archived, proposal keeps its visits but has no place in the order: demo follows lead again and is the last open stage.
    const archived = await append(`pipeline-${pipelineId}`, [newEvent('PipelineStageArchived', { pipelineId, stageId: 'proposal' })]);
    const rows = await stats(archived);
    expect(conversions(rows)).toEqual([
      ['lead', 0.75],
      ['demo', 0],
      ['won', null],
      ['lost', null],
      ['proposal', null],
    ]);
    expect(rows[4]).toMatchObject({ archived: true, visits: 1 });

    const all = await t.http().get('/v1/read-models/stage-durations').query({ minPosition: ticket.position }).expect(200);
    const pipelines = new Set(all.body.data.map((s: { pipelineId: string }) => s.pipelineId));
    expect(pipelines.has(pipelineId)).toBe(true);
    expect(pipelines.has(ticket.pipelineId)).toBe(false);
  });

  it('refuses an asOf outside what every store holds', async () => {
    for (const asOf of BAD_INSTANTS) {
      const { body } = await t.http().get(`/v1/read-models/stage-durations/deals/${randomUUID()}`).query({ asOf }).expect(400);
      expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['asOf']);
    }
  });

  it('answers 404 for an unknown pipeline, 400 for bad parameters, and 503 when a position is not reached', async () => {
    await t.http().get('/v1/read-models/stage-durations').query({ pipelineId: 'no-such-pipeline' }).expect(404);
    const url = '/v1/read-models/stage-durations/visits';
    await t.http().get(url).query({ limit: 501 }).expect(400);
    await t.http().get(url).query({ unknown: 'x' }).expect(400);
    const forged = await t.http().get(url).query({ cursor: Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'x', 'one'])).toString('base64url') }).expect(400);
    expect(forged.body.error).toBe('INVALID_CURSOR');
    await t.http().get(`/v1/read-models/stage-durations/deals/${randomUUID()}`).query({ asOf: 'tomorrow' }).expect(400);
    await t.http().get('/v1/read-models/stage-durations').query({ minPosition: 'abc' }).expect(400);
    const behind = await t.http().get('/v1/read-models/stage-durations').query({ minPosition: '9'.repeat(19) }).expect(503);
    expect(behind.body.error).toBe('READ_MODEL_BEHIND');
  });
});
