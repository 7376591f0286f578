// Erasure end to end (#22): a person with a profile, browsing, a form, a survey comment, a note and a deal is erased;
// afterwards no table of the database (the log, the read models, the operational stores) holds their email, names
// or phone, while the lead score, its explanation and its verification answer as before and a full rebuild of every
// read model gives the same rows. Unknown contacts are 404, a second erasure 409, other roles 403.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { ROLES } from '#auth';
import { parsePosition } from '#event-store';
import { ALL_PROJECTIONS } from '#projections';
import type { ProjectionDefinition } from '#projection-engine';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';
import { createOutboundFetch, WebhookWorker } from '#webhooks';

const SECRET = 'erasure-spec-survey-secret-of-32-characters-or-more';

// Distinctive enough that no other row of the database holds them by chance.
const FIRST_NAME = 'Zenobia';
const LAST_NAME = 'Quillfeather';
const PHONE = '+44 20 7946 0321';
const PHONE_DIGITS = '442079460321';

type Found = Readonly<{ table: string; column: string; value: string }>;

/** Every column of every table, cast to text, searched for each string (case-insensitive): where it still is. */
const findEverywhere = async (pool: pg.Pool, needles: readonly string[]): Promise<Found[]> => {
  const { rows: columns } = await pool.query<{ table_schema: string; table_name: string; column_name: string }>(
    `SELECT c.table_schema, c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY c.table_schema, c.table_name, c.ordinal_position`,
  );
  expect(columns.map((c) => c.table_name)).toEqual(expect.arrayContaining(['tally_events', 'tally_idempotency_keys']));
  const patterns = needles.map((needle) => `%${needle.toLowerCase()}%`);
  const found: Found[] = [];
  // One statement at a time: PGlite serves one connection's statements in order.
  for (const { table_schema: schema, table_name: table, column_name: column } of columns) {
    const { rows } = await pool.query<{ value: string }>(
      `SELECT "${column}"::text AS value FROM "${schema}"."${table}" WHERE lower("${column}"::text) LIKE ANY($1::text[]) LIMIT 3`,
      [patterns],
    );
    for (const { value } of rows) found.push({ table: `${schema}.${table}`, column, value: value.slice(0, 200) });
  }
  return found;
};

/** Every row of every read-model view as canonical JSON, ordered by all its columns. */
const dumpReadModels = async (pool: pg.Pool, definitions: readonly ProjectionDefinition[]): Promise<Record<string, string[]>> => {
  const dump: Record<string, string[]> = {};
  for (const view of definitions.flatMap((d) => d.tables)) {
    const { rows: columns } = await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
      [view],
    );
    const order = columns.map((c) => `"${c.column_name}"::text`).join(', ');
    dump[view] = (await pool.query<{ row: string }>(`SELECT to_jsonb(v)::text AS row FROM ${view} v ORDER BY ${order}`)).rows.map((r) => r.row);
  }
  return dump;
};

