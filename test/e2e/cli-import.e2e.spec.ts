// `tally import FILE` with no server running, as an operator runs it (a child process): event and command lines,
// each command authorised and validated as its HTTP route, through an api the CLI starts and stops. On the embedded
// store, and on the PostgreSQL server when DATABASE_URL names one.
import { randomUUID } from 'node:crypto';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dataDirOwner } from '#runtime';
import { runCli } from '#test/support/cli-process';

const serverUrl = process.env.DATABASE_URL || null;

describe(`tally import with no server running (${serverUrl ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  let dataDir: string;
  let databaseUrl = '';
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    TALLY_DATA_DIR: dataDir,
    TALLY_DEMO_CONTACTS: '0',
    TALLY_AUTH_PEPPER: '',
  });

  // The api the CLI starts runs on the TypeScript sources too.
  const cli = (...args: string[]) => runCli(env(), args);

  // A database of this spec's own on the server, dropped after.
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl! });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const databaseName = `tally_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tally-cli-import-'));
    if (serverUrl) {
      await admin(`CREATE DATABASE ${databaseName}`);
      const url = new URL(serverUrl);
      url.pathname = `/${databaseName}`;
      databaseUrl = url.toString();
    }
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (serverUrl) await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  });

  it('imports event and command lines with the report of POST /v1/import, appends nothing on a re-run, and leaves no key or lock behind', async () => {
    const contactId = randomUUID();
    const lines = [
      { command: 'CreateContact', id: randomUUID(), data: { contactId, email: `${contactId}@example.com`, source: 'import' } },
      { streamName: `activity-${contactId}`, event: { id: randomUUID(), type: 'PageViewed', data: { contactId, url: 'https://x.test/', title: null, referrer: null }, metadata: { occurredAt: '2025-01-01T00:00:00Z' } } },
      { command: 'RecordPageView', id: randomUUID(), data: { contactId, url: 'https://x.test/pricing', occurredAt: '2025-01-02T00:00:00Z' } },
      // Validated as its route's body is: the amount and currency are missing.
      { command: 'CreateDeal', id: randomUUID(), data: { name: 'no amount' } },
    ];
    const file = path.join(dataDir, 'history.ndjson');
    await writeFile(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);

    const first = await cli('import', file);
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 2, stderr: expect.stringContaining('import done') });
    const report = JSON.parse(first.stdout) as { rejections: { line: number; reason: string }[] };
    expect(report).toMatchObject({ lines: 4, accepted: 3, duplicates: 0, rejected: 1 });
    expect(report.rejections).toEqual([{ line: 4, reason: expect.stringMatching(/^data\.amount: .*data\.currency: /) }]);

    const again = await cli('import', file);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ lines: 4, accepted: 0, duplicates: 3, rejected: 1 });

    // The key the CLI imported with is revoked; the store has no other, so the first `npm start` still makes one.
    const keys = await cli('keys', 'list');
    expect(keys.code).toBe(0);
    const listed = keys.stdout.trim().split('\n');
    expect(listed).toHaveLength(2);
    for (const key of listed) expect(key).toMatch(/super-admin\s+revoked \S+\s+tally import \(cli:/);
    if (!serverUrl) {
      expect(await dataDirOwner(dataDir)).toBeNull();
      await expect(access(path.join(dataDir, 'super-admin.key'))).rejects.toThrow();
    }
  }, 600_000);
});
