import { compareAmbition, type LinkedTarget } from '../../domain/evaluation/compare-ambition.js';
import { HalfskyError } from '../../domain/errors.js';
import { targetKey } from '../../domain/indicators/link-targets.js';
import type { Plan } from '../../domain/plan.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { getPlan, listPlans } from '../../store/plan-repository.js';
import { listTargetLinks } from '../../store/target-link-repository.js';
import { planRegionCode } from '../../domain/regions/plan-region-code.js';
import { loadPlanRegionTree } from '../reference-data/load-plan-region-tree.js';
import type { PlanComparison } from './evaluation-types.js';

/**
 * A lower plan (a county's) against the nearest stored plan of a region above it (its city's, else its
 * province's): which of its targets are less ambitious on the same indicator and year. No higher plan →
 * `referencePlanId` null and every target not comparable.
 */
export async function comparePlanWithParent(
  db: HalfskyDatabase,
  input: { planId: string },
  context: { regions?: RegionTree } = {},
): Promise<PlanComparison> {
  const plan = await getPlan(db, input.planId);
  if (!plan) throw new HalfskyError('PLAN_NOT_FOUND', { id: input.planId });
  const summaries = await listPlans(db);
  const tree = context.regions ?? loadPlanRegionTree(summaries);
  const code = planRegionCode(tree, plan);
  const ancestors = code === null ? [] : tree.ancestors(code).map((r) => r.code);
  const candidates = summaries
    .filter((p) => p.id !== plan.id)
    .map((p) => ({ id: p.id, depth: ancestors.indexOf(planRegionCode(tree, p) ?? '') }))
    .filter((p) => p.depth >= 0)
    .sort((a, b) => a.depth - b.depth);
  const reference = candidates[0] ? await getPlan(db, candidates[0].id) : null;
  const own = await linked(db, plan);
  const comparisons = compareAmbition(own, reference ? await linked(db, reference) : []);
  return {
    planId: plan.id,
    referencePlanId: reference?.id ?? null,
    comparisons,
    lessAmbitious: comparisons.filter((c) => c.verdict === 'less_ambitious').length,
  };
}

async function linked(db: HalfskyDatabase, plan: Plan): Promise<LinkedTarget[]> {
  const links = new Map((await listTargetLinks(db, plan.id)).map((l) => [l.targetKey, l.indicatorCode]));
  return plan.targets.flatMap((t) => {
    const key = targetKey(t);
    const code = links.get(key);
    return code
      ? [
          {
            key,
            indicatorCode: code,
            target: {
              indicator: t.indicator,
              comparator: t.comparator,
              value: t.value,
              unit: t.unit,
              year: t.year,
            },
          },
        ]
      : [];
  });
}
