/**
 * Compound annual growth rate, the Open SDG / Statistics Canada progress formula
 * (open-sdg/sdg-build `sdg/ProgressMeasure.py` `growth_calculation`): `(v1/v0)^(1/(t1−t0)) − 1`.
 *
 * Declared results (the formula is only defined for values of one sign over a positive span):
 *
 * | input                                   | result                                  |
 * |-----------------------------------------|-----------------------------------------|
 * | any argument null or not finite         | `null` (no data is not zero)            |
 * | `t1 === t0`                             | `null` (no time elapsed)                |
 * | `v0 === 0`                              | `null` (growth from zero is undefined)  |
 * | `v1` and `v0` of opposite signs         | `null` (ratio negative: no real root)   |
 * | `v1 === 0`, `v0 ≠ 0`                    | `−1` (−100 % a year: exact, not a fallback) |
 * | both negative                           | the formula on the positive ratio       |
 * | `t1 < t0`                               | the formula (growth backwards in time)  |
 *
 * Callers that need a rate where this returns null use a linear rate instead; see `progressStatus`.
 */
export function cagr(
  v1: number | null,
  v0: number | null,
  t1: number | null,
  t0: number | null,
): number | null {
  if (v1 === null || v0 === null || t1 === null || t0 === null) return null;
  if (![v1, v0, t1, t0].every(Number.isFinite)) return null;
  if (t1 === t0 || v0 === 0) return null;
  const ratio = v1 / v0;
  if (ratio < 0) return null;
  return Math.pow(ratio, 1 / (t1 - t0)) - 1;
}
