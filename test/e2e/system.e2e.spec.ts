import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

describe('api basics', () => {
  const t = useTestApp();

  it('answers health with the head of the log (the default pipelines exist from the first start)', async () => {
    // The head is what readers can see: on a shared server it follows once older transactions have ended.
    await eventually(async () => {
      const response = await t.http().get('/v1/health').expect(200);
      expect(response.body).toEqual({ status: 'ok', headPosition: expect.stringMatching(/^\d+$/) });
    });
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

  it('lists every event type with its schema version and JSON Schema', async () => {
    const response = await t.http().get('/v1/events/catalog').expect(200);
    const contactCreated = response.body.data.find((e: { type: string }) => e.type === 'ContactCreated');
    expect(contactCreated).toMatchObject({ schemaVersion: 2, schema: { type: 'object' } });
    expect(response.body.data.length).toBeGreaterThan(40);
  });

  it('reports projections, and answers 404 for an unknown one and 400 for a malformed name', async () => {
    const response = await t.http().get('/v1/projections').expect(200);
    expect(Array.isArray(response.body.data)).toBe(true);
    for (const build of response.body.data) {
      expect(build).toMatchObject({ state: expect.any(String), status: expect.any(String), version: expect.any(Number) });
    }
    await t.http().get('/v1/projections/no-such-projection').expect(404);
    await t.http().get('/v1/projections/Bad%20Name').expect(400);
  });
});
