// Creating a PGlite database runs initdb (about 2 s here); loading a dump of a fresh one takes a quarter of that.
// Made once per test run, used by every spec file that asks for an embedded database.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export default async function globalSetup(): Promise<void> {
  const db = new PGlite();
  await db.waitReady;
  const dump = await db.dumpDataDir('none');
  await db.close();
  const file = path.join(os.tmpdir(), `tally-pglite-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  process.env.TALLY_TEST_PGLITE_TEMPLATE = file;
}
