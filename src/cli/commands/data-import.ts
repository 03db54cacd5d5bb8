import { HalfskyError } from '../../domain/errors.js';
import { describeRowProblem } from '../../domain/observations/row-problem.js';
import { importObservations } from '../../services/observations/import-observations.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { progressBar } from '../progress-bar.js';

/** Rows from which a progress bar is worth showing. */
const PROGRESS_FROM = 5000;

/**
 * `data import FILE [--dry-run]`: validates every row of a tidy CSV/XLSX file and stores all of them in one
 * transaction, or, when any row is bad, prints every problem with its line and stores nothing (exit 1).
 */
export async function dataImport(
  ctx: CliContext,
  file: string,
  options: { dryRun?: boolean },
): Promise<number> {
  const db = await openDatabase(ctx.config);
  const bar = await progressBar(ctx, { minTotal: PROGRESS_FROM });
  try {
    const result = await importObservations(db, file, {
      maxBytes: ctx.config.maxUploadBytes,
      dryRun: options.dryRun ?? false,
      onProgress: (done, total) => bar.update(done, total),
    });
    if (result.kind === 'invalid') {
      const zhFirst = ctx.lang === 'zh';
      for (const { line, problem } of result.errors) {
        const { zh, en } = describeRowProblem(problem);
        ctx.io.stderr.write(
          zhFirst
            ? `第 ${line} 行：${zh} / line ${line}: ${en}\n`
            : `line ${line}: ${en} / 第 ${line} 行：${zh}\n`,
        );
      }
      const badRows = new Set(result.errors.map((e) => e.line)).size;
      throw new HalfskyError('INVALID_ROWS', { path: file, rows: badRows, problems: result.errors.length });
    }
    const summary = result.dryRun
      ? {
          zh: `检查通过：${result.rows} 行数据均有效（试运行，未保存）`,
          en: `${result.rows} rows are valid (dry run, nothing stored)`,
        }
      : {
          zh: `已导入 ${result.rows} 行：新增 ${result.inserted}，更新 ${result.updated}`,
          en: `imported ${result.rows} rows: ${result.inserted} new, ${result.updated} updated`,
        };
    ctx.io.stdout.write(`${ctx.lang === 'zh' ? summary.zh : summary.en}\n`);
    return 0;
  } finally {
    bar.stop();
    await db.destroy();
  }
}
