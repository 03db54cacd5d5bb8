import type { Indicator } from '../indicators/indicator.js';

/** Default year-on-year change needing a comment: 10 percentage points for shares, 30 % otherwise. */
export const DEFAULT_POINTS_THRESHOLD = 10;
export const DEFAULT_RELATIVE_THRESHOLD = 0.3;

export interface YearOnYearChange {
  /** Percentage points (for % and 百分点 units) or relative change (0.3 = 30 %). */
  kind: 'points' | 'relative';
  change: number;
  threshold: number;
  exceeds: boolean;
}

/**
 * How much a value moved against last year's, measured as the indicator's threshold is (the catalogue's
 * `changeThreshold`, else the defaults above). Declared results: no previous value → null (nothing to
 * compare); previous 0 with a relative threshold → any non-zero value exceeds (an infinite change).
 */
export function yearOnYearChange(
  indicator: Indicator,
  previous: number | null,
  value: number,
): YearOnYearChange | null {
  if (previous === null || !Number.isFinite(previous)) return null;
  const points = indicator.unit === '%' || indicator.unit === '百分点';
  if (points) {
    const threshold = indicator.changeThreshold ?? DEFAULT_POINTS_THRESHOLD;
    const change = value - previous;
    return { kind: 'points', change, threshold, exceeds: Math.abs(change) > threshold };
  }
  const threshold = indicator.changeThreshold ?? DEFAULT_RELATIVE_THRESHOLD;
  if (previous === 0) {
    return { kind: 'relative', change: value === 0 ? 0 : Infinity, threshold, exceeds: value !== 0 };
  }
  const change = (value - previous) / Math.abs(previous);
  return { kind: 'relative', change, threshold, exceeds: Math.abs(change) > threshold };
}
