import { extname, resolve } from 'node:path';
import { formatObservationFile, writeObservationFile } from '../../data-files/write-observation-file.js';
import type { ObservationFileFormat } from '../../data-files/read-observation-file.js';
import { selectObservations } from '../../services/observations/export-observations.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';

export interface DataExportOptions {
  output?: string;
  indicator?: string;
  region?: string;
  format?: string;
}

/**
 * `data export [-o FILE] [--indicator X] [--region Y] [--format csv|xlsx]`: writes stored observations in the
 * import format (codes for indicator and region), to FILE or, for CSV, to standard output.
 */
export async function dataExport(ctx: CliContext, options: DataExportOptions): Promise<number> {
  const format = formatOf(options);
  if (format === 'xlsx' && options.output === undefined)
    throw new UsageError('导出 XLSX 需要用 -o 指定文件。', 'Exporting XLSX needs an output file (-o).');
  const db = await openDatabase(ctx.config);
  try {
    const observations = await selectObservations(db, {
      ...(options.indicator === undefined ? {} : { indicator: options.indicator }),
      ...(options.region === undefined ? {} : { region: options.region }),
    });
    if (options.output === undefined) {
      ctx.io.stdout.write((await formatObservationFile(observations, 'csv')) as string);
      return 0;
    }
    await writeObservationFile(resolve(options.output), observations, format);
    ctx.io.stdout.write(
      ctx.lang === 'zh'
        ? `已导出 ${observations.length} 行：${options.output}\n`
        : `exported ${observations.length} rows: ${options.output}\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

function formatOf(options: DataExportOptions): ObservationFileFormat {
  const format =
    options.format ?? (options.output && extname(options.output).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx')
    throw new UsageError(
      `不支持的格式“${format}”，应为 csv 或 xlsx。`,
      `Unsupported format "${format}": use csv or xlsx.`,
    );
  return format;
}
