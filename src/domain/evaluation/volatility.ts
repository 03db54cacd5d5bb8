import { cleanSeries, type YearValue } from './clean-series.js';
import { median } from './median.js';
import { MODIFIED_Z_SCALE, MODIFIED_Z_THRESHOLD } from './modified-z-score.js';

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
  /** Dead band as a share of the median |value|; default VOLATILITY_DEADBAND_SHARE. */
  deadbandShare?: number;
  /** Least MAD of the changes, as a share of the median |value|; default VOLATILITY_MAD_FLOOR_SHARE. */
  madFloorShare?: number;
}

/**
 * A year-on-year change within ± 5 % of the series' typical level is no change when flips are counted: the
 * year-to-year sampling noise of a county's annual rate (a few per cent of its level) stays inside it, so
 * flips count real reversals, not noise around a flat trend.
 */
export const VOLATILITY_DEADBAND_SHARE = 0.05;
/**
 * The usual range of a series' changes is never taken narrower than 2 % of its level: a steady series has a
 * tiny MAD, and any small wobble would otherwise score z ≥ 3. So a swing is at least 4.45 × 2 % ≈ 9 % of the
 * level away from the series' typical change.
 */
export const VOLATILITY_MAD_FLOOR_SHARE = 0.02;
/** Changes needed before one can stand out from the others (four data points). */
export const MIN_CHANGES_FOR_SWING = 3;

/**
 * Flags a series as volatile (波动较大), PRODUCT.md's "year-on-year swings beyond the usual range, repeated
 * sign flips", made robust for short annual series:
 * - a swing: with at least three changes, one whose modified z-score among the series' own changes
 *   (DHIS2's 0.6745·|x − median| / MAD) is ≥ 3, the MAD floored at 2 % of the series' median |value|;
 * - repeated flips: ≥ 2 sign changes among the year-on-year changes larger than 5 % of that level.
 * Fewer than 3 points → not volatile, reason `fewer_than_three_points` (one change cannot swing).
 */
export function volatility(series: readonly YearValue[], options: VolatilityOptions = {}): Volatility {
  const points = cleanSeries(series);
  const levels = points.map((p) => Math.abs(p.value));
  const level = median(levels) ?? 0;
  const deadband = (options.deadbandShare ?? VOLATILITY_DEADBAND_SHARE) * level;
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
  const threshold = options.threshold ?? MODIFIED_Z_THRESHOLD;
  const values = raw.map((c) => c.change);
  const mid = median(values) as number;
  const mad = Math.max(
    median(values.map((v) => Math.abs(v - mid))) as number,
    (options.madFloorShare ?? VOLATILITY_MAD_FLOOR_SHARE) * level,
  );
  const scored = raw.length >= MIN_CHANGES_FOR_SWING && mad > 0;
  const changes = raw.map((c) => {
    const z = scored ? (MODIFIED_Z_SCALE * Math.abs(c.change - mid)) / mad : null;
    return { ...c, z, outlier: z !== null && z >= threshold };
  });
  const signs = raw
    .map((c) => (Math.abs(c.change) <= deadband ? 0 : Math.sign(c.change)))
    .filter((s) => s !== 0);
  const signFlips = signs.slice(1).filter((s, i) => s !== signs[i]).length;
  const reasons: Volatility['reasons'] = [];
  if (changes.some((c) => c.outlier)) reasons.push('outlier_change');
  if (signFlips >= (options.maxSignFlips ?? 2)) reasons.push('sign_flips');
  return { volatile: reasons.length > 0, reasons, changes, signFlips, deadband, reason: null };
}
