import { cleanSeries, type YearValue } from './clean-series.js';
import { median } from './median.js';
import { MODIFIED_Z_THRESHOLD, modifiedZScore } from './modified-z-score.js';

export interface YearChange {
  fromYear: number;
  toYear: number;
  /** Change per year between consecutive data years (a two-year gap is halved). */
  change: number;
  /** Modified z-score of this change among the series' changes; null where undefined. */
  z: number | null;
  outlier: boolean;
}

export interface Volatility {
  volatile: boolean;
  reasons: ('outlier_change' | 'sign_flips')[];
  changes: YearChange[];
  /** Sign changes between consecutive changes larger than the dead band. */
  signFlips: number;
  /** Changes within ± this are treated as "no change" when counting flips. */
  deadband: number;
  reason: 'fewer_than_three_points' | null;
}

export interface VolatilityOptions {
  threshold?: number;
  /** Flips needed to call a series volatile; default 2 (up, down, up). */
  maxSignFlips?: number;
  /** Dead band as a share of the median |value|; default 0.01 (so 99.9 ↔ 99.8 is not a swing). */
  deadbandShare?: number;
}

/**
 * Flags a series as volatile (波动较大): a year-on-year change with modified z-score ≥ 3 among the
 * series' own changes (DHIS2 rule, see `modifiedZScore`), or ≥ 2 sign flips in the changes.
 * Fewer than 3 points → not volatile, reason `fewer_than_three_points` (one change cannot swing).
 */
export function volatility(series: readonly YearValue[], options: VolatilityOptions = {}): Volatility {
  const points = cleanSeries(series);
  const levels = points.map((p) => Math.abs(p.value));
  const deadband = (options.deadbandShare ?? 0.01) * (median(levels) ?? 0);
  const raw = points.slice(1).map((p, i) => {
    const prev = points[i] as { year: number; value: number };
    return { fromYear: prev.year, toYear: p.year, change: (p.value - prev.value) / (p.year - prev.year) };
  });
  if (points.length < 3) {
    const changes = raw.map((c) => ({ ...c, z: null, outlier: false }));
    return {
      volatile: false,
      reasons: [],
      changes,
      signFlips: 0,
      deadband,
      reason: 'fewer_than_three_points',
    };
  }
  const z = modifiedZScore(
    raw.map((c) => c.change),
    options.threshold ?? MODIFIED_Z_THRESHOLD,
  );
  const changes = raw.map((c, i) => ({ ...c, z: z.scores[i] ?? null, outlier: z.outliers[i] ?? false }));
  const signs = raw
    .map((c) => (Math.abs(c.change) <= deadband ? 0 : Math.sign(c.change)))
    .filter((s) => s !== 0);
  const signFlips = signs.slice(1).filter((s, i) => s !== signs[i]).length;
  const reasons: Volatility['reasons'] = [];
  if (changes.some((c) => c.outlier)) reasons.push('outlier_change');
  if (signFlips >= (options.maxSignFlips ?? 2)) reasons.push('sign_flips');
  return { volatile: reasons.length > 0, reasons, changes, signFlips, deadband, reason: null };
}
