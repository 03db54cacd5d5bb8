import { alertRules, type AlertCandidate } from './alert-rules.js';
import { assessTarget } from './assess-target.js';
import { attainment, type AttainmentItem } from './attainment.js';
import type {
  CellValue,
  DatasetIndicator,
  DatasetObservation,
  DatasetRegion,
  DatasetTarget,
  EvaluationSettings,
  GroupRanking,
  RegionAttainment,
  RegionTargetResult,
} from './evaluation-dataset.js';
import { modifiedZScore } from './modified-z-score.js';
import type { Direction } from './progress-status.js';
import { ranking, type RankingIndicator, type RegionValues } from './ranking.js';
import { volatility } from './volatility.js';

/** One indicator × sex over every region and year, as flat arrays (region-major); NaN = no data. */
interface Cube {
  indicator: DatasetIndicator;
  sex: string;
  reported: Float64Array;
  reportedNum: Float64Array;
  reportedDen: Float64Array;
  rolled: Float64Array;
  rolledNum: Float64Array;
  rolledDen: Float64Array;
  contributed: Uint16Array;
}

const RANKED_COMPARATORS = new Set(['<=', '>=', '~', '=']);

/**
 * The evaluation of a region tree in memory: roll-up of every indicator × sex from the leaves (the
 * indicator's rule; a level's own reported value wins and the difference is kept), then every target ×
 * assessed region (two milestones, projection, explanation), volatility, cross-region modified z-scores
 * among siblings, alerts, attainment per region and area, and the ranking of each region's sub-regions
 * with rank change against the year before. `update` applies one changed value and recomputes only
 * what depends on it (the region's ancestors, siblings and their groups), so a change is live at once.
 * Pure: no I/O; the caller loads the dataset.
 */
export class EvaluationEngine {
  readonly year: number;
  readonly baseYear: number;
  private readonly y0: number;
  private readonly nYears: number;
  private readonly regions: DatasetRegion[];
  private readonly regionIndex = new Map<string, number>();
  private readonly parent: Int32Array;
  private readonly children: number[][];
  private readonly indicators = new Map<string, DatasetIndicator>();
  private readonly targets: DatasetTarget[];
  private readonly targetsByIndicator = new Map<string, number[]>();
  private readonly cubes = new Map<string, Cube>();
  private readonly assessed: Uint8Array;
  private readonly results: (RegionTargetResult | undefined)[];
  private readonly attainments = new Map<number, RegionAttainment>();
  private readonly rankings = new Map<number, GroupRanking>();
  private readonly zCache = new Map<string, Map<number, { z: number | null; median: number | null }>>();
  private readonly rankingIndicators: readonly string[] | null;

  constructor(
    regions: readonly DatasetRegion[],
    indicators: readonly DatasetIndicator[],
    targets: readonly DatasetTarget[],
    observations: Iterable<DatasetObservation>,
    settings: EvaluationSettings,
  ) {
    this.year = settings.year;
    this.baseYear = settings.baseYear ?? 2020;
    const [from, to] = settings.years ?? [Math.min(2020, this.baseYear), Math.max(2030, this.year)];
    this.y0 = from;
    this.nYears = to - from + 1;
    this.regions = [...regions];
    this.regions.forEach((r, i) => this.regionIndex.set(r.code, i));
    this.parent = new Int32Array(this.regions.length).fill(-1);
    this.children = this.regions.map(() => []);
    this.regions.forEach((r, i) => {
      const p = r.parent === null ? undefined : this.regionIndex.get(r.parent);
      if (p !== undefined) {
        this.parent[i] = p;
        (this.children[p] as number[]).push(i);
      }
    });
    for (const ind of indicators) this.indicators.set(ind.code, ind);
    this.targets = targets.filter((t) => this.indicators.has(t.indicatorCode));
    this.targets.forEach((t, i) => {
      const list = this.targetsByIndicator.get(t.indicatorCode) ?? [];
      list.push(i);
      this.targetsByIndicator.set(t.indicatorCode, list);
    });
    this.rankingIndicators = settings.rankingIndicators ?? null;
    this.assessed = new Uint8Array(this.regions.length).fill(settings.assessedRegions ? 0 : 1);
    for (const code of settings.assessedRegions ?? []) {
      const i = this.regionIndex.get(code);
      if (i !== undefined) this.assessed[i] = 1;
    }
    for (const ind of indicators) this.cube(ind.code, ind.sex);
    for (const o of observations) this.store(o);
    this.results = new Array(this.targets.length * this.regions.length);
    this.recomputeAll();
  }

