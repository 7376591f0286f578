// Creating a PGlite database runs initdb (about 2 s here); loading a dump of a fresh one takes a quarter of that.
// Made once per test run, used by every spec file that asks for an embedded database. The server's templates
// (test-database.ts, TestDatabaseTemplate) are made by the first spec file that asks for one, named after this run.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export default async function globalSetup(): Promise<void> {
  const db = new PGlite({ extensions: { pg_trgm } });
  await db.waitReady;
  // As openDatabase does first: every database it opens from this dump then finds the extension made.
  await db.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  const dump = await db.dumpDataDir('none');
  await db.close();
  const file = path.join(os.tmpdir(), `tally-pglite-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  process.env.TALLY_TEST_PGLITE_TEMPLATE = file;
  process.env.TALLY_TEST_RUN_ID = `${process.pid}_${Date.now().toString(36)}`;
}
