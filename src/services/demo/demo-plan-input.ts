import { findIndicator, INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import type { PlanTargetLink } from '../../domain/indicators/link-targets.js';
import type { DemoPlanInput } from '../../domain/demo/simulate-observations.js';
import type { Plan } from '../../domain/plan.js';
import { planRegionCode } from '../../domain/regions/plan-region-code.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';

/** What the demo generator needs of one plan: its region, the region's children, its linked quantitative targets. */
export function demoPlanInput(
  plan: Plan,
  links: readonly Pick<PlanTargetLink, 'target' | 'indicatorCode'>[],
  tree: RegionTree,
): DemoPlanInput | null {
  const regionCode = planRegionCode(tree, plan);
  if (regionCode === null) return null;
  const targets = links.flatMap((l) => {
    const indicator = l.indicatorCode ? findIndicator(l.indicatorCode, INDICATOR_CATALOG) : undefined;
    return indicator && indicator.kind === 'quantitative' ? [{ target: l.target, indicator }] : [];
  });
  return {
    planId: plan.id,
    regionCode,
    childRegionCodes: tree.children(regionCode).map((r) => r.code),
    targets,
  };
}
