import { isHalfskyError } from '../../domain/errors.js';
import { importPlan } from '../../plan-import/import-plan.js';
import { openDatabase } from '../../store/open-database.js';
import { findPlanId, savePlan } from '../../store/plan-repository.js';
import { storePlanLinks } from '../../services/plans/store-plan-links.js';
import type { CliContext } from '../cli-context.js';
import { labels } from '../labels.js';
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
  const bar = files.length > 1 ? await progressBar(ctx, files.length) : null;
  const reports: string[] = [];
  const errors: unknown[] = [];
  try {
    for (const file of files) {
      bar?.update({ file: file.path });
      try {
        const parsed = await importPlan(file.path, {
          maxBytes: ctx.config.maxUploadBytes,
          ...(file.id === undefined ? {} : { id: file.id }),
        });
        // Without an explicit id, a plan already stored under another id (same region and title) is updated.
        const storedId =
          file.id === undefined ? await findPlanId(db, parsed.plan.region, parsed.plan.title) : null;
        const plan = storedId ? { ...parsed.plan, id: storedId } : parsed.plan;
        const { created } = await savePlan(db, plan, parsed.source);
        await storePlanLinks(db, plan);
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
      bar?.increment();
    }
  } finally {
    bar?.stop();
    await db.destroy();
  }
  if (reports.length > 0) ctx.io.stdout.write(`${reports.join('\n')}\n`);
  for (const error of errors) printError(ctx.io.stderr, error, ctx.lang);
  if (files.length > 1) ctx.io.stdout.write(`${t.summary(reports.length, errors.length)}\n`);
  return errors.length === 0 ? 0 : 1;
}

interface Bar {
  update(payload: { file: string }): void;
  increment(): void;
  stop(): void;
}

/** A cli-progress bar on stderr; null when stderr is not a terminal (nothing to animate). */
async function progressBar(ctx: CliContext, total: number): Promise<Bar | null> {
  if (!ctx.io.stderr.isTTY) return null;
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    {
      stream: ctx.io.stderr as NodeJS.WritableStream,
      format: `[{bar}] {value}/{total} {file}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    update: (payload) => bar.update(payload),
    increment: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
