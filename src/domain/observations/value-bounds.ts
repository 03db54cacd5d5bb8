import type { Indicator, ValueBounds } from '../indicators/indicator.js';

/** Units that count things: values are non-negative integers. */
const COUNT_UNITS = new Set(['人', '名', '个', '所', '家', '件', '次', '户', '张']);

/** Plausible upper limit of a rate per 10万: 10 000/10万 is one case in ten, beyond any indicator's reach. */
const PER_100K_MAX = 10_000;

/**
 * The range a value of this indicator must lie in, or null for none. The catalogue's `bounds` win (a gross
 * enrolment rate 毛入学率 may exceed 100 %); otherwise by unit: % within 0–100, ‰ within 0–1000, 1/10万
 * within 0–10 000 (plausible); other aggregable quantities not negative. Indicators reported at each level
 * and not aggregable (gaps, differences) may be negative.
 */
export function valueBounds(indicator: Indicator): ValueBounds | null {
  if (indicator.bounds) return indicator.bounds;
  const signed = indicator.rollUp.kind === 'reported';
  switch (indicator.unit) {
    case '%':
      return { min: 0, max: 100 };
    case '‰':
      return { min: 0, max: 1000 };
    case '1/10万':
      return { min: signed ? -PER_100K_MAX : 0, max: PER_100K_MAX };
    default:
      return signed ? null : { min: 0, max: null };
  }
}

/** Whether values of this indicator count things (人, 所, 家 …) and so must be whole numbers. */
export function isCount(indicator: Indicator): boolean {
  return indicator.unit !== null && COUNT_UNITS.has(indicator.unit);
}

/**
 * Whether the numerator of this ratio indicator can never exceed its denominator: a share (%, ‰) whose
 * accepted range stops at the unit's whole (100 %, 1000 ‰). A gross enrolment rate, allowed above 100 %,
 * is not one; nor are rates per 10万 of events that can recur.
 */
export function numeratorWithinDenominator(indicator: Indicator): boolean {
  if (indicator.rollUp.kind !== 'ratio') return false;
  const bounds = valueBounds(indicator);
  if (indicator.unit === '%') return bounds?.max === 100;
  if (indicator.unit === '‰') return bounds?.max === 1000;
  return false;
}
