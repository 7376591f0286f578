import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

describe('owners over HTTP (the write-side conventions every endpoint follows)', () => {
  const t = useTestApp();

  const create = (body: object, headers: Record<string, string> = {}) =>
    t.http().post('/v1/owners').set(headers).send(body);

  it('creates an owner and records who asked, why and when in the event', async () => {
    const response = await create(
      { name: 'Ada Lovelace', email: 'Ada@Example.com', team: 'EMEA', role: 'sales' },
      { 'X-Correlation-Id': 'corr-1' },
    ).expect(201);
    expect(response.body).toMatchObject({ revision: 0, events: ['OwnerCreated'] });
    expect(response.body.position).toMatch(/^\d+$/);

    const [event] = await collect(t.runtime.eventStore.readStream(`owner-${response.body.id}`));
    expect(event.type).toBe('OwnerCreated');
    expect(event.data).toEqual({ ownerId: response.body.id, name: 'Ada Lovelace', email: 'ada@example.com', team: 'EMEA', role: 'sales' });
    expect(event.metadata).toMatchObject({ actor: expect.stringMatching(/^key:[a-z0-9]{16}$/), correlationId: 'corr-1', schemaVersion: 1, source: 'api' });
    expect(event.metadata.causationId).toEqual(expect.any(String));
  });

  it('answers 400 naming each bad field, and refuses unknown fields', async () => {
    const response = await create({ name: '', email: 'not-an-email', role: 'king', extra: 1 }).expect(400);
    const fields = response.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'role', 'extra']));
    expect(response.body.error).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for an unknown owner and 400 for an id that is not one', async () => {
    await t.http().patch('/v1/owners/00000000-0000-4000-8000-000000000000').send({ name: 'X' }).expect(404);
    await t.http().patch('/v1/owners/nope').send({ name: 'X' }).expect(400);
  });

  it('answers 409 when If-Match names a revision the owner has moved past, and appends nothing', async () => {
    const { body } = await create({ name: 'Grace', email: 'grace@example.com', role: 'marketing' }).expect(201);
    await t.http().patch(`/v1/owners/${body.id}`).set('If-Match', '0').send({ team: 'Growth' }).expect(200);
    const conflict = await t.http().patch(`/v1/owners/${body.id}`).set('If-Match', '0').send({ team: 'Other' }).expect(409);
    expect(conflict.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', expectedRevision: 0, actualRevision: 1 });
    expect(await collect(t.runtime.eventStore.readStream(`owner-${body.id}`))).toHaveLength(2);
  });

  it('answers a retried command with the first answer and appends nothing new', async () => {
    const headers = { 'Idempotency-Key': 'create-linus-1' };
    const payload = { name: 'Linus', email: 'linus@example.com', role: 'service' };
    const first = await create(payload, headers).expect(201);
    const retry = await create(payload, headers).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await collect(t.runtime.eventStore.readStream(`owner-${first.body.id}`))).toHaveLength(1);

    const reused = await create({ ...payload, name: 'Someone else' }, headers).expect(422);
    expect(reused.body.error).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps a retry idempotent even when the first answer was never stored', async () => {
    const headers = { 'Idempotency-Key': 'create-margaret-1' };
    const payload = { name: 'Margaret', email: 'margaret@example.com', role: 'sales' };
    const first = await create(payload, headers).expect(201);
    // As if the process died between the append and storing the answer.
    await t.db.pool.query(`DELETE FROM tally_idempotency_keys WHERE key = 'create-margaret-1'`);
    const retry = await create(payload, headers).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await collect(t.runtime.eventStore.readStream(`owner-${first.body.id}`))).toHaveLength(1);
  });
});
