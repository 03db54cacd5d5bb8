import { cagr } from './cagr.js';
import type { Point } from './clean-series.js';

/** The seven statuses of an assessment (Open SDG's four progress categories plus three of ours). */
export const PROGRESS_STATUSES = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited_progress',
  'deterioration',
  'insufficient_data',
  'not_assessable',
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Which way is progress: `up` = higher is better, `down` = lower is better. */
export type Direction = 'up' | 'down';

/** How the rates were computed: compound (`cagr`) or absolute change per year (`linear`, the zero fallback). */
export type RateMethod = 'cagr' | 'linear';

/** Thresholds on p = observed / |required| (Open SDG defaults, sdg-build `ProgressMeasure.py`). */
export const RATIO_THRESHOLDS = { high: 0.95, med: 0.6, low: 0 } as const;
/** Thresholds on the observed CAGR when there is no numeric target (same source). */
export const GROWTH_THRESHOLDS = { high: 0.015, med: 0.005, low: 0 } as const;
/** Exponent `a` of the Open SDG natural-limit factor C = 1 − (y0 / y_lim)^a. */
export const LIMIT_EXPONENT = 4.44;

export interface ProgressInput {
  base: Point;
  latest: Point;
  direction: Direction;
  /** The value to reach and the year it is due; null for "逐步提高 / 逐步降低" (no numeric target). */
  target: Point | null;
  /** Natural maximum (100 for a %) that scales the no-target thresholds down near it; up-direction only. */
  naturalLimit?: number | null;
}

export interface ProgressResult {
  status: ProgressStatus;
  /** Observed rate per year, base → latest: a CAGR fraction, or units per year when `rateMethod` is linear. */
  observedRate: number | null;
  /** Rate per year needed from base to reach the target on time; null without a target. */
  requiredRate: number | null;
  /** p = sign·d·observed / |required|; null without a target or when required is 0. */
  ratio: number | null;
  rateMethod: RateMethod | null;
  /** Open SDG factor C applied to positive no-target thresholds; 1 when no limit applies. */
  limitFactor: number;
  /** Code saying why the status is `insufficient_data` / `not_assessable` or how zero was handled. */
  reason: string | null;
}

const NONE = { observedRate: null, requiredRate: null, ratio: null, rateMethod: null, limitFactor: 1 };

/**
 * The Open SDG / Statistics Canada progress rule (open-sdg/sdg-build `sdg/ProgressMeasure.py`).
 *
 * With a target: achieved if latest is at or beyond it; else p = sign·d·CAGR_obs / |CAGR_req| (d = +1 up,
 * −1 down; sign = −1 for all-negative data) → on track p ≥ 0.95, needs acceleration ≥ 0.60, limited ≥ 0,
 * deterioration < 0. Zero fallback (ours, not Open SDG's 0.001 substitution, which makes any decline to a
 * zero target look hopeless): when base, latest or target is 0 or the signs differ, both rates are linear
 * (units per year) and p = d·obs / |req|. If required is 0 (base already exactly at target) and latest is
 * not, the series moved the wrong way: deterioration, ratio null.
 *
 * Without a target: d·sign·CAGR_obs ≥ 1.5 %·C on track, ≥ 0.5 %·C needs acceleration, ≥ 0 limited, else
 * deterioration; C = 1 − (y0/limit)^4.44 for an up indicator with a natural maximum (C = 0 at the limit:
 * on track unless falling). Base 0: latest 0 → no change (down: held at the natural minimum, on track; up:
 * limited progress); latest moved off zero the right way → on track, the wrong way → deterioration.
 * Opposite signs → not assessable. Fewer than two years (latest.year ≤ base.year) → insufficient data.
 */
export function progressStatus(input: ProgressInput): ProgressResult {
  const { base, latest, target } = input;
  if (latest.year <= base.year)
    return { ...NONE, status: 'insufficient_data', reason: 'fewer_than_two_points' };
  return target === null ? withoutTarget(input) : withTarget(input, target);
}

function withTarget({ base, latest, direction }: ProgressInput, target: Point): ProgressResult {
  const d = direction === 'up' ? 1 : -1;
  if (target.year <= base.year)
    return { ...NONE, status: 'not_assessable', reason: 'target_year_not_after_base' };
  const values = [base.value, latest.value, target.value];
  const compound = values.every((v) => v > 0) || values.every((v) => v < 0);
  const sign = compound && base.value < 0 ? -1 : 1;
  const observedRate = compound
    ? (cagr(latest.value, base.value, latest.year, base.year) as number)
    : (latest.value - base.value) / (latest.year - base.year);
  const requiredRate = compound
    ? (cagr(target.value, base.value, target.year, base.year) as number)
    : (target.value - base.value) / (target.year - base.year);
  const ratio = requiredRate === 0 ? null : (sign * d * observedRate) / Math.abs(requiredRate);
  const rates = {
    observedRate,
    requiredRate,
    ratio,
    rateMethod: compound ? 'cagr' : 'linear',
    limitFactor: 1,
  } as const;
  const reason = compound ? null : 'zero_or_sign_change_linear_rates';
  const eps = 1e-9 * Math.max(1, Math.abs(target.value));
  if (d * (latest.value - target.value) >= -eps) return { ...rates, status: 'achieved', reason };
  if (ratio === null) return { ...rates, status: 'deterioration', reason: 'base_at_target_then_lost' };
  return { ...rates, status: classify(ratio, RATIO_THRESHOLDS), reason };
}

function withoutTarget({ base, latest, direction, naturalLimit }: ProgressInput): ProgressResult {
  const d = direction === 'up' ? 1 : -1;
  if (base.value * latest.value < 0) return { ...NONE, status: 'not_assessable', reason: 'mixed_signs' };
  if (base.value === 0) {
    if (latest.value === 0) {
      const status = direction === 'down' ? 'on_track' : 'limited_progress';
      return { ...NONE, observedRate: 0, status, reason: 'unchanged_at_zero' };
    }
    const status = d * latest.value > 0 ? 'on_track' : 'deterioration';
    return { ...NONE, status, reason: 'growth_from_zero' };
  }
  const observedRate = cagr(latest.value, base.value, latest.year, base.year) as number;
  const signed = (base.value < 0 ? -1 : 1) * d * observedRate;
  const limitFactor = limitScale(base.value, naturalLimit ?? null, direction);
  const out = { ...NONE, observedRate, rateMethod: 'cagr', limitFactor } as const;
  if (limitFactor === 0) {
    return { ...out, status: signed >= 0 ? 'on_track' : 'deterioration', reason: 'held_at_natural_limit' };
  }
  const scaled = {
    high: GROWTH_THRESHOLDS.high * limitFactor,
    med: GROWTH_THRESHOLDS.med * limitFactor,
    low: GROWTH_THRESHOLDS.low,
  };
  return { ...out, status: classify(signed, scaled), reason: null };
}

function limitScale(base: number, limit: number | null, direction: Direction): number {
  if (limit === null || direction !== 'up' || limit <= 0 || base < 0 || base > limit) return 1;
  return 1 - Math.pow(base / limit, LIMIT_EXPONENT);
}

function classify(value: number, t: { high: number; med: number; low: number }): ProgressStatus {
  if (value >= t.high) return 'on_track';
  if (value >= t.med) return 'needs_acceleration';
  if (value >= t.low) return 'limited_progress';
  return 'deterioration';
}
