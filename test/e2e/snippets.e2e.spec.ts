// Snippets end to end: written under a unique #shortcut, looked up by it, rendered for records with every missing
// value reported (its placeholder kept in the text, its name in `missing`), unknown variables refused by name, and
// rendering as a read that appends nothing.
import { randomUUID } from 'node:crypto';
import type { WorkflowEngine } from '#application';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';
import { useTestApp } from '#test/support/test-app';

type Rendered = { snippetId: string; shortcut: string; text: string; missing: string[]; values: Record<string, string | null> };

describe('snippets', () => {
  const t = useTestApp();

  const fieldsOf = (body: { fields?: { field: string }[] }) => [...new Set((body.fields ?? []).map((f) => f.field))];
  /** Every event committed, once the default workflows have acted on what came before (they append on their own). */
  const eventCount = async (): Promise<number> => {
    await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp();
    return (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tally_events')).rows[0].n;
  };

  const createContact = async (body: Record<string, unknown>): Promise<string> =>
    (await t.http().post('/v1/contacts').send({ email: `${randomUUID().slice(0, 8)}@example.com`, source: 'manual', ...body }).expect(201)).body.id;

  const render = async (snippetId: string, body: object): Promise<Rendered> => (await t.http().post(`/v1/snippets/${snippetId}/render`).send(body).expect(200)).body;

  it('creates a snippet from the minimal body, finds it by #shortcut and renders it for a contact', async () => {
    const created = await t.http().post('/v1/snippets').send({ shortcut: 'hello', body: 'Hi {{contact.firstName}}' }).expect(201);
    expect(created.body).toMatchObject({ id: expect.any(String), events: ['SnippetCreated'] });
    const snippetId = created.body.id as string;

    const found = await t.http().get('/v1/snippets').query({ shortcut: '#HELLO' }).expect(200);
    expect(found.body.data).toEqual([{ snippetId, shortcut: 'hello', name: 'hello', body: 'Hi {{contact.firstName}}', variables: ['contact.firstName'] }]);
    expect((await t.http().get(`/v1/snippets/${snippetId}`).expect(200)).body).toMatchObject({ snippetId, revision: 0, shortcut: 'hello' });
    expect((await t.http().get('/v1/snippets').query({ shortcut: 'nobody-has-this' }).expect(200)).body.data).toEqual([]);

    const ada = await createContact({ firstName: 'Ada' });
    expect(await render(snippetId, { contactId: ada })).toEqual({ snippetId, shortcut: 'hello', text: 'Hi Ada', missing: [], values: { 'contact.firstName': 'Ada' } });
  });

  it('reports a missing value by name and keeps its placeholder visible, never blank', async () => {
    const snippetId = (await t.http().post('/v1/snippets').send({ shortcut: 'missing', body: 'Hi {{contact.firstName}}, {{ owner.name }} here.' }).expect(201)).body.id;
    const nameless = await createContact({});
    const rendered = await render(snippetId, { contactId: nameless });
    expect(rendered.text).toBe('Hi {{contact.firstName}}, {{ owner.name }} here.');
    expect(rendered.missing).toEqual(['contact.firstName', 'owner.name']);
    expect(rendered.values).toEqual({ 'contact.firstName': null, 'owner.name': null });
    // With no record at all, every variable is missing.
    expect((await render(snippetId, {})).missing).toEqual(['contact.firstName', 'owner.name']);
  });

  it('fills owner, company, deal, ticket and custom property values from the records, as plain text', async () => {
    const suffix = randomUUID().slice(0, 8);
    await t.http().post('/v1/properties/contacts').send({ name: 'plan', label: 'Plan', type: 'string' }).expect(201);
    const ownerId = (await t.http().post('/v1/owners').send({ name: 'Olive Owner', email: `olive-${suffix}@example.com`, role: 'sales' }).expect(201)).body.id;
    const companyId = (await t.http().post('/v1/companies').send({ name: 'Acme <Labs>', domain: `acme-${suffix}.example` }).expect(201)).body.id;
    const contactId = await createContact({ firstName: '<b>Ann</b>', lastName: 'Lee', ownerId, companyId, properties: { plan: 'Gold' } });
    const dealId = (await t.http().post('/v1/deals').send({ name: 'Renewal', amount: '1500.50', currency: 'USD', contactIds: [contactId] }).expect(201)).body.id;
    const body =
      'Dear {{contact.fullName}} of {{company.name}}: {{deal.name}} at {{deal.amount}} ({{contact.properties.plan}}), from {{owner.name}} <{{owner.email}}>. {{ticket.subject}}';
    const snippetId = (await t.http().post('/v1/snippets').send({ shortcut: 'renewal', name: 'Renewal note', body }).expect(201)).body.id;

    const rendered = await render(snippetId, { contactId, dealId });
    // Inserted as the records hold it: markup in a value is text, neither escaped nor interpreted.
    expect(rendered.text).toBe(
      `Dear <b>Ann</b> Lee of Acme <Labs>: Renewal at 1500.50 USD (Gold), from Olive Owner <olive-${suffix}@example.com>. {{ticket.subject}}`,
    );
    expect(rendered.missing).toEqual(['ticket.subject']);
  });

  it('refuses unknown variables at create with a 400 naming them, and writes nothing', async () => {
    const before = await eventCount();
    const refused = await t.http().post('/v1/snippets').send({ shortcut: 'typo', body: 'Hi {{contact.firstNmae}} and {{deal.size}}, {{contact.firstName}}' }).expect(400);
    expect(fieldsOf(refused.body)).toEqual(['body']);
    expect(refused.body.message).toContain('{{contact.firstNmae}}');
    expect(refused.body.message).toContain('{{deal.size}}');
    expect(refused.body.message).not.toContain('{{contact.firstName}},');
    // A custom property must be defined for contacts.
    const undefinedProperty = await t.http().post('/v1/snippets').send({ shortcut: 'typo', body: '{{contact.properties.nothing_here}}' }).expect(400);
    expect(undefinedProperty.body.message).toContain('{{contact.properties.nothing_here}}');
    expect(await eventCount()).toBe(before);
    // The shortcut was never claimed.
    await t.http().post('/v1/snippets').send({ shortcut: 'typo', body: 'Hi {{contact.firstName}}' }).expect(201);
  });

  it('keeps a shortcut unique: 409 on a duplicate in any case, free again after a rename or a delete', async () => {
    const first = (await t.http().post('/v1/snippets').send({ shortcut: 'thanks', body: 'Thank you!' }).expect(201)).body.id;
    const duplicate = await t.http().post('/v1/snippets').send({ shortcut: '#Thanks', body: 'Thanks again' }).expect(409);
    expect(duplicate.body).toMatchObject({ error: 'ALREADY_EXISTS', existingId: first, field: 'shortcut' });

    await t.http().patch(`/v1/snippets/${first}`).send({ shortcut: 'thank-you' }).expect(200);
    const second = (await t.http().post('/v1/snippets').send({ shortcut: 'thanks', body: 'Thanks again' }).expect(201)).body.id;
    await t.http().post('/v1/snippets').send({ shortcut: 'thank-you', body: 'x' }).expect(409);
    expect((await t.http().get('/v1/snippets').query({ shortcut: 'thank-you' }).expect(200)).body.data[0].snippetId).toBe(first);

    const deleted = await t.http().delete(`/v1/snippets/${second}`).expect(200);
    // The list (a read model) by shortcut, those starting with a prefix; a deleted one is gone.
    const listed = await t.http().get('/v1/snippets').query({ prefix: '#TH', minPosition: deleted.body.position }).expect(200);
    expect(listed.body.data.map((s: { shortcut: string }) => s.shortcut)).toEqual(['thank-you']);
    await t.http().get(`/v1/snippets/${second}`).expect(404);
    expect((await t.http().get('/v1/snippets').query({ shortcut: 'thanks' }).expect(200)).body.data).toEqual([]);
    await t.http().post('/v1/snippets').send({ shortcut: 'thanks', body: 'Thanks, once more' }).expect(201);
  });

  it('renders as a read: no event is appended', async () => {
    const snippetId = (await t.http().post('/v1/snippets').send({ shortcut: 'read-only', body: 'Hi {{contact.email}}' }).expect(201)).body.id;
    const contactId = await createContact({});
    const before = await eventCount();
    await render(snippetId, { contactId });
    await render(snippetId, {});
    expect(await eventCount()).toBe(before);
  });

  it('answers hostile input with 400s naming the field, 404 for an absent snippet', async () => {
    const snippetId = (await t.http().post('/v1/snippets').send({ shortcut: 'hostile', body: 'Hi {{contact.firstName}}' }).expect(201)).body.id;
    const cases: [object, string][] = [
      [{ shortcut: 'two words', body: 'x' }, 'shortcut'],
      [{ shortcut: '-dash', body: 'x' }, 'shortcut'],
      [{ shortcut: 'x'.repeat(70), body: 'x' }, 'shortcut'],
      [{ shortcut: 42, body: 'x' }, 'shortcut'],
      [{ shortcut: 'ok-body' }, 'body'],
      [{ shortcut: 'ok-body', body: '   ' }, 'body'],
      [{ shortcut: 'ok-body', body: 'Hi {{contact.firstName' }, 'body'],
      [{ shortcut: 'ok-body', body: 'Hi }} there {{' }, 'body'],
      [{ shortcut: 'ok-body', body: 'x'.repeat(10_001) }, 'body'],
      [{ shortcut: 'ok-body', body: 'x', admin: true }, 'admin'],
      [{ shortcut: 'ok-body', body: 'x', name: 'n'.repeat(201) }, 'name'],
    ];
    for (const [body, field] of cases) {
      const response = await t.http().post('/v1/snippets').send(body);
      expect([JSON.stringify(body).slice(0, 60), response.status, fieldsOf(response.body)]).toEqual([JSON.stringify(body).slice(0, 60), 400, [field]]);
    }
    expect((await t.http().post(`/v1/snippets/${snippetId}/render`).send({ contactId: 'not-a-uuid' }).expect(400)).body.fields[0].field).toBe('contactId');
    expect(fieldsOf((await t.http().post(`/v1/snippets/${snippetId}/render`).send({ contactId: randomUUID() }).expect(400)).body)).toEqual(['contactId']);
    expect(fieldsOf((await t.http().post(`/v1/snippets/${snippetId}/render`).send({ dealId: randomUUID() }).expect(400)).body)).toEqual(['dealId']);
    expect(fieldsOf((await t.http().post(`/v1/snippets/${snippetId}/render`).send({ nope: 1 }).expect(400)).body)).toEqual(['nope']);
    await t.http().post(`/v1/snippets/${randomUUID()}/render`).send({}).expect(404);
    await t.http().get('/v1/snippets/not-a-uuid').expect(400);
    expect(fieldsOf((await t.http().get('/v1/snippets').query({ prefix: 'p'.repeat(66) }).expect(400)).body)).toEqual(['prefix']);
    expect(fieldsOf((await t.http().get('/v1/snippets').query({ shortcut: '' }).expect(400)).body)).toEqual(['shortcut']);
    expect(fieldsOf((await t.http().patch(`/v1/snippets/${snippetId}`).send({ body: 'Hi {{who}}' }).expect(400)).body)).toEqual(['body']);
  });

  it('lets marketing, sales and service write snippets, and reporting only not', async () => {
    for (const role of ['marketing', 'sales', 'service'] as const) {
      await (await t.as(role)).post('/v1/snippets').send({ shortcut: `by-${role}`, body: 'Hello' }).expect(201);
    }
    await (await t.as('reporting')).post('/v1/snippets').send({ shortcut: 'by-reporting', body: 'Hello' }).expect(403);
  });
});
