import type { ProjectionDefinition } from './projection.js';

// A small projection for the engine's specs: counts events per stream, multiplied by the build's `weight` (1 unless
// given), and refuses "Poison" events, as a projection refuses a value its tables cannot hold.
export const countingProjection = (
  name: string,
  base: string,
  filter: ProjectionDefinition['filter'],
  codeVersion = 1,
): ProjectionDefinition => ({
  name,
  codeVersion,
  filter,
  tables: [base],
  createTables: ({ table }) => `CREATE TABLE ${table(base)} (stream text PRIMARY KEY, count int NOT NULL)`,
  defaultParams: () => ({ weight: 1 }),
  apply: async (events, { tx, table, params }) => {
    for (const event of events) {
      if (event.type === 'Poison') throw new Error('cannot count poison');
      await tx.query(
        `INSERT INTO ${table(base)} VALUES ($1, $2)
         ON CONFLICT (stream) DO UPDATE SET count = ${table(base)}.count + excluded.count`,
        [event.streamName, Number(params.weight ?? 1)],
      );
    }
  },
});