  /** The region codes evaluated, in input order. */
  regionCodes(): string[] {
    return this.regions.filter((_, i) => this.assessed[i]).map((r) => r.code);
  }

  region(code: string): DatasetRegion | undefined {
    const i = this.regionIndex.get(code);
    return i === undefined ? undefined : this.regions[i];
  }

  childCodes(code: string): string[] {
    const i = this.regionIndex.get(code);
    return i === undefined
      ? []
      : (this.children[i] ?? []).map((c) => (this.regions[c] as DatasetRegion).code);
  }

  targetList(): readonly DatasetTarget[] {
    return this.targets;
  }

  /** Every target's result in one region, in target order. */
  resultsFor(regionCode: string): RegionTargetResult[] {
    const r = this.regionIndex.get(regionCode);
    if (r === undefined) return [];
    return this.targets.flatMap((_, t) => this.results[t * this.regions.length + r] ?? []);
  }

  attainmentFor(regionCode: string): RegionAttainment | null {
    const r = this.regionIndex.get(regionCode);
    return r === undefined ? null : (this.attainments.get(r) ?? null);
  }

  /** The ranking of a region's sub-regions (null when it has fewer than two assessed ones). */
  rankingOf(parentCode: string): GroupRanking | null {
    const r = this.regionIndex.get(parentCode);
    return r === undefined ? null : (this.rankings.get(r) ?? null);
  }

  /** Every alert the data support, region by region. */
  alerts(): AlertCandidate[] {
    return this.results.flatMap((x) => x?.alerts ?? []);
  }

  /** A value of an indicator (its target sex) in a region and year: reported, rolled up, used. */
  valueOf(indicatorCode: string, regionCode: string, year: number): CellValue | null {
    const ind = this.indicators.get(indicatorCode);
    const r = this.regionIndex.get(regionCode);
    const cube = ind && this.cubes.get(`${ind.code}|${ind.sex}`);
    if (!cube || r === undefined || year < this.y0 || year >= this.y0 + this.nYears) return null;
    return this.cell(cube, r, year - this.y0);
  }

  /**
   * Applies one changed (or, with value null, removed) approved value and recomputes what depends on it:
   * the roll-up of its ancestors that year, the assessments and alerts of its targets there and in the
   * sibling groups (cross-region z-scores), the attainment of those regions and the affected rankings.
   * Returns the region codes whose results changed.
   */
  update(o: Omit<DatasetObservation, 'value'> & { value: number | null }): string[] {
    const ind = this.indicators.get(o.indicatorCode);
    const r = this.regionIndex.get(o.regionCode);
    const y = o.year - this.y0;
    if (!ind || r === undefined || y < 0 || y >= this.nYears) return [];
    const cube = this.cube(ind.code, o.sex);
    const at = r * this.nYears + y;
    cube.reported[at] = o.value ?? NaN;
    cube.reportedNum[at] = o.value === null ? NaN : (o.numerator ?? NaN);
    cube.reportedDen[at] = o.value === null ? NaN : (o.denominator ?? NaN);
    const chain = [r];
    for (let p = this.parent[r] as number; p >= 0; p = this.parent[p] as number) {
      this.rollUpCell(cube, p, y);
      chain.push(p);
    }
    if (o.sex !== ind.sex) return [];
    const touched = new Set<number>(chain);
    const groups = new Set<number>();
    for (const c of chain) {
      const p = this.parent[c] as number;
      if (p >= 0) {
        groups.add(p);
        this.zCache.delete(`${cube.indicator.code}|${cube.sex}|${p}`);
        for (const s of this.children[p] ?? []) touched.add(s);
      }
      if ((this.children[c] ?? []).length > 0) groups.add(c);
    }
    for (const t of this.targetsByIndicator.get(ind.code) ?? []) {
      for (const reg of touched) if (this.assessed[reg]) this.evaluateCell(t, reg);
    }
    for (const reg of chain) this.computeAttainment(reg);
    for (const g of groups) this.computeRanking(g);
    return [...touched].map((i) => (this.regions[i] as DatasetRegion).code);
  }

