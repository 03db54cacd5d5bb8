import { unitBounds } from './projection.js';
import type { Comparator } from '../plan.js';
import { DEFAULT_TOLERANCES } from './comparator-rule.js';
import { MODIFIED_Z_SCALE, MODIFIED_Z_THRESHOLD } from './modified-z-score.js';
import { GROWTH_THRESHOLDS, LIMIT_EXPONENT, RATIO_THRESHOLDS, type Direction } from './progress-status.js';
import {
  MIN_CHANGES_FOR_SWING,
  VOLATILITY_DEADBAND_SHARE,
  VOLATILITY_MAD_FLOOR_SHARE,
} from './volatility.js';

/** Status codes: indexes into PROGRESS_STATUSES. */
export const S_ACHIEVED = 0;
export const S_ON_TRACK = 1;
export const S_NEEDS_ACCELERATION = 2;
export const S_LIMITED = 3;
export const S_DETERIORATION = 4;
export const S_INSUFFICIENT = 5;
export const S_NOT_ASSESSABLE = 6;

export interface FastMilestone {
  comparator: Comparator;
  value: number | null;
  unit: string | null;
  year: number;
}

/** What `fastStatus` decides for a series (reused between calls: read it before the next call). */
export interface FastStatus {
  status: number;
  /** Index of the current milestone (the next one not yet passed, else the last). */
  milestone: number;
  /** Latest year with data up to the evaluated year; NaN when none. */
  latestYear: number;
  final: boolean;
  hasProjection: boolean;
  /** 1 projected to meet, 0 projected to miss, −1 no range or no projection. */
  projectedToMeet: number;
  volatile: boolean;
}

/**
 * The allocation-free twin of `assessTarget` (current milestone only) plus `volatility`, for evaluating
 * hundreds of thousands of series at once: the same rules (comparator ranges, the Open SDG ratio and
 * no-target rules with the natural-limit factor, weighted linear projection clamped to the unit's bounds,
 * the DHIS2 modified z-score of year-on-year changes and sign flips), on values held in a Float64Array
 * (`values[offset + i]` is year `y0 + i`, NaN = no data), up to index `last`. Tested to agree with
 * `assessTarget` and `volatility` on generated series; the full objects and sentences come from those.
 */
