import type { RegionTree } from './region-tree.js';
import { resolveRegion } from './resolve-region.js';

/**
 * The GB/T 2260 code of a plan's region: its name resolved within its parent region where the plan names one
 * (九台区 under 长春市; 安庆市 under 安徽省), else on its own; null when the name does not resolve to exactly one
 * region.
 */
export function planRegionCode(
  tree: RegionTree,
  plan: { region: string; parentRegion: string | null },
): string | null {
  const within = plan.parentRegion ? resolveRegion(tree, plan.parentRegion) : null;
  const found = resolveRegion(
    tree,
    plan.region,
    within?.kind === 'found' ? { within: within.region.code } : {},
  );
  return found.kind === 'found' ? found.region.code : null;
}
