import type { AlertCandidate, AlertLevel, AlertRule } from '../../domain/evaluation/alert-rules.js';
import type { MilestoneTarget } from '../../domain/evaluation/assess-milestone.js';
import type { TargetAssessment } from '../../domain/evaluation/assess-target.js';
import type { AttainmentRate } from '../../domain/evaluation/attainment.js';
import type { AmbitionComparison } from '../../domain/evaluation/compare-ambition.js';
import type { CellValue } from '../../domain/evaluation/evaluation-dataset.js';
import type { ProgressStatus } from '../../domain/evaluation/progress-status.js';
import type { RankedRegion } from '../../domain/evaluation/ranking.js';
import type { AreaCode } from '../../domain/plan.js';
import type { StoredAlert } from '../../store/alert-repository.js';

export interface EvaluatePlanInput {
  planId: string;
  /** The year evaluated ("as of"): data after it are ignored. */
  year: number;
  /** Only this region's results (the plan's region or one of its sub-regions); default all. */
  regionCode?: string | null;
}

/** One plan target (with its 2025 and 2030 milestones) in one region. */
export interface TargetEvaluation {
  /** The target key of its latest milestone (stable across re-imports). */
  targetKey: string;
  area: AreaCode;
  /** The plan's wording of the indicator. */
  label: string;
  indicatorCode: string | null;
  indicatorName: string | null;
  milestones: MilestoneTarget[];
  responsible: string[];
  status: ProgressStatus;
  /** One Chinese sentence (the current milestone's). */
  explanation: string;
  /** Every milestone's assessment and the current one; null when the target has no quantitative indicator. */
  assessment: TargetAssessment | null;
  /** The evaluated year's value: reported, rolled up from sub-regions, their difference. */
  value: CellValue | null;
  series: { year: number; value: number | null }[];
  alerts: AlertCandidate[];
}

export interface RegionEvaluation {
  regionCode: string;
  regionName: string;
  level: string;
  /** The plan's own region (else a sub-region assessed against the plan's targets). */
  isPlanRegion: boolean;
  /** A stored plan of this sub-region itself, where there is one (its own targets are evaluated there). */
  ownPlanId: string | null;
  attainment: { overall: AttainmentRate; byArea: AttainmentRate[] } | null;
  targets: TargetEvaluation[];
}

export interface PlanEvaluation {
  planId: string;
  planTitle: string;
  year: number;
  /** The data version the result was computed from. */
  dataVersion: string;
  planRegionCode: string;
  regions: RegionEvaluation[];
  /** 达标率 of the plan (its own region), per area, and per region, with the counts behind each. */
  attainment: {
    plan: AttainmentRate;
    byArea: AttainmentRate[];
    byRegion: (AttainmentRate & { regionCode: string; regionName: string })[];
  };
  /** The plan's stored alerts for this year (after reconciling them with the data), red first. */
  alerts: StoredAlert[];
  /** Targets without a quantitative indicator: listed, not assessed, not in the rates. */
  unassessedTargets: { targetKey: string; label: string; reason: 'no_indicator' | 'qualitative_indicator' }[];
}

export interface RegionRanking {
  planId: string;
  year: number;
  parentCode: string;
  parentName: string;
  indicators: { code: string; name: string; direction: 'up' | 'down'; target: number | null }[];
  regions: (RankedRegion & { regionName: string })[];
  /** The rule, in words, for missing data, ties and small populations. */
  rule: string;
}

export interface EvaluationOverview {
  planId: string;
  year: number;
  dataVersion: string;
  counts: { targets: number; assessedTargets: number; regions: number; assessments: number };
  /** Current-milestone statuses: of the plan's own region, and over all its regions. */
  statusDistribution: { plan: Record<ProgressStatus, number>; allRegions: Record<ProgressStatus, number> };
  alerts: {
    open: number;
    byLevel: Record<AlertLevel, number>;
    byRule: Record<AlertRule, number>;
    byStatus: Record<string, number>;
  };
  attainment: PlanEvaluation['attainment'];
  /** The plan's own region. */
  regionCode: string;
  regionName: string;
  /** Whether any approved value of the plan's regions up to the year is simulated (模拟数据). */
  simulated: boolean;
  /** The plan's own region: each assessed target's status, its status a year earlier, and the sentence. */
  targets: OverviewTarget[];
  /** Reporting completeness in the year: the plan's region and its sub-regions, targets with a reported value. */
  completeness: { regionCode: string; regionName: string; reported: number; targets: number }[];
}

/** One target of the plan's own region, as the overview lists it. */
export interface OverviewTarget {
  targetKey: string;
  area: AreaCode;
  label: string;
  indicatorCode: string | null;
  indicatorName: string | null;
  indicatorNameEn: string | null;
  status: ProgressStatus;
  /** The current milestone's status as of the year before (data up to then); null when not assessable then. */
  previousStatus: ProgressStatus | null;
  explanation: string;
  /** The latest year with a value in the target's series (up to the year evaluated). */
  latestYear: number | null;
}

export interface PlanComparison {
  planId: string;
  /** The nearest stored plan of a region above this plan's region; null when there is none. */
  referencePlanId: string | null;
  comparisons: AmbitionComparison[];
  lessAmbitious: number;
}
