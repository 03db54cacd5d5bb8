import type { PlanSummary } from '../api/types';

/** The plan that governs a region: its own, else the nearest one above it in the region path. */
export function planForRegion(
  plans: PlanSummary[],
  regionCode: string,
  path: string[],
): PlanSummary | undefined {
  return (
    plans.find((p) => p.regionCode === regionCode) ??
    [...path]
      .reverse()
      .map((c) => plans.find((p) => p.regionCode === c))
      .find(Boolean)
  );
}

/** A GB/T 2260 code's province and prefecture above it, top first, ending with the code itself. */
export function ancestorCodes(code: string): string[] {
  const six = code.padEnd(6, '0').slice(0, 6);
  return [...new Set([six.slice(0, 2) + '0000', six.slice(0, 4) + '00', six])];
}

/** The plan a user sees first: their region's, else the nearest one above it, else the first. */
export function userPlan(plans: PlanSummary[], regionCode: string): PlanSummary | undefined {
  return planForRegion(plans, regionCode, ancestorCodes(regionCode)) ?? plans[0];
}
