import type { AlertCandidate, AlertRule } from './alert-rules.js';
import { ALERT_RULE_BITS, assessCellFast, cellResult } from './assess-cell.js';
import { attainment, type AttainmentItem } from './attainment.js';
import { countAttainment } from './attainment-counts.js';
import { groupRanking, groupRanks } from './engine-rankings.js';
import { rollUpAll, rollUpChange } from './engine-roll-up.js';
import { cellOf, cubeOf, engineState, indicatorCube, type EngineState } from './engine-state.js';
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
import { PROGRESS_STATUSES, type ProgressStatus } from './progress-status.js';

/**
 * The evaluation of a region tree in memory: roll-up of every indicator × sex from the leaves (the
 * indicator's rule; a level's own reported value wins and the difference is kept), then every target ×
 * assessed region (two milestones, projection, explanation), volatility, cross-region modified z-scores
 * among siblings, alerts, attainment per region and area, and the ranking of each region's sub-regions
 * with rank change against the year before. `update` applies one changed value and recomputes only
 * what depends on it (the region's ancestors, siblings and their groups), so a change is live at once.
 * Pure: no I/O; the caller loads the dataset. The state and the functions that fill it are in
 * `engine-state`, `engine-roll-up`, `assess-cell`, `sibling-z`, `attainment-counts` and `engine-rankings`.
 */
export class EvaluationEngine {
  readonly year: number;
  readonly baseYear: number;
  /** Whether the year's values are due (EvaluationSettings.dataDue). */
  readonly dataDue: boolean;
  private readonly s: EngineState;

  constructor(
    regions: readonly DatasetRegion[],
    indicators: readonly DatasetIndicator[],
    targets: readonly DatasetTarget[],
    observations: Iterable<DatasetObservation>,
    settings: EvaluationSettings,
  ) {
    this.s = engineState(regions, indicators, targets, observations, settings);
    this.year = this.s.year;
    this.baseYear = this.s.baseYear;
    this.dataDue = this.s.dataDue;
    this.recompute();
  }

  /** The region codes evaluated, in input order. */
  regionCodes(): string[] {
    return this.s.regions.filter((_, i) => this.s.assessed[i]).map((r) => r.code);
  }

  region(code: string): DatasetRegion | undefined {
    const i = this.s.regionIndex.get(code);
    return i === undefined ? undefined : this.s.regions[i];
  }

  childCodes(code: string): string[] {
    const i = this.s.regionIndex.get(code);
    return i === undefined
      ? []
      : (this.s.children[i] ?? []).map((c) => (this.s.regions[c] as DatasetRegion).code);
  }

  targetList(): readonly DatasetTarget[] {
    return this.s.targets;
  }

  /** Every target's full result in one region (assessments with sentences, alerts), in target order. */
  resultsFor(regionCode: string): RegionTargetResult[] {
    const r = this.assessedIndex(regionCode);
    if (r === undefined) return [];
    return this.s.targets.map((_, t) => cellResult(this.s, t, r));
  }

  /** The current milestone's status of each target in a region, and the alert rules raised (fast path). */
  statusesFor(
    regionCode: string,
  ): { targetKey: string; status: ProgressStatus; alerts: { rule: AlertRule; level: 'red' | 'yellow' }[] }[] {
    const r = this.assessedIndex(regionCode);
    if (r === undefined) return [];
    const s = this.s;
    return s.targets.map((target, t) => {
      const at = t * s.regions.length + r;
      const bits = s.alertBits[at] as number;
      const red = s.redBits[at] as number;
      return {
        targetKey: target.key,
        status: PROGRESS_STATUSES[s.status[at] as number] as ProgressStatus,
        alerts: ALERT_RULE_BITS.filter(([, bit]) => bits & bit).map(([rule, bit]) => ({
          rule,
          level: red & bit ? ('red' as const) : ('yellow' as const),
        })),
      };
    });
  }

  /** 达标率 of a region, overall and per area (counts from the current milestones' statuses). */
  attainmentFor(regionCode: string): RegionAttainment | null {
    const r = this.assessedIndex(regionCode);
    if (r === undefined) return null;
    const s = this.s;
    const items: AttainmentItem[] = s.targets.map((target, t) => {
      const at = t * s.regions.length + r;
      return {
        comparator: (target.milestones[s.milestone[at] as number] as DatasetTarget['milestones'][number])
          .comparator,
        status: PROGRESS_STATUSES[s.status[at] as number] as ProgressStatus,
        group: target.area,
      };
    });
    const { overall, groups } = attainment(items);
    return { regionCode, overall, byArea: groups };
  }

  /** Overall attainment counts of a region without building objects: achieved, assessable (fast path). */
  attainmentCounts(regionCode: string): { achieved: number; assessable: number } | null {
    const r = this.assessedIndex(regionCode);
    if (r === undefined) return null;
    return { achieved: this.s.counts[r * 4] as number, assessable: this.s.counts[r * 4 + 1] as number };
  }

  /** The ranking of a region's sub-regions (null when it has fewer than two assessed ones). */
  rankingOf(parentCode: string): GroupRanking | null {
    const r = this.s.regionIndex.get(parentCode);
    if (r === undefined) return null;
    if (!this.s.rankings.has(r)) groupRanking(this.s, r);
    return this.s.rankings.get(r) ?? null;
  }

