import type { PlanLinks } from '../../domain/indicators/link-targets.js';
import type { Plan } from '../../domain/plan.js';
import { importPlan } from '../../plan-import/import-plan.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { storePlan } from './store-plan.js';

export interface ImportPlanFileOptions {
  maxBytes: number;
  /** Plan id to use instead of the one derived from the document. */
  id?: string;
}

/**
 * Reads a plan document and stores it with its indicator links, in its own transaction (a failure leaves
 * nothing behind). Without an explicit id, a plan already stored under another id (same region and title)
 * is updated rather than duplicated.
 */
export async function importPlanFile(
  db: HalfskyDatabase,
  path: string,
  options: ImportPlanFileOptions,
): Promise<{ plan: Plan; created: boolean; links: PlanLinks }> {
  const parsed = await importPlan(path, {
    maxBytes: options.maxBytes,
    ...(options.id === undefined ? {} : { id: options.id }),
  });
  return storePlan(db, parsed.plan, parsed.source, { keepStoredId: options.id === undefined });
}
