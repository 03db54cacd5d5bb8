/**
 * Simulated demo data (模拟数据): annual values 2020–2024 for every linked quantitative indicator of a plan, in
 * the plan's region and its subordinate regions, by sex where the indicator is disaggregated. Pure and
 * deterministic (seeded PRNG). Levels start from the plan's own targets; each region follows a scenario
 * (already achieved, on track, too slow, stalled, worsening, too little data) with noise, a few missing
 * years, a few cross-region outliers and a few zig-zag (volatile) series, so that every progress status and
 * alert type occurs. Ratio indicators carry numerators and denominators, and the plan region's values are the
 * exact roll-up (ratio of sums, or sum) of the children stored for that year.
 */
import { hasSexBreakdown, type Indicator } from '../indicators/indicator.js';
import type { ObservationInput, Sex } from '../observations/observation.js';
import type { Target } from '../plan.js';
import { mulberry32, seedOf } from './mulberry32.js';
import { TYPICAL_LEVELS } from './typical-levels.js';

/** The label every simulated value carries in its comment. */
export const SIMULATED_COMMENT = '模拟数据';
export const DEMO_YEARS = [2020, 2021, 2022, 2023, 2024] as const;

export interface DemoPlanInput {
  planId: string;
  regionCode: string;
  childRegionCodes: readonly string[];
  /** The plan's targets linked to quantitative indicators, with their indicator. */
  targets: readonly { target: Target; indicator: Indicator }[];
}

type Scenario = 'achieved' | 'on_track' | 'slow' | 'limited' | 'worse' | 'sparse' | 'volatile';
const SCENARIOS: readonly [Scenario, number][] = [
  ['achieved', 0.14],
  ['on_track', 0.2],
  ['slow', 0.2],
  ['limited', 0.18],
  ['worse', 0.14],
  ['sparse', 0.06],
  ['volatile', 0.08],
];

/** Every simulated observation of one plan (its region and its children), in a stable order. */
export function simulatePlanObservations(input: DemoPlanInput, seed = 2021): ObservationInput[] {
  const byIndicator = new Map<string, { indicator: Indicator; targets: Target[] }>();
  for (const { target, indicator } of input.targets) {
    if (indicator.kind !== 'quantitative') continue;
    const entry = byIndicator.get(indicator.code) ?? { indicator, targets: [] };
    entry.targets.push(target);
    byIndicator.set(indicator.code, entry);
  }
  const out: ObservationInput[] = [];
  for (const { indicator, targets } of [...byIndicator.values()].sort((a, b) =>
    a.indicator.code.localeCompare(b.indicator.code),
  )) {
    const random = mulberry32(seedOf(`${seed}|${input.planId}|${indicator.code}`));
    out.push(...simulateIndicator(input, indicator, targets, random));
  }
  return out;
}

