// The import is no way around the role matrix or the deciders: each bypass found by the issue-12 probes, replayed.
import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

type Rejection = { line: number; reason: string };

describe('POST /v1/import authorises each line', () => {
  const t = useTestApp();

  const post = (agent: request.Agent, lines: readonly object[]) =>
    agent
      .post('/v1/import')
      .set('Content-Type', 'application/x-ndjson')
      .send(lines.map((line) => JSON.stringify(line)).join('\n'));
  const streamOf = (name: string) => collect(t.runtime.eventStore.readStream(name));
  const reasonsOf = (body: { rejections: Rejection[] }) => body.rejections.map((r) => [r.line, r.reason]);
  const raw = (streamName: string, type: string, data: object) => ({
    streamName,
    event: { id: randomUUID(), type, data, metadata: { occurredAt: '2024-03-01T10:00:00Z' } },
  });
  const dealCreated = (dealId: string, overrides: object = {}) => ({
    dealId, name: 'Acme', pipelineId: 'default', stageId: 'appointmentscheduled', amount: '1000.00', currency: 'USD', revenueType: 'one-off',
    billingPeriod: null, contractTermMonths: 12, closeDate: '2024-06-30', ownerId: null, contactIds: [], companyId: null, companyIds: [], properties: {},
    renewsDealId: null, ...overrides,
  });

  it('refuses a marketing key the commands its routes refuse, and writes nothing', async () => {
    const marketing = await t.as('marketing');
    const [dealId, ownerId] = [randomUUID(), randomUUID()];
    await marketing.post('/v1/deals').send({ name: 'Acme', amount: 1, currency: 'USD' }).expect(403);
    await marketing.post('/v1/owners').send({ name: 'Eve', email: 'eve@example.com', role: 'sales' }).expect(403);

    const { body } = await post(marketing, [
      { command: 'CreateDeal', id: randomUUID(), data: { dealId, name: 'Acme', amount: 12000, currency: 'USD' } },
      { command: 'MoveDealToStage', id: randomUUID(), data: { dealId, stageId: 'closedwon' } },
      { command: 'CreateOwner', id: randomUUID(), data: { ownerId, name: 'Eve', email: `eve-${ownerId.slice(0, 8)}@example.com`, role: 'super-admin' } },
    ]).expect(200);

    expect(body).toMatchObject({ lines: 3, accepted: 0, rejected: 3 });
    expect(reasonsOf(body)).toEqual([
      [1, '403 FORBIDDEN: the marketing role may not deals:write (CreateDeal runs as POST /v1/deals)'],
      [2, '403 FORBIDDEN: the marketing role may not deals:write (MoveDealToStage runs as PUT /v1/deals/:id/stage)'],
      [3, '403 FORBIDDEN: the marketing role may not owners:write (CreateOwner runs as POST /v1/owners)'],
    ]);
    expect(await streamOf(`deal-${dealId}`)).toEqual([]);
    expect(await streamOf(`owner-${ownerId}`)).toEqual([]);
  });

  it('refuses raw events to a marketing key, whatever they say', async () => {
    const marketing = await t.as('marketing');
    const [dealId, otherDealId, ownerId] = [randomUUID(), randomUUID(), randomUUID()];
    const { body } = await post(marketing, [
      raw(`deal-${dealId}`, 'DealCreated', dealCreated(dealId)),
      raw(`owner-${ownerId}`, 'OwnerCreated', { ownerId, name: 'Eve', email: 'eve@example.com', team: null, role: 'super-admin' }),
      raw(`deal-${dealId}`, 'DealWon', { dealId, pipelineId: 'default', stageId: 'no-such-stage', amount: '123456789.00', currency: 'USD', ownerId: null }),
      raw(`deal-${dealId}`, 'DealStageChanged', { dealId: otherDealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'closedwon' }),
    ]).expect(200);

    expect(body).toMatchObject({ lines: 4, accepted: 0, rejected: 4 });
    for (const [, reason] of reasonsOf(body)) expect(reason).toMatch(/need history:write \(super-admin\); the marketing role may send command lines/);
    expect(await streamOf(`deal-${dealId}`)).toEqual([]);
    expect(await streamOf(`owner-${ownerId}`)).toEqual([]);
  });

  it('still imports the lines a marketing key may write, as that key', async () => {
    const marketing = await t.as('marketing');
    const contactId = randomUUID();
    const { body } = await post(marketing, [
      { command: 'CreateContact', id: randomUUID(), data: { contactId, email: `m-${contactId.slice(0, 8)}@example.com`, source: 'import' } },
      { command: 'RecordPageView', id: randomUUID(), occurredAt: '2024-02-01T10:00:00Z', data: { contactId, url: 'https://x.test/pricing' } },
    ]).expect(200);
    expect(body).toEqual({ lines: 2, accepted: 2, duplicates: 0, rejected: 0, rejections: [] });
    const marketingKey = (await t.runtime.apiKeys.list()).find((k) => k.role === 'marketing')!;
    const [view] = await streamOf(`activity-${contactId}`);
    expect(view.metadata.actor).toBe(`key:${marketingKey.keyId}`);
  });

  it('refuses the whole request to a role that may not import', async () => {
    const response = await post(await t.as('sales'), [{ command: 'CreateDeal', id: randomUUID(), data: { name: 'X', amount: 1, currency: 'USD' } }]);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: 'FORBIDDEN', role: 'sales' });
  });

  it('takes raw events from a super-admin only where the decider could have written them', async () => {
    const [dealId, otherDealId, ownerId] = [randomUUID(), randomUUID(), randomUUID()];
    const owner = raw(`owner-${ownerId}`, 'OwnerCreated', { ownerId, name: 'Grace', email: 'grace@example.com', team: null, role: 'sales' });
    const { body } = await post(t.http(), [
      raw(`deal-${dealId}`, 'DealStageChanged', { dealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'qualifiedtobuy' }),
      raw(`deal-${dealId}`, 'DealCreated', dealCreated(dealId)),
      raw(`deal-${dealId}`, 'DealCreated', dealCreated(dealId)),
      raw(`deal-${dealId}`, 'DealWon', { dealId, pipelineId: 'default', stageId: 'no-such-stage', amount: '123456789.00', currency: 'USD', ownerId: null }),
      raw(`deal-${dealId}`, 'DealStageChanged', { dealId: otherDealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'closedwon' }),
      raw(`contact-${dealId}`, 'DealCreated', dealCreated(dealId)),
      raw(`deal-${otherDealId}`, 'DealCreated', dealCreated(otherDealId, { stageId: 'no-such-stage' })),
      raw(`unique-owner-email-${ownerId}`, 'UniqueValueClaimed', { kind: 'owner-email', value: 'x', ownerId }),
      raw(`deal-${dealId}`, 'DealStageChanged', { dealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'closedwon' }),
      raw(`deal-${dealId}`, 'DealWon', { dealId, pipelineId: 'default', stageId: 'closedwon', amount: '123456789.00', currency: 'USD', ownerId: null }),
      raw(`deal-${dealId}`, 'DealWon', { dealId, pipelineId: 'default', stageId: 'closedwon', amount: '1000.00', currency: 'USD', ownerId: null }),
      owner,
      { ...owner, event: { ...owner.event, id: randomUUID() } },
    ]).expect(200);

    expect(reasonsOf(body)).toEqual([
      [1, `deal-${dealId} has no DealCreated: DealStageChanged must follow it`],
      [3, `deal-${dealId} already has its DealCreated`],
      [4, 'pipeline default has no stage no-such-stage'],
      [5, `data.dealId "${otherDealId}" is not the id in the stream name deal-${dealId}`],
      [6, 'DealCreated does not belong in a contact stream'],
      [7, 'pipeline default has no stage no-such-stage'],
      [8, expect.stringMatching(/^streamName "unique-owner-email-.*" is not a stream an import may write/)],
      [10, 'amount is "123456789.00" but the stream has "1000.00"'],
      [13, `owner-${ownerId} already has its OwnerCreated`],
    ]);
    expect(body).toMatchObject({ lines: 13, accepted: 4, rejected: 9 });
    expect((await streamOf(`deal-${dealId}`)).map((e) => e.type)).toEqual(['DealCreated', 'DealStageChanged', 'DealWon']);
    expect(await streamOf(`deal-${otherDealId}`)).toEqual([]);
    expect(await streamOf(`owner-${ownerId}`)).toHaveLength(1);

    // A stored line sent again is a duplicate; a new DealCreated for the same deal is refused.
    const again = await post(t.http(), [
      raw(`deal-${dealId}`, 'DealCreated', dealCreated(dealId)),
      owner,
    ]).expect(200);
    expect(again.body).toMatchObject({ lines: 2, accepted: 0, rejected: 1, duplicates: 1 });
  });
});
