// The api as a child process, for a command that needs its routes while no server runs: the CLI never loads the
// api's code, and on the embedded store the child alone opens the data directory (it takes the lock itself).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

// Beside this file in the same tree: dist/apps/api/src/main.js when built, apps/api/src/main.ts under a TypeScript
// loader (the child gets this process's --import flags, so it runs the way the CLI runs).
const API_MAIN = fileURLToPath(new URL(`../../api/src/main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
const STARTUP_MS = 120_000;
const STOP_MS = 30_000;
// Enough of the child's log to say why it failed, never the whole of a long run.
const KEPT_OUTPUT = 16_384;
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export type ApiProcess = Readonly<{
  url: string;
  pid: number;
  /** SIGTERM, then waits for the exit; a non-zero exit is an error quoting the child's log. */
  stop(): Promise<void>;
}>;

export const freePort = async (): Promise<number> => {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
};

/**
 * Starts the api on a free local port with `env` added to this process's environment and waits until
 * GET /v1/health answers 200 with `key` (the child's log is kept quiet, and quoted when it fails).
 */
export const startApiProcess = async (env: NodeJS.ProcessEnv, key: string | null): Promise<ApiProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, [...process.execArgv, API_MAIN], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEPT_OUTPUT));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  // A stopped CLI stops its api (which ends the import with an error), never leaves it running on the store.
  const stopChild = () => child.kill('SIGTERM');
  for (const signal of STOP_SIGNALS) process.on(signal, stopChild);
  void exited.then(() => STOP_SIGNALS.forEach((signal) => process.off(signal, stopChild)));
  const failed = (what: string) => new Error(`the api process (pid ${child.pid}) ${what}:\n${output.trimEnd()}`);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw failed(`exited with ${child.exitCode ?? child.signalCode} while starting`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      await exited;
      throw failed(`did not answer on ${url} within ${STARTUP_MS / 1000} s`);
    }
    const status = await fetch(`${url}/v1/health`, { headers: key ? { authorization: `Bearer ${key}` } : {} }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (status !== 0) {
      child.kill('SIGTERM');
      await exited;
      throw failed(`answered GET /v1/health with ${status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const stuck = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
      const [code, signal] = await exited.finally(() => clearTimeout(stuck));
      if (code !== 0) throw failed(`stopped with ${code ?? signal}`);
    },
  };
};
