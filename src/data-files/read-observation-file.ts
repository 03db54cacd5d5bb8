import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { HalfskyError } from '../domain/errors.js';
import {
  columnOfHeader,
  REQUIRED_COLUMNS,
  type ObservationColumn,
  type RawObservationRow,
} from '../domain/observations/observation-columns.js';
import { parseCsv } from './parse-csv.js';

export type ObservationFileFormat = 'csv' | 'xlsx';

export interface ObservationFile {
  format: ObservationFileFormat;
  rows: RawObservationRow[];
}

/** Extensions a data file may have. */
export const DATA_FILE_EXTENSIONS = ['.csv', '.xlsx'];

/**
 * Reads a tidy observation file (CSV in UTF-8 or GB18030, or the first sheet of an XLSX workbook) into raw
 * rows keyed by column. Headers may be English or Chinese; unknown columns are ignored. Throws coded errors
 * for a file that cannot be read at all (missing, wrong type, damaged, required columns absent).
 */
export async function readObservationFile(
  path: string,
  options: { maxBytes: number },
): Promise<ObservationFile> {
  const format = formatOf(path);
  const info = await stat(path).catch(() => null);
  if (!info) throw new HalfskyError('FILE_NOT_FOUND', { path });
  if (!info.isFile()) throw new HalfskyError('NOT_A_FILE', { path });
  if (info.size === 0) throw new HalfskyError('EMPTY_FILE', { path });
  if (info.size > options.maxBytes)
    throw new HalfskyError('FILE_TOO_LARGE', {
      path,
      sizeMb: Math.round((info.size / 1048576) * 10) / 10,
      maxMb: Math.round(options.maxBytes / 1048576),
    });
  const bytes = await readFile(path);
  const table = format === 'csv' ? csvTable(bytes) : await xlsxTable(bytes, path);
  return { format, rows: toRows(table, path) };
}

function formatOf(path: string): ObservationFileFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  throw new HalfskyError('UNSUPPORTED_EXTENSION', {
    path,
    extension,
    supported: DATA_FILE_EXTENSIONS.join(' '),
  });
}

interface Table {
  lines: { line: number; fields: string[] }[];
}

function csvTable(bytes: Buffer): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return { lines: parseCsv(text) };
}

async function xlsxTable(bytes: Buffer, path: string): Promise<Table> {
  // An XLSX file is a ZIP archive: refuse anything else before exceljs gives a less helpful message.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new HalfskyError('CORRUPT_DOCUMENT', { path, format: 'XLSX' });
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new HalfskyError('CORRUPT_DOCUMENT', { path, format: 'XLSX' }, { cause: error });
  }
  const sheet = workbook.worksheets[0];
  const lines: Table['lines'] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      fields[col - 1] = typeof v === 'number' ? String(v) : v === null || v === undefined ? '' : cell.text;
    });
    lines.push({ line: rowNumber, fields: Array.from(fields, (f) => f ?? '') });
  });
  return { lines };
}

function toRows(table: Table, path: string): RawObservationRow[] {
  const [header, ...data] = table.lines;
  const columns = (header?.fields ?? []).map(columnOfHeader);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (!columns.includes('value') && !columns.includes('numerator')) missing.push('value');
  if (missing.length > 0) throw new HalfskyError('MISSING_COLUMNS', { path, columns: missing });
  return data.map(({ line, fields }) => {
    const cells: Partial<Record<ObservationColumn, string>> = {};
    columns.forEach((column, i) => {
      if (column !== null) cells[column] = fields[i] ?? '';
    });
    return { line, cells };
  });
}
