import type { Direction } from './progress-status.js';
import { shrinkSmallPopulation } from './shrink-small-population.js';

export interface RankingIndicator {
  id: string;
  direction: Direction;
  /** The plan's target: the top of the scale. Null → the best value observed among the regions. */
  target: number | null;
  weight?: number;
  /** Small-population threshold on the denominator (e.g. 1000 live births); null → no rule. */
  minDenominator?: number | null;
  /** The parent region's value, what small populations are shrunk toward. */
  parentValue?: number | null;
}

export interface RegionValues {
  region: string;
  values: Record<string, { value: number | null; denominator?: number | null } | undefined>;
}

export interface RankingComponent {
  indicator: string;
  raw: number | null;
  used: number | null;
  credibility: number;
  smallPopulation: boolean;
  /** Distance-to-target score in [0, 1]; null without data. */
  score: number | null;
  /** weight·score / Σ weights with data: the components of a region add up to its score. */
  contribution: number | null;
}

export interface RankedRegion {
  region: string;
  status: 'ranked' | 'insufficient_data';
  /** Competition rank (1, 2, 2, 4); null when not ranked. */
  rank: number | null;
  score: number | null;
  indicatorsWithData: number;
  previousRank: number | null;
  /** previousRank − rank: positive = moved up; null unless ranked both years. */
  rankChange: number | null;
  components: RankingComponent[];
}

/**
 * Ranks sub-regions (清远's yearly 排序) by a composite distance-to-target score.
 * Per indicator (SDSN SDG Index normalisation): score = (x − worst)/(target − worst) clamped to [0, 1],
 * worst = the worst value among the regions, and 1 for any value at or beyond the target, so surpassing
 * a target cannot buy off another and units cancel out; direction-aware for lower-is-better indicators.
 * Small populations: `shrinkSmallPopulation` (√ credibility toward the parent). Composite = weighted mean
 * over the indicators a region has data for; fewer than half the indicators → not ranked
 * (`insufficient_data`). Ties (equal to 1e-9) share a rank; the result is the same for any input order.
 */
export function ranking(
  indicators: readonly RankingIndicator[],
  regions: readonly RegionValues[],
  previousRanks: Readonly<Record<string, number | null | undefined>> = {},
): RankedRegion[] {
  const used = regions.map((r) =>
    indicators.map((ind) => {
      const cell = r.values[ind.id];
      const raw = cell?.value ?? null;
      return { raw, ...shrinkSmallPopulation(raw, cell?.denominator, ind.minDenominator, ind.parentValue) };
    }),
  );
  const scales = indicators.map((ind, j) => {
    const xs = used.map((row) => row[j]?.value).filter((v): v is number => v !== null && v !== undefined);
    const up = ind.direction === 'up';
    const worst = xs.length === 0 ? null : up ? Math.min(...xs) : Math.max(...xs);
    const best = xs.length === 0 ? null : up ? Math.max(...xs) : Math.min(...xs);
    return { worst, top: ind.target ?? best, up };
  });
  const scored = regions.map((r, i) => {
    const cells = indicators.map((ind, j) => {
      const cell = used[i]?.[j];
      const scale = scales[j];
      const value = cell?.value ?? null;
      const score = value === null || !scale ? null : normalise(value, scale);
      return { ind, cell, value, score };
    });
    const withData = cells.filter((c) => c.score !== null);
    const totalWeight = withData.reduce((a, c) => a + (c.ind.weight ?? 1), 0);
    const components = cells.map(({ ind, cell, value, score }) => ({
      indicator: ind.id,
      raw: cell?.raw ?? null,
      used: value,
      credibility: cell?.credibility ?? 1,
      smallPopulation: cell?.smallPopulation ?? false,
      score,
      contribution: score === null || totalWeight === 0 ? null : ((ind.weight ?? 1) * score) / totalWeight,
    }));
    const enough = withData.length > 0 && withData.length * 2 >= indicators.length;
    const score = enough ? components.reduce((a, c) => a + (c.contribution ?? 0), 0) : null;
    return { region: r.region, score, indicatorsWithData: withData.length, components };
  });
  const ranked = scored
    .filter((r) => r.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number));
  const rankOf = (score: number) => 1 + ranked.filter((r) => (r.score as number) - score > 1e-9).length;
  return scored
    .map((r) => {
      const rank = r.score === null ? null : rankOf(r.score);
      const previousRank = previousRanks[r.region] ?? null;
      const rankChange = rank !== null && previousRank !== null ? previousRank - rank : null;
      const status = rank === null ? ('insufficient_data' as const) : ('ranked' as const);
      return { ...r, status, rank, previousRank, rankChange };
    })
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        (a.region < b.region ? -1 : a.region > b.region ? 1 : 0),
    );
}

function normalise(
  x: number,
  { worst, top, up }: { worst: number | null; top: number | null; up: boolean },
): number {
  if (worst === null || top === null) return 0;
  if (up ? x >= top : x <= top) return 1;
  if (top === worst) return 1;
  return Math.min(1, Math.max(0, (x - worst) / (top - worst)));
}
