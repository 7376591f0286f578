import { rm } from 'node:fs/promises';
import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TALLY_TEST_PGLITE_TEMPLATE) await rm(process.env.TALLY_TEST_PGLITE_TEMPLATE, { force: true });
  const run = process.env.TALLY_TEST_RUN_ID;
  if (!process.env.DATABASE_URL || !run) return;
  // The server templates of this run (test-database.ts), also one left half-made (`_new`).
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [`tally_tmpl_${run}_`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
