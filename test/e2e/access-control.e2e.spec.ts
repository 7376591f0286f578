// Every route x every role, generated from the OpenAPI document so a new route is covered the day it lands:
// 401 without a key, 403 for a role the matrix refuses, and neither for a role it allows.
import { isAllowed, ROLES, type Role } from '#auth';
import { randomUUID } from 'node:crypto';
import { areaOf } from '#api/auth/route-areas';
import { IMPORT_COMMANDS } from '#api/import/import-commands';
import { collect } from '#test/support/events';
import { startTestApp, useTestApp, type TestApp } from '#test/support/test-app';

type Route = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; express: string };

const SAMPLE_PARAMS: Record<string, string> = {
  name: 'no-such-projection',
  version: '99',
  category: 'deal',
  keyId: '0000000000000000',
  stageId: 'no-such-stage',
  id: '00000000-0000-4000-8000-000000000000',
};

const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, param: string) => SAMPLE_PARAMS[param] ?? '00000000-0000-4000-8000-000000000000');

describe('access control', () => {
  let t: TestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await startTestApp();
    const document = (await t.anonymous().get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method): method is Route['method'] => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method, path, express: path.replace(/\{(\w+)\}/g, ':$1') })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  // SSE routes would stream: a bad `from` makes an allowed request answer 400 at once.
  const send = (agent: Awaited<ReturnType<TestApp['as']>> | ReturnType<TestApp['anonymous']>, route: Route) => {
    const url = `${concrete(route.path)}${route.path.startsWith('/v1/streams') ? '?from=not-a-position' : ''}`;
    const request = agent[route.method](url);
    return route.method === 'get' || route.method === 'delete' ? request : request.send({});
  };

  it('has a rule for every route', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => areaOf(r.express, r.method) === null).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers 401 with a clear message to a request without a key or with a bad one', async () => {
    for (const route of routes.filter((r) => areaOf(r.express, r.method) !== 'public')) {
      const response = await send(t.anonymous(), route);
      expect([route.path, response.status]).toEqual([route.path, 401]);
      expect(response.body.message).toMatch(/API key/);
    }
    const forged = await t.anonymous().get('/v1/health').set('Authorization', 'Bearer tly_0000000000000000_' + 'A'.repeat(43));
    expect(forged.status).toBe(401);
  });

  it.each(ROLES)('lets %s do exactly what the matrix allows', async (role: Role) => {
    const agent = await t.as(role);
    const mismatches: string[] = [];
    for (const route of routes) {
      const access = route.method === 'get' ? 'read' : 'write';
      const area = areaOf(route.express, route.method);
      const allowed = area === 'public' || (area !== null && isAllowed(role, `${area}:${access}`));
      const response = await send(agent, route);
      const refused = response.status === 403;
      if (response.status === 401 || refused === allowed) {
        mismatches.push(`${route.method.toUpperCase()} ${route.path}: ${response.status} (${allowed ? 'allowed' : 'refused'} by the matrix)`);
      }
      if (refused) expect(response.body).toMatchObject({ error: 'FORBIDDEN', role });
    }
    expect(mismatches).toEqual([]);
  });

  // Every import line type x every role: a command line is refused exactly when its HTTP route refuses the role, a raw
  // event line unless the role has history:write, and a role without import:write gets 403 for the whole request.
  it.each(ROLES)('authorises each line of an import for %s as its route, and raw events only with history:write', async (role: Role) => {
    const agent = await t.as(role);
    const commands = Object.entries(IMPORT_COMMANDS);
    const eventLine = {
      streamName: `activity-${randomUUID()}`,
      event: { id: randomUUID(), type: 'PageViewed', data: { contactId: randomUUID(), url: 'https://x.test/', title: null, referrer: null }, metadata: { occurredAt: '2024-01-01T00:00:00Z' } },
    };
    const file = [...commands.map(([command]) => ({ command, id: randomUUID(), data: {} })), eventLine].map((line) => JSON.stringify(line)).join('\n');
    const response = await agent.post('/v1/import').set('Content-Type', 'application/x-ndjson').send(file);
    if (!isAllowed(role, 'import:write')) {
      expect(response.status).toBe(403);
      return;
    }
    expect(response.status).toBe(200);
    const reasons = new Map<number, string>(response.body.rejections.map((r: { line: number; reason: string }) => [r.line, r.reason]));
    const mismatches: string[] = [];
    for (const [index, [command, { route }]] of commands.entries()) {
      // The route answers the role first: 403 there is the truth the import line must match.
      expect(routes.some((r) => r.method === route.method.toLowerCase() && r.express === route.path)).toBe(true);
      const url = concrete(route.path.replace(/:(\w+)/g, '{$1}'));
      const direct = await agent[route.method.toLowerCase() as Route['method']](url).send({});
      const refusedByRoute = direct.status === 403;
      const refusedInImport = (reasons.get(index + 1) ?? '').startsWith('403 FORBIDDEN');
      if (refusedByRoute !== refusedInImport) mismatches.push(`${command}: route ${direct.status}, import line ${reasons.get(index + 1) ?? 'accepted'}`);
    }
    const eventReason = reasons.get(commands.length + 1) ?? 'accepted';
    if (/history:write/.test(eventReason) === isAllowed(role, 'history:write')) mismatches.push(`raw event: ${eventReason}`);
    expect(mismatches).toEqual([]);
  });

  it('records the key as the actor, whatever the request claims', async () => {
    const sales = await t.as('sales');
    const created = await sales
      .post('/v1/companies')
      .set('X-Actor', 'someone-else')
      .send({ name: 'Forgery Ltd' })
      .expect(201);
    const [event] = await collect(t.runtime.eventStore.readStream(`company-${created.body.id}`));
    const keys = await t.runtime.apiKeys.list();
    const salesKey = keys.find((k) => k.role === 'sales')!;
    expect(event.metadata.actor).toBe(`key:${salesKey.keyId}`);
    expect(await sales.post('/v1/companies').send({ name: 'X', actor: 'someone-else' }).expect(400)).toBeDefined();
  });

  it('creates keys only for a super-admin, shows the secret once, and revokes at once', async () => {
    const created = await t.http().post('/v1/keys').send({ name: 'loader', role: 'integrator' }).expect(201);
    expect(created.body.secret).toMatch(/^tly_/);
    const list = await t.http().get('/v1/keys').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    await (await t.as('marketing')).post('/v1/keys').send({ name: 'x', role: 'super-admin' }).expect(403);

    const integrator = () => t.anonymous().get('/v1/events/catalog').set('Authorization', `Bearer ${created.body.secret}`);
    await integrator().expect(200);
    await t.http().delete(`/v1/keys/${created.body.keyId}`).expect(200);
    await integrator().expect(401);
  });

  it('sends security headers', async () => {
    const response = await t.http().get('/v1/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('rate limiting per key', () => {
  const t = useTestApp({ env: { TALLY_RATE_LIMIT: '5' } });

  it('answers 429 with Retry-After past the limit, per key', async () => {
    const reporting = await t.as('reporting');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await reporting.get('/v1/health')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await reporting.get('/v1/health');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error).toBe('RATE_LIMITED');
    // Another key has its own budget.
    await (await t.as('auditor')).get('/v1/health').expect(200);
  });
});
