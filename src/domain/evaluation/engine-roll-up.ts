import type { EngineState } from './engine-state.js';
import { rollUpCell, useReportedOrRolled, type Cube } from './value-cube.js';

/** Rolls every indicator × sex up the tree from the leaves (a level's own reported value wins). */
export function rollUpAll(s: EngineState): void {
  for (const cube of s.cubes.values()) rollUpCube(s, cube);
}

/**
 * One value of a region changed (already stored): its `used` value and its ancestors' roll-ups that year.
 * Returns the region and its ancestors, nearest first.
 */
export function rollUpChange(s: EngineState, cube: Cube, r: number, y: number): number[] {
  useReportedOrRolled(cube, r * s.nYears + y);
  const chain = [r];
  for (let p = s.parent[r] as number; p >= 0; p = s.parent[p] as number) {
    rollUpCell(cube, s.children[p] ?? [], p, y, s.nYears);
    chain.push(p);
  }
  return chain;
}

function rollUpCube(s: EngineState, cube: Cube): void {
  cube.used.set(cube.reported);
  if (cube.indicator.rollUp.kind === 'reported') return;
  s.order ??= postOrder(s);
  for (const r of s.order) {
    const kids = s.children[r] ?? [];
    if (kids.length === 0) continue;
    // DHIS2 aggregation, as `rollUp`: ratio of summed parts, or a sum; a child counts with all its inputs.
    for (let y = 0; y < s.nYears; y++) rollUpCell(cube, kids, r, y, s.nYears);
  }
}

/** Children before parents, so one pass rolls up every level. */
function postOrder(s: EngineState): number[] {
  const order: number[] = [];
  const visit = (i: number) => {
    const stack: [number, boolean][] = [[i, false]];
    while (stack.length > 0) {
      const [n, done] = stack.pop() as [number, boolean];
      if (done) {
        order.push(n);
        continue;
      }
      stack.push([n, true]);
      for (const c of s.children[n] ?? []) stack.push([c, false]);
    }
  };
  for (let i = 0; i < s.regions.length; i++) if ((s.parent[i] as number) < 0) visit(i);
  return order;
}
