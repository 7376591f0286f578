// `tally keys create --owner` binds a key to an owner, in this process's store and through a running server alike;
// an owner that does not exist is refused (main turns the error into exit code 1), and `keys list` shows the owner.
import { jest } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { useTestApp } from '#test/support/test-app';
import { apiClient } from '../server-client.js';
import { keysCommand, keysInProcess, keysThroughServer, UnknownOwner, type KeyAdmin } from './keys.command.js';

describe('tally keys create --owner', () => {
  const t = useTestApp();
  let ownerId: string;
  let server: KeyAdmin;

  beforeAll(async () => {
    ownerId = (await t.http().post('/v1/owners').send({ name: 'Rita Rep', email: 'rita@tally.test', role: 'sales' }).expect(201)).body.id;
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const admin = (await t.runtime.apiKeys.create('cli spec', 'super-admin', 'test')).secret;
    server = keysThroughServer(apiClient({ pid: process.pid, url: `http://127.0.0.1:${port}` }, admin, { whose: 'of this spec', keyHint: '' }));
  });

  /** Runs the command, capturing what it prints. */
  const run = async (keys: KeyAdmin, args: string[], options: { name?: string; role?: string; owner?: string }) => {
    const out: string[] = [];
    const err: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
    const error = jest.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
    try {
      const code = await keysCommand(keys, args, { ...options, actor: 'cli:spec' });
      return { code, out, err };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };

  const keyIdOf = (stderr: string[]) => /key ([a-z0-9]{16})/.exec(stderr.join('\n'))![1];

  it.each([
    ['in this process', () => keysInProcess(t.runtime)],
    ['through the server', () => server],
  ])('binds the key to the owner %s, and lists it with its owner', async (where, keys) => {
    const created = await run(keys(), ['create'], { name: `rita ${where}`, role: 'sales', owner: ownerId });
    expect(created.code).toBe(0);
    expect(created.err.join('\n')).toContain(`bound to owner ${ownerId}`);
    const keyId = keyIdOf(created.err);
    expect((await t.runtime.apiKeys.list()).find((key) => key.keyId === keyId)).toMatchObject({ role: 'sales', ownerId });

    const listed = await run(keys(), ['list'], {});
    expect(listed.out.find((line) => line.startsWith(keyId))).toMatch(new RegExp(`^${keyId}\\s+sales\\s+active\\s+rita ${where}\\s+owner ${ownerId}$`));
  });

  it.each([
    ['in this process', () => keysInProcess(t.runtime)],
    ['through the server', () => server],
  ])('refuses an owner that does not exist %s, naming it, and creates no key', async (_where, keys) => {
    const before = (await t.runtime.apiKeys.list()).length;
    const unknown = randomUUID();
    const refused = run(keys(), ['create'], { name: 'nobody', role: 'sales', owner: unknown });
    await expect(refused).rejects.toThrow(UnknownOwner);
    await expect(refused).rejects.toThrow(`no owner ${unknown}`);
    expect((await t.runtime.apiKeys.list()).length).toBe(before);
  });

  it('lists a key bound to no one without an owner', async () => {
    const created = await run(keysInProcess(t.runtime), ['create'], { name: 'unbound', role: 'auditor' });
    const keyId = keyIdOf(created.err);
    expect(created.err.join('\n')).not.toContain('bound to owner');
    const listed = await run(keysInProcess(t.runtime), ['list'], {});
    expect(listed.out.find((line) => line.startsWith(keyId))).toMatch(/\s+unbound$/);
  });
});
