// 2,000 malformed or hostile requests over every route of the OpenAPI document (seeded, so a failure replays):
// each is answered with a 4xx, never a 5xx or an accepted write, nothing reaches the event store, no answer leaks
// a stack trace or SQL, and the api still answers afterwards. Plus: CSV exports defuse spreadsheet formulas.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { csvCell, toCsv } from '#api/read-models/csv.interceptor';
import { formatPosition } from '#event-store';
import { Prng } from '#synthetic-history';
import { collect } from '#test/support/events';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
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
  /** Query parameters that take any text (a search): a value that is refused elsewhere is a 200 here. */
  freeTextParams: string[];
  body: Schema | null;
  streaming: boolean;
}>;
/** `mayAccept`: the only value refused everywhere went to a free-text parameter. */
type Fuzzed = Readonly<{ route: Route; kind: string; url: string; payload: string; mayAccept: boolean; send: (t: TestApp) => Test }>;

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
  '2026-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '2026-01-15T10:00:00+15:00',
  '2026-02-30',
  'XXQ',
  '1e14',
  '9007199254740993',
  'a\u200Bda@example.com',
  '\u0430da@example.com',
  'Ze\u0301\u00AD',
];

// Strings only a JSON body can carry: a URL cannot spell a surrogate without its pair.
const BODY_ONLY_STRINGS: readonly string[] = ['a\ud800b', '\udfff', '\ud83d'];

// Numbers past every edge: too large for the read models, too small for cents, beyond a double's precision.
const EDGE_NUMBERS: readonly string[] = ['1e14', '1e18', '1e-7', '5e-324', '-0.01', '1e12', '9007199254740993', '99999999999999.99', '1e400'];

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
  // Past a double's range, and neither an id nor a domain (`1e309` is a valid stage id, `1.5e309` a host name).
  '+1e309',
  '2026-02-30T25:61:00Z',
];

// The query parameters that take any text, as long as the document declares them a plain string (no pattern, format
// or enum): a search (`q`) or a filter on a free-text field (an owner's team, a company's industry, a funnel's group
// or touch source, which a page view's utm_source names as any text). SQL, markup or a day that does not exist are
// then words to look for: the answer may be a 200, still with nothing leaked or appended.
const FREE_TEXT_PARAMS: ReadonlySet<string> = new Set(['q', 'team', 'industry', 'group', 'source']);

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