  private recomputeAll(): void {
    for (const cube of this.cubes.values()) this.rollUpCube(cube);
    for (let t = 0; t < this.targets.length; t++) {
      for (let r = 0; r < this.regions.length; r++) if (this.assessed[r]) this.evaluateCell(t, r);
    }
    for (let r = 0; r < this.regions.length; r++) if (this.assessed[r]) this.computeAttainment(r);
    for (let r = 0; r < this.regions.length; r++) this.computeRanking(r);
  }

  private cube(indicatorCode: string, sex: string): Cube {
    const key = `${indicatorCode}|${sex}`;
    let cube = this.cubes.get(key);
    if (!cube) {
      const n = this.regions.length * this.nYears;
      const nan = () => new Float64Array(n).fill(NaN);
      cube = {
        indicator: this.indicators.get(indicatorCode) as DatasetIndicator,
        sex,
        reported: nan(),
        reportedNum: nan(),
        reportedDen: nan(),
        rolled: nan(),
        rolledNum: nan(),
        rolledDen: nan(),
        contributed: new Uint16Array(n),
      };
      this.cubes.set(key, cube);
    }
    return cube;
  }

  private store(o: DatasetObservation): void {
    if (!this.indicators.has(o.indicatorCode)) return;
    const r = this.regionIndex.get(o.regionCode);
    const y = o.year - this.y0;
    if (r === undefined || y < 0 || y >= this.nYears || !Number.isFinite(o.value)) return;
    const cube = this.cube(o.indicatorCode, o.sex);
    const at = r * this.nYears + y;
    cube.reported[at] = o.value;
    cube.reportedNum[at] = o.numerator ?? NaN;
    cube.reportedDen[at] = o.denominator ?? NaN;
  }

