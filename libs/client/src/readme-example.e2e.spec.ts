// The README's typed-client example is what an integrator copies first: it must compile under --strict with the
// generated types alone and work against a real server.
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '#scripts/client-files';
import { startTestApp, type TestApp } from '#test/support/test-app';

const execute = promisify(execFile);
type Outcome = Readonly<{ ok: boolean; stdout: string; stderr: string }>;
/** Runs a command to its end; a failure keeps its output (tsc reports errors on stdout). */
const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Outcome> =>
  execute(command, args, { cwd: repositoryRoot, env }).then(
    ({ stdout, stderr }) => ({ ok: true, stdout, stderr }),
    (error: { stdout: string; stderr: string }) => ({ ok: false, stdout: error.stdout, stderr: error.stderr }),
  );

/** The first TypeScript block of the README's "Typed client" section. */
const readmeExample = async (): Promise<string> => {
  const readme = await readFile(path.join(repositoryRoot, 'README.md'), 'utf8');
  const section = readme.split('\n## Typed client\n')[1]?.split('\n## ')[0] ?? '';
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README.md has no ```ts block under "## Typed client"');
  return code;
};

describe('the README typed-client example', () => {
  // At the repository root, where the README says to run it, so its import of ./libs/client resolves as written.
  const exampleFile = path.join(repositoryRoot, `.readme-example-${process.pid}.ts`);
  let tally: TestApp;

  beforeAll(async () => {
    await writeFile(exampleFile, await readmeExample());
    tally = await startTestApp();
    await tally.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await rm(exampleFile, { force: true });
    await tally?.close();
  });

  it('compiles with tsc --strict, its types all generated', async () => {
    const tsc = path.join(repositoryRoot, 'node_modules/typescript/bin/tsc');
    const options = ['--ignoreConfig', '--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--types', 'node', '--skipLibCheck'];
    expect(await run(process.execPath, [tsc, ...options, exampleFile])).toEqual({ ok: true, stdout: '', stderr: '' });
  });

  it('creates a contact and reads its lead score from a live server', async () => {
    const { port } = tally.app.getHttpServer().address() as AddressInfo;
    const { secret } = await tally.runtime.apiKeys.create('readme example', 'super-admin', 'test');
    const outcome = await run(path.join(repositoryRoot, 'node_modules/.bin/tsx'), [exampleFile], {
      ...process.env,
      TALLY_URL: `http://127.0.0.1:${port}`,
      TALLY_API_KEY: secret,
    });
    expect(outcome).toEqual({ ok: true, stdout: expect.stringMatching(/^lead score of [0-9a-f-]{36}: \d+ \((none|mql|sql)\)\n$/), stderr: '' });
  });
});
