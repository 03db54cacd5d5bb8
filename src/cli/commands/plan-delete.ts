import { HalfskyError } from '../../domain/errors.js';
import { openDatabase } from '../../store/open-database.js';
import { deletePlan } from '../../store/plan-repository.js';
import type { CliContext } from '../cli-context.js';
import { labels } from '../labels.js';

/** `plan delete ID`: removes a stored plan and everything in it. */
export async function planDelete(ctx: CliContext, id: string) {
  const db = await openDatabase(ctx.config);
  try {
    if (!(await deletePlan(db, id))) throw new HalfskyError('PLAN_NOT_FOUND', { id });
    ctx.io.stdout.write(`${labels(ctx.lang).deleted} ${id}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}
