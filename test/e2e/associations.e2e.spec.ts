import { randomUUID } from 'node:crypto';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

type Ref = Readonly<{ type: string; id: string }>;
type Row = Readonly<{ type: string; id: string; label: string | null; associatedAt: string }>;

describe('associations over HTTP', () => {
  const t = useTestApp();
  let lastPosition: string | null = null;

  const created = async (path: string, body: object): Promise<string> => {
    const { status, body: answer } = await t.http().post(path).send(body);
    expect([path, status, status === 201 ? null : answer]).toEqual([path, 201, null]);
    lastPosition = answer.position;
    return answer.id;
  };
  const contact = async (body: object = {}) => ({ type: 'contact', id: await created('/v1/contacts', { email: `${randomUUID()}@example.com`, source: 'manual', ...body }) });
  const company = async (name = 'Acme') => ({ type: 'company', id: await created('/v1/companies', { name }) });
  const deal = async (body: object = {}) => ({ type: 'deal', id: await created('/v1/deals', { name: 'Deal', amount: 1000, currency: 'EUR', ...body }) });
  const ticket = async (body: object = {}) => ({ type: 'ticket', id: await created('/v1/tickets', { subject: 'Help', priority: 'medium', ...body }) });

  const put = (from: Ref, to: Ref, label?: string | null) => t.http().put('/v1/associations').send({ from, to, ...(label === undefined ? {} : { label }) });
  const del = (from: Ref, to: Ref, label?: string | null) => t.http().delete('/v1/associations').send({ from, to, ...(label === undefined ? {} : { label }) });
  const ok = async (request: PromiseLike<{ status: number; body: { id: string; position: string | null; events: string[] } }>) => {
    const response = await request;
    expect([response.status, response.body]).toEqual([200, expect.anything()]);
    if (response.body.position !== null) lastPosition = response.body.position;
    return response.body;
  };

  const PLURAL: Readonly<Record<string, string>> = { contact: 'contacts', company: 'companies', deal: 'deals', ticket: 'tickets' };
  /** The record's associations once the read model has caught up with the last write, as [type, id, label]. */
  const associationsOf = async (record: Ref, query: Record<string, string> = {}): Promise<[string, string, string | null][]> => {
    // A 503 (the read model not there yet, Retry-After) is retried as a client would; anything else fails at once.
    const body = await eventually(async () => {
      const response = await t
        .http()
        .get(`/v1/${PLURAL[record.type]}/${record.id}/associations`)
        .query({ ...(lastPosition === null ? {} : { minPosition: lastPosition }), ...query });
      if (response.status === 503) throw new Error(`read model behind: ${JSON.stringify(response.body)}`);
      return response;
    }, 30_000).then((response) => {
      expect(response.status).toBe(200);
      return response.body;
    });
    return (body.data as Row[]).map((row) => [row.type, row.id, row.label]);
  };
  const sorted = (rows: [string, string, string | null][]) => [...rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  const of = (ref: Ref, label: string | null): [string, string, string | null] => [ref.type, ref.id, label];

  it('gives a contact several companies, one primary, and switches the primary', async () => {
    const acme = await company('Acme');
    const globex = await company('Globex');
    const initech = await company('Initech');
    const ada = await contact({ companyId: acme.id });

    expect((await ok(put(ada, globex))).events).toEqual(['RecordsAssociated']);
    expect((await ok(put(initech, ada, '  Billing contact '))).events).toEqual(['RecordsAssociated']);
    expect(sorted(await associationsOf(ada))).toEqual(sorted([of(acme, 'primary'), of(globex, null), of(initech, 'Billing contact')]));

    // The primary company is the contact's own field, changed through its command.
    expect((await ok(put(ada, globex, 'primary'))).events).toEqual(['ContactAssociatedWithCompany']);
    expect(sorted(await associationsOf(ada))).toEqual(sorted([of(globex, 'primary'), of(globex, null), of(initech, 'Billing contact')]));
    const { body: view } = await t.http().get(`/v1/contacts/${ada.id}`).expect(200);
    expect(view.companyId).toBe(globex.id);
    expect(await associationsOf(ada, { label: 'primary' })).toEqual([of(globex, 'primary')]);
    expect(await associationsOf(globex, { type: 'contact' })).toEqual([of(ada, null), of(ada, 'primary')]);

    // DELETE of the primary company goes through the contact's dissociate command.
    expect((await ok(del(globex, ada, 'primary'))).events).toEqual(['ContactDissociatedFromCompany']);
    expect(sorted(await associationsOf(ada))).toEqual(sorted([of(globex, null), of(initech, 'Billing contact')]));
  });

  it('gives a deal several contacts and companies, keeps its primary company and refuses to remove it (409)', async () => {
    const [ada, bob, cy] = [await contact(), await contact(), await contact()];
    const [acme, globex] = [await company('Acme'), await company('Globex')];
    const d = await deal({ contactIds: [ada.id], companyId: acme.id });

    expect((await ok(put(d, bob))).events).toEqual(['DealContactAssociated']);
    expect((await ok(put(cy, d, 'Decision maker'))).events).toEqual(['RecordsAssociated']);
    expect((await ok(put(d, globex))).events).toEqual(['RecordsAssociated']);
    expect(sorted(await associationsOf(d))).toEqual(
      sorted([of(ada, null), of(bob, null), of(cy, 'Decision maker'), of(acme, 'primary'), of(globex, null)]),
    );
    expect(sorted(await associationsOf(d, { type: 'company' }))).toEqual(sorted([of(acme, 'primary'), of(globex, null)]));

    const refused = await del(acme, d, 'primary').expect(409);
    expect(refused.body).toMatchObject({ error: 'PRIMARY_COMPANY_REQUIRED', dealId: d.id, companyId: acme.id });
    await del(d, acme).expect(409);
    // A deal's primary company is replaced, never removed.
    expect((await ok(put(globex, d, 'primary'))).events).toEqual(['DealCompanyAssociated']);
    expect(sorted(await associationsOf(d, { type: 'company' }))).toEqual(sorted([of(globex, 'primary'), of(globex, null)]));

    // Removing a contact the deal lists goes through the deal's command.
    expect((await ok(del(ada, d))).events).toEqual(['DealContactDissociated']);
    const { body: view } = await t.http().get(`/v1/deals/${d.id}`).expect(200);
    expect(view.contactIds).toEqual([bob.id]);
  });

  it('gives a ticket contacts, companies and deals, with labels; DELETE removes one label or all of them', async () => {
    const ada = await contact();
    const bob = await contact();
    const acme = await company();
    const d = await deal();
    const tk = await ticket({ contactId: ada.id });

    await ok(put(tk, bob, 'CC'));
    await ok(put(tk, bob));
    await ok(put(acme, tk));
    await ok(put(d, tk, 'Caused by'));
    expect(sorted(await associationsOf(tk))).toEqual(sorted([of(ada, null), of(bob, 'CC'), of(bob, null), of(acme, null), of(d, 'Caused by')]));

    expect((await ok(del(tk, bob, 'CC'))).events).toEqual(['RecordsDissociated']);
    expect(sorted(await associationsOf(tk, { type: 'contact' }))).toEqual(sorted([of(ada, null), of(bob, null)]));
    // The ticket's contact at creation is removed like any other association.
    expect((await ok(del(ada, tk, null))).events).toEqual(['RecordsDissociated']);
    await ok(put(d, tk));
    expect((await ok(del(tk, d))).events).toEqual(['RecordsDissociated', 'RecordsDissociated']);
    expect(sorted(await associationsOf(tk))).toEqual(sorted([of(bob, null), of(acme, null)]));
    expect(await associationsOf(d)).toEqual([]);
  });

  it('writes nothing for an association that already holds, nor for a DELETE of one that does not', async () => {
    const ada = await contact();
    const acme = await company();
    const first = await ok(put(ada, acme, 'Champion'));
    const again = await ok(put(acme, ada, 'Champion '));
    expect(again).toMatchObject({ id: first.id, position: null, events: [] });
    expect((await ok(del(ada, acme, 'Other'))).events).toEqual([]);
    expect((await ok(del(ada, acme))).events).toEqual(['RecordsDissociated']);
    expect((await ok(del(ada, acme))).events).toEqual([]);
    expect(await associationsOf(ada)).toEqual([]);
  });

  it('answers a retry under the same Idempotency-Key as the first time', async () => {
    const ada = await contact();
    const acme = await company();
    const key = randomUUID();
    const first = await t.http().put('/v1/associations').set('Idempotency-Key', key).send({ from: ada, to: acme, label: 'Owner' }).expect(200);
    const retry = await t.http().put('/v1/associations').set('Idempotency-Key', key).send({ from: ada, to: acme, label: 'Owner' }).expect(200);
    expect(retry.body).toEqual(first.body);
    expect(first.body.events).toEqual(['RecordsAssociated']);
  });

  it('shows the associations records had before: a deal created with contacts, a contact with a company, a ticket with a contact', async () => {
    const acme = await company();
    const ada = await contact({ companyId: acme.id });
    const d = await deal({ contactIds: [ada.id], companyId: acme.id });
    const tk = await ticket({ contactId: ada.id, dealId: d.id });
    expect(sorted(await associationsOf(ada))).toEqual(sorted([of(acme, 'primary'), of(d, null), of(tk, null)]));
    expect(sorted(await associationsOf(acme))).toEqual(sorted([of(ada, 'primary'), of(d, 'primary')]));
    const { body } = await t.http().get(`/v1/deals/${d.id}/associations`).query({ minPosition: lastPosition!, type: 'ticket' }).expect(200);
    expect(body).toEqual({ position: expect.any(String), data: [{ type: 'ticket', id: tk.id, label: null, associatedAt: expect.any(String) }] });
  });

  it("moves a merged contact's associations to the survivor, where they can be removed", async () => {
    const acme = await company();
    const keep = await contact();
    const duplicate = await contact();
    await ok(put(duplicate, acme, 'Billing'));
    await ok(t.http().post(`/v1/contacts/${keep.id}/merge`).send({ duplicateId: duplicate.id }));
    expect(await associationsOf(keep)).toEqual([of(acme, 'Billing')]);
    expect(await associationsOf(duplicate)).toEqual([]);
    expect((await t.http().put('/v1/associations').send({ from: duplicate, to: acme }).expect(422)).body.rule).toBe('contact-merged');
    expect((await ok(del(keep, acme))).events).toEqual(['RecordsDissociated']);
    expect(await associationsOf(keep)).toEqual([]);
  });

  it('pages through many associations in a stable order', async () => {
    const acme = await company();
    const contacts = [await contact(), await contact(), await contact()];
    for (const c of contacts) await ok(put(acme, c));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await t.http().get(`/v1/companies/${acme.id}/associations`).query({ minPosition: lastPosition!, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...(body.data as Row[]).map((row) => row.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(contacts.map((c) => c.id).sort());
  });

  it('answers 404 naming the record that does not exist', async () => {
    const ada = await contact();
    const missing = { type: 'company', id: randomUUID() };
    const { body } = await put(ada, missing).expect(404);
    expect(body).toMatchObject({ error: 'NOT_FOUND', type: 'company', id: missing.id, field: 'to' });
    expect((await del(missing, ada).expect(404)).body).toMatchObject({ field: 'from' });
    await t.http().get(`/v1/deals/${randomUUID()}/associations`).query({ minPosition: lastPosition! }).expect(404);
  });

  it('answers 400 naming the field for same-type pairs, unknown types, bad ids and labels, and unknown parameters', async () => {
    const ada = await contact();
    const bob = await contact();
    const acme = await company();
    const fieldsOf = async (body: object) => [
      ...new Set(((await t.http().put('/v1/associations').send(body).expect(400)).body.fields as { field: string }[]).map((f) => f.field)),
    ];
    expect(await fieldsOf({ from: ada, to: bob })).toEqual(['to.type']);
    expect(await fieldsOf({ from: ada, to: { type: 'contacts', id: acme.id } })).toEqual(['to.type']);
    expect(await fieldsOf({ from: { type: 'lead', id: ada.id }, to: acme })).toEqual(['from.type']);
    expect(await fieldsOf({ from: { type: 'contact', id: 'c-1' }, to: acme })).toEqual(['from.id']);
    expect(await fieldsOf({ to: acme })).toContain('from');
    expect(await fieldsOf({ from: ada, to: acme, label: '   ' })).toEqual(['label']);
    expect(await fieldsOf({ from: ada, to: acme, label: 'x'.repeat(101) })).toEqual(['label']);
    expect(await fieldsOf({ from: ada, to: acme, label: 7 })).toEqual(['label']);
    expect(await fieldsOf({ from: ada, to: acme, colour: 'red' })).toEqual(['colour']);
    expect(await fieldsOf({ from: ada, to: { ...acme, extra: 1 } })).toEqual(['to.extra']);
    // primary names a contact's or a deal's company.
    expect(await fieldsOf({ from: ada, to: await ticket(), label: 'primary' })).toEqual(['label']);
    const badQuery = await t.http().get(`/v1/contacts/${ada.id}/associations`).query({ type: 'lead', colour: 'red' }).expect(400);
    expect((badQuery.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['colour', 'type']);
  });

  it('lets sales, service and marketing keys associate, auditors and reporting keys only read or nothing', async () => {
    const ada = await contact();
    const acme = await company();
    for (const role of ['sales', 'service', 'marketing'] as const) {
      await ok((await t.as(role)).put('/v1/associations').send({ from: ada, to: acme, label: role }));
    }
    await (await t.as('reporting')).put('/v1/associations').send({ from: ada, to: acme }).expect(403);
    await (await t.as('reporting')).get(`/v1/contacts/${ada.id}/associations`).expect(403);
    await (await t.as('auditor')).put('/v1/associations').send({ from: ada, to: acme }).expect(403);
    await (await t.as('auditor')).delete('/v1/associations').send({ from: ada, to: acme }).expect(403);
    const { body } = await (await t.as('auditor')).get(`/v1/companies/${acme.id}/associations`).query({ minPosition: lastPosition! }).expect(200);
    expect(body.data).toHaveLength(3);
  });
});
