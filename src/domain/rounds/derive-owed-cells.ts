import type { Indicator } from '../indicators/indicator.js';
import { cellBreakdowns } from './cell-breakdown.js';
import type { OwedCell } from './round.js';

/**
 * The cells owed in a round: every quantitative indicator the plan's targets link to, for the plan's region
 * and each of its sub-regions, in each breakdown of the indicator; each owed by the indicator's supplying
 * department. Qualitative indicators are assessed by narrative, not numbers, and owe nothing. Ordered by
 * indicator (as given), then region (as given), then breakdown; duplicates are dropped.
 */
export function deriveOwedCells(
  indicators: readonly Indicator[],
  regionCodes: readonly string[],
): OwedCell[] {
  const seenIndicators = new Set<string>();
  const regions = [...new Set(regionCodes)];
  const cells: OwedCell[] = [];
  for (const indicator of indicators) {
    if (indicator.kind !== 'quantitative' || seenIndicators.has(indicator.code)) continue;
    seenIndicators.add(indicator.code);
    const breakdowns = cellBreakdowns(indicator);
    for (const regionCode of regions)
      for (const b of breakdowns)
        cells.push({ indicatorCode: indicator.code, regionCode, ...b, department: indicator.department });
  }
  return cells;
}
