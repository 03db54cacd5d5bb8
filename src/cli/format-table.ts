import { displayWidth, pad, truncate } from './display-width.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Cells wider than this many terminal columns are cut with "…". */
  maxWidth?: number;
}

/** A plain text table: padded columns (CJK-width aware), two spaces apart, a rule under the header. */
export function formatTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((row) => columns.map((c, i) => truncate(row[i] ?? '', c.maxWidth ?? Infinity)));
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, columns[i]?.align))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map(line),
  ].join('\n');
}
