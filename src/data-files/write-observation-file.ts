import { writeFile } from 'node:fs/promises';
import { OBSERVATION_COLUMNS } from '../domain/observations/observation-columns.js';
import type { Observation } from '../domain/observations/observation.js';
import { formatCsv } from './format-csv.js';
import type { ObservationFileFormat } from './read-observation-file.js';

/** The cells of one observation in file order: codes for indicator and region, so the file imports again. */
function cellsOf(o: Observation): (string | number)[] {
  return [
    o.indicatorCode,
    o.regionCode,
    o.year,
    o.sex,
    o.urbanRural,
    o.age,
    o.value,
    o.numerator ?? '',
    o.denominator ?? '',
    o.comment ?? '',
    o.simulated ? 'true' : 'false',
  ];
}

/** Observations as a tidy file in the import format (CSV text or XLSX bytes). */
export async function formatObservationFile(
  observations: readonly Observation[],
  format: ObservationFileFormat,
): Promise<string | Buffer> {
  if (format === 'csv')
    return formatCsv([[...OBSERVATION_COLUMNS], ...observations.map((o) => cellsOf(o).map(String))]);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('observations');
  sheet.addRow([...OBSERVATION_COLUMNS]);
  for (const o of observations) sheet.addRow(cellsOf(o));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes observations to a file in the import format. */
export async function writeObservationFile(
  path: string,
  observations: readonly Observation[],
  format: ObservationFileFormat,
): Promise<void> {
  await writeFile(path, await formatObservationFile(observations, format));
}