interface Cell {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

function simulateIndicator(
  input: DemoPlanInput,
  indicator: Indicator,
  targets: readonly Target[],
  random: () => number,
): ObservationInput[] {
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
  const sexes: Sex[] = hasSexBreakdown(indicator) ? ['女', '男'] : ['合计'];
  const ratio = indicator.rollUp.kind === 'ratio' ? indicator.rollUp : null;
  const isSum = indicator.rollUp.kind === 'sum';
  const cap = indicator.unit === '%' ? 100 : indicator.unit === '‰' ? 1000 : Infinity;
  const gentle = indicator.unit === '年';
  const goal = goalOf(indicator, targets);
  // A survey indicator may be collected every other year; a few are new (one year of data only).
  const pattern = random();
  const years = DEMO_YEARS.filter((y) => (pattern < 0.08 ? y === 2024 : pattern < 0.18 ? y % 2 === 0 : true));
  const children = input.childRegionCodes;
  const n = Math.max(children.length, 1);
  const leafCodes = children.length > 0 ? children : [input.regionCode];
  const leaves = new Map<string, Map<number, Map<Sex, Cell>>>();

  const series = (code: string, share: number) => {
    const scenario = pick(random);
    const level =
      baseLevel(goal, TYPICAL_LEVELS[indicator.code], scenario, uniform, cap) * (isSum ? share : 1);
    const growth = growthOf(
      goal,
      level / (isSum ? share : 1),
      scenario,
      uniform,
      indicator.unit === '年' ? 0.003 : 0.02,
    );
    const denominatorBase = ratio ? denominatorSize(ratio.multiplier, share, uniform) : 0;
    const result = new Map<number, Map<Sex, Cell>>();
    for (const year of years) {
      if (scenario === 'sparse' && year !== 2024 && random() < 0.85) continue;
      if (year !== years[0] && random() < 0.04) continue; // a missing year
      const t = year - 2020;
      // Years (寿命, 受教育年限) move little: their zig-zags and outliers are smaller, still flagged.
      const zig =
        scenario === 'volatile' ? (t % 2 === 0 ? 1 : gentle ? uniform(0.95, 0.97) : uniform(0.7, 0.8)) : 1;
      const outlier =
        children.length >= 5 && random() < 0.015 ? (gentle ? uniform(1.1, 1.15) : uniform(2.5, 3.5)) : 1;
      const cells = new Map<Sex, Cell>();
      for (const sex of sexes) {
        const sexFactor = sex === '男' ? uniform(0.92, 1.08) : 1;
        let value = level * Math.pow(1 + growth, t) * zig * outlier * sexFactor * uniform(0.985, 1.015);
        value = Math.min(Math.max(value, 0), cap * 0.995);
        if (ratio) {
          const denominator = Math.max(1, Math.round((denominatorBase * uniform(0.97, 1.03)) / sexes.length));
          // value ≤ the unit's cap already, so a share's numerator stays within its denominator.
          const numerator = Math.round((value * denominator) / ratio.multiplier);
          cells.set(sex, { value: rate(numerator, denominator, ratio.multiplier), numerator, denominator });
        } else
          cells.set(sex, {
            value: isSum ? Math.round(value) : round(value, 2),
            numerator: null,
            denominator: null,
          });
      }
      if (sexes.length === 2) cells.set('合计', total(cells, ratio?.multiplier ?? null, isSum));
      result.set(year, cells);
    }
    return result;
  };

  for (const code of leafCodes) leaves.set(code, series(code, 1 / n));
  const out: ObservationInput[] = [];
  const push = (regionCode: string, year: number, cells: Map<Sex, Cell>) => {
    for (const [sex, cell] of cells)
      out.push({
        indicatorCode: indicator.code,
        regionCode,
        year,
        sex,
        urbanRural: '合计',
        age: '',
        ...cell,
        comment: SIMULATED_COMMENT,
        simulated: true,
      });
  };
  if (children.length > 0) {
    // The plan region: the exact roll-up of its children's stored values, or (reported at each level) its own.
    const own = ratio || isSum ? null : series(input.regionCode, 1);
    for (const year of years) {
      if (own) {
        const cells = own.get(year);
        if (cells) push(input.regionCode, year, cells);
        continue;
      }
      const present = leafCodes.map((c) => leaves.get(c)?.get(year)).filter((c) => c !== undefined);
      if (present.length === 0) continue;
      const cells = new Map<Sex, Cell>();
      for (const sex of [...sexes, ...(sexes.length === 2 ? (['合计'] as Sex[]) : [])]) {
        const parts = present.map((c) => c.get(sex)).filter((c): c is Cell => c !== undefined);
        if (ratio) {
          const numerator = parts.reduce((s, c) => s + (c.numerator ?? 0), 0);
          const denominator = parts.reduce((s, c) => s + (c.denominator ?? 0), 0);
          cells.set(sex, { value: rate(numerator, denominator, ratio.multiplier), numerator, denominator });
        } else
          cells.set(sex, {
            value: parts.reduce((s, c) => s + c.value, 0),
            numerator: null,
            denominator: null,
          });
      }
      push(input.regionCode, year, cells);
    }
  }
  for (const code of leafCodes) for (const [year, cells] of leaves.get(code) ?? []) push(code, year, cells);
  return out;
}

/** What the series aims at: the milestone that counts in 2024 (the first after it), or a direction only. */
interface Goal {
  direction: 'higher' | 'lower' | 'band';
  value: number | null;
  year: number;
}

function goalOf(indicator: Indicator, targets: readonly Target[]): Goal {
  const numeric = [...targets].filter((t) => t.value !== null).sort((a, b) => a.year - b.year);
  const next = numeric.find((t) => t.year > 2024) ?? numeric[numeric.length - 1];
  const comparator = next?.comparator ?? targets[0]?.comparator;
  const direction =
    comparator === '<=' || comparator === 'decrease'
      ? 'lower'
      : comparator === '~' || comparator === 'maintain' || comparator === '='
        ? 'band'
        : comparator === '>=' || comparator === 'increase'
          ? 'higher'
          : indicator.direction;
  return { direction, value: next?.value ?? null, year: next?.year ?? 2030 };
}

/** The 2020 level: near the target, on the wrong side of it unless the region has already achieved it. */
function baseLevel(
  goal: Goal,
  typical: readonly [number, number] | undefined,
  scenario: Scenario,
  uniform: (a: number, b: number) => number,
  cap: number,
) {
  // No number to aim at: start at the indicator's typical level (the trend alone makes the scenario).
  if (goal.value === null && typical) return uniform(...typical);
  const share = () => (goal.direction === 'lower' ? uniform(5, 25) : uniform(40, 80));
  const target = goal.value ?? (cap === 100 ? share() : uniform(8, 60));
  if (goal.direction === 'band')
    return target * (scenario === 'worse' ? uniform(0.7, 0.8) : uniform(0.97, 1.03));
  const achieved = scenario === 'achieved';
  if (goal.direction === 'lower') return target * (achieved ? uniform(0.7, 0.9) : uniform(1.15, 1.6));
  return Math.min(target * (achieved ? uniform(1.02, 1.08) : uniform(0.75, 0.92)), cap * 0.98);
}

/** Annual growth: the share of the required rate the scenario achieves (Open SDG ratio bands). */
function growthOf(
  goal: Goal,
  level: number,
  scenario: Scenario,
  uniform: (a: number, b: number) => number,
  /** The yearly change a directional target (no number) asks for. */
  noTargetRate: number,
): number {
  const sign = goal.direction === 'lower' ? -1 : 1;
  if (goal.direction === 'band') return scenario === 'worse' ? -0.03 : 0;
  const required =
    goal.value === null || level <= 0
      ? noTargetRate
      : Math.max(Math.abs(Math.pow(goal.value / level, 1 / Math.max(goal.year - 2020, 1)) - 1), 0.005);
  const share: Record<Scenario, [number, number]> = {
    achieved: [0.2, 0.6],
    on_track: [1.3, 1.8],
    slow: [0.65, 0.9],
    limited: [0.1, 0.45],
    worse: [-0.9, -0.3],
    sparse: [0.5, 1.2],
    volatile: [0.3, 1.0],
  };
  const [lo, hi] = share[scenario];
  return sign * required * uniform(lo, hi);
}

/** Yearly denominator of one region: live births for per-10万 / ‰ rates, a population group for shares. */
function denominatorSize(multiplier: number, share: number, uniform: (a: number, b: number) => number) {
  const plan = multiplier >= 1000 ? uniform(20000, 60000) : uniform(50000, 300000);
  return plan * share * uniform(0.6, 1.4);
}

function pick(random: () => number): Scenario {
  let r = random();
  for (const [scenario, weight] of SCENARIOS) {
    if (r < weight) return scenario;
    r -= weight;
  }
  return 'on_track';
}

function total(cells: Map<Sex, Cell>, multiplier: number | null, isSum: boolean): Cell {
  const f = cells.get('女') as Cell;
  const m = cells.get('男') as Cell;
  if (multiplier !== null) {
    const numerator = (f.numerator ?? 0) + (m.numerator ?? 0);
    const denominator = (f.denominator ?? 0) + (m.denominator ?? 0);
    return { value: rate(numerator, denominator, multiplier), numerator, denominator };
  }
  if (isSum) return { value: f.value + m.value, numerator: null, denominator: null };
  return { value: round((f.value + m.value) / 2, 2), numerator: null, denominator: null };
}

const rate = (numerator: number, denominator: number, multiplier: number) =>
  round((numerator / denominator) * multiplier, 4);
const round = (x: number, digits: number) => Number(x.toFixed(digits));
