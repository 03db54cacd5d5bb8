import { INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { syncIndicatorCatalog } from '../../store/indicator-repository.js';
import { listPlans } from '../../store/plan-repository.js';
import { saveRegions } from '../../store/region-repository.js';
import { loadPlanRegionTree } from './load-plan-region-tree.js';

/**
 * Brings the reference tables up to date: the indicator catalogue from code, and the regions of the tree
 * (provinces, cities, counties and the townships of the plans' counties). Idempotent; returns the tree.
 */
export async function syncReferenceData(db: HalfskyDatabase): Promise<RegionTree> {
  const tree = loadPlanRegionTree(await listPlans(db));
  await syncIndicatorCatalog(db, INDICATOR_CATALOG);
  await saveRegions(db, [...tree.regions()]);
  return tree;
}
