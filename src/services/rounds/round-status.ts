import type { AccessUser } from '../../domain/access/access-user.js';
import { roundProgress, type RoundProgress } from '../../domain/rounds/round-progress.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import type { RoundContext } from './round-context.js';
import { visibleCells } from './round-cells-view.js';

/**
 * Completeness and timeliness of the cells of a round the user may see, with reminders for overdue
 * departments (none once the round is closed: nothing can be submitted then).
 */
export async function roundStatus(
  db: HalfskyDatabase,
  user: AccessUser,
  ctx: RoundContext,
  now: Date,
): Promise<RoundProgress> {
  const cells = await visibleCells(db, user, ctx);
  const progress = roundProgress(cells, ctx.round.deadline, now);
  return ctx.round.status === 'closed' ? { ...progress, reminders: [] } : progress;
}
