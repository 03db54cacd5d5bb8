/** A record of a CSV file with the line its first field starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses RFC 4180 CSV: comma-separated fields, double-quoted fields may hold commas, quotes ("") and line
 * breaks; CRLF or LF line ends; a leading byte-order mark is ignored; blank lines are skipped. Lenient where
 * the RFC is strict (a quote inside an unquoted field is kept as a character), as spreadsheets write such files.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const QUOTE = 34;
  const COMMA = 44;
  const LF = 10;
  const CR = 13;
  const endRecord = () => {
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
  };
  // Each pass reads one field (sliced, not built character by character: a million rows stay cheap) and the
  // separator after it.
  while (i < n) {
    let field: string;
    if (src.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = ++i;
      for (;;) {
        const q = src.indexOf('"', i);
        if (q === -1) {
          value += src.slice(from);
          i = n;
          break;
        }
        if (src.charCodeAt(q + 1) === QUOTE) {
          value += src.slice(from, q + 1);
          i = from = q + 2;
          continue;
        }
        value += src.slice(from, q);
        i = q + 1;
        break;
      }
      for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) line++;
      // Lenient: characters after the closing quote belong to the field.
      const rest = i;
      while (i < n) {
        const c = src.charCodeAt(i);
        if (c === COMMA || c === LF || c === CR) break;
        i++;
      }
      field = value + src.slice(rest, i);
    } else {
      const from = i;
      while (i < n) {
        const c = src.charCodeAt(i);
        if (c === COMMA || c === LF || c === CR) break;
        i++;
      }
      field = src.slice(from, i);
    }
    fields.push(field);
    if (i >= n) break;
    const c = src.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i >= n) fields.push('');
      continue;
    }
    // A line end: CRLF, LF or CR.
    i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    endRecord();
    line++;
    recordLine = line;
  }
  if (fields.length > 0) endRecord();
  return records;
}
