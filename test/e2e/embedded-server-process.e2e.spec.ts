// The api as `npm start` runs it, a real child process on an embedded data directory, with the CLI beside it: the
// CLI goes through the server (never a second PGlite on the same files), SIGINT/SIGTERM close the database and
// exit 0, and a kill -9 leaves no lock behind that stops the next start.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '#cli/api-process';
import { root, runCli, runTs } from '#test/support/cli-process';

type Exit = Readonly<{ code: number | null; signal: NodeJS.Signals | null }>;
type Server = Readonly<{ child: ChildProcess; url: string; exited: Promise<Exit>; output: () => string }>;

// The embedded data directory is what this spec tests, whatever DATABASE_URL says: the pass on PGlite runs it, the
// pass on a PostgreSQL server would only run it again.
const describeEmbedded = process.env.DATABASE_URL ? describe.skip : describe;

describeEmbedded('the embedded server as a process, with the CLI beside it', () => {
  let dataDir: string;
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: '',
    TALLY_DATA_DIR: dataDir,
    TALLY_DEMO_CONTACTS: '0',
    TALLY_RATE_LIMIT: '1000000',
    TALLY_AUTH_PEPPER: '',
  });
  const adminKey = async () => (await readFile(path.join(dataDir, 'super-admin.key'), 'utf8')).trim();
  const call = (url: string, key: string, route: string, init: RequestInit = {}) =>
    fetch(`${url}${route}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } });

  const startServer = async (): Promise<Server> => {
    const port = await freePort();
    const child = spawn(process.execPath, [...runTs, path.join(root, 'apps/api/src/main.ts')], {
      env: { ...env(), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Exit);
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
      const key = await adminKey().catch(() => null);
      const status = key ? await call(url, key, '/v1/health').then((r) => r.status, () => 0) : 0;
      if (status === 200) return { child, url, exited, output: () => output };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const cli = (...args: string[]) => runCli(env(), args);

  /** Exit code 0; on failure the diff shows what the command said. */
  const succeeded = (result: { code: number | null; stderr: string }) =>
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.any(String) });

  /** Sends `signal` and waits for the exit; a process still there after 60 s is killed (and shows as SIGKILL). */
  const stop = async (server: Server, signal: NodeJS.Signals): Promise<Exit> => {
    server.child.kill(signal);
    const stuck = setTimeout(() => server.child.kill('SIGKILL'), 60_000);
    try {
      return await server.exited;
    } finally {
      clearTimeout(stuck);
    }
  };

  let server: Server | null = null;
  let salesKey = '';
  const acknowledged: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tally-process-'));
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) await stop(server, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs keys, projections and import through the running server, refuses the rest, and survives a restart', async () => {
    server = await startServer();
    const lock = JSON.parse(await readFile(path.join(dataDir, 'tally.lock'), 'utf8')) as { pid: number; url: string };
    expect(lock).toMatchObject({ pid: server.child.pid, url: server.url });

    const created = await cli('keys', 'create', '--name', 'beside the server', '--role', 'sales');
    succeeded(created);
    salesKey = created.stdout.trim();
    const keyId = /key ([a-z0-9]{16})/.exec(created.stderr)![1];
    // The key exists in the server's database, not in a copy: it works at once.
    expect((await call(server.url, salesKey, '/v1/pipelines')).status).toBe(200);

    const listed = await cli('keys', 'list');
    succeeded(listed);
    expect(listed.stdout).toMatch(new RegExp(`${keyId}\\s+sales\\s+active\\s+beside the server`));

    const status = await cli('projections', 'status');
    succeeded(status);
    const rows = status.stdout.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\s(live|catching-up)\s/);

    const contactId = randomUUID();
    const file = path.join(dataDir, 'import.ndjson');
    await writeFile(file, `${JSON.stringify({ command: 'CreateContact', id: randomUUID(), data: { contactId, email: `${contactId}@example.com`, source: 'import' } })}\n`);
    succeeded(await cli('import', file));
    expect((await call(server.url, salesKey, `/v1/contacts/${contactId}`)).status).toBe(200);

    // No HTTP route: refused, naming the server, and the files stay closed.
    const refused = await cli('seed', '--contacts', '1');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`pid ${server.child.pid}, ${server.url}`);

    expect(await stop(server, 'SIGINT')).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('stopped: database closed');
    // Stopped: the CLI opens the directory itself.
    expect((await cli('keys', 'list')).stdout).toContain(keyId);

    server = await startServer();
    expect((await call(server.url, salesKey, `/v1/contacts/${contactId}`)).status).toBe(200);
  }, 240_000);

  it('stops on SIGTERM in the middle of writes with exit code 0, keeping every acknowledged write', async () => {
    const running = server!;
    const key = await adminKey();
    let stopping = false;
    let failure: Error | null = null;
    const writer = async () => {
      while (running.child.exitCode === null && failure === null) {
        const body = JSON.stringify({ email: `${randomUUID()}@example.com`, source: 'manual' });
        const response = await call(running.url, key, '/v1/contacts', { method: 'POST', body }).catch(() => null);
        if (response?.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        else if (!stopping) failure = new Error(`a write failed before the stop: ${response?.status} ${await response?.text()}`);
        else await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const writers = [writer(), writer(), writer()];
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 20 && failure === null) {
      if (Date.now() > deadline) failure = new Error(`only ${acknowledged.length} writes acknowledged in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (failure) throw failure;
    stopping = true;
    const exit = await stop(running, 'SIGTERM');
    await Promise.all(writers);
    expect(exit).toEqual({ code: 0, signal: null });

    server = await startServer();
    const key2 = await adminKey();
    for (const id of acknowledged) expect([id, (await call(server.url, key2, `/v1/contacts/${id}`)).status]).toEqual([id, 200]);
  }, 240_000);

  it('starts again right after a kill -9: the lock of a dead process is not in the way', async () => {
    expect(await stop(server!, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    server = await startServer();
    expect((await call(server.url, salesKey, '/v1/pipelines')).status).toBe(200);
    const key = await adminKey();
    expect((await call(server.url, key, `/v1/contacts/${acknowledged[0]}`)).status).toBe(200);
    expect(await stop(server, 'SIGTERM')).toEqual({ code: 0, signal: null });
  }, 240_000);
});
