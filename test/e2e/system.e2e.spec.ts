import { startTestApp, type TestApp } from '../support/test-app.js';

describe('api basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers health with the head of an empty log', async () => {
    const response = await t.http().get('/v1/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', headPosition: null });
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.http().get('/docs/openapi.json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/v1/health');
  });

  it('answers broken JSON with a 400 that says so', async () => {
    const response = await t.http().post('/v1/health').set('Content-Type', 'application/json').send('{"a":');
    expect(response.status).toBe(400);
    expect(response.body.error).toBeDefined();
  });
});
