import { isHalfskyError } from '../../domain/errors.js';
import { importPlanFile } from '../../services/plans/import-plan-file.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { labels } from '../labels.js';
import { progressBar } from '../progress-bar.js';
import { printError } from '../print-error.js';

export interface FileToImport {
  path: string;
  /** Plan id to use instead of the one derived from the document. */
  id?: string;
}

/**
 * Imports each file as one plan, each in its own transaction: a file that fails leaves nothing behind and
 * does not stop the others. Shows a progress bar on a terminal when there is more than one file.
 * Returns the exit code: 0 when every file was imported, else 1.
 */
export async function importFiles(ctx: CliContext, files: FileToImport[]): Promise<number> {
  const t = labels(ctx.lang);
  const db = await openDatabase(ctx.config);
  const bar = await progressBar(ctx, { minTotal: 2 });
  const reports: string[] = [];
  const errors: unknown[] = [];
  try {
    for (const [i, file] of files.entries()) {
      bar.update(i, files.length, file.path);
      try {
        const { plan, created } = await importPlanFile(db, file.path, {
          maxBytes: ctx.config.maxUploadBytes,
          ...(file.id === undefined ? {} : { id: file.id }),
        });
        const goals = plan.areas.reduce((n, a) => n + a.goals.length, 0);
        const measures = plan.areas.reduce((n, a) => n + a.measures.length, 0);
        const counts = t.counts(
          plan.areas.length,
          goals,
          measures,
          plan.projects.length,
          plan.targets.length,
        );
        reports.push(`${created ? t.created : t.updatedPlan} ${plan.id}：${plan.title}（${counts}）`);
      } catch (error) {
        errors.push(error);
        if (!isHalfskyError(error) && files.length === 1) throw error;
      }
    }
  } finally {
    bar.stop();
    await db.destroy();
  }
  if (reports.length > 0) ctx.io.stdout.write(`${reports.join('\n')}\n`);
  for (const error of errors) printError(ctx.io.stderr, error, ctx.lang);
  if (files.length > 1) ctx.io.stdout.write(`${t.summary(reports.length, errors.length)}\n`);
  return errors.length === 0 ? 0 : 1;
}