// Values at and past every edge the api draws, each tagged by hand with what must happen: accepted and stored as
// shown, or refused. JSON text for numbers, so the client's own digits are what is sent.
const EDGE_REQUESTS = 1_200;
// Amounts: the exact decimal each JSON text (a number or a string) stands for, or null when no currency takes it;
// whether a currency takes it depends on its minor-unit digits (storedAmount).
const AMOUNTS: readonly (readonly [string, string | null])[] = [
  ['0', '0'], ['0.01', '0.01'], ['0.29', '0.29'], ['12000', '12000'], ['1234.5', '1234.5'], ['19200.50', '19200.5'], ['1e3', '1000'],
  ['999999999999.99', '999999999999.99'], ['123456789012.34', '123456789012.34'], ['10.005', '10.005'],
  ['"12"', '12'], ['"0.29"', '0.29'], ['"1200.50"', '1200.5'], ['"1.125"', '1.125'], ['"999999999999.999"', '999999999999.999'],
  ['1e12', null], ['1e14', null], ['1e18', null], ['1e-7', null], ['5e-324', null], ['9007199254740993', null],
  ['99999999999999.99', null], ['-0.01', null], ['"NaN"', null], ['"1e3"', null], ['" 12"', null], ['"12.3456"', null], ['"-1"', null],
  ['null', null], ['1e400', null], ['12.000000000000000001', null], ['true', null],
];
const CURRENCIES: readonly (readonly [string, boolean])[] = [
  ['USD', true], ['EUR', true], ['JPY', true], ['CHF', true], ['BHD', true], ['XXQ', false], ['XYZ', false], ['usd', false], ['EURO', false], ['', false],
];
// ISO 4217 minor units of the currencies above; without a currency the api can only hold an amount to the widest (3).
const DIGITS: Readonly<Record<string, number>> = { USD: 2, EUR: 2, JPY: 0, CHF: 2, BHD: 3 };
/** How `value` is stored in `currency` (padded to its digits), or null when that currency cannot hold it. */
const storedAmount = (value: string | null, currency: string): string | null => {
  if (value === null) return null;
  const digits = DIGITS[currency] ?? 3;
  const [whole, fraction = ''] = value.split('.');
  return fraction.length > digits ? null : digits === 0 ? whole : `${whole}.${fraction.padEnd(digits, '0')}`;
};
const DAYS: readonly (readonly [string, boolean])[] = [
  ['2026-03-31', true], ['2024-02-29', true], ['1900-01-01', true], ['2199-12-31', true], ['2026-02-30', false],
  ['2025-02-29', false], ['0000-01-01', false], ['1899-12-31', false], ['2200-01-01', false], ['2026-13-01', false], ['2026-3-1', false],
];
// Instants in the past, and the UTC instant each is stored as (null: refused).
const INSTANTS: readonly (readonly [string, string | null])[] = [
  ['2026-01-15T10:00:00Z', '2026-01-15T10:00:00.000Z'],
  ['2026-01-15T10:00:00.123+01:00', '2026-01-15T09:00:00.123Z'],
  ['2026-01-15t10:00:00.120000z', '2026-01-15T10:00:00.120Z'],
  ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
  ['1899-12-31T23:30:00-01:00', '1900-01-01T00:30:00.000Z'],
  ['2024-02-29T23:59:59.5+14:00', '2024-02-29T09:59:59.500Z'],
  ['2024-02-29T00:00:00-14:00', '2024-02-29T14:00:00.000Z'],
  ['2026-02-30T10:00:00Z', null], ['0000-01-01T00:00:00Z', null], ['1899-12-31T23:59:59Z', null],
  ['2026-01-15T10:00:00+15:00', null], ['2026-01-15T10:00:00+14:01', null], ['2026-01-15T10:00:00+01:60', null],
  ['2026-01-15T24:00:00Z', null], ['2026-01-15T10:00:60Z', null], ['2026-01-15T10:00:00.1234567Z', null],
  ['2026-01-15T10:00:00', null], ['2026-01-15', null], ['+002026-01-15T10:00:00Z', null], ['2199-12-31T23:59:59Z', null],
];
// Due dates may lie ahead; they need seconds.
const DUE_AT: readonly (readonly [string, string | null])[] = [
  ...INSTANTS.filter(([text]) => !text.startsWith('2199')),
  ['2199-12-31T23:59:59.999Z', '2199-12-31T23:59:59.999Z'],
  ['2200-01-01T00:00:00Z', null],
  ['2026-01-15T10:30+01:00', null],
];
// Text is stored trimmed, otherwise as sent: no Unicode normalization of names. Every field takes 200 characters.
const TEXTS: readonly (readonly [string, boolean])[] = [
  ['Acme', true], ['  Acme  ', true], ['Zoë', true], ['Ze\u0301', true], ['😀👍🏽🏳️‍🌈', true], ['\u202Egnp.exe', true],
  ["' OR 1=1 --", true], ['=HYPERLINK("http://evil.example")', true], ['x'.repeat(200), true],
  ['a\ud800b', false], ['\udc00', false], ['\ud83d', false], ['a\u0000b', false], ['x'.repeat(501), false],
];
// Emails for the n-th contact and what each is stored as (null: refused).
const EMAILS: readonly ((n: number) => readonly [string, string | null])[] = [
  (n) => [`ada${n}@example.com`, `ada${n}@example.com`],
  (n) => [`ADA${n}@Example.COM`, `ada${n}@example.com`],
  (n) => [` ada${n}@example.com `, `ada${n}@example.com`],
  (n) => [`a\u200Bda${n}@example.com`, `ada${n}@example.com`],
  (n) => [`a\u00ADda${n}@exam\u00ADple.com`, `ada${n}@example.com`],
  (n) => [`\uFEFFada${n}\u2060@example.com`, `ada${n}@example.com`],
  (n) => [`zoe\u0308${n}@example.com`, `zo\u00EB${n}@example.com`],
  (n) => [`андрей${n}@пример.рф`, `андрей${n}@пример.рф`],
  (n) => [`\u0430da${n}@example.com`, null],
  (n) => [`ada${n}@ex\u0430mple.com`, null],
  (n) => [`ada${n}`, null],
  (n) => [`a\ud800da${n}@example.com`, null],
];
// Look-alikes of a stored address: each must find the contact already there.
const TWINS: readonly ((stored: string) => string)[] = [
  (stored) => stored.toUpperCase(),
  (stored) => `\u200B${stored}`,
  (stored) => stored.replace('@', '\u00AD@'),
  (stored) => stored.normalize('NFD'),
  (stored) => ` ${stored}\uFEFF`,
];
// Numbers of custom properties: stored as sent, or refused because parsing would change them.
const NUMBERS: readonly (readonly [string, boolean])[] = [
  ['1', true], ['0.1', true], ['-5.25', true], ['9007199254740991', true], ['1e21', true], ['1.7976931348623157e308', true],
  ['5e-324', true], ['9007199254740993', false], ['0.30000000000000000001', false], ['1e400', false], ['-1e-400', false],
];
// Bytes that are no UTF-8: a lone continuation byte, a truncated sequence, an encoded surrogate, an overlong slash.
const INVALID_UTF8: readonly number[][] = [[0xff], [0x80], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf5, 0x80, 0x80, 0x80]];

/** The fields whose stored value is not the expected one, each with both values. */
const diff = (stored: Record<string, unknown>, expected: Record<string, unknown>): string[] =>
  Object.keys(expected)
    .filter((key) => JSON.stringify(stored[key]) !== JSON.stringify(expected[key]))
    .map((key) => `${key} ${JSON.stringify(stored[key])} instead of ${JSON.stringify(expected[key])}`);

/** JSON text with raw bytes put just inside its first string. */
const spliceBytes = (text: string, bytes: readonly number[]): Buffer => {
  const at = text.indexOf('"') + 1;
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]);
};

const refName = (ref: string) => ref.replace('#/components/schemas/', '');

const isPlainString = (schema: Schema): boolean => schema.type === 'string' && !schema.pattern && !schema.format && !schema.enum;

