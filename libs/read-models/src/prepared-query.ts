// The one way the read side reads: SQL over the stable views, run as named prepared statements. Postgres parses
// (and, once its generic plan is as good, plans) a statement once per connection instead of on every request, which
// is most of a by-key lookup's cost on the server; and a hot query reads its build's position in the same statement
// (active-position.ts), which TypeORM's query builder can neither name nor express. Postgres re-plans by itself
// when the projection engine points a view at another build.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DataSource } from 'typeorm';

// TypeORM's postgres driver keeps its pg pool as `master`; TypeORM's own query() cannot name a statement. Same
// pool, same type parsers: rows come back exactly as through dataSource.query().
export const poolOf = (dataSource: DataSource): pg.Pool => (dataSource.driver as unknown as { master: pg.Pool }).master;

// One name per statement text: pg refuses a name reused for another text. Texts are a few fixed shapes (values
// are always parameters), so remembering their names is bounded and spares a hash per request.
const names = new Map<string, string>();
const statementName = (text: string): string => {
  let name = names.get(text);
  if (name === undefined) {
    name = `read-model-${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
};

// Only where each connection is its own session: PGlite serves every connection from one session, where a name
// prepared by one connection collides with the same name prepared by the next.
const preparing = new WeakSet<DataSource>();
export const prepareStatementsOf = (dataSource: DataSource): void => {
  preparing.add(dataSource);
};

/** What a read runs on: the api's read-model connection, or a pg pool (the CLI has no DataSource). */
export type ReadSource = DataSource | Pick<pg.Pool, 'query'>;

/** Every read-model query goes through here: SQL with its values as parameters, rows as pg parses them. */
export const preparedQuery = async <T extends pg.QueryResultRow>(
  source: ReadSource,
  text: string,
  values: readonly unknown[] = [],
): Promise<T[]> => {
  if (!(source instanceof DataSource)) return (await source.query<T>(text, [...values])).rows;
  const pool = poolOf(source);
  if (!preparing.has(source)) return (await pool.query<T>(text, [...values])).rows;
  const client = await pool.connect();
  let failure: unknown;
  try {
    return (await client.query<T>({ name: statementName(text), text, values: [...values] })).rows;
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    // After a failed statement (a view being replaced, say) pg's record of what this connection has prepared may no
    // longer match the server's, and every later use would fail: such a connection is closed, not reused.
    client.release(failure !== undefined);
  }
};

/** A statement's parameters in order, each handed out as its placeholder: values never enter the text. */
export class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** ` AND column = $n` when the value is given. */
  equals(column: string, value: string | undefined): string {
    return value === undefined ? '' : ` AND ${column} = ${this.add(value)}`;
  }
}
