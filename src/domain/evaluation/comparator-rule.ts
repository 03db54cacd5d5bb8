import type { Comparator } from '../plan.js';
import type { Direction } from './progress-status.js';

/** Tolerances that turn "左右", "=" and "保持" into ranges (relative to the reference value). */
export interface Tolerances {
  /** '~' (保持在…左右): ± this share of the target; default 0.05 (±5 %). */
  band: number;
  /** '=' (e.g. 100 %, 全覆盖): ± this share of the target; default 0.001 (99.9 counts as 100). */
  equal: number;
  /** 'maintain': the latest may be worse than the reference by this share; default 0.05. */
  maintain: number;
}

export const DEFAULT_TOLERANCES: Tolerances = { band: 0.05, equal: 0.001, maintain: 0.05 };

/** Values that meet the target: `low ≤ v ≤ high`, a null bound being open. */
export interface Range {
  low: number | null;
  high: number | null;
}

export interface ComparatorRule {
  /** Progress direction for the rule; null inside a band or for a two-sided 'maintain'. */
  direction: Direction | null;
  /** The value progress is measured toward (the target, the nearest band edge, the maintain reference). */
  goal: number | null;
  /** Achieved range; null for 'increase' / 'decrease', which have no achieved state. */
  range: Range | null;
}

/**
 * How each comparator becomes a direction, a goal and an achieved range.
 * '<=' down to T; '>=' up to T. '~' and '=' are bands T ± tol·|T|: inside = achieved, below = up toward the
 * lower edge, above = down toward the upper edge (so '=' 100 % is '>=' 99.9 %, as nothing exceeds 100).
 * 'maintain' keeps the reference (T if given, else the base value) within tol, on the worse side only when
 * `better` is known, on both sides otherwise. 'increase' / 'decrease' have a direction only.
 * A numeric comparator without T, or 'maintain' without a reference, returns null (not assessable).
 */
export function comparatorRule(
  comparator: Comparator,
  targetValue: number | null,
  context: { base: number | null; latest: number | null; better: Direction | null },
  tolerances: Tolerances = DEFAULT_TOLERANCES,
): ComparatorRule | null {
  if (comparator === 'increase') return { direction: 'up', goal: null, range: null };
  if (comparator === 'decrease') return { direction: 'down', goal: null, range: null };
  if (comparator === 'maintain') {
    const ref = targetValue ?? context.base;
    if (ref === null) return null;
    const half = tolerances.maintain * Math.abs(ref);
    const low = context.better === 'down' ? null : ref - half;
    const high = context.better === 'up' ? null : ref + half;
    return { direction: context.better, goal: ref, range: { low, high } };
  }
  if (targetValue === null) return null;
  if (comparator === '<=')
    return { direction: 'down', goal: targetValue, range: { low: null, high: targetValue } };
  if (comparator === '>=')
    return { direction: 'up', goal: targetValue, range: { low: targetValue, high: null } };
  const half = (comparator === '~' ? tolerances.band : tolerances.equal) * Math.abs(targetValue);
  const low = targetValue - half;
  const high = targetValue + half;
  const range = { low, high };
  if (context.latest !== null && context.latest < low) return { direction: 'up', goal: low, range };
  if (context.latest !== null && context.latest > high) return { direction: 'down', goal: high, range };
  return { direction: null, goal: targetValue, range };
}

/** True when `value` lies in `range` (bounds inclusive, with a 1e-9 relative allowance for float noise). */
export function inRange(value: number, range: Range): boolean {
  const eps = (bound: number) => 1e-9 * Math.max(1, Math.abs(bound));
  if (range.low !== null && value < range.low - eps(range.low)) return false;
  if (range.high !== null && value > range.high + eps(range.high)) return false;
  return true;
}
