import type { Indicator } from '../indicators/indicator.js';

const UNIT_MULTIPLIERS: Readonly<Record<string, number>> = { '%': 100, '‰': 1000, '1/10万': 100_000 };

/**
 * What numerator ÷ denominator is multiplied by to give the value: the ratio roll-up's multiplier, else the
 * unit's (100 for %, 1000 for ‰, 100 000 for 1/10万), else 1.
 */
export function valueMultiplier(indicator: Indicator): number {
  if (indicator.rollUp.kind === 'ratio') return indicator.rollUp.multiplier;
  return (indicator.unit === null ? undefined : UNIT_MULTIPLIERS[indicator.unit]) ?? 1;
}
