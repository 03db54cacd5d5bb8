/** One CSV field, quoted when it holds a comma, a quote, a line break or leading/trailing space (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes rows as CSV with CRLF line ends, preceded by a byte-order mark so that Excel opens the UTF-8
 * (Chinese) text correctly; parseCsv reads it back unchanged.
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