  /** Children before parents, so one pass rolls up every level. */
  private postOrder(): number[] {
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
        for (const c of this.children[n] ?? []) stack.push([c, false]);
      }
    };
    for (let i = 0; i < this.regions.length; i++) if ((this.parent[i] as number) < 0) visit(i);
    return order;
  }

  private order: number[] | null = null;

  private rollUpCube(cube: Cube): void {
    if (cube.indicator.rollUp.kind === 'reported') return;
    this.order ??= this.postOrder();
    for (const r of this.order) {
      if ((this.children[r] ?? []).length === 0) continue;
      for (let y = 0; y < this.nYears; y++) this.rollUpCell(cube, r, y);
    }
  }

  /** DHIS2 aggregation, as `rollUp`: ratio of summed parts, or a sum; a child counts with all its inputs. */
  private rollUpCell(cube: Cube, r: number, y: number): void {
    const rule = cube.indicator.rollUp;
    const at = r * this.nYears + y;
    if (rule.kind === 'reported') return;
    let num = 0;
    let den = 0;
    let sum = 0;
    let n = 0;
    for (const c of this.children[r] ?? []) {
      const ca = c * this.nYears + y;
      if (rule.kind === 'sum') {
        const v = Number.isNaN(cube.reported[ca] as number) ? cube.rolled[ca] : cube.reported[ca];
        if (!Number.isNaN(v as number)) {
          sum += v as number;
          n++;
        }
        continue;
      }
      const own =
        !Number.isNaN(cube.reportedNum[ca] as number) && !Number.isNaN(cube.reportedDen[ca] as number);
      const cn = own ? cube.reportedNum[ca] : cube.rolledNum[ca];
      const cd = own ? cube.reportedDen[ca] : cube.rolledDen[ca];
      if (Number.isNaN(cn as number) || Number.isNaN(cd as number) || (cd as number) < 0) continue;
      num += cn as number;
      den += cd as number;
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
  }

  private used(cube: Cube, at: number): number {
    const v = cube.reported[at] as number;
    return Number.isNaN(v) ? (cube.rolled[at] as number) : v;
  }

  private cell(cube: Cube, r: number, y: number): CellValue {
    const at = r * this.nYears + y;
    const reported = Number.isNaN(cube.reported[at] as number) ? null : (cube.reported[at] as number);
    const rolledUp = Number.isNaN(cube.rolled[at] as number) ? null : (cube.rolled[at] as number);
    const difference = reported !== null && rolledUp !== null ? reported - rolledUp : null;
    return {
      year: this.y0 + y,
      value: reported ?? rolledUp,
      source: reported !== null ? 'reported' : rolledUp !== null ? 'rolled_up' : null,
      reported,
      rolledUp,
      difference,
      relativeDifference:
        difference !== null && rolledUp !== 0 ? difference / Math.abs(rolledUp as number) : null,
      contributed: cube.contributed[at] as number,
      expected: (this.children[r] ?? []).length,
    };
  }

  private evaluateCell(t: number, r: number): void {
    const target = this.targets[t] as DatasetTarget;
    const ind = this.indicators.get(target.indicatorCode) as DatasetIndicator;
    const cube = this.cubes.get(`${ind.code}|${ind.sex}`) as Cube;
    const region = this.regions[r] as DatasetRegion;
    const last = Math.min(this.year - this.y0, this.nYears - 1);
    const series: { year: number; value: number | null }[] = [];
    let latestDataYear: number | null = null;
    for (let y = 0; y <= last; y++) {
      const v = this.used(cube, r * this.nYears + y);
      const value = Number.isNaN(v) ? null : v;
      if (value !== null) latestDataYear = this.y0 + y;
      series.push({ year: this.y0 + y, value });
    }
    const assessment = assessTarget(series, target.milestones, {
      baseYear: this.baseYear,
      asOfYear: this.year,
      better: ind.better,
    });
    const vol = volatility(series);
    const p = this.parent[r] as number;
    const yearValue = latestDataYear === this.year ? (series[series.length - 1]?.value ?? null) : null;
    const z = p >= 0 && yearValue !== null ? this.groupZ(cube, p).get(r) : undefined;
    const crossRegion = z ? { ...z, value: yearValue } : null;
    const alerts = alertRules({
      targetKey: target.key,
      indicator: target.label,
      regionCode: region.code,
      regionName: region.name,
      year: this.year,
      unit: target.milestones[0]?.unit ?? ind.unit,
      assessment,
      volatility: vol,
      crossRegion,
      latestDataYear,
      departments: target.responsible.length > 0 ? target.responsible : [ind.department],
    });
    this.results[t * this.regions.length + r] = {
      targetKey: target.key,
      regionCode: region.code,
      series,
      value: last >= 0 && this.year - this.y0 === last ? this.cell(cube, r, last) : null,
      assessment,
      volatility: vol,
      crossRegion,
      alerts,
    };
  }

  /** Modified z-scores of an indicator's values in the evaluated year among one region's children. */
  private groupZ(cube: Cube, p: number): Map<number, { z: number | null; median: number | null }> {
    const key = `${cube.indicator.code}|${cube.sex}|${p}`;
    let scores = this.zCache.get(key);
    if (!scores) {
      const y = this.year - this.y0;
      const kids = this.children[p] ?? [];
      const values = kids.map((c) => {
        const v = this.used(cube, c * this.nYears + y);
        return Number.isNaN(v) ? null : v;
      });
      const z = modifiedZScore(values);
      scores = new Map(kids.map((c, i) => [c, { z: z.scores[i] ?? null, median: z.median }]));
      this.zCache.set(key, scores);
    }
    return scores;
  }

  private computeAttainment(r: number): void {
    const items: AttainmentItem[] = [];
    for (let t = 0; t < this.targets.length; t++) {
      const current = this.results[t * this.regions.length + r]?.assessment.current;
      if (current) {
        items.push({
          comparator: current.target.comparator,
          status: current.status,
          group: (this.targets[t] as DatasetTarget).area,
        });
      }
    }
    const { overall, groups } = attainment(items);
    this.attainments.set(r, {
      regionCode: (this.regions[r] as DatasetRegion).code,
      overall,
      byArea: groups,
    });
  }

  /** The indicators ranked: one per indicator, from its first target with a numeric next milestone. */
  private rankingSpec(): { ind: DatasetIndicator; comparator: string; value: number; unit: string | null }[] {
    const seen = new Set<string>();
    const out: { ind: DatasetIndicator; comparator: string; value: number; unit: string | null }[] = [];
    for (const t of this.targets) {
      if (seen.has(t.indicatorCode)) continue;
      if (this.rankingIndicators && !this.rankingIndicators.includes(t.indicatorCode)) continue;
      const sorted = [...t.milestones].sort((a, b) => a.year - b.year);
      const next = sorted.find((m) => m.year > this.year) ?? sorted[sorted.length - 1];
      if (!next || next.value === null || !RANKED_COMPARATORS.has(next.comparator)) continue;
      seen.add(t.indicatorCode);
      out.push({
        ind: this.indicators.get(t.indicatorCode) as DatasetIndicator,
        comparator: next.comparator,
        value: next.value,
        unit: next.unit,
      });
    }
    return out;
  }

  private spec: ReturnType<EvaluationEngine['rankingSpec']> | null = null;

  private computeRanking(p: number): void {
    const kids = (this.children[p] ?? []).filter((c) => this.assessed[c]);
    if (kids.length < 2) return;
    this.spec ??= this.rankingSpec();
    const spec = this.spec;
    const at = (year: number) => {
      const y = year - this.y0;
      const indicators: RankingIndicator[] = spec.map(({ ind, comparator, value }) => {
        const cube = this.cubes.get(`${ind.code}|${ind.sex}`) as Cube;
        const parentValue = y >= 0 ? this.used(cube, p * this.nYears + y) : NaN;
        const band = comparator === '~';
        return {
          id: ind.code,
          direction: (band ? 'down' : comparator === '<=' ? 'down' : 'up') as Direction,
          target: band ? 0.05 * Math.abs(value) : value,
          minDenominator: ind.minDenominator,
          parentValue: Number.isNaN(parentValue) ? null : band ? Math.abs(parentValue - value) : parentValue,
        };
      });
      const values: RegionValues[] = kids.map((c) => ({
        region: (this.regions[c] as DatasetRegion).code,
        values: Object.fromEntries(
          spec.map(({ ind, comparator, value: goal }) => {
            const cube = this.cubes.get(`${ind.code}|${ind.sex}`) as Cube;
            if (y < 0 || y >= this.nYears) return [ind.code, undefined];
            const a = c * this.nYears + y;
            const v = this.used(cube, a);
            const den = Number.isNaN(cube.reported[a] as number) ? cube.rolledDen[a] : cube.reportedDen[a];
            return [
              ind.code,
              {
                value: Number.isNaN(v) ? null : comparator === '~' ? Math.abs(v - goal) : v,
                denominator: Number.isNaN(den as number) ? null : (den as number),
              },
            ];
          }),
        ),
      }));
      return { indicators, values };
    };
    const previous = at(this.year - 1);
    const previousRanks = Object.fromEntries(
      ranking(previous.indicators, previous.values).map((r) => [r.region, r.rank]),
    );
    const current = at(this.year);
    this.rankings.set(p, {
      parentCode: (this.regions[p] as DatasetRegion).code,
      year: this.year,
      indicators: current.indicators.map((i) => ({ code: i.id, direction: i.direction, target: i.target })),
      regions: ranking(current.indicators, current.values, previousRanks),
    });
  }
}
