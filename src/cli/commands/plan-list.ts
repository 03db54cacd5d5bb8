import { openDatabase } from '../../store/open-database.js';
import { listPlans } from '../../store/plan-repository.js';
import type { CliContext } from '../cli-context.js';
import { formatTable } from '../format-table.js';
import { labels, levelLabel } from '../labels.js';

/** `plan list`: every stored plan with its counts. */
export async function planList(ctx: CliContext) {
  const t = labels(ctx.lang);
  const db = await openDatabase(ctx.config);
  try {
    const plans = await listPlans(db);
    if (plans.length === 0) {
      ctx.io.stdout.write(`${t.noPlans}\n`);
      return 0;
    }
    const table = formatTable(
      [
        { header: t.id },
        { header: t.title, maxWidth: 40 },
        { header: t.region },
        { header: t.level },
        { header: t.goals, align: 'right' },
        { header: t.measures, align: 'right' },
        { header: t.targets, align: 'right' },
        { header: t.updated },
      ],
      plans.map((p) => [
        p.id,
        p.title,
        p.region,
        levelLabel(ctx.lang, p.level),
        String(p.counts.goals),
        String(p.counts.measures),
        String(p.counts.targets),
        p.updatedAt.slice(0, 16).replace('T', ' '),
      ]),
    );
    ctx.io.stdout.write(`${table}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}