  /** Each sub-region's rank this year and last (fast path; null = not ranked). */
  ranksOf(parentCode: string): { region: string; rank: number | null; previousRank: number | null }[] {
    const s = this.s;
    const p = s.regionIndex.get(parentCode);
    if (p === undefined) return [];
    return (s.children[p] ?? [])
      .filter((c) => s.assessed[c])
      .map((c) => ({
        region: (s.regions[c] as DatasetRegion).code,
        rank: s.rank[c] || null,
        previousRank: s.previousRank[c] || null,
      }));
  }

  /** How many alerts the data support (fast path; `alerts()` builds them with their reasons). */
  alertCount(): number {
    let n = 0;
    for (const bits of this.s.alertBits) {
      for (let b = bits; b; b &= b - 1) n++;
    }
    return n;
  }

  /** Every alert the data support, with its reason, region by region. */
  alerts(): AlertCandidate[] {
    const out: AlertCandidate[] = [];
    const R = this.s.regions.length;
    for (let t = 0; t < this.s.targets.length; t++) {
      for (let r = 0; r < R; r++)
        if (this.s.alertBits[t * R + r]) out.push(...cellResult(this.s, t, r).alerts);
    }
    return out;
  }

  /** The alerts the data support for these targets (by key) in these regions, with their reasons. */
  alertsOf(targetKeys: ReadonlySet<string>, regionCodes: Iterable<string>): AlertCandidate[] {
    const s = this.s;
    const out: AlertCandidate[] = [];
    const R = s.regions.length;
    const regions = [...regionCodes].map((c) => s.regionIndex.get(c)).filter((r) => r !== undefined);
    s.targets.forEach((target, t) => {
      if (!targetKeys.has(target.key)) return;
      for (const r of regions)
        if (s.assessed[r] && s.alertBits[t * R + r]) out.push(...cellResult(s, t, r).alerts);
    });
    return out;
  }

  /** A value of an indicator (its target sex) in a region and year: reported, rolled up, used. */
  valueOf(indicatorCode: string, regionCode: string, year: number): CellValue | null {
    const s = this.s;
    const ind = s.indicators.get(indicatorCode);
    const r = s.regionIndex.get(regionCode);
    const cube = ind && indicatorCube(s, ind);
    if (!cube || r === undefined || year < s.y0 || year >= s.y0 + s.nYears) return null;
    return cellOf(s, cube, r, year - s.y0);
  }

  /**
   * Applies one changed (or, with value null, removed) approved value and recomputes what depends on it:
   * the roll-up of its ancestors that year, the assessments and alerts of its targets there and in the
   * sibling groups (cross-region z-scores), the attainment of those regions and the affected rankings.
   * Returns the region codes whose results changed.
   */
  update(o: Omit<DatasetObservation, 'value'> & { value: number | null }): string[] {
    const s = this.s;
    const ind = s.indicators.get(o.indicatorCode);
    const r = s.regionIndex.get(o.regionCode);
    const y = o.year - s.y0;
    if (!ind || r === undefined || y < 0 || y >= s.nYears) return [];
    const cube = cubeOf(s, ind.code, o.sex);
    const at = r * s.nYears + y;
    cube.reported[at] = o.value ?? NaN;
    cube.reportedNum[at] = o.value === null ? NaN : (o.numerator ?? NaN);
    cube.reportedDen[at] = o.value === null ? NaN : (o.denominator ?? NaN);
    const chain = rollUpChange(s, cube, r, y);
    if (o.sex !== ind.sex) return [];
    const touched = new Set<number>(chain);
    const groups = new Set<number>();
    for (const c of chain) {
      const p = s.parent[c] as number;
      if (p >= 0) {
        groups.add(p);
        cube.zDone[p] = 0;
        for (const sibling of s.children[p] ?? []) touched.add(sibling);
      }
      if ((s.children[c] ?? []).length > 0) groups.add(c);
    }
    for (const t of s.targetsByIndicator.get(ind.code) ?? []) {
      for (const reg of touched) if (s.assessed[reg]) assessCellFast(s, t, reg);
    }
    for (const reg of chain) if (s.assessed[reg]) countAttainment(s, reg);
    for (const g of groups) {
      s.rankings.delete(g);
      groupRanks(s, g, s.year, s.rank);
      if (o.year === s.year - 1) groupRanks(s, g, s.year - 1, s.previousRank);
    }
    return [...touched].map((i) => (s.regions[i] as DatasetRegion).code);
  }

  /**
   * Recomputes everything from the stored values (the constructor does this once): every roll-up, every
   * target × region status and alert decision, attainment counts and every ranking. The full objects and
   * sentences are made when read (`resultsFor`, `alerts`).
   */
  recompute(): void {
    const s = this.s;
    for (const cube of s.cubes.values()) cube.zDone.fill(0);
    s.spec = null;
    s.results.fill(undefined);
    rollUpAll(s);
    for (let t = 0; t < s.targets.length; t++) {
      for (let r = 0; r < s.regions.length; r++) if (s.assessed[r]) assessCellFast(s, t, r);
    }
    for (let r = 0; r < s.regions.length; r++) if (s.assessed[r]) countAttainment(s, r);
    s.rankings.clear();
    for (let r = 0; r < s.regions.length; r++) {
      groupRanks(s, r, s.year, s.rank);
      groupRanks(s, r, s.year - 1, s.previousRank);
    }
  }

  /** Rolls every indicator × sex up the tree (part of `recompute`; public so it can be timed alone). */
  rollUpAll(): void {
    rollUpAll(this.s);
  }

  private assessedIndex(regionCode: string): number | undefined {
    const r = this.s.regionIndex.get(regionCode);
    return r === undefined || !this.s.assessed[r] ? undefined : r;
  }
}
