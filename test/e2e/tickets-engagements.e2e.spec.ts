import { randomUUID } from 'node:crypto';
import { collect, committedCount } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { raceSafeDatabase } from '#test/support/test-database';

describe('tickets and engagements over HTTP', () => {
  const t = useTestApp(async () => ({ database: await raceSafeDatabase() }));

  const streamOf = async (name: string) => collect(t.runtime.eventStore.readStream(name));
  const ruleOf = async (request: PromiseLike<{ status: number; body: { rule?: string } }>) => {
    const response = await request;
    expect(response.status).toBe(422);
    return response.body.rule;
  };

  describe('tickets', () => {
    const [ownerId, otherOwnerId, contactId] = [randomUUID(), randomUUID(), randomUUID()];

    it('opens a ticket in the support pipeline, closes it, reopens it and reassigns it', async () => {
      const created = await t.http().post('/v1/tickets').send({ subject: 'Cannot export invoices', priority: 'high', ownerId, contactId }).expect(201);
      expect(created.body).toMatchObject({ revision: 0, events: ['TicketCreated'] });
      const ticketId: string = created.body.id;

      const waiting = await t.http().put(`/v1/tickets/${ticketId}/stage`).send({ stageId: 'waiting-on-us' }).expect(200);
      expect(waiting.body.events).toEqual(['TicketStageChanged']);
      const closed = await t.http().put(`/v1/tickets/${ticketId}/stage`).send({ stageId: 'closed' }).expect(200);
      expect(closed.body).toMatchObject({ revision: 3, events: ['TicketStageChanged', 'TicketClosed'] });

      const reassigned = await t.http().put(`/v1/tickets/${ticketId}/owner`).send({ ownerId: otherOwnerId }).expect(200);
      expect(reassigned.body.events).toEqual(['TicketOwnerAssigned']);
      const unassigned = await t.http().put(`/v1/tickets/${ticketId}/owner`).send({ ownerId: null }).expect(200);
      expect(unassigned.body.events).toEqual(['TicketOwnerAssigned']);
      const priority = await t.http().put(`/v1/tickets/${ticketId}/priority`).send({ priority: 'urgent' }).expect(200);
      expect(priority.body.events).toEqual(['TicketPriorityChanged']);
      const reopened = await t.http().put(`/v1/tickets/${ticketId}/stage`).send({ stageId: 'new' }).expect(200);
      expect(reopened.body.events).toEqual(['TicketStageChanged', 'TicketReopened']);

      const events = await streamOf(`ticket-${ticketId}`);
      expect(events[0].data).toEqual({
        ticketId,
        subject: 'Cannot export invoices',
        pipelineId: 'support',
        stageId: 'new',
        priority: 'high',
        ownerId,
        contactIds: [contactId],
        companyIds: [],
        dealIds: [],
        properties: {},
      });
      expect(events[3]).toMatchObject({ type: 'TicketClosed', data: { ticketId, pipelineId: 'support', stageId: 'closed', ownerId } });
      expect(events[4].data).toEqual({ ticketId, previous: ownerId, ownerId: otherOwnerId });
      expect(events[5].data).toEqual({ ticketId, previous: otherOwnerId, ownerId: null });

      const view = await t.http().get(`/v1/tickets/${ticketId}`).expect(200);
      expect(view.body).toEqual({
        ticketId,
        subject: 'Cannot export invoices',
        pipelineId: 'support',
        stageId: 'new',
        status: 'open',
        priority: 'urgent',
        ownerId: null,
        contactId,
        dealId: null,
        contactIds: [contactId],
        companyIds: [],
        dealIds: [],
        properties: {},
        revision: 8,
      });
    });

    it('refuses deal pipelines, foreign stages and malformed input, appending nothing', async () => {
      const before = await committedCount(t.db.pool, 'ticket');
      expect(await ruleOf(t.http().post('/v1/tickets').send({ subject: 'X', priority: 'low', pipelineId: 'default' }))).toBe('not-a-ticket-pipeline');
      await t.http().post('/v1/tickets').send({ subject: 'X', priority: 'low', pipelineId: 'helpdesk' }).expect(404);
      const bad = await t.http().post('/v1/tickets').send({ subject: '', priority: 'asap', severity: 1 }).expect(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['subject', 'priority', 'severity']));

      const { body } = await t.http().post('/v1/tickets').send({ subject: 'Login loop', priority: 'medium' }).expect(201);
      expect(await ruleOf(t.http().put(`/v1/tickets/${body.id}/stage`).send({ stageId: 'closedwon' }))).toBe('stage-not-in-pipeline');
      const missingOwner = await t.http().put(`/v1/tickets/${body.id}/owner`).send({}).expect(400);
      expect(missingOwner.body.fields.map((f: { field: string }) => f.field)).toEqual(['ownerId']);
      await t.http().put(`/v1/tickets/${randomUUID()}/stage`).send({ stageId: 'closed' }).expect(404);
      await t.http().get(`/v1/tickets/${randomUUID()}`).expect(404);

      expect(await committedCount(t.db.pool, 'ticket')).toBe(before + 1);
    });
  });

  describe('engagements', () => {
    const [ownerId, contactId, dealId] = [randomUUID(), randomUUID(), randomUUID()];
    const log = (body: object) => t.http().post('/v1/engagements').send(body);

    it('logs a call with its duration at the time it happened', async () => {
      const occurredAt = '2026-01-15T10:30:00+01:00';
      const logged = await log({ kind: 'call', ownerId, occurredAt, durationMinutes: 25, outcome: 'connected', body: 'Demo booked', contactIds: [contactId] }).expect(201);
      expect(logged.body).toMatchObject({ revision: 0, events: ['EngagementLogged'] });

      const [event] = await streamOf(`engagement-${logged.body.id}`);
      expect(event.data).toEqual({
        engagementId: logged.body.id,
        kind: 'call',
        ownerId,
        subject: null,
        body: 'Demo booked',
        durationMinutes: 25,
        outcome: 'connected',
        dueAt: null,
        priority: null,
        contactIds: [contactId],
        companyIds: [],
        dealIds: [],
        ticketIds: [],
      });
      expect(event.metadata.occurredAt).toBe('2026-01-15T09:30:00.000Z');
    });

    it('refuses an occurredAt more than 5 minutes ahead, or without a zone', async () => {
      const ahead = new Date(Date.now() + 10 * 60_000).toISOString();
      const future = await log({ kind: 'note', ownerId, occurredAt: ahead, body: 'From the future', dealIds: [dealId] }).expect(400);
      expect(future.body.fields).toEqual([{ field: 'occurredAt', reason: expect.stringContaining('future') }]);
      const zoneless = await log({ kind: 'note', ownerId, occurredAt: '2026-01-15T10:30:00', dealIds: [dealId] }).expect(400);
      expect(zoneless.body.fields.map((f: { field: string }) => f.field)).toEqual(['occurredAt']);

      // A client clock a little ahead is tolerated.
      const slightlyAhead = new Date(Date.now() + 60_000).toISOString();
      await log({ kind: 'note', ownerId, occurredAt: slightlyAhead, body: 'Fast clock', dealIds: [dealId] }).expect(201);
    });

    it('logs a task with a due date, completes it once, and refuses a second completion', async () => {
      const logged = await log({ kind: 'task', ownerId, subject: 'Send the proposal', dueAt: '2026-01-20T17:00:00+02:00', dealIds: [dealId] }).expect(201);
      const engagementId: string = logged.body.id;

      const completed = await t.http().post(`/v1/engagements/${engagementId}/complete`).send({}).expect(200);
      expect(completed.body).toMatchObject({ id: engagementId, revision: 1, events: ['TaskCompleted'] });
      expect(await ruleOf(t.http().post(`/v1/engagements/${engagementId}/complete`).send({}))).toBe('task-already-completed');

      const events = await streamOf(`engagement-${engagementId}`);
      expect(events.map((e) => e.type)).toEqual(['EngagementLogged', 'TaskCompleted']);
      expect(events[0].data).toMatchObject({ kind: 'task', subject: 'Send the proposal', dueAt: '2026-01-20T15:00:00.000Z' });
      expect(events[1].data).toEqual({ engagementId, ownerId, completedBy: ownerId });
    });

    it('records who completed a task when someone else ticks it off', async () => {
      const manager = randomUUID();
      const { body } = await log({ kind: 'task', ownerId, subject: 'Renewal call', contactIds: [contactId] }).expect(201);
      await t.http().post(`/v1/engagements/${body.id}/complete`).send({ completedBy: manager }).expect(200);
      const [, completed] = await streamOf(`engagement-${body.id}`);
      expect(completed.data).toEqual({ engagementId: body.id, ownerId, completedBy: manager });
    });

    it('refuses engagements that break a rule (422) or are malformed (400), appending nothing', async () => {
      const before = await committedCount(t.db.pool, 'engagement');
      expect(await ruleOf(log({ kind: 'note', ownerId, body: 'About nobody' }))).toBe('engagement-needs-association');
      expect(await ruleOf(log({ kind: 'note', ownerId, body: 'Hi', contactIds: [], dealIds: [] }))).toBe('engagement-needs-association');
      expect(await ruleOf(log({ kind: 'email', ownerId, durationMinutes: 5, contactIds: [contactId] }))).toBe('duration-only-for-calls-and-meetings');
      expect(await ruleOf(log({ kind: 'task', ownerId, contactIds: [contactId] }))).toBe('task-subject-required');

      const bad = await log({ kind: 'fax', ownerId: 'bob', durationMinutes: -1, dueAt: 'tomorrow', contactIds: ['x'], priority: 'high' }).expect(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['kind', 'ownerId', 'durationMinutes', 'dueAt', 'contactIds', 'priority']),
      );

      const { body: call } = await log({ kind: 'call', ownerId, durationMinutes: 3, contactIds: [contactId] }).expect(201);
      expect(await ruleOf(t.http().post(`/v1/engagements/${call.id}/complete`).send({}))).toBe('not-a-task');
      await t.http().post(`/v1/engagements/${randomUUID()}/complete`).send({}).expect(404);

      expect(await committedCount(t.db.pool, 'engagement')).toBe(before + 1);
    });
  });
});
