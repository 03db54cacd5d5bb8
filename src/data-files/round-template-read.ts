import { extname } from 'node:path';
import { HalfskyError } from '../domain/errors.js';
import {
  columnOfHeader,
  type ObservationColumn,
  type RawObservationRow,
} from '../domain/observations/observation-columns.js';
import { parseCsv } from './parse-csv.js';
import { readFirstSheet, type XlsxSheet } from './round-template-xlsx.js';

/** A data row of an upload: the raw cells and the version written in the template (if any). */
export interface UploadRow {
  raw: RawObservationRow;
  version?: number;
}

export interface RoundUpload {
  format: 'csv' | 'xlsx';
  /** Rows with something entered (value, numerator or denominator); blank template rows are skipped. */
  rows: UploadRow[];
}

/** Template headers (./round-template.ts) that name a file column; the rest (名称, 上年值 …) are ignored. */
const TEMPLATE_HEADERS: Readonly<Record<string, ObservationColumn | 'version' | 'ignore'>> = {
  指标代码: 'indicator',
  地区代码: 'region',
  指标名称: 'ignore',
  地区名称: 'ignore',
  单位: 'ignore',
  上年值: 'ignore',
  目标: 'ignore',
  '年龄/分组': 'age',
  版本: 'version',
  version: 'version',
};

/**
 * Reads an uploaded round file (the Excel template filled in, or a tidy CSV / XLSX in the import format),
 * refusing with clear errors what cannot be trusted: a file over the size limit, an ".xlsx" that is not an
 * Excel workbook (another file renamed), formulas, merged cells and hidden sheets (each named by sheet and
 * cell), other file types. Nothing is stored here.
 */
export async function readRoundUpload(
  bytes: Buffer,
  filename: string,
  options: { maxBytes: number },
): Promise<RoundUpload> {
  const extension = extname(filename).toLowerCase();
  if (extension !== '.xlsx' && extension !== '.csv')
    throw new HalfskyError('UNSUPPORTED_EXTENSION', { path: filename, extension, supported: '.xlsx .csv' });
  if (bytes.length === 0) throw new HalfskyError('EMPTY_FILE', { path: filename });
  if (bytes.length > options.maxBytes)
    throw new HalfskyError('FILE_TOO_LARGE', {
      path: filename,
      sizeMb: Math.round((bytes.length / 1048576) * 10) / 10,
      maxMb: Math.round(options.maxBytes / 1048576),
    });
  if (extension === '.csv') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
    return { format: 'csv', rows: toRows(parseCsv(text), filename) };
  }
  return { format: 'xlsx', rows: toRows(await workbookLines(bytes, filename), filename) };
}

async function workbookLines(bytes: Buffer, path: string): Promise<{ line: number; fields: string[] }[]> {
  // An XLSX file is a ZIP archive: anything else is another file renamed .xlsx.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new HalfskyError('UPLOAD_NOT_EXCEL', { path });
  let sheet: XlsxSheet;
  try {
    sheet = await readFirstSheet(bytes);
  } catch (error) {
    throw new HalfskyError('UPLOAD_NOT_EXCEL', { path }, { cause: error });
  }
  if (sheet.problems.length > 0)
    throw new HalfskyError(
      'UPLOAD_UNSUPPORTED_CONTENT',
      { path, problems: sheet.problems.length },
      { fields: sheet.problems },
    );
  return sheet.lines;
}

function toRows(lines: { line: number; fields: string[] }[], path: string): UploadRow[] {
  const [header, ...data] = lines;
  const names = (header?.fields ?? []).map((h) => h.normalize('NFKC').trim());
  const hasCodes = names.includes('指标代码');
  const columns = names.map((h): ObservationColumn | 'version' | null => {
    const t = TEMPLATE_HEADERS[h];
    if (t === 'ignore') return null;
    if (t !== undefined) return t;
    const column = columnOfHeader(h);
    // In the template 指标 / 地区 are names beside the codes: the codes win.
    if (hasCodes && (column === 'indicator' || column === 'region')) return null;
    return column;
  });
  const missing = (['indicator', 'region'] as const).filter((c) => !columns.includes(c));
  if (!columns.includes('value') && !columns.includes('numerator')) missing.push('value' as never);
  if (missing.length > 0) throw new HalfskyError('MISSING_COLUMNS', { path, columns: missing });
  const rows: UploadRow[] = [];
  for (const { line, fields } of data) {
    const cells: Partial<Record<ObservationColumn, string>> = {};
    let version: number | undefined;
    columns.forEach((column, i) => {
      const text = (fields[i] ?? '').trim();
      if (column === 'version') version = text === '' ? undefined : Number(text);
      else if (column !== null) cells[column] = text;
    });
    const entered = [cells.value, cells.numerator, cells.denominator].some((x) => (x ?? '') !== '');
    if (!entered) continue;
    rows.push({
      raw: { line, cells },
      ...(version !== undefined && Number.isInteger(version) ? { version } : {}),
    });
  }
  return rows;
}
