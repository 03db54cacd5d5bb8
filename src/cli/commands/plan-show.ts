import { HalfskyError } from '../../domain/errors.js';
import { toGoldJson } from '../../plan-import/to-gold-json.js';
import { openDatabase } from '../../store/open-database.js';
import { getPlan } from '../../store/plan-repository.js';
import type { CliContext } from '../cli-context.js';
import { formatPlan } from '../format-plan.js';

/** `plan show ID [--json]`: a stored plan, as a summary or in the gold JSON schema. */
export async function planShow(ctx: CliContext, id: string, options: { json?: boolean }) {
  const db = await openDatabase(ctx.config);
  try {
    const plan = await getPlan(db, id);
    if (!plan) throw new HalfskyError('PLAN_NOT_FOUND', { id });
    ctx.io.stdout.write(
      options.json ? `${JSON.stringify(toGoldJson(plan), null, 2)}\n` : formatPlan(plan, ctx.lang),
    );
    return 0;
  } finally {
    await db.destroy();
  }
}
