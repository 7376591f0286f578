// One process owns an embedded data directory: two PGlite instances on one pgdata corrupt it. The lock is a file
// created atomically (link(2) fails when it exists) that names its owner; an owner that died, even by kill -9, is
// recognised by its pid (and on Linux its start time, so a reused pid does not count) and its lock is taken over.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'tally.lock';

export type DataDirOwner = Readonly<{
  pid: number;
  /** Clock ticks since boot when the process started (Linux), to tell a reused pid apart. */
  startTime: string | null;
  hostname: string;
  command: string;
  startedAt: string;
  /** Where the owner serves HTTP, once it listens; null for a CLI command or a server still starting. */
  url: string | null;
  token: string;
}>;

export class DataDirBusy extends Error {
  readonly code = 'DATA_DIR_BUSY';
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    super(
      `the data directory ${dataDir} is in use by pid ${owner.pid} (${owner.command}, since ${owner.startedAt}` +
        `${owner.url ? `, serving ${owner.url}` : ''}): one process at a time may open an embedded database. ` +
        `Stop that process first; if it is gone, remove ${path.join(dataDir, LOCK_FILE)}.`,
    );
  }
}

export type DataDirLock = Readonly<{
  owner(): DataDirOwner;
  /** Records where this process serves HTTP, so that a CLI beside it goes through the server. */
  advertise(url: string): Promise<void>;
  release(): Promise<void>;
}>;

/** `starttime` from /proc/<pid>/stat: the 22nd field, counted after the command name (which may hold spaces). */
const startTimeOf = async (pid: number): Promise<string | null> => {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return text === null ? null : (text.slice(text.lastIndexOf(')') + 2).split(' ')[19] ?? null);
};

const isAlive = async (owner: DataDirOwner): Promise<boolean> => {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists under another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (owner.startTime === null) return true;
  const now = await startTimeOf(owner.pid);
  return now === null || now === owner.startTime;
};

const parse = (text: string): DataDirOwner | null => {
  try {
    const value = JSON.parse(text) as Partial<DataDirOwner>;
    return Number.isInteger(value.pid) && typeof value.token === 'string' ? (value as DataDirOwner) : null;
  } catch {
    return null;
  }
};

const readOwner = async (file: string): Promise<DataDirOwner | null | 'missing'> => {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return text === null ? 'missing' : parse(text);
};

/** The live process that owns `dataDir`, or null when none does (no lock, or its owner died). */
export const dataDirOwner = async (dataDir: string): Promise<DataDirOwner | null> => {
  const owner = await readOwner(path.join(dataDir, LOCK_FILE));
  return owner !== 'missing' && owner !== null && (await isAlive(owner)) ? owner : null;
};

/** A file beside `file` holding `text`, to be linked or renamed into place whole. */
const writeTemporary = async (file: string, text: string): Promise<string> => {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, text, { mode: 0o600 });
  return temporary;
};

// A take-over (remove a dead owner's lock) runs under this guard, so two starters cannot both remove and both
// create. A take-over lasts milliseconds: a guard older than this was left by a process that died in one.
const GUARD_ABANDONED_MS = 10_000;

const withTakeOverGuard = async (guard: string, work: () => Promise<void>): Promise<boolean> => {
  try {
    await (await open(guard, 'wx')).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const since = await stat(guard).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (since > GUARD_ABANDONED_MS) await unlink(guard).catch(() => undefined);
    return false;
  }
  try {
    await work();
  } finally {
    await unlink(guard).catch(() => undefined);
  }
  return true;
};

/** Takes the lock of `dataDir` for this process, or throws DataDirBusy naming the live owner. */
export const lockDataDir = async (dataDir: string, command = process.argv.slice(1).join(' ')): Promise<DataDirLock> => {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  let owner: DataDirOwner = {
    pid: process.pid,
    startTime: await startTimeOf(process.pid),
    hostname: os.hostname(),
    command,
    startedAt: new Date().toISOString(),
    url: null,
    token: randomBytes(16).toString('hex'),
  };
  for (let attempt = 0; ; attempt++) {
    const temporary = await writeTemporary(file, JSON.stringify(owner));
    try {
      await link(temporary, file);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
    const holder = await readOwner(file);
    if (holder === 'missing') continue;
    if (holder !== null && (await isAlive(holder))) throw new DataDirBusy(dataDir, holder);
    if (attempt >= 50) throw new Error(`could not take the lock ${file} from its dead owner; remove the file and start again`);
    // An unreadable lock (null) was not written by Tally, which links it into place whole: it counts as dead.
    const deadToken = holder?.token ?? null;
    const tookOver = await withTakeOverGuard(`${file}.takeover`, async () => {
      // Under the guard, re-read: only the dead owner's lock judged above is removed.
      const again = await readOwner(file);
      if (again !== 'missing' && (again?.token ?? null) === deadToken) await unlink(file).catch(() => undefined);
    });
    if (!tookOver) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    owner: () => owner,
    advertise: async (url) => {
      owner = { ...owner, url };
      await rename(await writeTemporary(file, JSON.stringify(owner)), file);
    },
    release: async () => {
      const current = await readOwner(file);
      if (current !== 'missing' && current?.token === owner.token) await unlink(file);
    },
  };
};
