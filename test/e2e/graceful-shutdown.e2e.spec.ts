// SIGTERM under load, as an orchestrator sends it to the api process before SIGKILL 10 s later: the process stops
// taking connections, answers the requests it has in flight whole, stops its workers (releasing their leases),
// closes the database and exits 0 within the 10 s. No answer is a 5xx, none is cut off mid-response.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { freePort } from '#cli/api-process';
import { root, runTs } from '#test/support/cli-process';
import { createTestDatabase, serverUrl, type TestDatabase } from '#test/support/test-database';

type Exit = Readonly<{ code: number | null; signal: NodeJS.Signals | null }>;
/** A request's fate: answered whole (status), or failed before (no response) or after its answer began (cut). */
type Outcome = Readonly<{ status?: number; failure?: 'no-response' | 'cut'; code?: string; sentAt: number; answeredAt: number }>;

// An orchestrator's grace period: a process still running this long after SIGTERM is killed.
const GRACE_MS = 10_000;

const send = (port: number, method: 'GET' | 'POST', route: string, key: string, body?: unknown): Promise<Outcome> =>
  new Promise((resolve) => {
    let answered = false;
    // When the whole request had been written: a request the server had before the signal is one it must answer.
    let sentAt = Number.POSITIVE_INFINITY;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    // A connection per request: a refused connection then says the server stopped listening, nothing else.
    const req = http.request(
      { host: '127.0.0.1', port, method, path: route, agent: false, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } },
      (response) => {
        answered = true;
        response.on('data', () => undefined);
        response.on('end', () => resolve({ status: response.statusCode, sentAt, answeredAt: Date.now() }));
        response.on('error', (error: NodeJS.ErrnoException) => resolve({ failure: 'cut', code: error.code, sentAt, answeredAt: Date.now() }));
        response.on('aborted', () => resolve({ failure: 'cut', code: 'aborted', sentAt, answeredAt: Date.now() }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered) resolve({ failure: 'no-response', code: error.code, sentAt, answeredAt: Date.now() });
    });
    req.on('finish', () => (sentAt = Date.now()));
    req.end(payload);
  });

describe('SIGTERM to the api process under load', () => {
  let dataDir: string;
  let db: TestDatabase | null = null;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tally-shutdown-'));
    // On the server: a database of this spec's own; on PGlite: the embedded data directory.
    if (serverUrl()) db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers every request it took, whole and without a 5xx, and exits 0 within 10 s', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [...runTs, path.join(root, 'apps/api/src/main.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: db?.url ?? '',
        TALLY_DATA_DIR: dataDir,
        TALLY_DEMO_CONTACTS: '0',
        TALLY_RATE_LIMIT: '1000000',
        TALLY_AUTH_PEPPER: 'graceful-shutdown-spec-pepper-0000000000',
        TALLY_LOG_LEVEL: 'log',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Exit);

    // Started: the first key is written, the start-up is over and the api answers.
    let key = '';
    for (const deadline = Date.now() + 150_000; ; ) {
      if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the api did not start:\n${output}`);
      key = await readFile(path.join(dataDir, 'super-admin.key'), 'utf8').then((text) => text.trim(), () => '');
      // Started whole (the builds and workers too): a signal during start-up waits for the start to finish.
      if (key && output.includes('api listening on') && (await send(port, 'GET', '/v1/health', key)).status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // A client's idle keep-alive connection is still open after 6 s (Node's default closes it at 5 s, racing the
    // client's next request on it into a reset).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const viaAgent = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const request = http.get({ port, path: '/health/live', agent }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket }));
        });
        request.on('error', reject);
      });
    expect(await viaAgent()).toEqual({ status: 200, reused: false });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await viaAgent()).toEqual({ status: 200, reused: true });
    agent.destroy();

    // Load: writers and readers, each sending its next request as soon as the last one is done.
    const outcomes: Outcome[] = [];
    let stopping = false;
    let served = 0;
    const worker = async (index: number) => {
      for (let round = 0; ; round++) {
        const outcome =
          (index + round) % 2 === 0
            ? await send(port, 'POST', '/v1/contacts', key, { email: `shutdown-${randomUUID()}@example.com`, firstName: 'Load', source: 'api' })
            : await send(port, 'GET', '/v1/health', key);
        outcomes.push(outcome);
        if (outcome.status) served++;
        // After the signal, a worker stops once the server refuses it.
        if (stopping && outcome.failure) return;
      }
    };
    const workers = Array.from({ length: 8 }, (_, index) => worker(index));
    while (served < 40) await new Promise((resolve) => setTimeout(resolve, 20));

    const signalledAt = Date.now();
    stopping = true;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child!.kill('SIGKILL'), GRACE_MS);
    const exit = await exited;
    const exitedAfterMs = Date.now() - signalledAt;
    clearTimeout(killer);
    await Promise.all(workers);

    // On failure, the process's last lines say what the stop waited for.
    const clean = exit.code === 0 && exit.signal === null && exitedAfterMs < GRACE_MS;
    expect({ exit, exitedAfterMs, log: clean ? '' : output.slice(-6000) }).toEqual({ exit: { code: 0, signal: null }, exitedAfterMs: expect.any(Number), log: '' });
    expect(exitedAfterMs).toBeLessThan(GRACE_MS);
    // Every answer the server began, it finished, and none was a 5xx.
    expect(outcomes.filter((o) => o.failure === 'cut')).toEqual([]);
    expect(outcomes.filter((o) => (o.status ?? 0) >= 500)).toEqual([]);
    // Every request sent whole before the signal was answered; one sent after it may find the door closed.
    expect(outcomes.filter((o) => o.failure && o.sentAt < signalledAt)).toEqual([]);
    expect(outcomes.filter((o) => o.failure === 'no-response' && !['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(o.code ?? ''))).toEqual([]);
    // The requests in flight at the signal were answered after it: the stop waited for them.
    expect(outcomes.filter((o) => o.status && o.answeredAt >= signalledAt).length).toBeGreaterThan(0);
    expect(output).toContain('stopped: database closed');
  }, 300_000);
});
