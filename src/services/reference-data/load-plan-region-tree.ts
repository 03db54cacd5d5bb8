import type { PlanSummary } from '../../domain/plan-summary.js';
import { resolveRegion } from '../../domain/regions/resolve-region.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import { loadRegionTree } from '../../store/regions/load-region-tree.js';

/**
 * The region tree with provinces, cities and counties, plus the townships of the stored plans' county-level
 * regions (九台, 镇原): what data of the plans may name. Not all 41,000 townships of China.
 */
export function loadPlanRegionTree(
  plans: readonly Pick<PlanSummary, 'region' | 'parentRegion'>[],
): RegionTree {
  const base = loadRegionTree();
  const counties = plans.flatMap((p) => {
    const within = p.parentRegion ? resolveRegion(base, p.parentRegion) : null;
    const found = resolveRegion(
      base,
      p.region,
      within?.kind === 'found' ? { within: within.region.code } : {},
    );
    return found.kind === 'found' && (found.region.level === 'county' || found.region.level === 'district')
      ? [found.region.code]
      : [];
  });
  return counties.length === 0 ? base : loadRegionTree({ townships: [...new Set(counties)] });
}