export function fastStatus(
  values: Float64Array,
  offset: number,
  y0: number,
  last: number,
  baseYear: number,
  milestones: readonly FastMilestone[],
  better: Direction | null,
  out: FastStatus,
): FastStatus {
  let latestIdx = -1;
  for (let i = last; i >= 0; i--) {
    if (!Number.isNaN(values[offset + i] as number)) {
      latestIdx = i;
      break;
    }
  }
  out.latestYear = latestIdx < 0 ? NaN : y0 + latestIdx;
  out.volatile = volatileSeries(values, offset, last);
  let m = milestones.length - 1;
  for (let k = 0; k < milestones.length; k++) {
    if (latestIdx < 0 || (milestones[k] as FastMilestone).year > y0 + latestIdx) {
      m = k;
      break;
    }
  }
  out.milestone = m;
  const target = milestones[m] as FastMilestone;
  const passed = latestIdx >= 0 && y0 + latestIdx >= target.year;
  const asOfIdx = Math.min(last, (passed ? target.year : y0 + last) - y0);
  const from = Math.max(0, baseYear - y0);
  let bi = -1;
  let li = -1;
  let n = 0;
  for (let i = from; i <= asOfIdx; i++) {
    if (Number.isNaN(values[offset + i] as number)) continue;
    if (bi < 0) bi = i;
    li = i;
    n++;
  }
  const base = bi < 0 ? NaN : (values[offset + bi] as number);
  const latest = li < 0 ? NaN : (values[offset + li] as number);
  out.final = li >= 0 && y0 + li >= target.year;
  // comparatorRule
  let direction = 0; // +1 up, −1 down, 0 none
  let goal = NaN;
  let low = -Infinity;
  let high = Infinity;
  let hasRange = true;
  let hasRule = true;
  const c = target.comparator;
  const T = target.value;
  if (c === 'increase' || c === 'decrease') {
    direction = c === 'increase' ? 1 : -1;
    hasRange = false;
  } else if (c === 'maintain') {
    const ref = T ?? (bi < 0 ? null : base);
    if (ref === null) hasRule = false;
    else {
      const half = DEFAULT_TOLERANCES.maintain * Math.abs(ref);
      if (better !== 'down') low = ref - half;
      if (better !== 'up') high = ref + half;
      direction = better === 'up' ? 1 : better === 'down' ? -1 : 0;
      goal = ref;
    }
  } else if (T === null) {
    hasRule = false;
  } else if (c === '<=') {
    direction = -1;
    goal = T;
    high = T;
  } else if (c === '>=') {
    direction = 1;
    goal = T;
    low = T;
  } else {
    const half = (c === '~' ? DEFAULT_TOLERANCES.band : DEFAULT_TOLERANCES.equal) * Math.abs(T);
    low = T - half;
    high = T + half;
    goal = T;
    if (li >= 0 && latest < low) {
      direction = 1;
      goal = low;
    } else if (li >= 0 && latest > high) {
      direction = -1;
      goal = high;
    }
  }
  // projection to the milestone year (weighted linear, w = year − first + 1), clamped to the unit's bounds
  out.hasProjection = n >= 2;
  out.projectedToMeet = -1;
  if (n >= 2 && hasRule && hasRange) {
    let sw = 0;
    let sx = 0;
    let sy = 0;
    for (let i = bi; i <= li; i++) {
      const v = values[offset + i] as number;
      if (Number.isNaN(v)) continue;
      const w = i - bi + 1;
      sw += w;
      sx += w * (y0 + i);
      sy += w * v;
    }
    const xBar = sx / sw;
    const yBar = sy / sw;
    let sxx = 0;
    let sxy = 0;
    for (let i = bi; i <= li; i++) {
      const v = values[offset + i] as number;
      if (Number.isNaN(v)) continue;
      const w = i - bi + 1;
      sxx += w * (y0 + i - xBar) ** 2;
      sxy += w * (y0 + i - xBar) * (v - yBar);
    }
    const slope = sxy / sxx;
    let p = yBar - slope * xBar + slope * target.year;
    const bounds = unitBounds(target.unit);
    if (bounds !== null) p = Math.min(bounds[1], Math.max(bounds[0], p));
    out.projectedToMeet = within(p, low, high) ? 1 : 0;
  }
  // judge
  if (!hasRule && c !== 'maintain') return set(out, S_NOT_ASSESSABLE);
  if (bi < 0 || li <= bi || !hasRule) return set(out, S_INSUFFICIENT);
  if (target.year <= y0 + bi) return set(out, S_NOT_ASSESSABLE);
  if (hasRange && within(latest, low, high)) {
    if (direction === 0 || c === 'maintain') return set(out, S_ACHIEVED);
  } else if (c === 'maintain') {
    return set(out, S_DETERIORATION);
  }
  const limit = target.unit === '%' ? 100 : target.unit === '‰' ? 1000 : NaN;
  return set(
    out,
    progress(y0 + bi, base, y0 + li, latest, direction, Number.isNaN(goal) ? null : goal, target.year, limit),
  );
}

function set(out: FastStatus, status: number): FastStatus {
  out.status = status;
  return out;
}

function within(v: number, low: number, high: number): boolean {
  if (low !== -Infinity && v < low - 1e-9 * Math.max(1, Math.abs(low))) return false;
  if (high !== Infinity && v > high + 1e-9 * Math.max(1, Math.abs(high))) return false;
  return true;
}

function cagr(v1: number, v0: number, t1: number, t0: number): number {
  return Math.pow(v1 / v0, 1 / (t1 - t0)) - 1;
}