describe('POST /v1/contacts/:id/erasure', () => {
  const t = useTestApp({ env: { TALLY_SURVEY_SIGNING_SECRET: SECRET, TALLY_SURVEY_RATE_LIMIT: '1000' } });

  const erase = (contactId: string, body: object = { reason: 'Request #4711, received by post', legalBasis: 'consent-withdrawn' }) =>
    t.http().post(`/v1/contacts/${contactId}/erasure`).send(body);

  /** Every read model caught up with the log's head. */
  const caughtUp = async (position: string) => {
    for (const { name } of ALL_PROJECTIONS) expect(await t.runtime.projections.waitFor(name, parsePosition(position), 20_000)).toBe(true);
  };

  /** A person who browsed, filled a form, answered a survey, was called and is on a deal; answers the last position. */
  const person = async (email: string) => {
    const http = t.http();
    const ownerId = (await http.post('/v1/owners').send({ name: 'Rhea Rep', email: `rep-${randomUUID()}@tally.example`, role: 'sales' }).expect(201)).body.id;
    const contactId: string = (
      await http
        .post('/v1/contacts')
        .send({ email, firstName: FIRST_NAME, lastName: LAST_NAME, phone: PHONE, jobTitle: 'VP Engineering', source: 'api', ownerId })
        .expect(201)
    ).body.id;
    for (const url of ['https://tally.example/pricing', 'https://tally.example/pricing/teams']) {
      await http.post(`/v1/contacts/${contactId}/page-views`).send({ url }).expect(201);
    }
    await http
      .post(`/v1/contacts/${contactId}/form-submissions`)
      .send({ formId: 'demo', fields: { email, name: `${FIRST_NAME} ${LAST_NAME}`, phone: PHONE, message: 'Call me about the pilot' } })
      .expect(201);
    await http
      .post('/v1/engagements')
      .send({ kind: 'note', ownerId, body: `${FIRST_NAME} ${LAST_NAME} wants a pilot; call ${PHONE}`, contactIds: [contactId] })
      .expect(201);
    await http.post('/v1/deals').send({ name: 'Pilot, 20 seats', amount: 9000, currency: 'EUR', closeDate: '2026-06-30', ownerId, contactIds: [contactId] }).expect(201);
    const surveyId = (await http.post('/v1/surveys').send({ type: 'nps', name: 'Pilot survey' }).expect(201)).body.id;
    const link = (await http.post(`/v1/surveys/${surveyId}/links`).send({ contactId }).expect(201)).body;
    const answered = await t.anonymous().post('/v1/survey-responses').send({ token: link.token, score: 9, comment: `${FIRST_NAME} says: lovely` }).expect(201);
    return { contactId, position: answered.body.position as string };
  };

  /** What provenance answers for a contact: its score, its explanation and the verification of it. */
  const provenance = async (contactId: string) => {
    const http = t.http();
    // The properties the fit rules read are the person's: an erasure empties them, the numbers stay.
    const { properties, ...score } = (await http.get(`/v1/read-models/lead-scores/${contactId}`).expect(200)).body.data;
    const explain = (await http.get(`/v1/read-models/lead-scores/${contactId}/explain`).expect(200)).body.data;
    const { checked, mismatches, formulaId } = (await http.get(`/v1/read-models/lead-scores/${contactId}/verify`).expect(200)).body;
    return { score, explain, verify: { checked, mismatches, formulaId }, properties: properties as Record<string, unknown> };
  };

  it('leaves none of the email, names or phone in any table; the score, its explanation, verify and a rebuild stay', async () => {
    const email = `zenobia.quillfeather.${randomUUID().slice(0, 8)}@erasure.example`;
    const needles = [email, FIRST_NAME, LAST_NAME, PHONE, PHONE_DIGITS];
    const { contactId, position } = await person(email);
    await caughtUp(position);
    // The strings are there to be found before: the search below can see them.
    expect((await findEverywhere(t.db.pool, needles)).length).toBeGreaterThan(0);
    const { properties, ...before } = await provenance(contactId);
    expect(properties).toMatchObject({ email, firstName: FIRST_NAME });
    expect(before.verify.mismatches).toEqual([]);
    expect(before.explain.contributions.length).toBeGreaterThan(0);

    const erased = await erase(contactId).expect(200);
    expect(erased.body).toEqual({
      contactId,
      erasedBy: expect.any(String),
      erasedAt: expect.any(String),
      legalBasis: 'consent-withdrawn',
      reason: 'Request #4711, received by post',
      position: expect.any(String),
    });
    await caughtUp(erased.body.position);

    expect(await findEverywhere(t.db.pool, needles)).toEqual([]);
    // The log keeps every event in its place, ContactErased last on the contact's stream.
    const stream = await collect(t.runtime.eventStore.readStream(`contact-${contactId}`));
    expect(stream.at(-1)).toMatchObject({ type: 'ContactErased', data: { contactId, legalBasis: 'consent-withdrawn' } });
    expect(await provenance(contactId)).toEqual({ ...before, properties: {} });

    // A rebuild reads the redacted log, then the erasure: the same rows as the live builds.
    const live = await dumpReadModels(t.db.pool, ALL_PROJECTIONS);
    const head = parsePosition(erased.body.position);
    const rebuilt = new Map<string, number>();
    for (const build of (await t.runtime.projections.status()).filter((b) => b.state === 'active')) {
      rebuilt.set(build.name, await t.runtime.projections.rebuild(build.name, build.params));
    }
    await eventually(async () => {
      const active = (await t.runtime.projections.status()).filter((b) => b.state === 'active');
      expect(Object.fromEntries(active.map((b) => [b.name, b.version]))).toEqual(Object.fromEntries(rebuilt));
    }, 60_000);
    for (const { name } of ALL_PROJECTIONS) expect(await t.runtime.projections.waitFor(name, head, 20_000)).toBe(true);
    expect(await dumpReadModels(t.db.pool, ALL_PROJECTIONS)).toEqual(live);
    expect(await provenance(contactId)).toEqual({ ...before, properties: {} });
    expect(await findEverywhere(t.db.pool, needles)).toEqual([]);
  });

  it('frees the email: the person can come back as a new contact', async () => {
    const email = `returning.${randomUUID().slice(0, 8)}@erasure.example`;
    const first = (await t.http().post('/v1/contacts').send({ email, source: 'api' }).expect(201)).body.id;
    await t.http().post('/v1/contacts').send({ email, source: 'api' }).expect(409);
    await erase(first).expect(200);
    const second = (await t.http().post('/v1/contacts').send({ email, source: 'api' }).expect(201)).body.id;
    expect(second).not.toBe(first);
  });

  it('answers 404 for an unknown contact, 409 for a second erasure and 410 for any later command or read', async () => {
    await erase(randomUUID()).expect(404);
    const contactId = (await t.http().post('/v1/contacts').send({ email: `twice.${randomUUID().slice(0, 8)}@erasure.example`, source: 'api' }).expect(201)).body.id;
    await erase(contactId).expect(200);
    expect((await erase(contactId).expect(409)).body).toMatchObject({ error: 'ALREADY_EXISTS' });
    expect((await t.http().patch(`/v1/contacts/${contactId}`).send({ firstName: 'Back' }).expect(410)).body).toMatchObject({ error: 'GONE' });
    await t.http().put(`/v1/contacts/${contactId}/lifecycle-stage`).send({ stage: 'customer' }).expect(410);
    await t.http().post(`/v1/contacts/${contactId}/page-views`).send({ url: 'https://tally.example/' }).expect(410);
    await t.http().get(`/v1/contacts/${contactId}`).expect(410);
  });

  it('names the field at fault with 400', async () => {
    const contactId = (await t.http().post('/v1/contacts').send({ email: `bad.${randomUUID().slice(0, 8)}@erasure.example`, source: 'api' }).expect(201)).body.id;
    const fields = async (body: object) => [...new Set((await erase(contactId, body).expect(400)).body.fields.map((f: { field: string }) => f.field))];
    expect(await fields({ legalBasis: 'consent-withdrawn' })).toEqual(['reason']);
    expect(await fields({ reason: 'asked', legalBasis: 'because' })).toEqual(['legalBasis']);
    expect(await fields({ reason: '', legalBasis: 'objection' })).toEqual(['reason']);
    await t.http().post('/v1/contacts/not-an-id/erasure').send({ reason: 'asked', legalBasis: 'objection' }).expect(400);
    // Nothing was erased by the refusals.
    await t.http().get(`/v1/contacts/${contactId}`).expect(200);
  });

  it('is refused to every role but the super admin', async () => {
    const contactId = (await t.http().post('/v1/contacts').send({ email: `roles.${randomUUID().slice(0, 8)}@erasure.example`, source: 'api' }).expect(201)).body.id;
    for (const role of ROLES.filter((r) => r !== 'super-admin')) {
      await (await t.as(role)).post(`/v1/contacts/${contactId}/erasure`).send({ reason: 'asked', legalBasis: 'objection' }).expect(403);
    }
    await t.http().get(`/v1/contacts/${contactId}`).expect(200);
    await (await t.as('super-admin')).post(`/v1/contacts/${contactId}/erasure`).send({ reason: 'asked', legalBasis: 'objection' }).expect(200);
  });

  it('is delivered to a webhook subscriber, who learns who was erased and why, and nothing personal', async () => {
    const received: { type: string; data: Record<string, unknown> }[] = [];
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: typeof received }).events);
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const worker = new WebhookWorker(t.runtime.eventStore, t.runtime.db.pool, {
      pollIntervalMs: 20,
      fetch: createOutboundFetch(t.runtime.config.outboundPrivateNetwork),
    });
    try {
      await t.http().post('/v1/webhooks').send({ url, eventTypes: ['ContactErased'] }).expect(201);
      await worker.start();
      const email = `hooked.${randomUUID().slice(0, 8)}@erasure.example`;
      const contactId = (await t.http().post('/v1/contacts').send({ email, source: 'api' }).expect(201)).body.id;
      await erase(contactId, { reason: 'Objected to profiling', legalBasis: 'objection' }).expect(200);
      const delivered = await eventually(() => {
        const found = received.find((event) => event.type === 'ContactErased' && event.data.contactId === contactId);
        if (!found) throw new Error('ContactErased not delivered yet');
        return found;
      });
      expect(delivered.data).toEqual({ contactId, erasedBy: expect.any(String), legalBasis: 'objection', reason: 'Objected to profiling' });
      expect(JSON.stringify(received)).not.toContain(email);
    } finally {
      await worker.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
