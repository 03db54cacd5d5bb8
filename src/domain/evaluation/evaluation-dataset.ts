import type { AlertCandidate } from './alert-rules.js';
import type { MilestoneTarget } from './assess-milestone.js';
import type { TargetAssessment } from './assess-target.js';
import type { AttainmentRate } from './attainment.js';
import type { Direction } from './progress-status.js';
import type { RankedRegion } from './ranking.js';
import type { Reconciled } from './reconcile-roll-up.js';
import type { RollUpRule } from './roll-up.js';
import type { Volatility } from './volatility.js';

/** A region of the evaluated tree; `parent` null (or outside the set) for the root. */
export interface DatasetRegion {
  code: string;
  name: string;
  level: string;
  parent: string | null;
}

/** What the engine needs of a catalogue indicator. */
export interface DatasetIndicator {
  code: string;
  nameZh: string;
  unit: string | null;
  rollUp: RollUpRule;
  /** The disaggregation the targets are on: 女 where the indicator is by sex, else 合计. */
  sex: string;
  /** Which way is better, where the indicator says ('band' indicators: null). */
  better: Direction | null;
  /** The department that supplies the data (for data-missing alerts without a responsible unit). */
  department: string;
  /** Small-population threshold on the denominator for ranking; null for none. */
  minDenominator: number | null;
}

/** One plan target (all its milestones) linked to an indicator. */
export interface DatasetTarget {
  key: string;
  indicatorCode: string;
  area: string;
  /** The plan's wording (孕产妇死亡率). */
  label: string;
  milestones: MilestoneTarget[];
  responsible: string[];
}

/** One approved value; `numerator` / `denominator` for rates that roll up as ratios of sums. */
export interface DatasetObservation {
  indicatorCode: string;
  regionCode: string;
  year: number;
  sex: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface EvaluationSettings {
  /** The year evaluated: data after it are ignored; alerts and ranking are for this year. */
  year: number;
  /** Plan base year; default 2020. */
  baseYear?: number;
  /** First and last year held in memory; default 2020–2030. */
  years?: readonly [number, number];
  /** Indicator codes the ranking uses; default: every indicator with a numeric target. */
  rankingIndicators?: readonly string[] | null;
  /** Regions whose values are assessed; default all. */
  assessedRegions?: readonly string[] | null;
  /**
   * Whether the values of `year` are due; default true. False while that year's reporting round is still
   * open: a missing value is then not (yet) late, and raises no data_missing alert.
   */
  dataDue?: boolean;
}

/** A target's value in one region and year: reported, rolled up from sub-regions, and the one used. */
export interface CellValue extends Reconciled {
  year: number;
  /** Sub-regions that contributed to the roll-up, of how many. */
  contributed: number;
  expected: number;
}

/** One target in one region. */
export interface RegionTargetResult {
  targetKey: string;
  regionCode: string;
  series: { year: number; value: number | null }[];
  /** The value in the evaluated year, with its roll-up. */
  value: CellValue | null;
  assessment: TargetAssessment;
  volatility: Volatility | null;
  crossRegion: { z: number | null; median: number | null; value: number | null } | null;
  alerts: AlertCandidate[];
}

export interface RegionAttainment {
  regionCode: string;
  overall: AttainmentRate;
  byArea: AttainmentRate[];
}

/** The ranking of one region's sub-regions. */
export interface GroupRanking {
  parentCode: string;
  year: number;
  indicators: { code: string; direction: Direction; target: number | null }[];
  regions: RankedRegion[];
}
