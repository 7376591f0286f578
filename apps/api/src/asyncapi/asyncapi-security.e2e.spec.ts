// A client configured from the AsyncAPI document alone must get into the event streams: the security scheme the
// document declares for the api server is the one the api accepts.
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '#test/support/test-app';

type SecurityScheme = Readonly<{ type: string; scheme?: string; in?: string; name?: string }>;

/** The request headers a client sends for `key` under `scheme`, as AsyncAPI defines the scheme types Tally could use. */
const headersFor = (scheme: SecurityScheme, key: string): Record<string, string> => {
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') return { Authorization: `Bearer ${key}` };
  if (scheme.type === 'httpApiKey' && scheme.in === 'header' && scheme.name) return { [scheme.name]: key };
  throw new Error(`a client cannot send a key under ${JSON.stringify(scheme)}`);
};

describe("the AsyncAPI document's security", () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  /** Opens an event stream with `headers` and closes it once the status and content type are in. */
  const openStream = async (headers: Record<string, string>) => {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/v1/streams/all`, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
    const answer = { status: response.status, contentType: response.headers.get('content-type') };
    abort.abort();
    return answer;
  };

  it('names a scheme under which an integrator key opens the event streams, and nothing opens them without it', async () => {
    const { body } = await t.http().get('/v1/asyncapi.json').expect(200);
    const declared: { $ref: string }[] = body.servers.tally.security;
    expect(declared).toHaveLength(1);
    const scheme: SecurityScheme = body.components.securitySchemes[declared[0].$ref.replace('#/components/securitySchemes/', '')];
    const { secret } = await t.runtime.apiKeys.create('asyncapi reader', 'integrator', 'test');

    expect(await openStream(headersFor(scheme, secret))).toEqual({ status: 200, contentType: expect.stringMatching(/^text\/event-stream/) });
    expect(await openStream({})).toMatchObject({ status: 401 });
  });
});
