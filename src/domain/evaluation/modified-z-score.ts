import { median } from './median.js';

/** DHIS2's default threshold for outliers by modified z-score. */
export const MODIFIED_Z_THRESHOLD = 3;
/** 0.6745 = the 0.75 quantile of the standard normal, making MAD comparable with a standard deviation. */
export const MODIFIED_Z_SCALE = 0.6745;

export interface ModifiedZScores {
  median: number | null;
  /** Median absolute deviation from the median. */
  mad: number | null;
  /** One score per input position; null for a null input or when no score is defined (see reason). */
  scores: (number | null)[];
  /** One flag per input position: score ≥ threshold. */
  outliers: boolean[];
  reason: 'fewer_than_three_values' | 'mad_zero' | null;
}

/**
 * DHIS2 modified z-score (dhis2-core outlier detection, MOD_Z_SCORE): 0.6745·|x − median| / MAD.
 * Works on any set of comparable numbers: one indicator across regions in one year, or a series'
 * year-on-year changes. Nulls keep their position and get a null score.
 *
 * Declared results: fewer than 3 values → all scores null, nothing flagged (a median of two says nothing);
 * MAD = 0 (half or more of the values equal) → all scores null, nothing flagged, as DHIS2 does (its SQL
 * gives z = 0 and its API reports NaN). Flagged when the score is ≥ threshold (DHIS2 uses >; the plans'
 * early-warning rule, "≥ 3", is followed here — the two differ only at exactly 3).
 */
export function modifiedZScore(
  values: readonly (number | null)[],
  threshold: number = MODIFIED_Z_THRESHOLD,
): ModifiedZScores {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const none = values.map(() => null);
  const noFlags = values.map(() => false);
  if (present.length < 3) {
    return { median: null, mad: null, scores: none, outliers: noFlags, reason: 'fewer_than_three_values' };
  }
  const mid = median(present) as number;
  const mad = median(present.map((v) => Math.abs(v - mid))) as number;
  if (mad === 0) return { median: mid, mad, scores: none, outliers: noFlags, reason: 'mad_zero' };
  const scores = values.map((v) =>
    v === null || !Number.isFinite(v) ? null : (MODIFIED_Z_SCALE * Math.abs(v - mid)) / mad,
  );
  const outliers = scores.map((z) => z !== null && z >= threshold);
  return { median: mid, mad, scores, outliers, reason: null };
}
