import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { contactCreated } from '#projection-specs';
import { newEvent } from '#test/support/events';
import { appendEvents, BAD_INSTANTS as BAD_TIMES, storable } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

const URL = '/v1/read-models/marketing-contacts';

type Change = { contactId: string; effectiveAt: string; status: string; previous: string | null; reason: string; eventId: string; countDelta: number };

// Instants no read model can answer for, and days: these routes take a bare day too.
const BAD_INSTANTS = [...BAD_TIMES, '2026-02-30', '1899-12-31'];

describe('marketing contacts read model over HTTP', () => {
  const t = useTestApp();
  let position: string;
  const [ann, ben, cat, dup] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  const append = (contactId: string, events: readonly NewEvent[]): Promise<string> => appendEvents(t, `contact-${contactId}`, events);

  const created = (contactId: string, source: 'form' | 'import', marketingStatus: 'marketing' | 'non-marketing', occurredAt: string) =>
    append(contactId, [storable(contactCreated(contactId, occurredAt, { source, marketingStatus }), { schemaVersion: 2 })]);

  beforeAll(async () => {
    await created(ann, 'form', 'marketing', '2026-01-01T00:00:00.000Z');
    await created(ben, 'import', 'non-marketing', '2026-01-02T00:00:00.000Z');
    await created(cat, 'form', 'marketing', '2026-01-03T00:00:00.000Z');
    await created(dup, 'form', 'marketing', '2026-01-04T00:00:00.000Z');
    const opted = '2026-01-10T00:00:00.000Z';
    await append(ben, [newEvent('ContactMarketingStatusChanged', { contactId: ben, previous: 'non-marketing', status: 'marketing', reason: 'opted in at webinar' }, { occurredAt: opted })]);
    // An unsubscribe as it is recorded, followed by the status change the default workflow makes.
    const unsubscribed = '2026-01-15T00:00:00.000Z';
    await append(cat, [
      newEvent('MarketingEmailUnsubscribed', { contactId: cat, emailId: 'newsletter-7' }, { occurredAt: unsubscribed }),
      newEvent('ContactMarketingStatusChanged', { contactId: cat, previous: 'marketing', status: 'non-marketing', reason: 'unsubscribed' }, { occurredAt: unsubscribed }),
    ]);
    const mergedAt = '2026-01-20T00:00:00.000Z';
    await append(dup, [newEvent('ContactMerged', { contactId: dup, mergedInto: ann, email: `${dup}@example.com` }, { occurredAt: mergedAt })]);
    position = await append(ann, [
      newEvent('ContactAbsorbed', { contactId: ann, mergedContactId: dup, mergedEmail: `${dup}@example.com` }, { occurredAt: mergedAt }),
    ]);
  });
  const count = async (asOf?: string): Promise<number> => {
    const { body } = await t.http().get(URL).query({ ...(asOf ? { asOf } : {}), minPosition: position }).expect(200);
    return body.data.marketingContacts;
  };

  it('counts marketing contacts as of any instant: created, opted in, unsubscribed, merged away', async () => {
    const { body } = await t.http().get(URL).query({ asOf: '2026-01-05', minPosition: position }).expect(200);
    expect(BigInt(body.position)).toBeGreaterThanOrEqual(BigInt(position));
    expect(body.data).toEqual({ asOf: '2026-01-05T00:00:00.000Z', marketingContacts: 3 });
    expect(await count('2025-12-31T23:59:59.999Z')).toBe(0);
    expect(await count('2026-01-01T00:00:00.000Z')).toBe(1);
    expect(await count('2026-01-12T00:00:00.000Z')).toBe(4);
    expect(await count('2026-01-16T00:00:00.000Z')).toBe(3);
    expect(await count('2026-01-20T00:00:00.000Z')).toBe(2);
  });

  it('counts the current marketing contacts when asked for now', async () => {
    expect(await count()).toBe(2);
    expect(await count('2030-01-01T00:00:00.000Z')).toBe(2);
  });

  it('lists every status change with its reason, newest first, page by page', async () => {
    const seen: Change[] = [];
    let cursor: string | undefined;
    const pages: number[] = [];
    do {
      const { body } = await t.http().get(`${URL}/changes`).query({ limit: 3, minPosition: position, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...body.data);
      pages.push(body.data.length);
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([3, 3, 1]);
    expect(seen.map((c) => [c.contactId, c.effectiveAt.slice(0, 10), c.previous, c.status, c.reason, c.countDelta])).toEqual([
      [dup, '2026-01-20', 'marketing', 'non-marketing', 'merged', -1],
      [cat, '2026-01-15', 'marketing', 'non-marketing', 'unsubscribed', -1],
      [ben, '2026-01-10', 'non-marketing', 'marketing', 'opted in at webinar', 1],
      [dup, '2026-01-04', null, 'marketing', 'created:form', 1],
      [cat, '2026-01-03', null, 'marketing', 'created:form', 1],
      [ben, '2026-01-02', null, 'non-marketing', 'created:import', 0],
      [ann, '2026-01-01', null, 'marketing', 'created:form', 1],
    ]);
    expect(new Set(seen.map((c) => c.eventId)).size).toBe(7);
  });

  it('limits changes to [from, to), and they explain the difference between the counts at both ends', async () => {
    const from = '2026-01-10T00:00:00.000Z';
    const to = '2026-01-20T00:00:00.000Z';
    const { body } = await t.http().get(`${URL}/changes`).query({ from, to }).expect(200);
    expect(body.data.map((c: Change) => c.reason)).toEqual(['unsubscribed', 'opted in at webinar']);
    expect(body.nextCursor).toBeNull();
    const window = await t.http().get(`${URL}/changes`).query({ from: '2026-01-01T00:00:00.001Z', to: '2026-01-20T00:00:00.001Z' }).expect(200);
    const delta = window.body.data.reduce((sum: number, c: Change) => sum + c.countDelta, 0);
    expect((await count('2026-01-20T00:00:00.000Z')) - (await count('2026-01-01T00:00:00.000Z'))).toBe(delta);
  });

  it('refuses bad parameters, a foreign cursor and a backwards range', async () => {
    const bad = await t.http().get(`${URL}/changes`).query({ limit: 0, from: 'last week' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['limit', 'from']));
    await t.http().get(`${URL}/changes`).query({ limit: 1001 }).expect(400);
    const foreign = await t.http().get(`${URL}/changes`).query({ cursor: Buffer.from(JSON.stringify(['x', 1])).toString('base64url') }).expect(400);
    expect(foreign.body.error).toBe('INVALID_CURSOR');
    const forged = Buffer.from(JSON.stringify(['2026-01-10T00:00:00.000Z', 'not-an-event-id'])).toString('base64url');
    expect((await t.http().get(`${URL}/changes`).query({ cursor: forged }).expect(400)).body.error).toBe('INVALID_CURSOR');
    const backwards = await t.http().get(`${URL}/changes`).query({ from: '2026-02-01', to: '2026-01-01' }).expect(400);
    expect(backwards.body.error).toBe('INVALID_DATE_RANGE');
    await t.http().get(URL).query({ asOf: 'now' }).expect(400);
  });

  it('refuses instants outside what every store holds', async () => {
    for (const value of BAD_INSTANTS) {
      expect((await t.http().get(URL).query({ asOf: value }).expect(400)).body.fields.map((f: { field: string }) => f.field)).toEqual(['asOf']);
      for (const field of ['from', 'to']) {
        const { body } = await t.http().get(`${URL}/changes`).query({ [field]: value }).expect(400);
        expect(body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      }
    }
    await t.http().get(URL).query({ asOf: '2199-12-31T23:59:59.999Z' }).expect(200);
  });

  it('answers CSV on request', async () => {
    const total = await t.http().get(URL).query({ asOf: '2026-01-12T00:00:00.000Z' }).set('Accept', 'text/csv').expect(200);
    expect(total.headers['content-type']).toMatch(/^text\/csv/);
    expect(total.text).toBe('asOf,marketingContacts\r\n2026-01-12T00:00:00.000Z,4\r\n');
    const changes = await t.http().get(`${URL}/changes`).query({ limit: 1 }).set('Accept', 'text/csv').expect(200);
    const [header, row] = changes.text.split('\r\n');
    expect(header).toBe('contactId,effectiveAt,status,previous,reason,eventId,countDelta');
    expect(row).toMatch(new RegExp(`^${dup},2026-01-20T00:00:00.000Z,non-marketing,marketing,merged,[0-9a-f-]+,-1$`));
  });
});
