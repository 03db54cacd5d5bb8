import { indicatorCube, type EngineState, type RankedIndicator } from './engine-state.js';
import type { DatasetIndicator, DatasetRegion } from './evaluation-dataset.js';
import { fastRanks } from './fast-ranks.js';
import type { Direction } from './progress-status.js';
import { ranking, type RankingIndicator, type RegionValues } from './ranking.js';

const RANKED_COMPARATORS = new Set(['<=', '>=', '~', '=']);

/** The indicators ranked: one per indicator, from its first target with a numeric next milestone. */
function rankingSpec(s: EngineState): RankedIndicator[] {
  const seen = new Set<string>();
  const out: RankedIndicator[] = [];
  for (const t of s.targets) {
    if (seen.has(t.indicatorCode)) continue;
    if (s.rankingIndicators && !s.rankingIndicators.includes(t.indicatorCode)) continue;
    const sorted = [...t.milestones].sort((a, b) => a.year - b.year);
    const next = sorted.find((m) => m.year > s.year) ?? sorted[sorted.length - 1];
    if (!next || next.value === null || !RANKED_COMPARATORS.has(next.comparator)) continue;
    seen.add(t.indicatorCode);
    out.push({
      ind: s.indicators.get(t.indicatorCode) as DatasetIndicator,
      comparator: next.comparator,
      value: next.value,
      unit: next.unit,
    });
  }
  return out;
}

/** Each sub-region of p's rank (0 = not ranked) in one year into `into`, by `fastRanks` (same ranks as `ranking`). */
export function groupRanks(s: EngineState, p: number, year: number, into: Int32Array): void {
  const kids = (s.children[p] ?? []).filter((c) => s.assessed[c]);
  for (const c of s.children[p] ?? []) into[c] = 0;
  const y = year - s.y0;
  if (kids.length < 2 || y < 0 || y >= s.nYears) return;
  s.spec ??= rankingSpec(s);
  const m = s.spec.length;
  const values = new Float64Array(kids.length * m);
  const denominators = new Float64Array(kids.length * m);
  const indicators = s.spec.map(({ ind, comparator, value: goal }, j) => {
    const cube = indicatorCube(s, ind);
    const band = comparator === '~';
    kids.forEach((c, i) => {
      const a = c * s.nYears + y;
      const v = cube.used[a] as number;
      values[i * m + j] = band ? Math.abs(v - goal) : v;
      denominators[i * m + j] = (
        Number.isNaN(cube.reported[a] as number) ? cube.rolledDen[a] : cube.reportedDen[a]
      ) as number;
    });
    const pv = cube.used[p * s.nYears + y] as number;
    return {
      up: !(band || comparator === '<='),
      top: band ? 0.05 * Math.abs(goal) : goal,
      minDenominator: ind.minDenominator,
      parentValue: band ? Math.abs(pv - goal) : pv,
    };
  });
  const ranks = new Int32Array(kids.length);
  fastRanks(indicators, kids.length, values, denominators, ranks);
  kids.forEach((c, i) => (into[c] = ranks[i] as number));
}

/** The full ranking of p's sub-regions (objects, components) into `s.rankings`; its ranks equal `groupRanks`. */
export function groupRanking(s: EngineState, p: number): void {
  const kids = (s.children[p] ?? []).filter((c) => s.assessed[c]);
  if (kids.length < 2) return;
  s.spec ??= rankingSpec(s);
  const spec = s.spec.map((x) => ({ ...x, cube: indicatorCube(s, x.ind) }));
  const y = s.year - s.y0;
  const inRangeYear = y >= 0 && y < s.nYears;
  const indicators: RankingIndicator[] = spec.map(({ ind, comparator, value, cube }) => {
    const parentValue = inRangeYear ? (cube.used[p * s.nYears + y] as number) : NaN;
    const band = comparator === '~';
    return {
      id: ind.code,
      direction: (band || comparator === '<=' ? 'down' : 'up') as Direction,
      target: band ? 0.05 * Math.abs(value) : value,
      minDenominator: ind.minDenominator,
      parentValue: Number.isNaN(parentValue) ? null : band ? Math.abs(parentValue - value) : parentValue,
    };
  });
  const values: RegionValues[] = kids.map((c) => {
    const cells: RegionValues['values'] = {};
    if (inRangeYear) {
      const a = c * s.nYears + y;
      for (const { ind, comparator, value: goal, cube } of spec) {
        const v = cube.used[a] as number;
        const den = Number.isNaN(cube.reported[a] as number) ? cube.rolledDen[a] : cube.reportedDen[a];
        cells[ind.code] = {
          value: Number.isNaN(v) ? null : comparator === '~' ? Math.abs(v - goal) : v,
          denominator: Number.isNaN(den as number) ? null : (den as number),
        };
      }
    }
    return { region: (s.regions[c] as DatasetRegion).code, values: cells };
  });
  const previousRanks = Object.fromEntries(
    kids.map((c) => [(s.regions[c] as DatasetRegion).code, s.previousRank[c] || null]),
  );
  s.rankings.set(p, {
    parentCode: (s.regions[p] as DatasetRegion).code,
    year: s.year,
    indicators: indicators.map((i) => ({ code: i.id, direction: i.direction, target: i.target })),
    regions: ranking(indicators, values, previousRanks),
  });
}
