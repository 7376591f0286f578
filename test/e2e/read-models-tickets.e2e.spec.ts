import { randomUUID } from 'node:crypto';
import { newEvent } from '#test/support/events';
import { appendEvents, BAD_DAYS, BAD_INSTANTS } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const URL = '/v1/read-models/tickets';
const AS_OF = '2026-01-17T00:00:00.000Z';


describe('tickets read model over HTTP', () => {
  const t = useTestApp();
  let position: string;
  const support = randomUUID();
  const orphan = randomUUID();

  const append = (stream: string, type: string, data: object, occurredAt: string): Promise<string> =>
    appendEvents(t, stream, [newEvent(type, data, { occurredAt })]);

  const stage = (id: string, label: string, closed: 'won' | null = null) => ({ id, label, probability: 0, closed, stuckAfterDays: null });

  const createTicket = async (createdAt: string, stageId = 'new', pipelineId = support) => {
    const ticketId = randomUUID();
    await append(
      `ticket-${ticketId}`,
      'TicketCreated',
      { ticketId, subject: 'Help', pipelineId, stageId, priority: 'medium', ownerId: 'ada', contactId: null, dealId: null },
      createdAt,
    );
    return ticketId;
  };
  const move = (ticketId: string, fromStageId: string, toStageId: string, at: string) =>
    append(`ticket-${ticketId}`, 'TicketStageChanged', { ticketId, pipelineId: support, fromStageId, toStageId }, at);

  beforeAll(async () => {
    await append(
      `pipeline-${support}`,
      'PipelineCreated',
      { pipelineId: support, objectType: 'ticket', name: 'AAA Support', stages: [stage('new', 'New'), stage('waiting', 'Waiting'), stage('done', 'Done', 'won')] },
      '2026-01-01T00:00:00.000Z',
    );
    await append(
      `pipeline-${support}`,
      'PipelineStageRenamed',
      { pipelineId: support, stageId: 'waiting', previous: 'Waiting', label: 'Waiting on customer' },
      '2026-01-02T00:00:00.000Z',
    );
    await createTicket('2026-01-05T00:00:00.000Z');
    const second = await createTicket('2026-01-07T00:00:00.000Z');
    await move(second, 'new', 'waiting', '2026-01-08T00:00:00.000Z');
    const closed = await createTicket('2026-01-13T00:00:00.000Z');
    await move(closed, 'new', 'done', '2026-01-14T00:00:00.000Z');
    await append(`ticket-${closed}`, 'TicketClosed', { ticketId: closed, pipelineId: support, stageId: 'done', ownerId: 'ada' }, '2026-01-14T00:00:00.000Z');
    // Closed, then reopened: open again, in the stage it was reopened into.
    const reopened = await createTicket('2026-01-14T00:00:00.000Z', 'waiting');
    await move(reopened, 'waiting', 'done', '2026-01-15T00:00:00.000Z');
    await append(`ticket-${reopened}`, 'TicketClosed', { ticketId: reopened, pipelineId: support, stageId: 'done', ownerId: 'ada' }, '2026-01-15T00:00:00.000Z');
    await move(reopened, 'done', 'waiting', '2026-01-16T00:00:00.000Z');
    await append(`ticket-${reopened}`, 'TicketReopened', { ticketId: reopened, pipelineId: support, stageId: 'waiting' }, '2026-01-16T00:00:00.000Z');
    // Created after asOf: not yet open then.
    await createTicket('2026-01-20T00:00:00.000Z');
    // A ticket in a pipeline this read model has no pipeline event for.
    await createTicket('2026-01-10T00:00:00.000Z', 'triage', orphan);
    position = await append(
      `pipeline-${support}`,
      'PipelineStageAdded',
      { pipelineId: support, stage: stage('escalated', 'Escalated'), position: 2 },
      '2026-01-16T12:00:00.000Z',
    );
  });
  it('answers open tickets per stage in display order with their average and oldest age as of asOf', async () => {
    const { body } = await t.http().get(URL).query({ pipelineId: support, asOf: AS_OF, minPosition: position }).expect(200);
    expect(BigInt(body.position)).toBeGreaterThanOrEqual(BigInt(position));
    expect(body.asOf).toBe(AS_OF);
    const common = { pipelineId: support, pipelineName: 'AAA Support' };
    expect(body.data).toEqual([
      { ...common, stageId: 'new', stageLabel: 'New', openTickets: 1, averageAgeDays: 12, oldestAgeDays: 12 },
      { ...common, stageId: 'waiting', stageLabel: 'Waiting on customer', openTickets: 2, averageAgeDays: 6.5, oldestAgeDays: 10 },
      { ...common, stageId: 'escalated', stageLabel: 'Escalated', openTickets: 0, averageAgeDays: null, oldestAgeDays: null },
    ]);
  });

  it('measures ages at the asOf asked for, counting only tickets created by then', async () => {
    const { body } = await t.http().get(URL).query({ pipelineId: support, asOf: '2026-01-06T12:00:00.000Z' }).expect(200);
    expect(body.data.map((r: { stageId: string; openTickets: number; oldestAgeDays: number | null }) => [r.stageId, r.openTickets, r.oldestAgeDays])).toEqual([
      ['new', 1, 1.5],
      ['waiting', 0, null],
      ['escalated', 0, null],
    ]);
  });

  it('lists every ticket pipeline without a filter, those known only from their tickets last and unlabelled', async () => {
    const { body } = await t.http().get(URL).query({ asOf: AS_OF }).expect(200);
    const pipelines = [...new Set(body.data.map((r: { pipelineId: string }) => r.pipelineId))];
    expect(pipelines).toContain(support);
    expect(pipelines[pipelines.length - 1]).toBe(orphan);
    expect(body.data.filter((r: { pipelineId: string }) => r.pipelineId === orphan)).toEqual([
      { pipelineId: orphan, pipelineName: null, stageId: 'triage', stageLabel: null, openTickets: 1, averageAgeDays: 7, oldestAgeDays: 7 },
    ]);
  });

  it('counts tickets created per ISO week, labelled by Monday, with empty weeks as zero', async () => {
    const query = { pipelineId: support, from: '2026-01-05', to: '2026-01-25', minPosition: position };
    const { body } = await t.http().get(`${URL}/created-per-week`).query(query).expect(200);
    expect(body.range).toEqual({ from: '2026-01-05', to: '2026-01-25' });
    const common = { pipelineId: support, pipelineName: 'AAA Support' };
    expect(body.data).toEqual([
      { ...common, week: '2026-01-05', created: 2 },
      { ...common, week: '2026-01-12', created: 2 },
      { ...common, week: '2026-01-19', created: 1 },
    ]);
    const partial = await t.http().get(`${URL}/created-per-week`).query({ pipelineId: support, from: '2026-01-06', to: '2026-01-19' }).expect(200);
    expect(partial.body.data.map((r: { week: string; created: number }) => [r.week, r.created])).toEqual([
      ['2026-01-05', 1],
      ['2026-01-12', 2],
      ['2026-01-19', 0],
    ]);
  });

  it('counts every pipeline without a filter and defaults to the 12 weeks ending on the day of asOf', async () => {
    const { body } = await t.http().get(`${URL}/created-per-week`).query({ asOf: '2026-01-25T10:00:00.000Z' }).expect(200);
    expect(body.range).toEqual({ from: '2025-11-03', to: '2026-01-25' });
    const orphanWeeks = body.data.filter((r: { pipelineId: string }) => r.pipelineId === orphan);
    expect(orphanWeeks).toHaveLength(12);
    expect(orphanWeeks.filter((r: { created: number }) => r.created > 0)).toEqual([{ pipelineId: orphan, pipelineName: null, week: '2026-01-05', created: 1 }]);
  });

  it('refuses bad parameters and backwards ranges', async () => {
    await t.http().get(URL).query({ asOf: 'soon' }).expect(400);
    await t.http().get(URL).query({ pipelineId: '' }).expect(400);
    const backwards = await t.http().get(`${URL}/created-per-week`).query({ from: '2026-02-01', to: '2026-01-01' }).expect(400);
    expect(backwards.body.error).toBe('INVALID_DATE_RANGE');
    await t.http().get(`${URL}/created-per-week`).query({ from: '2000-01-01', to: '2026-01-01' }).expect(400);
    await t.http().get(`${URL}/created-per-week`).query({ from: '2026-13-01' }).expect(400);
  });

  it('refuses days and instants outside what every store holds', async () => {
    for (const asOf of BAD_INSTANTS) {
      expect((await t.http().get(URL).query({ asOf }).expect(400)).body.fields.map((f: { field: string }) => f.field)).toEqual(['asOf']);
      await t.http().get(`${URL}/created-per-week`).query({ asOf }).expect(400);
    }
    for (const day of BAD_DAYS) {
      await t.http().get(`${URL}/created-per-week`).query({ from: day, to: '2026-01-01' }).expect(400);
      await t.http().get(`${URL}/created-per-week`).query({ from: '2026-01-01', to: day }).expect(400);
    }
    await t.http().get(URL).query({ asOf: '1900-01-01T00:00:00Z' }).expect(200);
  });

  it('answers CSV on request', async () => {
    const response = await t.http().get(URL).query({ pipelineId: support, asOf: AS_OF }).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.text.split('\r\n')).toEqual([
      'pipelineId,pipelineName,stageId,stageLabel,openTickets,averageAgeDays,oldestAgeDays',
      `${support},AAA Support,new,New,1,12,12`,
      `${support},AAA Support,waiting,Waiting on customer,2,6.5,10`,
      `${support},AAA Support,escalated,Escalated,0,,`,
      '',
    ]);
    const weekly = await t.http().get(`${URL}/created-per-week`).query({ pipelineId: support, from: '2026-01-05', to: '2026-01-11' }).set('Accept', 'text/csv').expect(200);
    expect(weekly.text).toBe(`pipelineId,pipelineName,week,created\r\n${support},AAA Support,2026-01-05,2\r\n`);
  });

  it('answers 503 while the read model has not reached the position asked for', async () => {
    const ahead = (BigInt(position) + (1n << 40n)).toString();
    await t.http().get(`${URL}/created-per-week`).query({ minPosition: ahead }).expect(503);
  });
});
