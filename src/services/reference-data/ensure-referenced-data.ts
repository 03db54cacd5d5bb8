import { findIndicator } from '../../domain/indicators/catalog.js';
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
  const regionCodes = new Set(observations.map((o) => o.regionCode));
  const indicatorCodes = new Set(observations.map((o) => o.indicatorCode));
  const regions = new Map<string, Region>();
  for (const code of regionCodes)
    for (const r of [tree.get(code), ...tree.ancestors(code)]) if (r) regions.set(r.code, r);
  const indicators = [...indicatorCodes].flatMap((code) => findIndicator(code) ?? []);
  await syncIndicatorCatalog(db, indicators);
  await saveRegions(db, [...regions.values()]);
}
