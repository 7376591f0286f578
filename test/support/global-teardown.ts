import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TALLY_TEST_PGLITE_TEMPLATE) await rm(process.env.TALLY_TEST_PGLITE_TEMPLATE, { force: true });
}
