import type {
  CellValue,
  DatasetIndicator,
  DatasetObservation,
  DatasetRegion,
  DatasetTarget,
  EvaluationSettings,
  GroupRanking,
  RegionTargetResult,
} from './evaluation-dataset.js';
import type { FastStatus } from './fast-status.js';
import { cellValue, newCube, type Cube } from './value-cube.js';

/** One ranked indicator: its first target with a numeric next milestone (see `rankingSpec`). */
export interface RankedIndicator {
  ind: DatasetIndicator;
  comparator: string;
  value: number;
  unit: string | null;
}

/**
 * What `EvaluationEngine` holds, shared by the functions that fill it: the region tree as indexes, one value
 * cube per indicator × sex (regions × years), and per target × region (index t·R + r) the status, current
 * milestone and alert bits; per region the attainment counts and ranks. Mutable by design: `update` changes a
 * few cells in place.
 */
export interface EngineState {
  readonly year: number;
  readonly baseYear: number;
  /** Whether the year's values are due (EvaluationSettings.dataDue). */
  readonly dataDue: boolean;
  /** First year of the cubes and their number of years. */
  readonly y0: number;
  readonly nYears: number;
  readonly regions: DatasetRegion[];
  readonly regionIndex: Map<string, number>;
  readonly parent: Int32Array;
  readonly children: number[][];
  readonly indicators: Map<string, DatasetIndicator>;
  readonly targets: DatasetTarget[];
  readonly targetsByIndicator: Map<string, number[]>;
  readonly cubes: Map<string, Cube>;
  readonly assessed: Uint8Array;
  /** Full results (objects and sentences), made on demand from the stored values and cached. */
  readonly results: (RegionTargetResult | undefined)[];
  /** Per target × region: status code, current milestone, alert rule bits and red bits. */
  readonly status: Uint8Array;
  readonly milestone: Uint8Array;
  readonly alertBits: Uint8Array;
  readonly redBits: Uint8Array;
  /** Per region: achieved, assessable, quantitative-not-assessable, qualitative counts. */
  readonly counts: Int32Array;
  /** Per region: its rank among its siblings this year and last year (0 = not ranked). */
  readonly rank: Int32Array;
  readonly previousRank: Int32Array;
  readonly rankingIndicators: readonly string[] | null;
  /** Full rankings per parent region, made when read. */
  readonly rankings: Map<number, GroupRanking>;
  /** The ranked indicators, made once. */
  spec: RankedIndicator[] | null;
  /** Regions children before parents, made once. */
  order: number[] | null;
  /** Scratch output of `fastStatus`. */
  readonly fast: FastStatus;
}

/** Indexes the regions, indicators and targets and stores the observations; nothing computed yet. */
export function engineState(
  regions: readonly DatasetRegion[],
  indicators: readonly DatasetIndicator[],
  targets: readonly DatasetTarget[],
  observations: Iterable<DatasetObservation>,
  settings: EvaluationSettings,
): EngineState {
  const baseYear = settings.baseYear ?? 2020;
  const [from, to] = settings.years ?? [Math.min(2020, baseYear), Math.max(2030, settings.year)];
  const regionList = [...regions];
  const regionIndex = new Map<string, number>();
  regionList.forEach((r, i) => regionIndex.set(r.code, i));
  const parent = new Int32Array(regionList.length).fill(-1);
  const children: number[][] = regionList.map(() => []);
  regionList.forEach((r, i) => {
    const p = r.parent === null ? undefined : regionIndex.get(r.parent);
    if (p !== undefined) {
      parent[i] = p;
      (children[p] as number[]).push(i);
    }
  });
  const indicatorMap = new Map<string, DatasetIndicator>();
  for (const ind of indicators) indicatorMap.set(ind.code, ind);
  const targetList = targets.filter((t) => indicatorMap.has(t.indicatorCode));
  const targetsByIndicator = new Map<string, number[]>();
  targetList.forEach((t, i) => {
    const list = targetsByIndicator.get(t.indicatorCode) ?? [];
    list.push(i);
    targetsByIndicator.set(t.indicatorCode, list);
  });
  const assessed = new Uint8Array(regionList.length).fill(settings.assessedRegions ? 0 : 1);
  for (const code of settings.assessedRegions ?? []) {
    const i = regionIndex.get(code);
    if (i !== undefined) assessed[i] = 1;
  }
  const cells = targetList.length * regionList.length;
  const state: EngineState = {
    year: settings.year,
    baseYear,
    dataDue: settings.dataDue ?? true,
    y0: from,
    nYears: to - from + 1,
    regions: regionList,
    regionIndex,
    parent,
    children,
    indicators: indicatorMap,
    targets: targetList,
    targetsByIndicator,
    cubes: new Map(),
    assessed,
    results: new Array(cells),
    status: new Uint8Array(cells),
    milestone: new Uint8Array(cells),
    alertBits: new Uint8Array(cells),
    redBits: new Uint8Array(cells),
    counts: new Int32Array(regionList.length * 4),
    rank: new Int32Array(regionList.length),
    previousRank: new Int32Array(regionList.length),
    rankingIndicators: settings.rankingIndicators ?? null,
    rankings: new Map(),
    spec: null,
    order: null,
    fast: {
      status: 0,
      milestone: 0,
      latestYear: NaN,
      final: false,
      hasProjection: false,
      projectedToMeet: -1,
      volatile: false,
    },
  };
  for (const ind of indicators) cubeOf(state, ind.code, ind.sex);
  for (const o of observations) storeObservation(state, o);
  return state;
}

/** The cube of an indicator × sex, made (empty) on first use. */
export function cubeOf(s: EngineState, indicatorCode: string, sex: string): Cube {
  const key = `${indicatorCode}|${sex}`;
  let cube = s.cubes.get(key);
  if (!cube) {
    cube = newCube(s.indicators.get(indicatorCode) as DatasetIndicator, sex, s.regions.length, s.nYears);
    s.cubes.set(key, cube);
  }
  return cube;
}

/** The cube an indicator is evaluated on: the indicator in its target sex. */
export function indicatorCube(s: EngineState, ind: DatasetIndicator): Cube {
  return s.cubes.get(`${ind.code}|${ind.sex}`) as Cube;
}

/** The cube a target is evaluated on: its indicator in the indicator's target sex. */
export function targetCube(s: EngineState, target: DatasetTarget): Cube {
  return indicatorCube(s, s.indicators.get(target.indicatorCode) as DatasetIndicator);
}

function storeObservation(s: EngineState, o: DatasetObservation): void {
  if (!s.indicators.has(o.indicatorCode)) return;
  const r = s.regionIndex.get(o.regionCode);
  const y = o.year - s.y0;
  if (r === undefined || y < 0 || y >= s.nYears || !Number.isFinite(o.value)) return;
  const cube = cubeOf(s, o.indicatorCode, o.sex);
  const at = r * s.nYears + y;
  cube.reported[at] = o.value;
  cube.reportedNum[at] = o.numerator ?? NaN;
  cube.reportedDen[at] = o.denominator ?? NaN;
}

/** A region's value in one cube and year: reported, rolled up, used. */
export function cellOf(s: EngineState, cube: Cube, r: number, y: number): CellValue {
  return cellValue(cube, r, y, s.nYears, s.y0, (s.children[r] ?? []).length);
}
