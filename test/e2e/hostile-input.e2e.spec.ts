// 2,000 malformed or hostile requests over every route of the OpenAPI document (seeded, so a failure replays):
// each is answered with a 4xx, never a 5xx or an accepted write, nothing reaches the event store, no answer leaks
// a stack trace or SQL, and the api still answers afterwards. Plus: CSV exports defuse spreadsheet formulas.
import type { Test } from 'supertest';
import { csvCell, toCsv } from '../../apps/api/src/read-models/csv.interceptor.js';
import { Prng } from '../../libs/synthetic-history/src/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
};
type Operation = {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type Route = Readonly<{
  method: Method;
  path: string;
  pathParams: string[];
  queryParams: string[];
  body: Schema | null;
  streaming: boolean;
}>;
type Fuzzed = Readonly<{ route: Route; kind: string; url: string; payload: string; send: (t: TestApp) => Test }>;

const REQUESTS = 2_000;
const UUID = '00000000-0000-4000-8000-00000000f022';

const HOSTILE_STRINGS: readonly string[] = [
  "' OR 1=1 --",
  "'; DROP TABLE tally_events; --",
  '" OR ""="',
  '1; SELECT pg_sleep(10)',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'x'.repeat(10_000),
  '\u202Egnp.exe',
  '\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD',
  '😀👍🏽🏳️‍🌈',
  'a\u0000b',
  '\u0000',
  '%00',
  '%',
  '%zz',
  '{{7*7}}',
  '${jndi:ldap://x/a}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '99999999999999999999999999',
  '0x10',
  ' ',
  '',
  'null',
  'true',
  '[]',
  '{"$gt":""}',
  '=HYPERLINK("http://evil.example")',
  '9:9:9',
  '2026-02-30T25:61:00Z',
];

// Values that no query parameter of any route accepts.
const INVALID_EVERYWHERE: readonly string[] = [
  "' OR 1=1 --",
  "'; DROP TABLE tally_events; --",
  '../../etc/passwd',
  'x'.repeat(10_000),
  '\u202Egnp.exe',
  '😀👍🏽🏳️‍🌈',
  'a\u0000b',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '1e309',
  '2026-02-30T25:61:00Z',
];

// Query parameters every read-model filter might take, sent whether or not a route declares them.
const FILTERS = ['pipelineId', 'ownerId', 'sort', 'cursor', 'minPosition', 'asOf', 'from', 'to', 'qualification', 'types', 'limit'];

const BROKEN_JSON: readonly string[] = [
  '{"name": "x",',
  "{'name': 'x'}",
  '{"name": "x"}}',
  '[1, 2',
  '{"a": NaN}',
  '{"a": undefined}',
  '{"a": 01}',
  '\u0000{}',
  '{"a": "\\u00"}',
  'nul',
  '{"a": 1} trailing',
  '{"a":'.repeat(5000),
];

const WRONG_CONTENT_TYPES: readonly [string, string][] = [
  ['text/plain', 'name=x'],
  ['application/xml', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'],
  ['application/x-www-form-urlencoded', 'name=%27+OR+1%3D1&role=super-admin'],
  ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--\r\n'],
  ['application/yaml', 'name: [unclosed'],
  ['application/octet-stream', '\u0000\u0001\u0002'],
];

// Text that must never reach a client: stack frames, SQL, the store's table names.
const LEAKS = [/\n\s+at \S/, /\bat \S+ \(.*:\d+:\d+\)/, /\bSELECT\b/, /\bINSERT INTO\b/, /syntax error/i, /tally_events/, /node_modules/];

const refName = (ref: string) => ref.replace('#/components/schemas/', '');

describe('hostile input', () => {
  let t: TestApp;
  let routes: Route[];
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    t = await startTestApp();
    const document = (await t.anonymous().get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    schemas = document.components.schemas;
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter((entry): entry is [Method, Operation] => ['get', 'post', 'put', 'patch', 'delete'].includes(entry[0]))
        .map(([method, operation]) => ({
          method,
          path,
          pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
          queryParams: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          body: operation.requestBody?.content?.['application/json']?.schema ?? null,
          streaming: path.startsWith('/v1/streams'),
        })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(schemas[refName(schema.$ref)]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };

  /** A value of the schema's shape, the start point that the mutations then break. */
  const plausible = (schema: Schema, depth = 0): unknown => {
    const s = resolve(schema);
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return true;
      case 'array':
        return s.items && depth < 3 ? [plausible(s.items, depth + 1)] : [];
      case 'string':
        return s.format === 'uuid' ? UUID : s.format === 'date-time' ? '2026-01-01T00:00:00.000Z' : 'plausible';
      default:
        return Object.fromEntries(
          depth < 3 ? Object.entries(s.properties ?? {}).map(([name, property]) => [name, plausible(property, depth + 1)]) : [],
        );
    }
  };

  /** A value of a type other than the schema's. */
  const wrongType = (schema: Schema, prng: Prng): unknown => {
    const s = resolve(schema);
    const options: unknown[] = s.type === 'string' || s.enum ? [42, true, [], { $ne: null }, null] : ["' OR 1=1 --", 'x'.repeat(100_000), [[[]]], { toString: 1 }];
    return prng.pick(options);
  };

  const deepNesting = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  const hostile = (prng: Prng) => prng.pick(HOSTILE_STRINGS);
  // An empty segment would reach another route (`/v1/webhooks/` is the list), so path values are never empty.
  const encodedHostile = (prng: Prng) => encodeURIComponent(hostile(prng)) || '%20';
  const concretePath = (route: Route, prng: Prng, hostileParams: boolean) =>
    route.path.replace(/\{(\w+)\}/g, () => (hostileParams || prng.chance(0.5) ? encodedHostile(prng) : UUID));
  const query = (pairs: [string, string][]) =>
    pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';

  /** A body that is no valid command: an unknown field, or a required field of the wrong type, plus mischief. */
  const hostileBody = (route: Route, prng: Prng): Record<string, unknown> => {
    const schema = route.body ? resolve(route.body) : {};
    const start = route.body ? plausible(route.body) : {};
    const body: Record<string, unknown> = start !== null && typeof start === 'object' && !Array.isArray(start) ? { ...start } : {};
    const required = schema.required ?? [];
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (prng.chance(0.3)) body[name] = resolve(property).type === 'string' ? hostile(prng) : wrongType(property, prng);
    }
    if (required.length > 0 && prng.chance(0.5)) {
      const field = prng.pick(required);
      body[field] = wrongType((schema.properties ?? {})[field] ?? {}, prng);
    } else {
      body[prng.pick(['isAdmin', 'actor', '$where', 'id', 'constructor', hostile(prng).slice(0, 50) || 'x'])] = hostile(prng);
    }
    return body;
  };

  const buildRequests = (): Fuzzed[] => {
    const prng = new Prng(0x7a11);
    const writes = routes.filter((r) => r.method !== 'get' && r.method !== 'delete');
    const withParams = routes.filter((r) => r.pathParams.length > 0);
    const reads = routes.filter((r) => r.method === 'get');
    const kinds: [string, number][] = [
      ['path', 3],
      ['query', 4],
      ['body', 5],
      ['nesting', 1],
      ['broken-json', 2],
      ['content-type', 1.5],
      ['header', 1],
      ['oversized', 0.15],
    ];
    const fuzzed: Fuzzed[] = [];
    while (fuzzed.length < REQUESTS) {
      const kind = prng.weighted(kinds);
      const pool = kind === 'path' ? withParams : kind === 'query' ? reads : writes;
      const route = prng.pick(pool);
      // SSE routes stream until closed: a bad `from` makes every one of them answer at once.
      const streamGuard: [string, string][] = route.streaming ? [['from', prng.pick(['x', "' OR 1=1", '-2', '1:2:3'])]] : [];
      const path = concretePath(route, prng, kind === 'path' || (route.pathParams.length > 0 && prng.chance(0.3)));
      const add = (url: string, payload: string, send: (t: TestApp) => Test) => fuzzed.push({ route, kind, url, payload, send });
      const writeWith = (url: string, contentType: string, payload: string) =>
        add(url, payload, (app) => app.http()[route.method](url).set('Content-Type', contentType).send(payload));
      switch (kind) {
        case 'path': {
          const url = `${path}${query(streamGuard)}`;
          if (route.method === 'get' || route.method === 'delete') add(url, '', (app) => app.http()[route.method](url));
          else writeWith(url, 'application/json', JSON.stringify(hostileBody(route, prng)));
          break;
        }
        case 'query': {
          const names = [...route.queryParams, ...FILTERS];
          const pairs: [string, string][] = [...streamGuard];
          // At least one parameter the route reads gets a value no parameter may take.
          if (route.queryParams.length > 0) pairs.push([prng.pick(route.queryParams), prng.pick(INVALID_EVERYWHERE)]);
          for (let i = prng.int(0, 3); i > 0; i--) pairs.push([prng.pick(names), hostile(prng)]);
          if (pairs.length === 0) pairs.push([prng.pick(names), hostile(prng)]);
          // Repeated parameters arrive as arrays.
          if (prng.chance(0.2)) pairs.push([pairs[pairs.length - 1][0], hostile(prng)]);
          const url = `${path}${query(pairs)}`;
          const accept = prng.pick(['application/json', 'text/csv', '*/*']);
          add(url, '', (app) => app.http().get(url).set('Accept', accept));
          break;
        }
        case 'body':
          writeWith(path, 'application/json', JSON.stringify(hostileBody(route, prng)));
          break;
        case 'nesting': {
          const nested = `{"${prng.pick(Object.keys(resolve(route.body ?? {}).properties ?? {}).concat('unknown'))}":${deepNesting(prng.int(500, 20_000))}}`;
          writeWith(path, 'application/json', nested);
          break;
        }
        case 'broken-json':
          writeWith(path, 'application/json', prng.pick(BROKEN_JSON));
          break;
        case 'content-type': {
          // Without a JSON body a command lacks its required fields; a route needing none gets a hostile id.
          const needsNothing = !(resolve(route.body ?? {}).required?.length);
          if (needsNothing && route.pathParams.length === 0) continue;
          const url = needsNothing ? concretePath(route, prng, true) : path;
          const [type, payload] = prng.pick(WRONG_CONTENT_TYPES);
          writeWith(url, type, payload);
          break;
        }
        case 'header': {
          const header = prng.pick(['Idempotency-Key', 'If-Match', 'X-Correlation-Id']);
          const value = prng.pick(["' OR 1=1 --", '../../etc/passwd', 'x'.repeat(5_000), '"-2"', 'W/"1e9"', '%00', '$(id)']);
          const url = path;
          const body = JSON.stringify(hostileBody(route, prng));
          add(url, `${header}: ${value} ${body}`, (app) =>
            app.http()[route.method](url).set('Content-Type', 'application/json').set(header, value).send(body),
          );
          break;
        }
        case 'oversized': {
          const body = JSON.stringify({ ...hostileBody(route, prng), padding: 'x'.repeat(1_100_000) });
          writeWith(path, 'application/json', body);
          break;
        }
      }
    }
    return fuzzed;
  };

  const countEvents = async () => Number((await t.db.pool.query<{ count: string }>('SELECT count(*) FROM tally_events')).rows[0].count);

  it('answers 2,000 hostile requests with 4xx only, appends nothing and leaks nothing', async () => {
    expect(routes.length).toBeGreaterThan(60);
    const before = await countEvents();
    const requests = buildRequests();
    expect(requests).toHaveLength(REQUESTS);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const { route, kind, url, payload, send } of requests) {
      const response = await send(t);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const label = `${kind} ${route.method.toUpperCase()} ${url.slice(0, 160)} -> ${response.status}`;
      // A route that reads no parameter at all may answer a GET whose only mischief it never looks at.
      const harmlessRead = route.method === 'get' && route.pathParams.length === 0 && route.queryParams.length === 0;
      if (!(response.status >= 400 && response.status < 500) && !(harmlessRead && response.status === 200)) {
        failures.push(`${label} ${response.text.slice(0, 200)} <- ${payload.slice(0, 300)}`);
      }
      // Echoing the request's own text back (a refused field's name) is no leak.
      const sent = `${decodeURIComponent(url)} ${payload}`;
      const leak = LEAKS.find((pattern) => pattern.test(response.text ?? '') && !pattern.test(sent));
      if (leak) failures.push(`${label} leaks ${leak}: ${response.text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    // The fuzz exercised what it claims: refused bodies, broken JSON and oversized payloads all happened.
    expect(statuses.get(400)).toBeGreaterThan(500);
    expect(statuses.get(413)).toBeGreaterThan(0);
    expect(await countEvents()).toBe(before);
    await t.http().get('/v1/health').expect(200);
  }, 120_000);

  it('refuses what the DTO rules cannot see: NUL characters, inherited keys and deep nesting', async () => {
    const before = await countEvents();
    const refused = async (payload: string) => {
      const response = await t.http().post('/v1/companies').set('Content-Type', 'application/json').send(payload);
      expect([payload.slice(0, 60), response.status]).toEqual([payload.slice(0, 60), 400]);
      return response.body as { error: string; fields?: { field: string }[] };
    };
    // Otherwise valid commands: PostgreSQL cannot store NUL, and class-transformer drops inherited keys unseen.
    expect((await refused(JSON.stringify({ name: 'Null\u0000 Ltd' }))).fields).toEqual([expect.objectContaining({ field: 'name' })]);
    expect((await refused('{"name": "Proto Ltd", "__proto__": {"role": "super-admin"}}')).fields).toEqual([
      expect.objectContaining({ field: '__proto__' }),
    ]);
    expect((await refused(JSON.stringify({ name: 'Ltd', toString: 'x' }))).fields).toEqual([expect.objectContaining({ field: 'toString' })]);
    expect(await refused(`{"name": "Deep Ltd", "x": ${'['.repeat(100)}${']'.repeat(100)}}`)).toMatchObject({
      message: expect.stringMatching(/nested deeper than 64 levels/),
    });
    expect(await countEvents()).toBe(before);
  });

  it('refuses an import of hostile lines without appending any of them', async () => {
    const before = await countEvents();
    const lines = [
      '{"streamName": "contact-x\'; DROP TABLE tally_events; --", "event": {"id": "x", "type": "ContactCreated", "data": {}}}',
      '{"streamName": "../../etc/passwd", "event": {}}',
      `{"streamName": "contact-${UUID}", "event": {"id": "${UUID}", "type": "NoSuchEvent", "data": {"a": "${'x'.repeat(10_000)}"}}}`,
      '{"broken": ',
      '\u0000',
      'null',
    ].join('\n');
    const response = await t.http().post('/v1/import').set('Content-Type', 'application/x-ndjson').send(lines);
    // An import answers for each line; hostile lines are rejected one by one, none accepted.
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 0, rejected: 6 });
    expect(JSON.stringify(response.body)).not.toMatch(/\n\s+at \S|SELECT|syntax error/);
    await t.http().post('/v1/import').set('Content-Type', 'application/json').send('{"a": 1}').expect(415);
    expect(await countEvents()).toBe(before);
  });

  it('defuses spreadsheet formulas in CSV cells', () => {
    for (const formula of ['=1+1', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(formula)).toMatch(/^"?'/);
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-5)).toBe('-5');
    expect(toCsv([{ '=name': '=cmd|/C calc', ok: 'a,b' }])).toBe(`'=name,ok\r\n'=cmd|/C calc,"a,b"\r\n`);
  });

  it('exports a pipeline named like a formula as inert CSV text', async () => {
    const name = '=HYPERLINK("http://evil.example","open me")';
    const created = await t
      .http()
      .post('/v1/pipelines')
      .send({
        objectType: 'deal',
        name,
        stages: [
          { id: 'open', label: '@SUM(A1:A9)', probability: 0.5 },
          { id: 'won', label: '+won', probability: 1, closed: 'won' },
          { id: 'lost', label: '-lost', probability: 0, closed: 'lost' },
        ],
      })
      .expect(201);
    const response = await t
      .http()
      .get(`/v1/read-models/pipeline-health?minPosition=${encodeURIComponent(created.body.position)}`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const cells = response.text.split('\r\n').flatMap((line) => line.split(','));
    expect(response.text).toContain(`"'=HYPERLINK(`);
    expect(cells.filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);
  });
});
