import type { PlanLinks } from '../../domain/indicators/link-targets.js';
import type { Plan } from '../../domain/plan.js';
import type { PlanSource } from '../../domain/plan-source.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { findPlanId, savePlan } from '../../store/plan-repository.js';
import { storePlanLinks } from './store-plan-links.js';

/**
 * Stores a parsed plan and its indicator links. With `keepStoredId`, a plan already stored under another id
 * (same region and title) is updated rather than duplicated. The plan itself is saved in one transaction.
 */
export async function storePlan(
  db: HalfskyDatabase,
  parsed: Plan,
  source: PlanSource,
  options: { keepStoredId: boolean; now?: Date },
): Promise<{ plan: Plan; created: boolean; links: PlanLinks }> {
  const storedId = options.keepStoredId ? await findPlanId(db, parsed.region, parsed.title) : null;
  const plan = storedId ? { ...parsed, id: storedId } : parsed;
  const { created } = await savePlan(db, plan, source, options.now);
  const links = await storePlanLinks(db, plan);
  return { plan, created, links };
}
