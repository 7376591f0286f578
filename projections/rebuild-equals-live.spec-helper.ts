// A rebuild of a read model equals its live build row for row: the same recorded events applied as the engine tails
// a log (one transaction per event, each arriving alone) and as a rebuild reads it (one batch of everything), into
// two sets of tables of one database; every table must hold the same rows. Shared by the read models' persistence specs.
import type { ProjectionDefinition } from '#projection-engine';
import { openForSuite } from '#test/support/test-database';
import { openProjectionBed, type StreamEvent } from './projection-spec.spec-helper.js';

type Row = Readonly<Record<string, unknown>>;

export type RebuildComparison = Readonly<{ live: Readonly<Record<string, Row[]>>; rebuilt: Readonly<Record<string, Row[]>> }>;

/** For a describe block: `compare` applies `events` both ways and answers each base table's rows, ordered by `orderBy`. */
export const useRebuildBed = (definition: ProjectionDefinition) => {
  const bed = openForSuite(openProjectionBed);
  let run = 0;
  return {
    compare: async (events: readonly StreamEvent[], orderBy: Readonly<Record<string, string>>): Promise<RebuildComparison> => {
      run++;
      const live = (base: string) => `${base}_live${run}`;
      const rebuilt = (base: string) => `${base}_rebuilt${run}`;
      const recorded = await bed().append(events, definition.filter);
      const { pool } = bed().db;
      await pool.query(definition.createTables({ table: live }));
      await pool.query(definition.createTables({ table: rebuilt }));
      for (const event of recorded) await bed().apply(definition, [event], live);
      await bed().apply(definition, recorded, rebuilt);
      // One query at a time: PGlite serves one connection's statements in order, not several at once.
      const rowsOf = async (table: (base: string) => string): Promise<Record<string, Row[]>> => {
        const rows: Record<string, Row[]> = {};
        for (const base of definition.tables) rows[base] = (await pool.query(`SELECT * FROM ${table(base)} ORDER BY ${orderBy[base]}`)).rows;
        return rows;
      };
      return { live: await rowsOf(live), rebuilt: await rowsOf(rebuilt) };
    },
  };
};
