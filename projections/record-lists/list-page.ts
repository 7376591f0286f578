// One page of a record list and the position of the build it was read from, in one statement (an empty page still
// brings the position). The page is cut first, on the list's own table alone (an index walk in sort order, the id
// as tie-breaker), then labelled by joins on its rows alone (pipeline and stage names, owners: `joins`), and sorted
// again, since a join need not keep the order.
import { activePositionSql } from '#projection-engine';
import {
  afterCursor,
  answerPosition,
  orderBy,
  pageOf,
  preparedQuery,
  sortKeyText,
  type ListSort,
  type Parameters,
  type Positioned,
  type ReadSource,
} from '#read-models';

/** What every list query pages by. */
export type ListPageQuery = Readonly<{ sort: ListSort; limit: number; cursor?: string }>;

export type ListPageSql = Readonly<{
  /** The read model whose build's position the answer names. */
  readModel: string;
  /** The list's table (its view), read as `alias`; `id` is its id column. */
  table: string;
  alias: string;
  id: string;
  /** The table's columns a row needs, every sort key's among them under its own name. */
  columns: string;
  /** The filters, with the query's parameters in `params`. */
  conditions: readonly string[];
  /** The labels' columns and the joins that bring them, over the page's `alias`. */
  labels?: string;
  joins?: readonly string[];
}>;

export type ListPage<R> = Positioned<Readonly<{ rows: R[]; nextCursor: string | null }>>;

/** The page of `query` (rows as selected: the table's columns, `sort_key`, the labels) and the next page's cursor. */
export const readListPage = async <R extends Readonly<Record<string, unknown>>>(
  source: ReadSource,
  params: Parameters,
  sql: ListPageSql,
  query: ListPageQuery,
): Promise<ListPage<R & { sort_key: string }>> => {
  const { alias } = sql;
  const { sort } = query;
  const id = `${alias}.${sql.id}`;
  const position = activePositionSql(params.add(sql.readModel));
  const conditions = [...sql.conditions, afterCursor(sort, id, query.cursor, params)];
  const order = orderBy(sort, id);
  const rows = await preparedQuery<Record<string, unknown> & { read_position: string | null }>(
    source,
    `SELECT ${position} AS read_position, ${alias}.*${sql.labels ? `, ${sql.labels}` : ''}
       FROM (SELECT 1) AS answer
       LEFT JOIN LATERAL (
         SELECT ${sql.columns}, ${sortKeyText(sort)} AS sort_key
           FROM ${sql.table} ${alias}
          WHERE ${conditions.join(' AND ')}
          ORDER BY ${order} LIMIT ${params.add(query.limit + 1)}
       ) AS ${alias} ON true
       ${(sql.joins ?? []).join('\n       ')}
      ORDER BY ${order}`,
    params.values,
  );
  const found = rows.filter((row) => row[sql.id] !== null) as unknown as (R & { sort_key: string })[];
  const page = pageOf(sort, found, query.limit, (row) => ({ key: row.sort_key, id: row[sql.id] as string }));
  return { position: answerPosition(rows[0]?.read_position ?? null), rows: page.rows, nextCursor: page.nextCursor };
};
