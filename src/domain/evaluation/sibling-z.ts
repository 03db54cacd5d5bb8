import type { EngineState } from './engine-state.js';
import { modifiedZScore } from './modified-z-score.js';
import type { Cube } from './value-cube.js';

/**
 * The modified z-score of region r's value in the evaluated year among its parent p's children, and their
 * median (null where undefined). The scores of a sibling group are computed once per cube and kept until a
 * value in the group changes (`cube.zDone[p]` cleared).
 */
export function siblingZ(
  s: EngineState,
  cube: Cube,
  p: number,
  r: number,
): { z: number | null; median: number | null } {
  if (!cube.zDone[p]) {
    const y = s.year - s.y0;
    const kids = s.children[p] ?? [];
    const values = kids.map((c) => {
      const v = cube.used[c * s.nYears + y] as number;
      return Number.isNaN(v) ? null : v;
    });
    const z = modifiedZScore(values);
    kids.forEach((c, i) => {
      cube.z[c] = z.scores[i] ?? NaN;
      cube.zMedian[c] = z.median ?? NaN;
    });
    cube.zDone[p] = 1;
  }
  const z = cube.z[r] as number;
  const median = cube.zMedian[r] as number;
  return { z: Number.isNaN(z) ? null : z, median: Number.isNaN(median) ? null : median };
}
