import { findIndicator } from '../../domain/indicators/catalog.js';
import type { Indicator } from '../../domain/indicators/indicator.js';
import type { Observation } from '../../domain/observations/observation.js';
import type { Region } from '../../domain/regions/region.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { syncIndicatorCatalog } from '../../store/indicator-repository.js';
import { saveRegions } from '../../store/region-repository.js';

/**
 * Stores just the regions (with their ancestors) and indicators that these observations refer to, so that
 * a write of a few cells does not rewrite thousands of reference rows. Idempotent.
 */
export async function ensureReferencedData(
  db: HalfskyDatabase,
  tree: RegionTree,
  observations: readonly Pick<Observation, 'regionCode' | 'indicatorCode'>[],
): Promise<void> {
  const regions = new Map<string, Region>();
  const indicators = new Map<string, Indicator>();
  for (const o of observations) {
    for (const r of [tree.get(o.regionCode), ...tree.ancestors(o.regionCode)]) if (r) regions.set(r.code, r);
    const indicator = findIndicator(o.indicatorCode);
    if (indicator) indicators.set(indicator.code, indicator);
  }
  await syncIndicatorCatalog(db, [...indicators.values()]);
  await saveRegions(db, [...regions.values()]);
}