/** `progressStatus` on plain numbers (see progress-status.ts for the rule). */
function progress(
  baseYear: number,
  base: number,
  latestYear: number,
  latest: number,
  d: number,
  goal: number | null,
  goalYear: number,
  limit: number,
): number {
  if (goal !== null) {
    const compound = (base > 0 && latest > 0 && goal > 0) || (base < 0 && latest < 0 && goal < 0);
    const sign = compound && base < 0 ? -1 : 1;
    const observed = compound
      ? cagr(latest, base, latestYear, baseYear)
      : (latest - base) / (latestYear - baseYear);
    const required = compound ? cagr(goal, base, goalYear, baseYear) : (goal - base) / (goalYear - baseYear);
    const eps = 1e-9 * Math.max(1, Math.abs(goal));
    if (d * (latest - goal) >= -eps) return S_ACHIEVED;
    if (required === 0) return S_DETERIORATION;
    return classify((sign * d * observed) / Math.abs(required), RATIO_THRESHOLDS.high, RATIO_THRESHOLDS.med);
  }
  if (base * latest < 0) return S_NOT_ASSESSABLE;
  if (base === 0) {
    if (latest === 0) return d < 0 ? S_ON_TRACK : S_LIMITED;
    return d * latest > 0 ? S_ON_TRACK : S_DETERIORATION;
  }
  const signed = (base < 0 ? -1 : 1) * d * cagr(latest, base, latestYear, baseYear);
  const factor =
    Number.isNaN(limit) || d !== 1 || base < 0 || base > limit
      ? 1
      : 1 - Math.pow(base / limit, LIMIT_EXPONENT);
  if (factor === 0) return signed >= 0 ? S_ON_TRACK : S_DETERIORATION;
  return classify(signed, GROWTH_THRESHOLDS.high * factor, GROWTH_THRESHOLDS.med * factor);
}

function classify(value: number, high: number, med: number): number {
  if (value >= high) return S_ON_TRACK;
  if (value >= med) return S_NEEDS_ACCELERATION;
  if (value >= 0) return S_LIMITED;
  return S_DETERIORATION;
}

const scratch = new Float64Array(64);
const changes = new Float64Array(64);

function medianOf(xs: Float64Array, n: number): number {
  // Insertion sort: series here have at most a dozen points, and nothing is allocated.
  for (let i = 1; i < n; i++) {
    const v = xs[i] as number;
    let j = i - 1;
    while (j >= 0 && (xs[j] as number) > v) {
      xs[j + 1] = xs[j] as number;
      j--;
    }
    xs[j + 1] = v;
  }
  const mid = n >> 1;
  return n % 2 === 1 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
}

/** `volatility(series).volatile` without allocating (see volatility.ts). */
function volatileSeries(values: Float64Array, offset: number, last: number): boolean {
  let n = 0;
  let prevYear = -1;
  let prev = NaN;
  let k = 0;
  for (let i = 0; i <= last; i++) {
    const v = values[offset + i] as number;
    if (Number.isNaN(v)) continue;
    scratch[n++] = Math.abs(v);
    if (prevYear >= 0) changes[k++] = (v - prev) / (i - prevYear);
    prevYear = i;
    prev = v;
  }
  if (n < 3) return false;
  const level = medianOf(scratch, n);
  const deadband = VOLATILITY_DEADBAND_SHARE * level;
  let flips = 0;
  let lastSign = 0;
  for (let i = 0; i < k; i++) {
    const ch = changes[i] as number;
    const s = Math.abs(ch) <= deadband ? 0 : Math.sign(ch);
    if (s === 0) continue;
    if (lastSign !== 0 && s !== lastSign) flips++;
    lastSign = s;
  }
  if (flips >= 2) return true;
  if (k < MIN_CHANGES_FOR_SWING) return false;
  for (let i = 0; i < k; i++) scratch[i] = changes[i] as number;
  const mid = medianOf(scratch, k);
  for (let i = 0; i < k; i++) scratch[i] = Math.abs((changes[i] as number) - mid);
  const mad = Math.max(medianOf(scratch, k), VOLATILITY_MAD_FLOOR_SHARE * level);
  if (mad === 0) return false;
  for (let i = 0; i < k; i++) {
    if ((MODIFIED_Z_SCALE * Math.abs((changes[i] as number) - mid)) / mad >= MODIFIED_Z_THRESHOLD)
      return true;
  }
  return false;
}
