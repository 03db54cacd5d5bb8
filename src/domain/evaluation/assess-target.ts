import type { YearValue } from './clean-series.js';
import { cleanSeries } from './clean-series.js';
import {
  assessMilestone,
  type Assessment,
  type AssessmentOptions,
  type MilestoneTarget,
} from './assess-milestone.js';

export interface TargetAssessment {
  /** The milestone that counts now: the first whose year is after the latest data year, else the last one. */
  current: Assessment | null;
  /** Every milestone, earliest first: a passed one judged on data up to its own year (its verdict). */
  milestones: Assessment[];
}

/**
 * Assesses one indicator's milestones (e.g. 13/10万 by 2025 and 12/10万 by 2030) against its series.
 * A milestone has passed once the latest data year reaches its year; passed milestones are judged with
 * data up to their year (`final`), the rest with all data. Both results are kept; `current` is the next
 * milestone not yet passed (the last milestone when all have). No targets → `{ current: null, milestones: [] }`.
 */
export function assessTarget(
  series: readonly YearValue[],
  targets: readonly MilestoneTarget[],
  options: AssessmentOptions = {},
): TargetAssessment {
  if (targets.length === 0) return { current: null, milestones: [] };
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const points = cleanSeries(series, options.asOfYear ?? null);
  const latestYear = points[points.length - 1]?.year ?? null;
  const milestones = sorted.map((target) => {
    const passed = latestYear !== null && latestYear >= target.year;
    const asOfYear = passed ? target.year : (options.asOfYear ?? null);
    return assessMilestone(series, target, { ...options, asOfYear });
  });
  const currentIndex = sorted.findIndex((t) => latestYear === null || t.year > latestYear);
  const current = milestones[currentIndex === -1 ? milestones.length - 1 : currentIndex] ?? null;
  return { current, milestones };
}
