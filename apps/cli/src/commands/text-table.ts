// Plain aligned columns for terminal reports: numbers right-aligned, text left-aligned.
export type Cell = string | number | null;

const show = (cell: Cell): string => (cell === null ? '-' : String(cell));

export const textTable = (header: readonly string[], rows: readonly (readonly Cell[])[]): string => {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => show(row[i]).length)));
  const line = (cells: readonly Cell[]) =>
    cells.map((cell, i) => (typeof cell === 'number' ? show(cell).padStart(widths[i]) : show(cell).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};
