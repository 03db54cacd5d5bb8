import { cagr } from './cagr.js';
import { cleanSeries, type Point, type YearValue } from './clean-series.js';

export type ProjectionMethod = 'weighted_linear' | 'cagr';

export interface ProjectedValue {
  year: number;
  value: number;
  /** Approximate 95 % prediction interval; null with fewer than 3 points or for the CAGR method. */
  low: number | null;
  high: number | null;
  /** True when the value was cut to the unit's bounds (e.g. a % projected above 100). */
  clamped: boolean;
}

export interface Projection {
  /** The method actually used (CAGR falls back to weighted linear where growth is undefined). */
  method: ProjectionMethod;
  points: Point[];
  /** Weight of each point: years since the first point + 1 (oldest 1, later years more). */
  weights: number[];
  /** Weighted least-squares line value = intercept + slope·year; null for the CAGR method. */
  slope: number | null;
  intercept: number | null;
  /** CAGR from first to last point; null for the linear method. */
  growthRate: number | null;
  values: ProjectedValue[];
}

export interface ProjectionOptions {
  years?: readonly number[];
  method?: ProjectionMethod;
  unit?: string | null;
  /** Bounds to clamp to; default unitBounds(unit): [0, 100] for '%', [0, 1000] for '‰', not below 0 for most others. */
  bounds?: readonly [number, number] | null;
}

// Two-sided 95 % Student t quantiles for 1…30 degrees of freedom; 1.96 beyond.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * Projects a series to target years (default 2025 and 2030), showing the data behind it.
 * Weighted linear regression (weighted least squares with w = year − firstYear + 1, so with annual data
 * the k-th point weighs k); the interval is the WLS prediction interval
 * ŷ ± t(0.975, n−2)·s·√(1/w₀ + 1/Σw + (x₀ − x̄)²/Sxx), s² = Σw·r²/(n−2), w₀ = the latest point's weight.
 * CAGR method: last·(1 + CAGR(first → last))^(year − lastYear), no interval.
 * Empty or single-point series → null (no trend from one value). Nulls are ignored, not zeros.
 */
export function projection(series: readonly YearValue[], options: ProjectionOptions = {}): Projection | null {
  const points = cleanSeries(series);
  if (points.length < 2) return null;
  const years = options.years ?? [2025, 2030];
  const bounds = options.bounds === undefined ? unitBounds(options.unit ?? null) : options.bounds;
  const first = points[0] as Point;
  const last = points[points.length - 1] as Point;
  const weights = points.map((p) => p.year - first.year + 1);
  const growthRate = options.method === 'cagr' ? cagr(last.value, first.value, last.year, first.year) : null;
  if (growthRate !== null) {
    const values = years.map((year) =>
      clamp(year, last.value * Math.pow(1 + growthRate, year - last.year), null, null, bounds),
    );
    return { method: 'cagr', points, weights, slope: null, intercept: null, growthRate, values };
  }
  const sw = sum(weights);
  const xBar = sum(points.map((p, i) => (weights[i] as number) * p.year)) / sw;
  const yBar = sum(points.map((p, i) => (weights[i] as number) * p.value)) / sw;
  const sxx = sum(points.map((p, i) => (weights[i] as number) * (p.year - xBar) ** 2));
  const sxy = sum(points.map((p, i) => (weights[i] as number) * (p.year - xBar) * (p.value - yBar)));
  const slope = sxy / sxx;
  const intercept = yBar - slope * xBar;
  const n = points.length;
  const s2 =
    n >= 3
      ? sum(points.map((p, i) => (weights[i] as number) * (p.value - intercept - slope * p.year) ** 2)) /
        (n - 2)
      : null;
  const t = T95[n - 3] ?? 1.96;
  const w0 = weights[weights.length - 1] as number;
  const values = years.map((year) => {
    const value = intercept + slope * year;
    if (s2 === null) return clamp(year, value, null, null, bounds);
    const half = t * Math.sqrt(s2 * (1 / w0 + 1 / sw + (year - xBar) ** 2 / sxx));
    return clamp(year, value, value - half, value + half, bounds);
  });
  return { method: 'weighted_linear', points, weights, slope, intercept, growthRate: null, values };
}

const PERCENT = [0, 100] as const;
const PER_MILLE = [0, 1000] as const;
const NON_NEGATIVE = [0, Infinity] as const;

/**
 * The range a value of this unit can take: a share within 0–100 % or 0–1000 ‰; a difference in 百分点 (a
 * gap between groups) either sign; every other quantity (rates per 10万, counts, years, 元) not below zero.
 * Null for no unit.
 */
export function unitBounds(unit: string | null): readonly [number, number] | null {
  if (unit === null) return null;
  if (unit === '%') return PERCENT;
  if (unit === '‰') return PER_MILLE;
  if (unit === '百分点') return null;
  return NON_NEGATIVE;
}

function clamp(
  year: number,
  value: number,
  low: number | null,
  high: number | null,
  bounds: readonly [number, number] | null,
): ProjectedValue {
  if (bounds === null) return { year, value, low, high, clamped: false };
  const cut = (v: number) => Math.min(bounds[1], Math.max(bounds[0], v));
  const clamped = cut(value);
  return {
    year,
    value: clamped,
    low: low === null ? null : cut(low),
    high: high === null ? null : cut(high),
    clamped: clamped !== value,
  };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
