// The set-based statements every read model's persistence is made of, written once: a batch loads the rows of the
// keys it touches in one statement and writes each table in one multi-row statement (one array per column), never
// one statement per row. Each slice still names its own tables, columns and keys.
import type pg from 'pg';
import { pgDay, pgInstantOrNull } from './pg-values.js';

/**
 * One column of a multi-row write: its name, the PostgreSQL type of its values and a row's value. A `jsonb` column
 * goes as one JSON array zipped in by position (ROWS FROM): cheaper on both sides than a jsonb[] of escaped documents.
 */
export type RowColumn<R> = readonly [name: string, type: string, value: (row: R) => unknown];

/** A row field's column: `contactId` -> `contact_id`. */
export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

// A field column spells instants and days as PostgreSQL reads them back (pg-values.ts): none can forget to.
const spelled = (type: string, value: unknown): unknown => {
  if (type === 'timestamptz') return pgInstantOrNull(value as string | null);
  if (type === 'date') return pgDay(value as string);
  return value;
};

/** Columns named after the row's fields (in the order given), of the given types, holding the fields' values. */
export const fieldColumns = <R>(types: { readonly [F in keyof R & string]?: string }): RowColumn<R>[] =>
  (Object.entries(types) as [keyof R & string, string][]).map(([field, type]) => [columnOf(field), type, (row) => spelled(type, row[field])]);

/** What a row whose key is already stored does: stays as stored, replaces the other columns, or adds to them. */
export type OnConflict =
  | Readonly<{ then: 'nothing'; key?: readonly string[] }>
  | Readonly<{ then: 'replace' | 'add'; key: readonly string[] }>;

// Runs of plain columns share one unnest; each jsonb column is its own jsonb_array_elements.
const rowsSource = (types: readonly string[]): string => {
  const parts: string[] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 0) parts.push(`unnest(${run.join(', ')})`);
    run = [];
  };
  types.forEach((type, index) => {
    if (type === 'jsonb') {
      endRun();
      parts.push(`jsonb_array_elements($${index + 1}::jsonb)`);
    } else {
      run.push(`$${index + 1}::${type}[]`);
    }
  });
  endRun();
  return parts.length === 1 ? parts[0] : `ROWS FROM (${parts.join(', ')})`;
};

const conflictClause = (table: string, columns: readonly string[], conflict: OnConflict | undefined): string => {
  if (conflict === undefined) return '';
  const target = conflict.key ? ` (${conflict.key.join(', ')})` : '';
  if (conflict.then === 'nothing') return ` ON CONFLICT${target} DO NOTHING`;
  const others = columns.filter((column) => !conflict.key.includes(column));
  const set = others.map((column) =>
    conflict.then === 'replace' ? `${column} = excluded.${column}` : `${column} = ${table}.${column} + excluded.${column}`,
  );
  return ` ON CONFLICT${target} DO UPDATE SET ${set.join(', ')}`;
};

/** Inserts `rows` into `table` in one statement (none for no rows); `conflict` says what an existing key does. */
export const writeRows = async <R>(
  tx: pg.PoolClient,
  table: string,
  columns: readonly RowColumn<R>[],
  rows: readonly R[],
  conflict?: OnConflict,
): Promise<void> => {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name);
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM ${rowsSource(columns.map(([, type]) => type))}` +
      conflictClause(table, names, conflict),
    columns.map(([, type, value]) => (type === 'jsonb' ? JSON.stringify(rows.map(value)) : rows.map(value))),
  );
};

/** The rows of `table` whose text column `key` is one of `keys`, in one statement (none for no keys). */
export const selectByKeys = async <Row extends pg.QueryResultRow>(
  tx: pg.PoolClient,
  table: string,
  key: string,
  keys: readonly string[],
  columns: readonly string[] = ['*'],
): Promise<Row[]> =>
  keys.length === 0
    ? []
    : (await tx.query<Row>(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${key} = ANY($1::text[])`, [keys])).rows;

/**
 * The same, one index probe per key: for a table that grows with the history (deals), where the planner turns
 * `= ANY` into a scan of the whole table once a batch touches many keys.
 */
export const probeByKeys = async <Row extends pg.QueryResultRow>(
  tx: pg.PoolClient,
  table: string,
  key: string,
  keys: readonly string[],
  columns: readonly string[],
): Promise<Row[]> =>
  keys.length === 0
    ? []
    : (
        await tx.query<Row>(
          `SELECT ${columns.map((column) => `d.${column}`).join(', ')}
             FROM unnest($1::text[]) AS wanted(${key})
             CROSS JOIN LATERAL (SELECT * FROM ${table} d WHERE d.${key} = wanted.${key} OFFSET 0) AS d`,
          [keys],
        )
      ).rows;
