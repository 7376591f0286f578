// A plain, accessible data table: a caption, column headers with scope, numbers aligned right.
import type { ComponentChildren } from 'preact';

export type Column<Row> = {
  key: string;
  header: string;
  /** The cell's content; by default the row's property named `key`. */
  render?: (row: Row) => ComponentChildren;
  numeric?: boolean;
};

export type TableProps<Row> = {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  caption?: string;
  /** A stable key per row (defaults to its index). */
  rowKey?: (row: Row, index: number) => string;
  empty?: string;
};

export function Table<Row>({ columns, rows, caption, rowKey, empty = 'Nothing to show.' }: TableProps<Row>) {
  return (
    <div class="table-wrap">
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" class={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={rowKey ? rowKey(row, index) : String(index)}>
                {columns.map((column) => (
                  <td key={column.key} class={column.numeric ? 'num' : undefined}>
                    {column.render ? column.render(row) : String((row as Record<string, unknown>)[column.key] ?? '')}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
