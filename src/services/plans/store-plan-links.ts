import { INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import { linkPlan, type PlanLinks } from '../../domain/indicators/link-targets.js';
import type { Plan } from '../../domain/plan.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { syncIndicatorCatalog } from '../../store/indicator-repository.js';
import { getTargetLinkOverrides, saveTargetLinks } from '../../store/target-link-repository.js';

/**
 * Links a stored plan's targets to the indicator catalogue and stores the links, keeping manual overrides
 * (they also win in linkPlan). Run after every plan import; the catalogue is synced first.
 */
export async function storePlanLinks(db: HalfskyDatabase, plan: Plan): Promise<PlanLinks> {
  await syncIndicatorCatalog(db, INDICATOR_CATALOG);
  const links = linkPlan(plan, INDICATOR_CATALOG, await getTargetLinkOverrides(db, plan.id));
  await saveTargetLinks(db, plan.id, links.links);
  return links;
}
