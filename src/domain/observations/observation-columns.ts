/**
 * Columns of the tidy observation file (CSV or XLSX), with the Chinese headers accepted for each. The same
 * names are written on export, so an exported file imports again unchanged.
 */
export const OBSERVATION_COLUMNS = [
  'indicator',
  'region',
  'year',
  'sex',
  'urban_rural',
  'age',
  'value',
  'numerator',
  'denominator',
  'comment',
  'simulated',
] as const;
export type ObservationColumn = (typeof OBSERVATION_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ObservationColumn[] = ['indicator', 'region', 'year'];

export const CHINESE_HEADERS: Readonly<Record<ObservationColumn, string>> = {
  indicator: '指标',
  region: '地区',
  year: '年份',
  sex: '性别',
  urban_rural: '城乡',
  age: '年龄',
  value: '数值',
  numerator: '分子',
  denominator: '分母',
  comment: '备注',
  simulated: '模拟数据',
};

/** The column a header names (English or Chinese, any case, spaces ignored), or null. */
export function columnOfHeader(header: string): ObservationColumn | null {
  const h = header.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '_');
  for (const column of OBSERVATION_COLUMNS) {
    if (h === column || h === CHINESE_HEADERS[column]) return column;
  }
  return null;
}

/** One data row of a file: its line number and its cells by column ('' where blank or absent). */
export interface RawObservationRow {
  line: number;
  cells: Readonly<Partial<Record<ObservationColumn, string>>>;
}
