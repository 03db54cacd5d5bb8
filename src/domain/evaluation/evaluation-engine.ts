import { alertRules, type AlertCandidate } from './alert-rules.js';
import { assessTarget } from './assess-target.js';
import { attainment, QUANTITATIVE_COMPARATORS, type AttainmentItem } from './attainment.js';
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
import {
  fastStatus,
  S_ACHIEVED,
  S_DETERIORATION,
  S_INSUFFICIENT,
  S_LIMITED,
  S_NOT_ASSESSABLE,
  type FastStatus,
} from './fast-status.js';
import { fastRanks } from './fast-ranks.js';
import { cellValue, newCube, rollUpCell, type Cube } from './value-cube.js';
import { MODIFIED_Z_THRESHOLD, modifiedZScore } from './modified-z-score.js';
import { PROGRESS_STATUSES, type ProgressStatus } from './progress-status.js';
import type { Direction } from './progress-status.js';
import { RED_Z, type AlertRule } from './alert-rules.js';
import { ranking, type RankingIndicator, type RegionValues } from './ranking.js';
import { volatility } from './volatility.js';

const RANKED_COMPARATORS = new Set(['<=', '>=', '~', '=']);

/** One bit per alert rule in the fast arrays. */
const BIT: Record<AlertRule, number> = {
  projected_miss: 1,
  wrong_direction: 2,
  volatile: 4,
  outlier: 8,
  data_missing: 16,
};
const RULE_BITS = Object.entries(BIT) as [AlertRule, number][];

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
  /** Whether the year's values are due (EvaluationSettings.dataDue). */
  readonly dataDue: boolean;
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
  /** Full results (objects and sentences), made on demand from the stored values and cached. */
  private readonly results: (RegionTargetResult | undefined)[];
  /** Per target × region (t·R + r): status code, current milestone, alert rule bits and red bits. */
  private readonly status: Uint8Array;
  private readonly milestone: Uint8Array;
  private readonly alertBits: Uint8Array;
  private readonly redBits: Uint8Array;
  /** Per region: achieved, assessable, quantitative-not-assessable, qualitative counts. */
  private readonly counts: Int32Array;
  private readonly fast: FastStatus = {
    status: 0,
    milestone: 0,
    latestYear: NaN,
    final: false,
    hasProjection: false,
    projectedToMeet: -1,
    volatile: false,
  };
  private readonly rankings = new Map<number, GroupRanking>();
  /** Per region: its rank among its siblings this year and last year (0 = not ranked), from `fastRanks`. */
  private readonly rank: Int32Array;
  private readonly previousRank: Int32Array;
  private readonly rankingIndicators: readonly string[] | null;

  constructor(
    regions: readonly DatasetRegion[],
    indicators: readonly DatasetIndicator[],
    targets: readonly DatasetTarget[],
    observations: Iterable<DatasetObservation>,
    settings: EvaluationSettings,
  ) {
    this.year = settings.year;
    this.dataDue = settings.dataDue ?? true;
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
    const cells = this.targets.length * this.regions.length;
    this.results = new Array(cells);
    this.status = new Uint8Array(cells);
    this.milestone = new Uint8Array(cells);
    this.alertBits = new Uint8Array(cells);
    this.redBits = new Uint8Array(cells);
    this.counts = new Int32Array(this.regions.length * 4);
    this.rank = new Int32Array(this.regions.length);
    this.previousRank = new Int32Array(this.regions.length);
    this.recompute();
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

  /** Every target's full result in one region (assessments with sentences, alerts), in target order. */
  resultsFor(regionCode: string): RegionTargetResult[] {
    const r = this.regionIndex.get(regionCode);
    if (r === undefined || !this.assessed[r]) return [];
    return this.targets.map((_, t) => this.full(t, r));
  }

  /** The current milestone's status of each target in a region, and the alert rules raised (fast path). */
  statusesFor(
    regionCode: string,
  ): { targetKey: string; status: ProgressStatus; alerts: { rule: AlertRule; level: 'red' | 'yellow' }[] }[] {
    const r = this.regionIndex.get(regionCode);
    if (r === undefined || !this.assessed[r]) return [];
    return this.targets.map((target, t) => {
      const at = t * this.regions.length + r;
      const bits = this.alertBits[at] as number;
      const red = this.redBits[at] as number;
      return {
        targetKey: target.key,
        status: PROGRESS_STATUSES[this.status[at] as number] as ProgressStatus,
        alerts: RULE_BITS.filter(([, bit]) => bits & bit).map(([rule, bit]) => ({
          rule,
          level: red & bit ? ('red' as const) : ('yellow' as const),
        })),
      };
    });
  }

  /** 达标率 of a region, overall and per area (counts from the current milestones' statuses). */
  attainmentFor(regionCode: string): RegionAttainment | null {
    const r = this.regionIndex.get(regionCode);
    if (r === undefined || !this.assessed[r]) return null;
    const items: AttainmentItem[] = this.targets.map((target, t) => {
      const at = t * this.regions.length + r;
      return {
        comparator: (target.milestones[this.milestone[at] as number] as DatasetTarget['milestones'][number])
          .comparator,
        status: PROGRESS_STATUSES[this.status[at] as number] as ProgressStatus,
        group: target.area,
      };
    });
    const { overall, groups } = attainment(items);
    return { regionCode, overall, byArea: groups };
  }

  /** Overall attainment counts of a region without building objects: achieved, assessable (fast path). */
  attainmentCounts(regionCode: string): { achieved: number; assessable: number } | null {
    const r = this.regionIndex.get(regionCode);
    if (r === undefined || !this.assessed[r]) return null;
    return { achieved: this.counts[r * 4] as number, assessable: this.counts[r * 4 + 1] as number };
  }

  /** The ranking of a region's sub-regions (null when it has fewer than two assessed ones). */
  rankingOf(parentCode: string): GroupRanking | null {
    const r = this.regionIndex.get(parentCode);
    if (r === undefined) return null;
    if (!this.rankings.has(r)) this.computeRanking(r);
    return this.rankings.get(r) ?? null;
  }

  /** Each sub-region's rank this year and last (fast path; null = not ranked). */
  ranksOf(parentCode: string): { region: string; rank: number | null; previousRank: number | null }[] {
    const p = this.regionIndex.get(parentCode);
    if (p === undefined) return [];
    return (this.children[p] ?? [])
      .filter((c) => this.assessed[c])
      .map((c) => ({
        region: (this.regions[c] as DatasetRegion).code,
        rank: this.rank[c] || null,
        previousRank: this.previousRank[c] || null,
      }));
  }

  /** How many alerts the data support (fast path; `alerts()` builds them with their reasons). */
  alertCount(): number {
    let n = 0;
    for (const bits of this.alertBits) {
      for (let b = bits; b; b &= b - 1) n++;
    }
    return n;
  }

  /** Every alert the data support, with its reason, region by region. */
  alerts(): AlertCandidate[] {
    const out: AlertCandidate[] = [];
    const R = this.regions.length;
    for (let t = 0; t < this.targets.length; t++) {
      for (let r = 0; r < R; r++) if (this.alertBits[t * R + r]) out.push(...this.full(t, r).alerts);
    }
    return out;
  }

  /** The alerts the data support for these targets (by key) in these regions, with their reasons. */
  alertsOf(targetKeys: ReadonlySet<string>, regionCodes: Iterable<string>): AlertCandidate[] {
    const out: AlertCandidate[] = [];
    const R = this.regions.length;
    const regions = [...regionCodes].map((c) => this.regionIndex.get(c)).filter((r) => r !== undefined);
    this.targets.forEach((target, t) => {
      if (!targetKeys.has(target.key)) return;
      for (const r of regions)
        if (this.assessed[r] && this.alertBits[t * R + r]) out.push(...this.full(t, r).alerts);
    });
    return out;
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
    cube.used[at] = Number.isNaN(cube.reported[at] as number)
      ? (cube.rolled[at] as number)
      : (cube.reported[at] as number);
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
        cube.zDone[p] = 0;
        for (const s of this.children[p] ?? []) touched.add(s);
      }
      if ((this.children[c] ?? []).length > 0) groups.add(c);
    }
    for (const t of this.targetsByIndicator.get(ind.code) ?? []) {
      for (const reg of touched) if (this.assessed[reg]) this.assessFast(t, reg);
    }
    for (const reg of chain) if (this.assessed[reg]) this.countAttainment(reg);
    for (const g of groups) {
      this.rankings.delete(g);
      this.fastRanks(g, this.year, this.rank);
      if (o.year === this.year - 1) this.fastRanks(g, this.year - 1, this.previousRank);
    }
    return [...touched].map((i) => (this.regions[i] as DatasetRegion).code);
  }

  /**
   * Recomputes everything from the stored values (the constructor does this once): every roll-up, every
   * target × region status and alert decision, attainment counts and every ranking. The full objects and
   * sentences are made when read (`resultsFor`, `alerts`).
   */
  recompute(): void {
    for (const cube of this.cubes.values()) cube.zDone.fill(0);
    this.spec = null;
    this.results.fill(undefined);
    this.rollUpAll();
    for (let t = 0; t < this.targets.length; t++) {
      for (let r = 0; r < this.regions.length; r++) if (this.assessed[r]) this.assessFast(t, r);
    }
    for (let r = 0; r < this.regions.length; r++) if (this.assessed[r]) this.countAttainment(r);
    this.rankings.clear();
    for (let r = 0; r < this.regions.length; r++) {
      this.fastRanks(r, this.year, this.rank);
      this.fastRanks(r, this.year - 1, this.previousRank);
    }
  }

  /** Rolls every indicator × sex up the tree (part of `recompute`; public so it can be timed alone). */
  rollUpAll(): void {
    for (const cube of this.cubes.values()) this.rollUpCube(cube);
  }

  private cube(indicatorCode: string, sex: string): Cube {
    const key = `${indicatorCode}|${sex}`;
    let cube = this.cubes.get(key);
    if (!cube) {
      cube = newCube(
        this.indicators.get(indicatorCode) as DatasetIndicator,
        sex,
        this.regions.length,
        this.nYears,
      );
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
    cube.used.set(cube.reported);
    if (cube.indicator.rollUp.kind === 'reported') return;
    this.order ??= this.postOrder();
    for (const r of this.order) {
      if ((this.children[r] ?? []).length === 0) continue;
      for (let y = 0; y < this.nYears; y++) this.rollUpCell(cube, r, y);
    }
  }

  /** DHIS2 aggregation, as `rollUp`: ratio of summed parts, or a sum; a child counts with all its inputs. */
  private rollUpCell(cube: Cube, r: number, y: number): void {
    rollUpCell(cube, this.children[r] ?? [], r, y, this.nYears);
  }

  private used(cube: Cube, at: number): number {
    return cube.used[at] as number;
  }

  private cell(cube: Cube, r: number, y: number): CellValue {
    return cellValue(cube, r, y, this.nYears, this.y0, (this.children[r] ?? []).length);
  }

  /** The fast decisions for one target in one region: status, milestone, alert rule bits. */
  private assessFast(t: number, r: number): void {
    const target = this.targets[t] as DatasetTarget;
    const ind = this.indicators.get(target.indicatorCode) as DatasetIndicator;
    const cube = this.cubes.get(`${ind.code}|${ind.sex}`) as Cube;
    const at = t * this.regions.length + r;
    this.results[at] = undefined;
    const last = Math.min(this.year - this.y0, this.nYears - 1);
    const f = fastStatus(
      cube.used,
      r * this.nYears,
      this.y0,
      last,
      this.baseYear,
      target.milestones,
      ind.better,
      this.fast,
    );
    this.status[at] = f.status;
    this.milestone[at] = f.milestone;
    let bits = 0;
    let red = 0;
    if (this.dataDue && (Number.isNaN(f.latestYear) || f.latestYear < this.year)) {
      bits |= BIT.data_missing;
      if (f.latestYear !== this.year - 1) red |= BIT.data_missing;
    }
    if (f.status === S_DETERIORATION) {
      bits |= BIT.wrong_direction;
      red |= BIT.wrong_direction;
    }
    if (f.status !== S_ACHIEVED && !f.final && f.projectedToMeet === 0 && f.hasProjection) {
      bits |= BIT.projected_miss;
      const due = (target.milestones[f.milestone] as DatasetTarget['milestones'][number]).year - this.year;
      if (due <= 2 || f.status === S_LIMITED) red |= BIT.projected_miss;
    }
    if (f.volatile) bits |= BIT.volatile;
    const p = this.parent[r] as number;
    if (p >= 0 && f.latestYear === this.year) {
      const z = this.groupZ(cube, p, r).z;
      if (z !== null && z >= MODIFIED_Z_THRESHOLD) {
        bits |= BIT.outlier;
        if (z >= RED_Z) red |= BIT.outlier;
      }
    }
    this.alertBits[at] = bits;
    this.redBits[at] = red;
  }

  private full(t: number, r: number): RegionTargetResult {
    return this.results[t * this.regions.length + r] ?? this.evaluateCell(t, r);
  }

  private evaluateCell(t: number, r: number): RegionTargetResult {
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
    const z = p >= 0 && yearValue !== null ? this.groupZ(cube, p, r) : undefined;
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
      dataDue: this.dataDue,
      departments: target.responsible.length > 0 ? target.responsible : [ind.department],
    });
    const result: RegionTargetResult = {
      targetKey: target.key,
      regionCode: region.code,
      series,
      value: last >= 0 && this.year - this.y0 === last ? this.cell(cube, r, last) : null,
      assessment,
      volatility: vol,
      crossRegion,
      alerts,
    };
    this.results[t * this.regions.length + r] = result;
    return result;
  }

  /** Modified z-scores of an indicator's values in the evaluated year among one region's children. */
  private groupZ(cube: Cube, p: number, r: number): { z: number | null; median: number | null } {
    if (!cube.zDone[p]) {
      const y = this.year - this.y0;
      const kids = this.children[p] ?? [];
      const values = kids.map((c) => {
        const v = this.used(cube, c * this.nYears + y);
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

  private countAttainment(r: number): void {
    let achieved = 0;
    let assessable = 0;
    let notAssessable = 0;
    let qualitative = 0;
    const R = this.regions.length;
    for (let t = 0; t < this.targets.length; t++) {
      const at = t * R + r;
      const m = (this.targets[t] as DatasetTarget).milestones[this.milestone[at] as number];
      if (!m || !QUANTITATIVE_COMPARATORS.includes(m.comparator)) {
        qualitative++;
        continue;
      }
      const status = this.status[at] as number;
      if (status === S_INSUFFICIENT || status === S_NOT_ASSESSABLE) notAssessable++;
      else {
        assessable++;
        if (status === S_ACHIEVED) achieved++;
      }
    }
    this.counts.set([achieved, assessable, notAssessable, qualitative], r * 4);
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

  /** Each sub-region's rank (0 = not ranked) in one year into `into`, by `fastRanks` (same ranks as `ranking`). */
  private fastRanks(p: number, year: number, into: Int32Array): void {
    const kids = (this.children[p] ?? []).filter((c) => this.assessed[c]);
    for (const c of this.children[p] ?? []) into[c] = 0;
    const y = year - this.y0;
    if (kids.length < 2 || y < 0 || y >= this.nYears) return;
    this.spec ??= this.rankingSpec();
    const m = this.spec.length;
    const values = new Float64Array(kids.length * m);
    const denominators = new Float64Array(kids.length * m);
    const indicators = this.spec.map(({ ind, comparator, value: goal }, j) => {
      const cube = this.cubes.get(`${ind.code}|${ind.sex}`) as Cube;
      const band = comparator === '~';
      kids.forEach((c, i) => {
        const a = c * this.nYears + y;
        const v = cube.used[a] as number;
        values[i * m + j] = band ? Math.abs(v - goal) : v;
        denominators[i * m + j] = (
          Number.isNaN(cube.reported[a] as number) ? cube.rolledDen[a] : cube.reportedDen[a]
        ) as number;
      });
      const pv = cube.used[p * this.nYears + y] as number;
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

  /** The full ranking of a group (objects, components), made when read; its ranks equal `fastRanks`. */
  private computeRanking(p: number): void {
    const kids = (this.children[p] ?? []).filter((c) => this.assessed[c]);
    if (kids.length < 2) return;
    this.spec ??= this.rankingSpec();
    const spec = this.spec.map((s) => ({ ...s, cube: this.cubes.get(`${s.ind.code}|${s.ind.sex}`) as Cube }));
    const at = (year: number) => {
      const y = year - this.y0;
      const inRangeYear = y >= 0 && y < this.nYears;
      const indicators: RankingIndicator[] = spec.map(({ ind, comparator, value, cube }) => {
        const parentValue = inRangeYear ? (cube.used[p * this.nYears + y] as number) : NaN;
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
          const a = c * this.nYears + y;
          for (const { ind, comparator, value: goal, cube } of spec) {
            const v = cube.used[a] as number;
            const den = Number.isNaN(cube.reported[a] as number) ? cube.rolledDen[a] : cube.reportedDen[a];
            cells[ind.code] = {
              value: Number.isNaN(v) ? null : comparator === '~' ? Math.abs(v - goal) : v,
              denominator: Number.isNaN(den as number) ? null : (den as number),
            };
          }
        }
        return { region: (this.regions[c] as DatasetRegion).code, values: cells };
      });
      return { indicators, values };
    };
    const previousRanks = Object.fromEntries(
      kids.map((c) => [(this.regions[c] as DatasetRegion).code, this.previousRank[c] || null]),
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
