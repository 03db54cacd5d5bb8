import { listPublished, publishResults, withdrawResults } from '../../services/publication/public-results.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';

export interface PublishOptions {
  plan?: string;
  year?: string;
  withdraw?: boolean;
  list?: boolean;
}

/**
 * `publish --plan ID --year YYYY [--withdraw]` publishes (or withdraws) a plan's results of a year to the
 * public section; `publish --list` prints what is published.
 */
export async function publish(ctx: CliContext, options: PublishOptions): Promise<number> {
  const zh = ctx.lang === 'zh';
  const db = await openDatabase(ctx.config);
  try {
    if (options.list) {
      const rows = await listPublished(db);
      if (rows.length === 0) ctx.io.stdout.write(zh ? '尚未公开发布任何结果。\n' : 'Nothing is published.\n');
      for (const p of rows) ctx.io.stdout.write(`${p.planId}\t${p.year}\t${p.planTitle}\t${p.publishedAt}\n`);
      return 0;
    }
    if (!options.plan || !options.year)
      throw new UsageError('需要 --plan 和 --year（或 --list）。', 'Needs --plan and --year (or --list).');
    if (!/^\d{4}$/.test(options.year))
      throw new UsageError(
        `年份应为四位数字：${options.year}`,
        `The year must have four digits: ${options.year}`,
      );
    const year = Number(options.year);
    if (options.withdraw) {
      await withdrawResults(db, options.plan, year);
      ctx.io.stdout.write(
        zh ? `已撤回 ${options.plan} ${year} 年度的公开发布。\n` : `Withdrew ${options.plan} ${year}.\n`,
      );
      return 0;
    }
    const p = await publishResults(db, { planId: options.plan, year, publishedBy: null });
    ctx.io.stdout.write(
      zh
        ? `已公开发布 ${p.planId} ${p.year} 年度结果（${p.publishedAt}）。\n`
        : `Published ${p.planId} ${p.year} (${p.publishedAt}).\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}
