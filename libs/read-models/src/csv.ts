// Read-model rows as CSV: nested values become dotted columns, cells a spreadsheet would run as a formula (starting
// with =, +, -, @, tab or carriage return) are prefixed with a quote mark, and a page always has its header row.

/**
 * Per array property, the element fields that name an element in its column: `stages` keyed by `stageId` gives
 * `stages.lead.openDeals` rather than `stages.0.openDeals`. The naming fields themselves are not repeated as cells.
 */
export type CsvKeys = Readonly<Record<string, readonly string[]>>;

export type CsvShape = Readonly<{
  /** A row's fields in column order: the header of a page without rows, and the order rows' columns take. */
  fields?: readonly string[];
  /** The fields among them whose columns are named by their content (arrays, objects): no column of their own. */
  nested?: readonly string[];
  keys?: CsvKeys;
}>;

const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number | boolean | null;

export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One row's cells by dotted path. Objects nest by field name; array elements by their key fields (see CsvKeys) or
 * else by index from 0. Empty arrays and objects have no cells; null stays a (blank) cell.
 */
export const flattenRow = (row: Readonly<Record<string, unknown>>, keys: CsvKeys = {}): Map<string, Cell> => {
  const cells = new Map<string, Cell>();
  const walk = (value: unknown, path: string, name: string): void => {
    if (Array.isArray(value)) {
      const keyFields = keys[name];
      value.forEach((element, index) => {
        if (keyFields && isRecord(element)) {
          const label = keyFields.map((field) => String(element[field])).join('.');
          const rest = Object.fromEntries(Object.entries(element).filter(([field]) => !keyFields.includes(field)));
          walkObject(rest, `${path}.${label}`);
        } else {
          walk(element, `${path}.${index}`, name);
        }
      });
    } else if (isRecord(value)) {
      walkObject(value, path);
    } else {
      cells.set(path, value === undefined ? null : (value as Cell));
    }
  };
  const walkObject = (value: Record<string, unknown>, prefix: string): void => {
    for (const [field, inner] of Object.entries(value)) walk(inner, prefix ? `${prefix}.${field}` : field, field);
  };
  walkObject(row, '');
  return cells;
};

// Columns as a tree of path segments in first-seen order, so that a column a later row brings stands beside its
// siblings (stages.demo.* after stages.lead.*), not at the end of the line.
type ColumnTree = Map<string, ColumnTree>;

const orderedColumns = (paths: Iterable<string>, shape: CsvShape): string[] => {
  const root: ColumnTree = new Map();
  const leaves = new Map<ColumnTree, string>();
  const add = (path: string, leaf: boolean): void => {
    let node = root;
    for (const segment of path.split('.')) {
      let child = node.get(segment);
      if (!child) node.set(segment, (child = new Map()));
      node = child;
    }
    if (leaf) leaves.set(node, path);
  };
  for (const field of shape.fields ?? []) add(field, !shape.nested?.includes(field));
  for (const path of paths) add(path, true);
  const columns: string[] = [];
  const visit = (node: ColumnTree): void => {
    const leaf = leaves.get(node);
    if (leaf !== undefined) columns.push(leaf);
    for (const child of node.values()) visit(child);
  };
  visit(root);
  return columns;
};

export const toCsv = (rows: readonly Readonly<Record<string, unknown>>[], shape: CsvShape = {}): string => {
  const flat = rows.map((row) => flattenRow(row, shape.keys));
  const columns = orderedColumns(
    flat.flatMap((cells) => [...cells.keys()]),
    shape,
  );
  const lines = [columns.map(csvCell).join(','), ...flat.map((cells) => columns.map((column) => csvCell(cells.get(column))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
};

/** The request's own path and query with `cursor` set to the next page's: a Link target (RFC 8288, relative). */
export const nextPageTarget = (requestUrl: string, nextCursor: string): string => {
  const url = new URL(requestUrl, 'http://relative.invalid');
  url.searchParams.set('cursor', nextCursor);
  return `${url.pathname}${url.search}`;
};
