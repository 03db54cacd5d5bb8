export interface Shrunk {
  /** The value to use; null when it has no data or is too small to use without a parent value. */
  value: number | null;
  /** Weight Z given to the region's own value (1 = used as reported). */
  credibility: number;
  /** True when the denominator is below the threshold (e.g. < 1000 live births for maternal mortality). */
  smallPopulation: boolean;
  reason: 'no_parent_value' | null;
}

/**
 * Small-population rule for ranking: a rate whose denominator d is below the threshold m is shrunk toward
 * the parent region's value by limited-fluctuation credibility (square-root rule): Z = √(d/m),
 * used = Z·own + (1 − Z)·parent. Continuous at d = m (Z = 1), so crossing the threshold never jumps.
 * Declared: value null → null; no threshold or unknown denominator → used as reported (Z = 1);
 * small with no parent value → null (`no_parent_value`: the indicator is left out for that region).
 */
export function shrinkSmallPopulation(
  value: number | null,
  denominator: number | null | undefined,
  minDenominator: number | null | undefined,
  parentValue: number | null | undefined,
): Shrunk {
  const asIs = { value, credibility: 1, smallPopulation: false, reason: null };
  if (value === null || minDenominator == null || denominator == null || denominator >= minDenominator)
    return asIs;
  const credibility = Math.sqrt(Math.max(0, denominator) / minDenominator);
  if (parentValue == null)
    return { value: null, credibility, smallPopulation: true, reason: 'no_parent_value' };
  const shrunk = credibility * value + (1 - credibility) * parentValue;
  return { value: shrunk, credibility, smallPopulation: true, reason: null };
}
