// `tally` as an operator runs it: a child process on the TypeScript sources, its output collected.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// TypeScript's transpiler with decorator metadata, as ts-jest does (tsx would drop the metadata Nest needs).
export const runTs = ['--import', path.join(root, 'test/support/ts-register.mjs')];

export type CliResult = Readonly<{ code: number | null; stdout: string; stderr: string }>;

export const runCli = async (env: NodeJS.ProcessEnv, args: readonly string[]): Promise<CliResult> => {
  const child = spawn(process.execPath, [...runTs, path.join(root, 'apps/cli/src/main.ts'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
};
