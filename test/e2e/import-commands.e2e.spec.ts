import { randomUUID } from 'node:crypto';
import type { WorkflowEngine } from '#application';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

describe('POST /v1/import with command lines', () => {
  const t = useTestApp();

  const send = (lines: readonly object[]) =>
    t
      .http()
      .post('/v1/import')
      .set('Content-Type', 'application/x-ndjson')
      .send(lines.map((line) => JSON.stringify(line)).join('\n'))
      .expect(200);
  const storedEvents = async () => Number((await t.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM tally_events')).rows[0].n);
  const streamOf = (name: string) => collect(t.runtime.eventStore.readStream(name));

  it('runs each command as its HTTP route does, at the time of the line, as the importer; a re-run appends nothing', async () => {
    const [ownerId, companyId, contactId, dealId, ticketId, engagementId] = Array.from({ length: 6 }, () => randomUUID());
    const email = `ada-${contactId.slice(0, 8)}@example.com`;
    const file = [
      { command: 'CreateOwner', id: randomUUID(), occurredAt: '2024-01-02T09:00:00Z', data: { ownerId, name: 'Grace', email: `g-${ownerId.slice(0, 8)}@example.com`, role: 'sales' } },
      { command: 'CreateCompany', id: randomUUID(), occurredAt: '2024-01-03T09:00:00Z', data: { companyId, name: 'Analytical Engines' } },
      { command: 'CreateContact', id: randomUUID(), occurredAt: '2023-05-04T08:00:00+02:00', data: { contactId, email, companyId, ownerId, source: 'import' } },
      { command: 'RecordPageView', id: randomUUID(), occurredAt: '2024-02-01T10:00:00Z', data: { contactId, url: 'https://tally.example/pricing' } },
      { command: 'RecordPageView', id: randomUUID(), data: { contactId, url: 'https://tally.example/docs', occurredAt: '2024-02-02T10:00:00Z' } },
      { command: 'RecordFormSubmission', id: randomUUID(), occurredAt: '2024-02-03T10:00:00Z', data: { contactId, formId: 'demo', fields: { seats: '12' } } },
      { command: 'CreateDeal', id: randomUUID(), occurredAt: '2024-03-01T10:00:00Z', data: { dealId, name: 'Acme', amount: 12000, currency: 'USD', ownerId, contactIds: [contactId] } },
      { command: 'MoveDealToStage', id: randomUUID(), occurredAt: '2024-04-01T10:00:00Z', data: { dealId, stageId: 'closedwon' } },
      { command: 'CreateTicket', id: randomUUID(), occurredAt: '2024-05-01T10:00:00Z', data: { ticketId, subject: 'Cannot export', priority: 'high', contactId } },
      { command: 'LogEngagement', id: randomUUID(), occurredAt: '2024-05-02T10:00:00Z', data: { engagementId, kind: 'call', ownerId, durationMinutes: 20, contactIds: [contactId] } },
    ];

    const first = await send(file);
    expect(first.body).toEqual({ lines: 10, accepted: 10, duplicates: 0, rejected: 0, rejections: [] });

    const [contactCreated] = await streamOf(`contact-${contactId}`);
    expect(contactCreated.type).toBe('ContactCreated');
    expect(contactCreated.metadata).toMatchObject({ occurredAt: '2023-05-04T06:00:00.000Z', actor: expect.stringMatching(/^key:[a-z0-9]{16}$/), source: 'import' });
    const activity = await streamOf(`activity-${contactId}`);
    expect(activity.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['PageViewed', '2024-02-01T10:00:00.000Z'],
      ['PageViewed', '2024-02-02T10:00:00.000Z'],
      ['FormSubmitted', '2024-02-03T10:00:00.000Z'],
    ]);
    const deal = await streamOf(`deal-${dealId}`);
    expect(deal.map((e) => e.type)).toEqual(['DealCreated', 'DealStageChanged', 'DealWon']);
    expect(deal[2].metadata.occurredAt).toBe('2024-04-01T10:00:00.000Z');
    const records = [`owner-${ownerId}`, `company-${companyId}`, `ticket-${ticketId}`, `engagement-${engagementId}`];
    const firstEvents = await Promise.all(records.map(async (stream) => (await streamOf(stream))[0]));
    expect(firstEvents.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['OwnerCreated', '2024-01-02T09:00:00.000Z'],
      ['CompanyCreated', '2024-01-03T09:00:00.000Z'],
      ['TicketCreated', '2024-05-01T10:00:00.000Z'],
      ['EngagementLogged', '2024-05-02T10:00:00.000Z'],
    ]);
    expect(new Set(firstEvents.map((e) => e.metadata.actor))).toEqual(new Set([contactCreated.metadata.actor]));

    // The default lifecycle workflows act on the imported deal (#16) before the count; a re-run enrols nobody again.
    await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp();
    const before = await storedEvents();
    const again = await send(file);
    expect(again.body).toEqual({ lines: 10, accepted: 0, duplicates: 10, rejected: 0, rejections: [] });
    await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp();
    expect(await storedEvents()).toBe(before);
  });

  it('rejects bad lines with their reasons and stores the others, events and commands alike, in file order', async () => {
    const ownerId = randomUUID();
    const contactId = randomUUID();
    const file = [
      { command: 'CreateOwner', id: randomUUID(), data: { ownerId, name: 'Linus', email: `l-${ownerId.slice(0, 8)}@example.com`, role: 'service' } },
      { command: 'SummonDragon', id: randomUUID(), data: {} },
      { command: 'CreateContact', id: randomUUID(), data: { contactId, email: 'not-an-email', source: 'telepathy', shoeSize: 44 } },
      { command: 'CreateDeal', id: randomUUID(), data: { name: 'Lost cause', amount: 1, currency: 'USD', pipelineId: 'nowhere' } },
      {
        streamName: `activity-${contactId}`,
        event: { id: randomUUID(), type: 'PageViewed', data: { contactId, url: 'https://x.test/', title: null, referrer: null }, metadata: { occurredAt: '2024-01-01T00:00:00Z' } },
      },
      { command: 'RecordPageView', id: randomUUID(), data: { contactId, url: 'https://x.test/a' } },
      { command: 'CreateContact', id: 'not-a-uuid', data: { email: 'x@example.com', source: 'import' } },
    ];

    const { body } = await send(file);
    expect(body).toMatchObject({ lines: 7, accepted: 1, duplicates: 0, rejected: 6 });
    const reasons = new Map<number, string>(body.rejections.map((r: { line: number; reason: string }) => [r.line, r.reason]));
    expect([...reasons.keys()]).toEqual([2, 3, 4, 5, 6, 7]);
    expect(reasons.get(2)).toMatch(/unknown command "SummonDragon"/);
    for (const field of ['data.email: ', 'data.source: ', 'data.shoeSize: property shoeSize should not exist']) expect(reasons.get(3)).toContain(field);
    expect(reasons.get(4)).toMatch(/^404 NOT_FOUND: .*nowhere/);
    // The activity of an unknown contact is refused, as a command like its HTTP route and as a raw event like the
    // decider that could never have produced it.
    expect(reasons.get(5)).toBe(`contact ${contactId} does not exist`);
    expect(reasons.get(6)).toMatch(/^404 NOT_FOUND/);
    expect(reasons.get(7)).toMatch(/id must be a uuid/);
    expect(await streamOf(`owner-${ownerId}`)).toHaveLength(1);
    expect(await streamOf(`activity-${contactId}`)).toHaveLength(0);
  });

  it('rejects command lines with numbers JSON.parse would change, a key given twice or times no calendar holds, and runs nothing of them', async () => {
    const [exact, rounded, ancient, leap, twice] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const deal = (dealId: string, amount: string, occurredAt = '2024-03-01T10:00:00Z') =>
      `{"command":"CreateDeal","id":"${randomUUID()}","occurredAt":"${occurredAt}","data":{"dealId":"${dealId}","name":"N","amount":${amount},"currency":"USD"}}`;
    const file = [
      deal(exact, '1000.25'),
      // Parses as 1000.25: the deal would be stored with an amount other than the one sent.
      deal(rounded, '1000.2500000000000001'),
      deal(ancient, '10', '0000-01-01T00:00:00Z'),
      deal(leap, '10', '2026-02-30T10:00:00Z'),
      // Parses as amount 20: the first amount would be dropped without a word.
      deal(twice, '10,"amount":20'),
    ];
    const { body } = await t.http().post('/v1/import').set('Content-Type', 'application/x-ndjson').send(file.join('\n')).expect(200);
    expect(body).toMatchObject({ lines: 5, accepted: 1, rejected: 4 });
    const reasons = body.rejections.map((r: { line: number; reason: string }) => [r.line, r.reason]);
    expect(reasons).toEqual([
      [2, 'data.amount: 1000.2500000000000001 cannot be kept exactly as a JSON number (it would become 1000.25)'],
      [3, expect.stringMatching(/^occurredAt must be an RFC 3339 date-time with a zone .* from 1900-01-01/)],
      [4, expect.stringMatching(/^occurredAt must be an RFC 3339 date-time with a zone .*real calendar day/)],
      [5, 'data.amount: the key appears more than once in its object (the last one would silently win)'],
    ]);
    expect((await streamOf(`deal-${exact}`)).map((e) => (e.data as { amount: unknown }).amount)).toEqual(['1000.25']);
    for (const dealId of [rounded, ancient, leap, twice]) expect(await streamOf(`deal-${dealId}`)).toHaveLength(0);
  });
});
