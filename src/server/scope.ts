import type { AccessUser } from '../domain/access/access-user.js';
import { can } from '../domain/access/can.js';
import type { Action } from '../domain/access/action.js';
import type { RegionTree } from '../domain/regions/region-tree.js';
import { planRegionCode } from '../domain/regions/plan-region-code.js';
import { NATIONAL_CODE } from '../domain/regions/region.js';
import { HalfskyError } from '../domain/errors.js';
import type { PlanSummary } from '../domain/plan-summary.js';
import type { HalfskyDatabase } from '../store/create-database.js';
import { getPlanSummary } from '../store/plan-repository.js';

/** Routes import the plan's region code with the scope checks that use it. */
export { planRegionCode };

/** A region's code followed by its ancestors' codes, as the policy wants it; [] for an unknown code. */
export function regionLineage(tree: RegionTree, code: string): string[] {
  const region = tree.get(code);
  return region ? [region.code, ...tree.ancestors(region.code).map((r) => r.code)] : [];
}

/**
 * Whether the user may perform the action on something in this region. A region that does not resolve
 * counts as national: only users scoped to the whole country reach it.
 */
export function canInRegion(
  user: AccessUser,
  tree: RegionTree,
  action: Action,
  regionCode: string | null,
): boolean {
  const lineage = regionCode ? regionLineage(tree, regionCode) : [NATIONAL_CODE];
  return can(user, action, { regionLineage: lineage.length > 0 ? lineage : [NATIONAL_CODE] });
}

/**
 * The stored plan summary `id` names, when the user may perform `action` in its region; otherwise
 * PLAN_NOT_FOUND, exactly as for a missing plan, so that a plan outside the scope is not disclosed.
 */
export async function visiblePlanSummary(
  db: HalfskyDatabase,
  tree: RegionTree,
  user: AccessUser,
  id: string,
  action: Action,
): Promise<PlanSummary> {
  const plan = await getPlanSummary(db, id);
  if (!plan || !canInRegion(user, tree, action, planRegionCode(tree, plan)))
    throw new HalfskyError('PLAN_NOT_FOUND', { id });
  return plan;
}
