// The request log: one JSON line per request, with the correlation id its events carry and the id of the key that
// sent it, never the key (nor the Authorization header).
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '#api/app';
import { loadConfig } from '#config';
import { openRuntime, type Runtime } from '#runtime';
import { collect } from '#test/support/events';
import { createTestDatabase, eventually, type TestDatabase } from '#test/support/test-database';

type Line = Record<string, unknown>;

describe('the JSON request log', () => {
  let db: TestDatabase;
  let runtime: Runtime;
  let app: NestExpressApplication;
  let raw = '';
  const lines = (): Line[] =>
    raw
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Line);
  let key: { keyId: string; secret: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = await openRuntime(loadConfig({ TALLY_RATE_LIMIT: '1000000' }), [], { database: db, authPepper: randomBytes(32) });
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        raw += chunk.toString();
        done();
      },
    });
    app = await createApp(runtime, { logger: ['error'], log: { level: 'info', destination } });
    await app.init();
    key = await runtime.apiKeys.create('logged', 'super-admin', 'test');
  });
  afterAll(async () => {
    await app?.close();
    await runtime?.close();
  });

  const lineFor = (path: string) =>
    eventually(() => {
      const line = lines().find((l) => l.msg === 'request completed' && l.path === path);
      expect(line).toBeDefined();
      return line!;
    });

  it('writes one line per request with method, path, status, duration, the correlation id and the key id, never the key', async () => {
    const correlationId = `corr-${randomUUID()}`;
    const created = await request(app.getHttpServer())
      .post('/v1/contacts')
      .set('Authorization', `Bearer ${key.secret}`)
      .set('X-Correlation-Id', correlationId)
      .send({ email: `logged-${randomUUID()}@example.com`, source: 'api' })
      .expect(201);
    const line = await lineFor('/v1/contacts');
    expect(line).toMatchObject({ level: 'info', method: 'POST', path: '/v1/contacts', status: 201, correlationId, keyId: key.keyId });
    expect(typeof line.durationMs).toBe('number');
    expect(lines().filter((l) => l.correlationId === correlationId && l.msg === 'request completed')).toHaveLength(1);
    // The events the request appended carry the same correlation id.
    const [event] = await collect(runtime.eventStore.readStream(`contact-${created.body.id}`));
    expect(event.metadata.correlationId).toBe(correlationId);
    expect(raw).not.toContain(key.secret);
    expect(raw.toLowerCase()).not.toContain('authorization');
    expect(raw).not.toContain('Bearer');
  });

  it('gives a request without X-Correlation-Id the id its events carry', async () => {
    const created = await request(app.getHttpServer())
      .post('/v1/contacts')
      .set('Authorization', `Bearer ${key.secret}`)
      .send({ email: `uncorrelated-${randomUUID()}@example.com`, source: 'api' })
      .expect(201);
    const [event] = await collect(runtime.eventStore.readStream(`contact-${created.body.id}`));
    const line = await eventually(() => {
      const found = lines().find((l) => l.correlationId === event.metadata.correlationId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(line).toMatchObject({ method: 'POST', path: '/v1/contacts', status: 201, keyId: key.keyId });
  });

  it('logs a refused request without its key', async () => {
    const forged = `tly_${randomBytes(8).toString('hex')}_${'A'.repeat(43)}`;
    await request(app.getHttpServer()).get('/v1/health').set('Authorization', `Bearer ${forged}`).expect(401);
    const line = await lineFor('/v1/health');
    expect(line).toMatchObject({ method: 'GET', status: 401 });
    expect(line.keyId).toBeUndefined();
    expect(raw).not.toContain(forged);
  });
});