describe('hostile input', () => {
  let t: TestApp;
  let routes: Route[];
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    t = await startTestApp();
    // The custom properties the contact bodies below carry must be defined for contacts.
    for (const name of ['seats', 'share']) await t.http().post('/v1/properties/contacts').send({ name, label: name, type: 'number' }).expect(201);
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
          freeTextParams: (operation.parameters ?? [])
            .filter((p) => p.in === 'query' && FREE_TEXT_PARAMS.has(p.name) && isPlainString(p.schema ?? {}))
            .map((p) => p.name),
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
      const type = resolve(property).type;
      if (prng.chance(0.3)) {
        if (type === 'string') body[name] = prng.pick([...HOSTILE_STRINGS, ...BODY_ONLY_STRINGS]);
        else if (type === 'number' && prng.chance(0.5)) body[name] = Number(prng.pick(EDGE_NUMBERS));
        else body[name] = wrongType(property, prng);
      }
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
      ['bytes', 1],
      ['inexact-number', 0.5],
    ];
    const fuzzed: Fuzzed[] = [];
    while (fuzzed.length < REQUESTS) {
      const kind = prng.weighted(kinds);
      const pool = kind === 'path' ? withParams : kind === 'query' ? reads : writes;
      const route = prng.pick(pool);
      // SSE routes stream until closed: a bad `from` makes every one of them answer at once.
      const streamGuard: [string, string][] = route.streaming ? [['from', prng.pick(['x', "' OR 1=1", '-2', '1:2:3'])]] : [];
      const path = concretePath(route, prng, kind === 'path' || (route.pathParams.length > 0 && prng.chance(0.3)));
      const add = (url: string, payload: string, send: (t: TestApp) => Test, mayAccept = false) => fuzzed.push({ route, kind, url, payload, mayAccept, send });
      const writeWith = (url: string, contentType: string, payload: string) =>
        add(url, payload, (app) => app.http()[route.method](url).set('Content-Type', contentType).send(payload));
      const writeWithBytes = (url: string, payload: Buffer) =>
        add(url, payload.toString('latin1'), (app) => {
          const request = app.http()[route.method](url).set('Content-Type', 'application/json');
          request.write(payload);
          return request;
        });
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
          const strict = route.queryParams.filter((name) => !route.freeTextParams.includes(name));
          // At least one parameter the route reads gets a value no parameter may take, but free text; a free-text
          // parameter gets one too (a search for SQL), a refusal resting on the others.
          if (strict.length > 0) pairs.push([prng.pick(strict), prng.pick(INVALID_EVERYWHERE)]);
          if (route.freeTextParams.length > 0 && (strict.length === 0 || prng.chance(0.5))) {
            pairs.push([prng.pick(route.freeTextParams), prng.pick(INVALID_EVERYWHERE)]);
          }
          for (let i = prng.int(0, 3); i > 0; i--) pairs.push([prng.pick(names), hostile(prng)]);
          if (pairs.length === 0) pairs.push([prng.pick(names), hostile(prng)]);
          // Repeated parameters arrive as arrays.
          if (prng.chance(0.2)) pairs.push([pairs[pairs.length - 1][0], hostile(prng)]);
          const url = `${path}${query(pairs)}`;
          const accept = prng.pick(['application/json', 'text/csv', '*/*']);
          add(url, '', (app) => app.http().get(url).set('Accept', accept), strict.length === 0 && route.freeTextParams.length > 0);
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
        case 'bytes':
          writeWithBytes(path, spliceBytes(JSON.stringify(hostileBody(route, prng)), prng.pick(INVALID_UTF8)));
          break;
        case 'inexact-number': {
          // The literal as sent: JSON.stringify would already have rounded it.
          const field = prng.pick(['amount', 'probability', 'employees', 'x']);
          const literal = prng.pick(['9007199254740993', '1e400', '0.30000000000000000001', '-1e-400']);
          const text = JSON.stringify(hostileBody(route, prng)).replace(/^\{/, `{"${field}": ${literal},`);
          writeWith(path, 'application/json', text);
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
    for (const { route, kind, url, payload, mayAccept, send } of requests) {
      const response = await send(t);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const label = `${kind} ${route.method.toUpperCase()} ${url.slice(0, 160)} -> ${response.status}`;
      // A route that reads no parameter at all may answer a GET whose only mischief it never looks at.
      const harmlessRead = route.method === 'get' && route.pathParams.length === 0 && route.queryParams.length === 0;
      if (!(response.status >= 400 && response.status < 500) && !((harmlessRead || mayAccept) && response.status === 200)) {
        failures.push(`${label} ${response.text.slice(0, 200)} <- ${payload.slice(0, 300)}`);
      }
      // Echoing the request's own text back (a refused field's name) is no leak.
      const sent = `${decodeURIComponent(url)} ${payload}`;
      const leak = LEAKS.find((pattern) => pattern.test(response.text ?? '') && !pattern.test(sent));
      if (leak) failures.push(`${label} leaks ${leak}: ${response.text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    const histogram = Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b));
    console.info(`hostile run: ${requests.length} requests, statuses ${JSON.stringify(histogram)}`);
    // The fuzz exercised what it claims: refused bodies, broken JSON and oversized payloads all happened.
    expect(statuses.get(400)).toBeGreaterThan(500);
    expect(statuses.get(413)).toBeGreaterThan(0);
    expect(await countEvents()).toBe(before);
    await t.http().get('/v1/health').expect(200);
  }, 120_000);

  it('refuses, on every query parameter of every read, each value no parameter takes, free text aside', async () => {
    const before = await countEvents();
    const reads = routes.filter((r) => r.method === 'get' && !r.streaming && r.queryParams.length > 0);
    const answers: string[] = [];
    let freeText = 0;
    for (const route of reads) {
      const path = route.path.replace(/\{(\w+)\}/g, UUID);
      for (const name of route.queryParams) {
        const free = route.freeTextParams.includes(name);
        if (free) freeText++;
        for (const value of INVALID_EVERYWHERE) {
          const url = `${path}${query([[name, value]])}`;
          const response = await t.http().get(url);
          const ok = free ? response.status === 200 || (response.status >= 400 && response.status < 500) : response.status >= 400 && response.status < 500;
          const leak = LEAKS.find((pattern) => pattern.test(response.text ?? '') && !pattern.test(`${value} ${name}`));
          if (!ok || leak) answers.push(`GET ${route.path} ${name}=${JSON.stringify(value.slice(0, 40))} -> ${response.status}${leak ? ` leaks ${leak}` : ''}`);
        }
      }
    }
    expect(answers).toEqual([]);
    // The sweep reached both kinds of parameter.
    expect(freeText).toBeGreaterThan(0);
    expect(reads.length).toBeGreaterThan(10);
    expect(await countEvents()).toBe(before);
  }, 120_000);

  it('answers 1,200 edge-value requests: each refused with a 400 naming a bad field, or stored exactly as sent', async () => {
    const prng = new Prng(0xed6e);
    const ownerId = '00000000-0000-4000-8000-0000000000e2';
    const contactId = (await t.http().post('/v1/contacts').send({ email: 'edge-run@example.com', source: 'api' }).expect(201)).body.id as string;
    const dealId = (await t.http().post('/v1/deals').send({ name: 'Edge run', amount: 1, currency: 'USD', ownerId }).expect(201)).body.id as string;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const json = (value: string) => JSON.stringify(value);
    // A field keeps its plausible value more often than not, so most requests break one rule at a time.
    const maybe = <T>(plausible: T, edges: readonly T[]): T => (prng.chance(0.55) ? plausible : prng.pick(edges));
    const send = async (method: 'post' | 'patch', url: string, body: string | Buffer) => {
      const request = t.http()[method](url).set('Content-Type', 'application/json');
      request.write(body);
      const response = await request;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      return response;
    };
    const namedFields = (body: { fields?: { field: string }[]; message?: string }) =>
      body.fields?.map((f) => f.field.split('.')[0]) ?? [String(body.message).split(':')[0].split('.')[0]];
    let emails = 0;

    type Case = Readonly<{
      label: string;
      method: 'post' | 'patch';
      url: string;
      text: string;
      /** The fields given a value that must be refused. */
      bad: string[];
      /** After a 2xx: what was stored differently from what was sent. */
      verify: (id: string, position: string) => Promise<string[]>;
    }>;
    const cases: (() => Case)[] = [
      () => {
        const [name, nameOk] = maybe(TEXTS[0], TEXTS);
        const [amount, value] = maybe(AMOUNTS[3], AMOUNTS);
        const [currency, currencyOk] = maybe(CURRENCIES[0], CURRENCIES);
        const [closeDate, dayOk] = maybe(DAYS[0], DAYS);
        const stored = storedAmount(value, currencyOk ? currency : '');
        const amountOk = stored !== null;
        return {
          label: 'create deal',
          method: 'post',
          url: '/v1/deals',
          text: `{"name": ${json(name)}, "amount": ${amount}, "currency": ${json(currency)}, "closeDate": ${json(closeDate)}, "ownerId": "${ownerId}"}`,
          bad: [nameOk ? '' : 'name', amountOk ? '' : 'amount', currencyOk ? '' : 'currency', dayOk ? '' : 'closeDate'].filter(Boolean),
          verify: async (id) => {
            const deal = (await t.http().get(`/v1/deals/${id}`).expect(200)).body;
            return diff(
              { name: deal.name, amount: deal.amount, currency: deal.currency, closeDate: deal.closeDate },
              { name: name.trim(), amount: stored, currency, closeDate },
            );
          },
        };
      },
      () => {
        const [amount, value] = prng.pick(AMOUNTS);
        const [currency, currencyOk] = maybe(CURRENCIES[1], CURRENCIES);
        const [closeDate, dayOk] = maybe(DAYS[1], DAYS);
        const stored = storedAmount(value, currencyOk ? currency : '');
        const amountOk = stored !== null;
        return {
          label: 'update deal',
          method: 'patch',
          url: `/v1/deals/${dealId}`,
          text: `{"amount": ${amount}, "currency": ${json(currency)}, "closeDate": ${json(closeDate)}}`,
          bad: [amountOk ? '' : 'amount', currencyOk ? '' : 'currency', dayOk ? '' : 'closeDate'].filter(Boolean),
          verify: async () => {
            const deal = (await t.http().get(`/v1/deals/${dealId}`).expect(200)).body;
            return diff({ amount: deal.amount, currency: deal.currency, closeDate: deal.closeDate }, { amount: stored, currency, closeDate });
          },
        };
      },
      () => {
        const [email, storedEmail] = maybe(EMAILS[0], EMAILS)(emails++);
        const [firstName, nameOk] = maybe(TEXTS[2], TEXTS);
        const [seats, seatsOk] = maybe(NUMBERS[0], NUMBERS);
        return {
          label: 'create contact',
          method: 'post',
          url: '/v1/contacts',
          text: `{"email": ${json(email)}, "firstName": ${json(firstName)}, "source": "api", "properties": {"seats": ${seats}}}`,
          bad: [storedEmail ? '' : 'email', nameOk ? '' : 'firstName', seatsOk ? '' : 'properties'].filter(Boolean),
          verify: async (id) => {
            const contact = (await t.http().get(`/v1/contacts/${id}`).expect(200)).body;
            const problems = diff(
              { email: contact.email, firstName: contact.firstName, properties: contact.properties },
              { email: storedEmail, firstName: firstName.trim(), properties: { seats: Number(seats) } },
            );
            // A look-alike of the stored address is the same contact.
            const twin = prng.pick(TWINS)(contact.email);
            const again = await send('post', '/v1/contacts', JSON.stringify({ email: twin, source: 'api' }));
            if (again.status !== 409 || again.body.existingId !== id) problems.push(`twin ${json(twin)} -> ${again.status}`);
            return problems;
          },
        };
      },
      () => {
        const [occurredAt, storedAt] = maybe(INSTANTS[0], INSTANTS);
        const [title, titleOk] = maybe(TEXTS[0], TEXTS);
        return {
          label: 'page view',
          method: 'post',
          url: `/v1/contacts/${contactId}/page-views`,
          text: `{"url": "https://x.test/pricing", "title": ${json(title)}, "occurredAt": ${json(occurredAt)}}`,
          bad: [storedAt ? '' : 'occurredAt', titleOk ? '' : 'title'].filter(Boolean),
          // The answer's revision is the contact's; the page view is the event at the answer's position.
          verify: async (_id, position) => {
            const event = (await collect(t.runtime.eventStore.readStream(`activity-${contactId}`))).find((e) => formatPosition(e.position) === position);
            const stored = { occurredAt: event?.metadata.occurredAt, title: (event?.data as { title?: string })?.title };
            return diff(stored, { occurredAt: storedAt, title: title.trim() });
          },
        };
      },
      () => {
        const [occurredAt, storedAt] = maybe(INSTANTS[1], INSTANTS);
        const [dueAt, storedDue] = maybe(DUE_AT[DUE_AT.length - 3], DUE_AT);
        const [subject, subjectOk] = maybe(TEXTS[1], TEXTS);
        return {
          label: 'task',
          method: 'post',
          url: '/v1/engagements',
          text:
            `{"kind": "task", "ownerId": "${ownerId}", "subject": ${json(subject)}, "occurredAt": ${json(occurredAt)}, ` +
            `"dueAt": ${json(dueAt)}, "contactIds": ["${contactId}"]}`,
          bad: [storedAt ? '' : 'occurredAt', storedDue ? '' : 'dueAt', subjectOk ? '' : 'subject'].filter(Boolean),
          verify: async (id) => {
            const [event] = await collect(t.runtime.eventStore.readStream(`engagement-${id}`));
            const data = event?.data as { dueAt?: string; subject?: string };
            return diff(
              { occurredAt: event?.metadata.occurredAt, dueAt: data?.dueAt, subject: data?.subject },
              { occurredAt: storedAt, dueAt: storedDue, subject: subject.trim() },
            );
          },
        };
      },
      () => {
        const [name, nameOk] = prng.pick(TEXTS);
        return {
          label: 'create company',
          method: 'post',
          url: '/v1/companies',
          text: `{"name": ${json(name)}, "employees": ${prng.pick(['12', '10000000', '1e7'])}}`,
          bad: nameOk ? [] : ['name'],
          verify: async (id) => diff({ name: (await t.http().get(`/v1/companies/${id}`).expect(200)).body.name }, { name: name.trim() }),
        };
      },
    ];

    for (let i = 0; i < EDGE_REQUESTS; i++) {
      const made = prng.pick(cases)();
      // Some bodies carry bytes that are no UTF-8 inside their first string: always a 400, whatever else they hold.
      const mangled = prng.chance(0.1);
      const body = mangled ? spliceBytes(made.text, prng.pick(INVALID_UTF8)) : made.text;
      const before = mangled || made.bad.length > 0 ? await countEvents() : 0;
      const response = await send(made.method, made.url, body);
      const label = `${made.label} ${made.text.slice(0, 220)}${mangled ? ' (invalid UTF-8)' : ''} -> ${response.status}`;
      if (mangled || made.bad.length > 0) {
        const named = response.status === 400 ? namedFields(response.body) : [];
        const expected = mangled ? ['the body is not valid UTF-8'] : made.bad;
        if (response.status !== 400 || !named.some((field) => expected.includes(field))) {
          failures.push(`${label} names ${named.join(',')} not ${expected.join(',')}`);
        }
        if ((await countEvents()) !== before) failures.push(`${label} appended events`);
      } else if (response.status < 200 || response.status > 299) {
        failures.push(`${label} ${JSON.stringify(response.body).slice(0, 200)}`);
      } else {
        const problems = await made.verify(response.body.id, response.body.position);
        if (problems.length > 0) failures.push(`${label} stored ${problems.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    // Every read model took every accepted event: none parked, all caught up.
    const builds = await eventually(async () => {
      const all = await t.runtime.projections.status();
      if (all.some((build) => build.status === 'catching-up' || (build.lagEvents ?? 0) > 0)) throw new Error('catching up');
      return all;
    }, 30_000);
    expect(builds.filter((build) => build.status === 'parked').map((build) => `${build.name}: ${build.parked?.error}`)).toEqual([]);
    const histogram = Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b));
    console.info(`edge-value run: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests, statuses ${JSON.stringify(histogram)}`);
    expect(statuses.get(400)).toBeGreaterThan(300);
    expect((statuses.get(201) ?? 0) + (statuses.get(200) ?? 0)).toBeGreaterThan(200);
  }, 300_000);

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

  describe('edge values: refused with a 400 naming the field, or stored exactly as sent', () => {
    const ownerId = '00000000-0000-4000-8000-0000000000e1';
    const deal = { name: 'Edge deal', amount: 12000, currency: 'USD', closeDate: '2026-03-31', ownerId };
    // The fields a 400 names: the validation's list, or the field a body-parser refusal starts its message with.
    const refusedField = async (response: PromiseLike<{ status: number; body: { fields?: { field: string }[]; message?: string } }>) => {
      const { status, body } = await response;
      expect(status).toBe(400);
      return body.fields?.map((f) => f.field) ?? [String(body.message).split(':')[0]];
    };
    // Bytes go out as they are: superagent would serialise a Buffer given to send() as JSON.
    const postRaw = (url: string, body: string | Buffer, contentType = 'application/json') => {
      const request = t.http().post(url).set('Content-Type', contentType);
      request.write(body);
      return request;
    };
    const streamOf = async (stream: string) => collect(t.runtime.eventStore.readStream(stream));
    const createContact = (email: string, extra: object = {}) =>
      t.http().post('/v1/contacts').send({ email, source: 'api', ...extra });

    it('refuses amounts the read models cannot hold or a double would change, without a 500 (defects 2, 5, 6)', async () => {
      const before = await countEvents();
      for (const amount of ['1e14', '1e18', '1e12', '1e-7', '5e-324', '9007199254740993', '99999999999999.99', '-0.01', '10.005', '"12.345"', '"NaN"', '"1e3"']) {
        const text = JSON.stringify(deal).replace('"amount":12000', `"amount":${amount}`);
        expect([amount, await refusedField(postRaw('/v1/deals', text))]).toEqual([amount, expect.arrayContaining(['amount'])]);
      }
      expect(await countEvents()).toBe(before);
      const created = await t.http().post('/v1/deals').send({ ...deal, amount: 999_999_999_999.99 }).expect(201);
      const [stored] = await streamOf(`deal-${created.body.id}`);
      expect(stored.data).toMatchObject({ amount: '999999999999.99' });
      expect(await refusedField(t.http().patch(`/v1/deals/${created.body.id}`).send({ amount: 1e-7 }))).toEqual(['amount']);
      expect((await t.http().get(`/v1/deals/${created.body.id}`).expect(200)).body.amount).toBe('999999999999.99');
    });

    it('refuses currency codes outside ISO 4217 (defect 7)', async () => {
      for (const currency of ['XXQ', 'XYZ']) expect(await refusedField(t.http().post('/v1/deals').send({ ...deal, currency }))).toEqual(['currency']);
      await t.http().post('/v1/deals').send({ ...deal, currency: 'CHF' }).expect(201);
    });

    it('refuses days that do not exist and instants outside 1900..2200 or with offset games (defects 2, 6)', async () => {
      const contact = (await createContact('dates@example.com').expect(201)).body.id as string;
      const before = await countEvents();
      const impossible = ['2026-02-30T10:00:00Z', '0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2026-01-15T10:00:00+15:00', '2026-01-15T10:00:00.0000001Z'];
      for (const occurredAt of impossible) {
        const pageView = t.http().post(`/v1/contacts/${contact}/page-views`).send({ url: 'https://x.test/', occurredAt });
        expect([occurredAt, await refusedField(pageView)]).toEqual([occurredAt, ['occurredAt']]);
        const engagement = t.http().post('/v1/engagements').send({ kind: 'call', ownerId, contactIds: [contact], occurredAt });
        expect([occurredAt, await refusedField(engagement)]).toEqual([occurredAt, ['occurredAt']]);
      }
      for (const closeDate of ['2026-02-30', '0000-01-01', '1899-12-31', '2200-01-01']) {
        expect([closeDate, await refusedField(t.http().post('/v1/deals').send({ ...deal, closeDate }))]).toEqual([closeDate, ['closeDate']]);
      }
      expect(await countEvents()).toBe(before);
      // Instants are stored as the same instant in UTC (README: Errors and validation).
      const view = await t
        .http()
        .post(`/v1/contacts/${contact}/page-views`)
        .send({ url: 'https://x.test/', occurredAt: '2026-01-15T10:00:00.120+01:00' })
        .expect(201);
      const events = await streamOf(`activity-${contact}`);
      expect(events.find((e) => formatPosition(e.position) === view.body.position)?.metadata.occurredAt).toBe('2026-01-15T09:00:00.120Z');
    });

    it('refuses a lone surrogate before anything is written, so the email stays free (defect 5)', async () => {
      const before = await countEvents();
      for (const field of ['firstName', 'lastName', 'jobTitle']) {
        expect(await refusedField(createContact('lone@example.com', { [field]: 'a\ud800b' }))).toEqual([field]);
      }
      expect(await refusedField(createContact('lone@example.com', { properties: { 'k\udc00': 1 } }))).toEqual(['properties.k\udc00']);
      expect(await countEvents()).toBe(before);
      const created = await createContact('lone@example.com', { firstName: 'Ada 😀' }).expect(201);
      expect((await t.http().get(`/v1/contacts/${created.body.id}`).expect(200)).body).toMatchObject({ firstName: 'Ada 😀' });
    });

    it('refuses invalid UTF-8 bytes instead of storing U+FFFD (defect 6)', async () => {
      const before = await countEvents();
      for (const bytes of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
        const body = Buffer.concat([Buffer.from('{"name": "Acme '), Buffer.from(bytes), Buffer.from(' Ltd"}')]);
        const response = await postRaw('/v1/companies', body);
        expect([bytes, response.status, response.body.message]).toEqual([bytes, 400, expect.stringMatching(/not valid UTF-8/)]);
      }
      expect(await countEvents()).toBe(before);
      const formula = Buffer.concat([Buffer.from('name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
      const yaml = await postRaw('/v1/scoring/formulas', formula, 'application/yaml');
      expect([yaml.status, yaml.body.message]).toEqual([400, expect.stringMatching(/not valid UTF-8/)]);
    });

    it('refuses a number that JSON parsing would change, naming its field (defect 6)', async () => {
      const before = await countEvents();
      const response = await postRaw('/v1/contacts', '{"email": "exact@example.com", "source": "api", "properties": {"seats": 9007199254740993}}');
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^properties\.seats: 9007199254740993 cannot be kept exactly/);
      expect(response.body).toMatchObject({ error: 'ENTITY_INEXACT_NUMBER', fields: [{ field: 'properties.seats' }] });
      expect(await countEvents()).toBe(before);
      const kept = await postRaw('/v1/contacts', '{"email": "exact@example.com", "source": "api", "properties": {"seats": 9007199254740991, "share": 0.1}}');
      expect(kept.status).toBe(201);
      expect((await t.http().get(`/v1/contacts/${kept.body.id}`).expect(200)).body.properties).toEqual({ seats: 9007199254740991, share: 0.1 });
    });

    it('treats look-alike emails as the same contact and refuses mixed-script local parts (defect 6)', async () => {
      const created = await createContact('adele@example.com').expect(201);
      const look = await createContact('ade\u0301le@example.com').expect(201);
      expect((await t.http().get(`/v1/contacts/${look.body.id}`).expect(200)).body.email).toBe('ad\u00e9le@example.com');
      for (const twin of ['a\u200Bdele@example.com', 'ade\u00ADle@example.com', '\uFEFFADELE@EXAMPLE.COM', 'adele\u2060@example.com']) {
        const response = await createContact(twin);
        expect([twin, response.status, response.body.existingId]).toEqual([twin, 409, created.body.id]);
      }
      await createContact('ad\u00e9le@example.com').expect(409);
      for (const spoof of ['\u0430dele@example.com', 'adel\u0435@example.com', 'adele@ex\u0430mple.com']) {
        expect([spoof, await refusedField(createContact(spoof))]).toEqual([spoof, ['email']]);
        expect([spoof, await refusedField(t.http().post('/v1/owners').send({ name: 'Spoof', email: spoof, role: 'sales' }))]).toEqual([spoof, ['email']]);
      }
    });

    it('holds import command lines to the same rules as their routes (defects 2, 5, 6, 7)', async () => {
      const before = await countEvents();
      const dealLine = (data: object) => ({ command: 'CreateDeal', id: randomUUID(), data: { ...deal, ...data } });
      const lines = [
        dealLine({ amount: 1e14 }),
        dealLine({ amount: 1e-7 }),
        dealLine({ currency: 'XYZ' }),
        dealLine({ closeDate: '2026-02-30' }),
        { command: 'CreateContact', id: randomUUID(), data: { email: 'import@example.com', source: 'import', firstName: 'a\ud800b' } },
        { command: 'CreateContact', id: randomUUID(), data: { email: '\u0430da-import@example.com', source: 'import' } },
      ];
      const response = await t
        .http()
        .post('/v1/import')
        .set('Content-Type', 'application/x-ndjson')
        .send(lines.map((line) => JSON.stringify(line)).join('\n'));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ accepted: 0, rejected: lines.length });
      expect(await countEvents()).toBe(before);
    });

    it('refuses ids, keys and URLs longer than a read model can index, on every route and in imports; no build parks (defect 2)', async () => {
      // Random, so PostgreSQL cannot compress it into a btree entry (at most 2,704 bytes).
      const long = randomBytes(3_750).toString('base64url');
      const contact = (await createContact('long-ids@example.com').expect(201)).body.id as string;
      const before = await countEvents();
      const http = () => t.http();
      const sent: (readonly [request: string, send: () => Test, field: string])[] = [
        ...['pipelineId', 'stageId', 'ownerId', 'companyId'].map((field) => ['POST /v1/deals', () => http().post('/v1/deals').send({ ...deal, [field]: long }), field] as const),
        ['POST /v1/deals', () => http().post('/v1/deals').send({ ...deal, contactIds: [long] }), 'contactIds'],
        ['PUT /v1/deals/:id/stage', () => http().put(`/v1/deals/${UUID}/stage`).send({ stageId: long }), 'stageId'],
        ['POST /v1/deals/:id/reopen', () => http().post(`/v1/deals/${UUID}/reopen`).send({ stageId: long }), 'stageId'],
        ['PATCH /v1/deals/:id', () => http().patch(`/v1/deals/${UUID}`).send({ ownerId: long }), 'ownerId'],
        ['POST /v1/deals/:id/contacts', () => http().post(`/v1/deals/${UUID}/contacts`).send({ contactId: long }), 'contactId'],
        ['PUT /v1/deals/:id/company', () => http().put(`/v1/deals/${UUID}/company`).send({ companyId: long }), 'companyId'],
        ...['pipelineId', 'stageId', 'ownerId', 'contactId', 'dealId'].map(
          (field) => ['POST /v1/tickets', () => http().post('/v1/tickets').send({ subject: 'Long', priority: 'low', [field]: long }), field] as const,
        ),
        ['PUT /v1/tickets/:id/stage', () => http().put(`/v1/tickets/${UUID}/stage`).send({ stageId: long }), 'stageId'],
        ['PUT /v1/tickets/:id/owner', () => http().put(`/v1/tickets/${UUID}/owner`).send({ ownerId: long }), 'ownerId'],
        ['POST /v1/contacts', () => createContact('long-owner@example.com', { ownerId: long }), 'ownerId'],
        ['POST /v1/contacts', () => createContact('long-company@example.com', { companyId: long }), 'companyId'],
        ['PUT /v1/contacts/:id/owner', () => http().put(`/v1/contacts/${contact}/owner`).send({ ownerId: long }), 'ownerId'],
        ['POST /v1/contacts/:id/company', () => http().post(`/v1/contacts/${contact}/company`).send({ companyId: long }), 'companyId'],
        ['POST /v1/contacts/:id/merge', () => http().post(`/v1/contacts/${contact}/merge`).send({ duplicateId: long }), 'duplicateId'],
        ['POST page-views', () => http().post(`/v1/contacts/${contact}/page-views`).send({ url: `https://x.test/${long}` }), 'url'],
        ['POST page-views', () => http().post(`/v1/contacts/${contact}/page-views`).send({ url: 'https://x.test/', referrer: `https://x.test/${long}` }), 'referrer'],
        ['POST form-submissions', () => http().post(`/v1/contacts/${contact}/form-submissions`).send({ formId: long, fields: {} }), 'formId'],
        ['POST email-events', () => http().post(`/v1/contacts/${contact}/email-events`).send({ emailId: long, kind: 'opened' }), 'emailId'],
        ['POST email-events', () => http().post(`/v1/contacts/${contact}/email-events`).send({ emailId: 'e', kind: 'clicked', url: `https://x.test/${long}` }), 'url'],
        ...['ownerId', 'contactIds'].map(
          (field) => ['POST /v1/engagements', () => http().post('/v1/engagements').send({ kind: 'call', ownerId, [field]: field === 'ownerId' ? long : [long] }), field] as const,
        ),
        ['POST /v1/engagements/:id/complete', () => http().post(`/v1/engagements/${UUID}/complete`).send({ completedBy: long }), 'completedBy'],
        ['POST /v1/pipelines', () => http().post('/v1/pipelines').send({ objectType: 'deal', name: 'Long', stages: [{ id: long, label: 'L', probability: 0.5 }] }), 'stages.0.id'],
        ['POST /v1/pipelines/:id/stages', () => http().post('/v1/pipelines/default/stages').send({ stage: { id: long, label: 'L', probability: 0.5 } }), 'stage.id'],
        ['PUT /v1/pipelines/:id/stage-order', () => http().put('/v1/pipelines/default/stage-order').send({ stageIds: [long] }), 'stageIds'],
        ['GET /v1/pipelines/:id', () => http().get(`/v1/pipelines/${long}`), 'id'],
        ['PATCH /v1/pipelines/:id/stages/:stageId', () => http().patch(`/v1/pipelines/default/stages/${long}`).send({ label: 'L' }), 'stageId'],
      ];
      const answers = [];
      for (const [request, send, field] of sent) {
        const { status, body } = await send();
        const fields = (body.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];
        answers.push({ request, field, status, named: fields.includes(field) });
      }
      expect(answers).toEqual(sent.map(([request, , field]) => ({ request, field, status: 400, named: true })));
      // Ids in the path that must be uuids are refused the same way, if without a field name.
      for (const path of [`/v1/deals/${long}/reopen`, `/v1/contacts/${long}/page-views`, `/v1/engagements/${long}/complete`]) {
        expect([path.slice(0, 20), (await http().post(path).send({})).status]).toEqual([path.slice(0, 20), 400]);
      }
      expect(await countEvents()).toBe(before);

      // Raw history: what no route lets through, an import may not store either (the catalog's schemas bound ids).
      const engagementId = randomUUID();
      const line = (streamName: string, type: string, data: object) =>
        JSON.stringify({ streamName, event: { id: randomUUID(), type, data, metadata: { occurredAt: '2026-01-15T10:00:00Z' } } });
      const engagement = { engagementId, kind: 'call', subject: null, body: null, durationMinutes: 5, outcome: null, dueAt: null, priority: null, contactIds: [contact], companyIds: [], dealIds: [], ticketIds: [] };
      const lines = [
        line(`engagement-${engagementId}`, 'EngagementLogged', { ...engagement, ownerId: long }),
        line(`activity-${contact}`, 'FormSubmitted', { contactId: contact, formId: long, fields: {} }),
        line(`activity-${contact}`, 'PageViewed', { contactId: contact, url: `https://x.test/${long}`, title: null, referrer: null }),
      ];
      const imported = await http().post('/v1/import').set('Content-Type', 'application/x-ndjson').send(lines.join('\n')).expect(200);
      expect(imported.body).toMatchObject({ accepted: 0, rejected: lines.length });
      expect(imported.body.rejections.map((r: { reason: string }) => r.reason)).toEqual([
        expect.stringMatching(/\/ownerId must NOT have more than 200 characters/),
        expect.stringMatching(/\/formId must NOT have more than 200 characters/),
        expect.stringMatching(/\/url must NOT have more than 2048 characters/),
      ]);
      expect(await countEvents()).toBe(before);

      // The same engagement with an id of the longest kind (200 four-byte characters) is stored and projected.
      const widest = '𝔘'.repeat(200);
      await http().post('/v1/import').set('Content-Type', 'application/x-ndjson').send(line(`engagement-${engagementId}`, 'EngagementLogged', { ...engagement, ownerId: widest })).expect(200, /"accepted":1/);
      await eventually(async () => {
        const { rows } = await t.db.pool.query('SELECT 1 FROM rep_activity_daily WHERE owner_id = $1', [widest]);
        expect(rows).toHaveLength(1);
      }, 20_000);
      const builds = (await http().get('/v1/projections').expect(200)).body.data as { name: string; parked: unknown }[];
      expect(builds.filter((b) => b.parked !== null)).toEqual([]);
    });
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
