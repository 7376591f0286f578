// Beside a running embedded server the CLI never opens the database files (a second PGlite corrupts them): it goes
// through the server's HTTP API with the super-admin key the server wrote into the data directory. An api the CLI
// starts itself (api-process.ts) is reached the same way, with a key of its own.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataDirOwner } from '#runtime';

export const SUPER_ADMIN_KEY_FILE = 'super-admin.key';

export type ServerClient = Readonly<{
  owner: Pick<DataDirOwner, 'pid'>;
  url: string;
  /** Sends a request; any answer but 2xx (and `allow`ed statuses) becomes an error naming the server. */
  request(method: string, route: string, init?: { json?: unknown; body?: ReadableStream<Uint8Array>; contentType?: string; allow?: readonly number[] }): Promise<Response>;
  json<T>(method: string, route: string, body?: unknown): Promise<T>;
}>;

/** The server `owner` advertises, authenticated with the key in `dataDir` (none when the file is absent). */
export const serverClient = async (dataDir: string, owner: DataDirOwner & { url: string }): Promise<ServerClient> => {
  const keyFile = path.resolve(dataDir, SUPER_ADMIN_KEY_FILE);
  const key = await readFile(keyFile, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    },
  );
  return apiClient(owner, key, { whose: `that owns ${dataDir}`, keyHint: ` (the CLI authenticates with the key in ${keyFile})` });
};

/** The api at `owner.url`, authenticated with `key` (none: authentication is off); errors name the server. */
export const apiClient = (owner: Pick<DataDirOwner, 'pid'> & { url: string }, key: string | null, say: { whose: string; keyHint: string }): ServerClient => {
  const where = `the Tally server (pid ${owner.pid}, ${owner.url})`;
  const request: ServerClient['request'] = async (method, route, init = {}) => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.contentType) headers['content-type'] = init.contentType;
    let response: Response;
    try {
      response = await fetch(new URL(route, owner.url), {
        method,
        headers,
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
        // A streamed body (an import) is sent while the answer is awaited.
        ...(init.body ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      throw new Error(`could not reach ${where} ${say.whose}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    if (response.ok || init.allow?.includes(response.status)) return response;
    const text = await response.text();
    const message = ((): string => {
      try {
        return (JSON.parse(text) as { message?: string }).message ?? text;
      } catch {
        return text;
      }
    })();
    const hint = response.status === 401 || response.status === 403 ? say.keyHint : '';
    throw new Error(`${method} ${route} on ${where}: ${response.status} ${message}${hint}`);
  };
  return {
    owner,
    url: owner.url,
    request,
    json: async <T>(method: string, route: string, body?: unknown) => (await (await request(method, route, { json: body })).json()) as T,
  };
};
