import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

type Row = Readonly<Record<string, unknown>> & { engagementId: string };
type Page = { position: string | null; data: Row[]; nextCursor?: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('engagements as records, the task queue and owner-bound keys over HTTP', () => {
  const t = useTestApp();

  let last = '0';
  const log = async (body: object, as = t.http()): Promise<string> => {
    const response = await as.post('/v1/engagements').send(body).expect(201);
    last = response.body.position;
    return response.body.id;
  };
  const createOwner = async (name: string): Promise<string> => {
    const response = await t.http().post('/v1/owners').send({ name, email: `${randomUUID()}@example.com`, role: 'sales' }).expect(201);
    return response.body.id;
  };
  const list = async (query: Record<string, string | number>): Promise<Page> =>
    (await t.http().get('/v1/engagements').query({ minPosition: last, ...query }).expect(200)).body;
  const idsOf = (page: Page) => page.data.map((row) => row.engagementId);
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);

  describe('the engagements list', () => {
    const [contactA, contactB, companyId, dealId, ticketId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    let ann: string;
    let ben: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      [ann, ben] = [await createOwner('Ann Archer'), await createOwner('Ben Baker')];
      ids.call = await log({ kind: 'call', ownerId: ann, occurredAt: '2026-01-10T09:00:00Z', durationMinutes: 20, outcome: 'connected', contactIds: [contactA] });
      ids.note = await log({ kind: 'note', ownerId: ben, occurredAt: '2026-01-11T09:00:00Z', body: 'Prefers annual billing', companyIds: [companyId], contactIds: [contactA] });
      ids.email = await log({ kind: 'email', ownerId: ann, occurredAt: '2026-01-12T09:00:00Z', subject: 'Pricing', dealIds: [dealId] });
      ids.meeting = await log({ kind: 'meeting', ownerId: ben, occurredAt: '2026-01-13T09:00:00Z', durationMinutes: 45, ticketIds: [ticketId], contactIds: [contactB] });
      ids.task = await log({ kind: 'task', ownerId: ann, occurredAt: '2026-01-14T09:00:00Z', subject: 'Send proposal', dueAt: '2026-01-20T17:00:00+01:00', priority: 'high', dealIds: [dealId] });
    });

    // Other describe blocks log engagements too: each filter here is narrowed to this block's records or owners.
    it('filters by owner (newest first by default) and carries the owner name', async () => {
      await eventually(async () => {
        const page = await list({ ownerId: ann });
        expect(page.data.map((row) => row.ownerName)).toEqual(['Ann Archer', 'Ann Archer', 'Ann Archer']);
      });
      const page = await list({ ownerId: ann });
      expect(idsOf(page)).toEqual([ids.task, ids.email, ids.call]);
      expect(page.position).toEqual(expect.any(String));
      expect(page.data[0]).toEqual({
        engagementId: ids.task,
        kind: 'task',
        ownerId: ann,
        ownerName: 'Ann Archer',
        subject: 'Send proposal',
        body: null,
        outcome: null,
        durationMinutes: null,
        occurredAt: '2026-01-14T09:00:00.000Z',
        dueAt: '2026-01-20T16:00:00.000Z',
        priority: 'high',
        status: 'open',
        completedAt: null,
        completedBy: null,
        contactIds: [],
        companyIds: [],
        dealIds: [dealId],
        ticketIds: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(page.data[2]).toMatchObject({ kind: 'call', durationMinutes: 20, outcome: 'connected', status: null, priority: null });
    });

    it('filters by kind, by each kind of record, and by when it happened', async () => {
      expect(idsOf(await list({ ownerId: ben, kind: 'note' }))).toEqual([ids.note]);
      expect(idsOf(await list({ contactId: contactA }))).toEqual([ids.note, ids.call]);
      expect(idsOf(await list({ contactId: contactB }))).toEqual([ids.meeting]);
      expect(idsOf(await list({ companyId }))).toEqual([ids.note]);
      expect(idsOf(await list({ dealId }))).toEqual([ids.task, ids.email]);
      expect(idsOf(await list({ ticketId }))).toEqual([ids.meeting]);
      expect(idsOf(await list({ ownerId: ann, from: '2026-01-12T09:00:00Z', to: '2026-01-14T08:59:59Z' }))).toEqual([ids.email]);
      expect(idsOf(await list({ ownerId: ben, from: '2026-01-11T10:00:00+01:00' }))).toEqual([ids.meeting, ids.note]);
      expect(idsOf(await list({ ownerId: ben, to: '2026-01-11T09:00:00Z' }))).toEqual([ids.note]);
      expect(idsOf(await list({ contactId: randomUUID() }))).toEqual([]);
    });

    it('sorts oldest first on request and pages with a cursor of that sort', async () => {
      const first = await list({ dealId, sort: 'occurredAt', limit: 1 });
      expect(idsOf(first)).toEqual([ids.email]);
      const second = await list({ dealId, sort: 'occurredAt', limit: 1, cursor: first.nextCursor as string });
      expect(idsOf(second)).toEqual([ids.task]);
      expect(second.nextCursor).toBeUndefined();
      // Through every page of a larger list, newest first: each row once, in order.
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ contactId: contactA, limit: 1, ...(cursor ? { cursor } : {}) });
        seen.push(...idsOf(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ids.note, ids.call]);
      const bySort = await list({ ownerId: ann, sort: '-createdAt' });
      expect(idsOf(bySort)).toEqual([ids.task, ids.email, ids.call]);
      const wrongSort = await t.http().get('/v1/engagements').query({ dealId, sort: '-occurredAt', cursor: first.nextCursor as string }).expect(400);
      expect(wrongSort.body.error).toBe('INVALID_CURSOR');
    });

    it('answers CSV with a header row and the paging headers', async () => {
      const response = await t.http().get('/v1/engagements').query({ dealId, limit: 1, minPosition: last }).set('Accept', 'text/csv').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['x-next-cursor']).toEqual(expect.any(String));
      const [header, row] = response.text.trim().split(/\r?\n/);
      expect(header.split(',').slice(0, 5)).toEqual(['engagementId', 'kind', 'ownerId', 'ownerName', 'subject']);
      expect(row.startsWith(`${ids.task},task,${ann},Ann Archer,Send proposal`)).toBe(true);
    });

    it('refuses an unknown filter, a malformed one and a backwards range, naming them', async () => {
      const unknown = await t.http().get('/v1/engagements').query({ stage: 'x' }).expect(400);
      expect(fieldsOf(unknown.body)).toEqual(['stage']);
      const bad = await t.http().get('/v1/engagements').query({ kind: 'fax', contactId: 'x', from: 'yesterday', sort: 'name', limit: 501 }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['contactId', 'from', 'kind', 'limit', 'sort']);
      const backwards = await t.http().get('/v1/engagements').query({ from: '2026-01-12T00:00:00Z', to: '2026-01-11T00:00:00Z' }).expect(400);
      expect(fieldsOf(backwards.body)).toEqual(['to']);
    });

    it('answers one engagement by id, and 404 for an unknown one', async () => {
      const { body } = await t.http().get(`/v1/engagements/${ids.note}`).query({ minPosition: last }).expect(200);
      expect(body.data).toMatchObject({ engagementId: ids.note, kind: 'note', ownerName: 'Ben Baker', body: 'Prefers annual billing', companyIds: [companyId] });
      await t.http().get(`/v1/engagements/${randomUUID()}`).expect(404);
      await t.http().get('/v1/engagements/not-a-uuid').expect(400);
    });
  });

  describe('changing engagements', () => {
    const contactId = randomUUID();
    const ownerId = randomUUID();
    const readOne = async (id: string, minPosition: string) => (await t.http().get(`/v1/engagements/${id}`).query({ minPosition }).expect(200)).body.data;

    it('changes the fields a call has, honours If-Match, and reads the change back', async () => {
      const id = await log({ kind: 'call', ownerId, durationMinutes: 10, outcome: 'connected', contactIds: [contactId] });
      const patched = await t.http().patch(`/v1/engagements/${id}`).set('If-Match', '"0"').send({ outcome: 'voicemail', durationMinutes: null, subject: 'Follow-up call' }).expect(200);
      expect(patched.body).toMatchObject({ id, revision: 1, events: ['EngagementUpdated'] });
      const [, updated] = await collect(t.runtime.eventStore.readStream(`engagement-${id}`));
      expect(updated.data).toEqual({
        engagementId: id,
        changes: [
          { field: 'subject', previous: null, value: 'Follow-up call' },
          { field: 'outcome', previous: 'connected', value: 'voicemail' },
          { field: 'durationMinutes', previous: 10, value: null },
        ],
      });
      expect(await readOne(id, patched.body.position)).toMatchObject({ subject: 'Follow-up call', outcome: 'voicemail', durationMinutes: null });

      const stale = await t.http().patch(`/v1/engagements/${id}`).set('If-Match', '"0"').send({ body: 'Late edit' }).expect(409);
      expect(stale.body.error).toEqual(expect.any(String));
      const same = await t.http().patch(`/v1/engagements/${id}`).send({ outcome: 'voicemail' }).expect(200);
      expect(same.body).toMatchObject({ revision: 1, events: [] });
    });

    it('refuses a field the kind does not have (400 naming it), bad values, and an unknown engagement', async () => {
      const call = await log({ kind: 'call', ownerId, contactIds: [contactId] });
      const task = await log({ kind: 'task', ownerId, subject: 'Book demo', contactIds: [contactId] });
      const onCall = await t.http().patch(`/v1/engagements/${call}`).send({ priority: 'high' }).expect(400);
      expect(fieldsOf(onCall.body)).toEqual(['priority']);
      const onTask = await t.http().patch(`/v1/engagements/${task}`).send({ durationMinutes: 5 }).expect(400);
      expect(fieldsOf(onTask.body)).toEqual(['durationMinutes']);
      const bad = await t.http().patch(`/v1/engagements/${task}`).send({ priority: 'asap', durationMinutes: -1, dueAt: '2026-01-01T00:00:00Z' }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['dueAt', 'durationMinutes', 'priority']);
      const untitled = await t.http().patch(`/v1/engagements/${task}`).send({ subject: null }).expect(422);
      expect(untitled.body.rule).toBe('task-subject-required');
      const priorityOnLog = await t.http().post('/v1/engagements').send({ kind: 'note', ownerId, priority: 'low', contactIds: [contactId] }).expect(400);
      expect(fieldsOf(priorityOnLog.body)).toEqual(['priority']);
      await t.http().patch(`/v1/engagements/${randomUUID()}`).send({ body: 'x' }).expect(404);
      expect((await collect(t.runtime.eventStore.readStream(`engagement-${task}`))).map((e) => e.type)).toEqual(['EngagementLogged']);
    });

    it('reschedules, completes and reopens a task, as the list shows it', async () => {
      const id = await log({ kind: 'task', ownerId, subject: 'Send contract', dueAt: '2026-02-01T09:00:00Z', priority: 'low', contactIds: [contactId] });
      const moved = await t.http().post(`/v1/engagements/${id}/reschedule`).send({ dueAt: '2026-02-03T10:00:00+01:00' }).expect(200);
      expect(moved.body).toMatchObject({ revision: 1, events: ['TaskRescheduled'] });
      expect(await readOne(id, moved.body.position)).toMatchObject({ dueAt: '2026-02-03T09:00:00.000Z', status: 'open' });

      const completed = await t.http().post(`/v1/engagements/${id}/complete`).send({}).expect(200);
      expect(await readOne(id, completed.body.position)).toMatchObject({ status: 'completed', completedBy: ownerId, completedAt: expect.any(String) });
      const lateMove = await t.http().post(`/v1/engagements/${id}/reschedule`).send({ dueAt: '2026-02-04T09:00:00Z' }).expect(422);
      expect(lateMove.body.rule).toBe('task-already-completed');

      const reopened = await t.http().post(`/v1/engagements/${id}/reopen`).set('If-Match', '2').send().expect(200);
      expect(reopened.body).toMatchObject({ revision: 3, events: ['TaskReopened'] });
      expect(await readOne(id, reopened.body.position)).toMatchObject({ status: 'open', completedAt: null, completedBy: null });
      expect((await t.http().post(`/v1/engagements/${id}/reopen`).send().expect(422)).body.rule).toBe('task-not-completed');

      const badDue = await t.http().post(`/v1/engagements/${id}/reschedule`).send({ dueAt: '2026-02-04' }).expect(400);
      expect(fieldsOf(badDue.body)).toEqual(['dueAt']);
      await t.http().post(`/v1/engagements/${randomUUID()}/reschedule`).send({ dueAt: '2026-02-04T09:00:00Z' }).expect(404);
      await t.http().post(`/v1/engagements/${randomUUID()}/reopen`).send().expect(404);
    });
  });

  describe('the task queue', () => {
    const ownerId = randomUUID();
    const contactId = randomUUID();
    const ids: Record<string, string> = {};
    const queue = async (query: Record<string, string | number>): Promise<Page> =>
      (await t.http().get('/v1/tasks').query({ ownerId, minPosition: last, ...query }).expect(200)).body;

    beforeAll(async () => {
      // Due dates around now, in the UTC day (the workspace has no business time zone). Near midnight the "later
      // today" task would turn overdue while the spec runs: start just after it instead.
      let now = Date.now();
      const untilMidnight = DAY - (now % DAY);
      if (untilMidnight < 2 * 60_000) await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000));
      now = Date.now();
      const todayStart = now - (now % DAY);
      const at = (ms: number) => new Date(ms).toISOString();
      const task = (subject: string, dueAt: number | null, priority?: string) =>
        log({ kind: 'task', ownerId, subject, contactIds: [contactId], ...(dueAt === null ? {} : { dueAt: at(dueAt) }), ...(priority ? { priority } : {}) });
      ids.yesterday = await task('Yesterday', todayStart - HOUR, 'low');
      ids.earlierToday = await task('Earlier today', todayStart + Math.floor((now - todayStart) / 2));
      ids.laterToday = await task('Later today', now + Math.floor((todayStart + DAY - now) / 2), 'medium');
      ids.tomorrowLow = await task('Tomorrow, low', todayStart + DAY + HOUR, 'low');
      ids.tomorrowHigh = await task('Tomorrow, high', todayStart + DAY + HOUR, 'high');
      ids.nextWeek = await task('Next week', todayStart + 7 * DAY);
      ids.undated = await task('Some day', null, 'high');
      ids.doneYesterday = await task('Done yesterday', todayStart - 2 * HOUR);
      const done = await t.http().post(`/v1/engagements/${ids.doneYesterday}/complete`).send({}).expect(200);
      last = done.body.position;
      // Not tasks, or not this owner's: never in this queue.
      await log({ kind: 'call', ownerId, contactIds: [contactId] });
      await log({ kind: 'task', ownerId: randomUUID(), subject: 'Someone else', dueAt: at(now - HOUR), contactIds: [contactId] });
    });

    it('lists open tasks by due time, then priority, then id, undated last', async () => {
      const page = await queue({});
      expect(idsOf(page)).toEqual([ids.yesterday, ids.earlierToday, ids.laterToday, ids.tomorrowHigh, ids.tomorrowLow, ids.nextWeek, ids.undated]);
      expect(page).toMatchObject({ asOf: expect.any(String), timeZone: 'UTC' });
      expect(page.data.every((row) => row.kind === 'task' && row.status === 'open' && row.ownerId === ownerId)).toBe(true);
    });

    it('answers today, overdue and upcoming as measured now', async () => {
      expect(idsOf(await queue({ due: 'today' }))).toEqual([ids.earlierToday, ids.laterToday]);
      expect(idsOf(await queue({ due: 'overdue' }))).toEqual([ids.yesterday, ids.earlierToday]);
      expect(idsOf(await queue({ due: 'upcoming' }))).toEqual([ids.tomorrowHigh, ids.tomorrowLow, ids.nextWeek]);
      expect(idsOf(await queue({ status: 'completed' }))).toEqual([ids.doneYesterday]);
      expect(idsOf(await queue({ status: 'completed', due: 'today' }))).toEqual([]);
    });

    it('pages through the queue with a cursor', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await queue({ limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...idsOf(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ids.yesterday, ids.earlierToday, ids.laterToday, ids.tomorrowHigh, ids.tomorrowLow, ids.nextWeek, ids.undated]);
      const broken = await t.http().get('/v1/tasks').query({ cursor: 'bm9wZQ' }).expect(400);
      expect(broken.body.error).toBe('INVALID_CURSOR');
    });

    it('refuses bad filters, naming them', async () => {
      const bad = await t.http().get('/v1/tasks').query({ due: 'soon', status: 'done', ownerId: 'bob', kind: 'task' }).expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['due', 'kind', 'ownerId', 'status']);
      const overdueDone = await t.http().get('/v1/tasks').query({ due: 'overdue', status: 'completed' }).expect(400);
      expect(fieldsOf(overdueDone.body)).toEqual(['status']);
    });
  });

  describe('keys bound to an owner', () => {
    let rep: string;
    let other: string;
    let bound: () => request.Agent;
    const contactId = randomUUID();

    beforeAll(async () => {
      [rep, other] = [await createOwner('Rita Rep'), await createOwner('Oscar Other')];
      const { body } = await t.http().post('/v1/keys').send({ name: 'rita laptop', role: 'sales', ownerId: rep }).expect(201);
      expect(body).toMatchObject({ name: 'rita laptop', role: 'sales', ownerId: rep });
      bound = () => request.agent(t.app.getHttpServer()).set('Authorization', `Bearer ${body.secret}`);
    });

    it('creates and lists keys with their owner, refusing an owner that does not exist or is no id', async () => {
      const keys = (await t.http().get('/v1/keys').expect(200)).body.data as { name: string; ownerId: string | null }[];
      expect(keys.find((key) => key.name === 'rita laptop')?.ownerId).toBe(rep);
      expect(keys.find((key) => key.name === 'test super-admin')?.ownerId).toBeNull();
      await t.http().post('/v1/keys').send({ name: 'ghost', role: 'sales', ownerId: randomUUID() }).expect(404);
      const malformed = await t.http().post('/v1/keys').send({ name: 'ghost', role: 'sales', ownerId: 'rita' }).expect(400);
      expect(fieldsOf(malformed.body)).toEqual(['ownerId']);
    });

    it("logs engagements as the key's owner: by default, or named the same; never as someone else", async () => {
      const byDefault = await log({ kind: 'note', body: 'From my phone', contactIds: [contactId] }, bound());
      const [logged] = await collect(t.runtime.eventStore.readStream(`engagement-${byDefault}`));
      expect(logged.data).toMatchObject({ ownerId: rep });
      await log({ kind: 'note', ownerId: rep, body: 'Named myself', contactIds: [contactId] }, bound());
      const refused = await bound().post('/v1/engagements').send({ kind: 'note', ownerId: other, body: 'As Oscar', contactIds: [contactId] }).expect(403);
      expect(refused.body).toMatchObject({ error: 'FORBIDDEN' });
      expect(fieldsOf(refused.body)).toEqual(['ownerId']);
      // Without a bound key an owner must be named.
      const anonymousOwner = await t.http().post('/v1/engagements').send({ kind: 'note', body: 'Whose?', contactIds: [contactId] }).expect(400);
      expect(fieldsOf(anonymousOwner.body)).toEqual(['ownerId']);
    });

    it("completes a task as the key's owner and refuses completing it as someone else", async () => {
      const id = await log({ kind: 'task', ownerId: other, subject: 'Covered by Rita', contactIds: [contactId] });
      await bound().post(`/v1/engagements/${id}/complete`).send({ completedBy: other }).expect(403);
      await bound().post(`/v1/engagements/${id}/complete`).send({}).expect(200);
      const [, completed] = await collect(t.runtime.eventStore.readStream(`engagement-${id}`));
      expect(completed.data).toEqual({ engagementId: id, ownerId: other, completedBy: rep });
    });

    it("answers GET /v1/tasks with the key's owner's tasks, without ownerId or with ownerId=me", async () => {
      const mine = await log({ kind: 'task', subject: 'My task', dueAt: '2026-03-01T09:00:00Z', contactIds: [contactId] }, bound());
      const theirs = await log({ kind: 'task', ownerId: other, subject: 'Their task', dueAt: '2026-03-01T09:00:00Z', contactIds: [contactId] });
      const implicit = (await bound().get('/v1/tasks').query({ minPosition: last }).expect(200)).body as Page;
      expect(idsOf(implicit)).toEqual([mine]);
      const me = (await bound().get('/v1/tasks').query({ ownerId: 'me', minPosition: last }).expect(200)).body as Page;
      expect(idsOf(me)).toEqual([mine]);
      const asked = (await bound().get('/v1/tasks').query({ ownerId: other, minPosition: last }).expect(200)).body as Page;
      expect(idsOf(asked)).toEqual([theirs]);
      const unbound = await t.http().get('/v1/tasks').query({ ownerId: 'me' }).expect(400);
      expect(fieldsOf(unbound.body)).toEqual(['ownerId']);
      const everyone = (await t.http().get('/v1/tasks').query({ minPosition: last, limit: 500 }).expect(200)).body as Page;
      expect(idsOf(everyone)).toEqual(expect.arrayContaining([mine, theirs]));
    });
  });
});
