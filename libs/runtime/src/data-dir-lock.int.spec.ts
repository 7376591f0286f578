import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataDirBusy, LOCK_FILE, dataDirOwner, lockDataDir, type DataDirOwner } from './data-dir-lock.js';

describe('the lock of an embedded data directory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tally-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** A lock file left by a process that has ended, as after a kill -9. */
  const deadOwnersLock = async (): Promise<DataDirOwner> => {
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    const owner: DataDirOwner = { pid, startTime: null, hostname: os.hostname(), command: 'gone', startedAt: '2026-01-01T00:00:00Z', url: null, token: 'dead' };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(owner));
    return owner;
  };

  it('refuses a second owner, naming the first, and is free again once released', async () => {
    const lock = await lockDataDir(dir, 'tally serve');
    await lock.advertise('http://127.0.0.1:3000');
    const second = await lockDataDir(dir, 'tally keys list').then(
      () => null,
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(DataDirBusy);
    expect((second as DataDirBusy).message).toContain(`pid ${process.pid} (tally serve`);
    expect((second as DataDirBusy).message).toContain('serving http://127.0.0.1:3000');
    expect(await dataDirOwner(dir)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:3000' });
    await lock.release();
    expect(await dataDirOwner(dir)).toBeNull();
    await (await lockDataDir(dir)).release();
  });

  it('takes over the lock of a process that died, and only one of several starters gets it', async () => {
    await deadOwnersLock();
    expect(await dataDirOwner(dir)).toBeNull();
    const attempts = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => lockDataDir(dir, `starter ${i}`)));
    const won = attempts.filter((a) => a.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const attempt of attempts) if (attempt.status === 'rejected') expect(attempt.reason).toBeInstanceOf(DataDirBusy);
    const owner = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as DataDirOwner;
    expect(owner.pid).toBe(process.pid);
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof lockDataDir>>>).value.release();
    // No temporary or guard file is left behind.
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not take a reused pid for the owner (Linux: the start time differs)', async () => {
    if (process.platform !== 'linux') return;
    const owner: DataDirOwner = { pid: process.pid, startTime: '1', hostname: os.hostname(), command: 'earlier', startedAt: '2026-01-01T00:00:00Z', url: null, token: 'reused' };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(owner));
    expect(await dataDirOwner(dir)).toBeNull();
    await (await lockDataDir(dir)).release();
  });
});
