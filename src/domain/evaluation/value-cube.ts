import type { CellValue, DatasetIndicator } from './evaluation-dataset.js';
import { reconcileRollUp } from './reconcile-roll-up.js';

/**
 * One indicator × sex over every region and year as flat arrays (region-major: region r, year index y at
 * r·years + y); NaN = no data. What the evaluation engine holds in memory.
 */
export interface Cube {
  indicator: DatasetIndicator;
  sex: string;
  reported: Float64Array;
  reportedNum: Float64Array;
  reportedDen: Float64Array;
  rolled: Float64Array;
  rolledNum: Float64Array;
  rolledDen: Float64Array;
  /** The value used: reported where there is one, else rolled up. */
  used: Float64Array;
  /** Children that contributed to the roll-up. */
  contributed: Uint16Array;
  /** Per region, the evaluated year: modified z-score among its siblings and their median (NaN: none). */
  z: Float64Array;
  zMedian: Float64Array;
  /** Per region: 1 once its children's z-scores are computed for the current values. */
  zDone: Uint8Array;
}

export function newCube(indicator: DatasetIndicator, sex: string, regions: number, years: number): Cube {
  const n = regions * years;
  const nan = () => new Float64Array(n).fill(NaN);
  return {
    indicator,
    sex,
    reported: nan(),
    reportedNum: nan(),
    reportedDen: nan(),
    rolled: nan(),
    rolledNum: nan(),
    rolledDen: nan(),
    used: nan(),
    contributed: new Uint16Array(n),
    z: new Float64Array(regions).fill(NaN),
    zMedian: new Float64Array(regions).fill(NaN),
    zDone: new Uint8Array(regions),
  };
}

/**
 * Rolls one region's value in one year up from its children, as `rollUp` does (DHIS2 aggregation): ratio of
 * summed numerators and denominators (a child's own parts where it reported them, else its roll-up), or a
 * sum; a child counts only with all its inputs. Sets the used value (reported wins).
 */
export function rollUpCell(
  cube: Cube,
  children: readonly number[],
  r: number,
  y: number,
  years: number,
): void {
  const rule = cube.indicator.rollUp;
  const at = r * years + y;
  if (rule.kind === 'reported') return;
  let num = 0;
  let den = 0;
  let sum = 0;
  let n = 0;
  for (const c of children) {
    const ca = c * years + y;
    if (rule.kind === 'sum') {
      const v = cube.used[ca] as number;
      if (!Number.isNaN(v)) {
        sum += v;
        n++;
      }
      continue;
    }
    const own =
      !Number.isNaN(cube.reportedNum[ca] as number) && !Number.isNaN(cube.reportedDen[ca] as number);
    const cn = (own ? cube.reportedNum[ca] : cube.rolledNum[ca]) as number;
    const cd = (own ? cube.reportedDen[ca] : cube.rolledDen[ca]) as number;
    if (Number.isNaN(cn) || Number.isNaN(cd) || cd < 0) continue;
    num += cn;
    den += cd;
    n++;
  }
  cube.contributed[at] = n;
  if (n === 0) {
    cube.rolled[at] = NaN;
    cube.rolledNum[at] = NaN;
    cube.rolledDen[at] = NaN;
  } else if (rule.kind === 'sum') {
    cube.rolled[at] = sum;
  } else {
    cube.rolledNum[at] = num;
    cube.rolledDen[at] = den;
    cube.rolled[at] = den === 0 ? NaN : (num / den) * rule.multiplier;
  }
  useReportedOrRolled(cube, at);
}

/** Sets the used value of one cell: the reported value where there is one, else the roll-up. */
export function useReportedOrRolled(cube: Cube, at: number): void {
  cube.used[at] = Number.isNaN(cube.reported[at] as number)
    ? (cube.rolled[at] as number)
    : (cube.reported[at] as number);
}

/** One cell as the API shows it: reported, rolled up, the difference, and how many children contributed. */
export function cellValue(
  cube: Cube,
  r: number,
  y: number,
  years: number,
  y0: number,
  expected: number,
): CellValue {
  const at = r * years + y;
  const reported = Number.isNaN(cube.reported[at] as number) ? null : (cube.reported[at] as number);
  const rolledUp = Number.isNaN(cube.rolled[at] as number) ? null : (cube.rolled[at] as number);
  return {
    year: y0 + y,
    ...reconcileRollUp(reported, rolledUp),
    contributed: cube.contributed[at] as number,
    expected,
  };
}
