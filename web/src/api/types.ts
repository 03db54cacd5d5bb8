import type { Comparator } from '../../../src/domain/plan';
import type { ProgressStatus } from '../../../src/domain/evaluation/progress-status';

/** Wire shapes of the HTTP API (see /docs/json). */
export type Role =
  'administrator' | 'plan_owner' | 'monitoring_lead' | 'reporter' | 'county_office' | 'viewer';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  departments: string[];
  disabled: boolean;
  createdAt: string;
}

export interface PlanSummary {
  id: string;
  title: string;
  region: string;
  regionCode: string | null;
  level: string;
  parentRegion: string | null;
  period: number[];
  sourceFormat: string;
  importedAt: string;
  updatedAt: string;
  counts: { areas: number; goals: number; measures: number; projects: number; targets: number };
}

export interface PlanItem {
  number: number;
  title: string | null;
  text: string;
  responsibility: { departments: string[]; raw: string | null };
}

export interface Target {
  area: string;
  section: string;
  item: number;
  indicator: string;
  comparator: Comparator;
  value: number | null;
  unit: string | null;
  year: number;
  responsible: string[];
  text: string;
}

export interface Plan extends Omit<PlanSummary, 'sourceFormat' | 'importedAt' | 'updatedAt' | 'counts'> {
  areas: { code: string; name: string; goals: PlanItem[]; measures: PlanItem[] }[];
  projects: (PlanItem & { area: string | null })[];
  targets: Target[];
}

export interface Indicator {
  code: string;
  nameZh: string;
  nameEn: string;
  area: string;
  kind: string;
  unit: string | null;
  direction: string;
  definition: string;
  caliber: string;
  disaggregations: { dimension: string; values: string[] }[];
  department: string;
  supportingDepartments: string[];
  aliases: string[];
  rollUp: { kind: string };
}

export type Sex = '女' | '男' | '合计';

export interface Observation {
  indicatorCode: string;
  regionCode: string;
  year: number;
  sex: Sex;
  urbanRural: '城镇' | '农村' | '合计';
  age: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  status: string;
  source: string;
  simulated: boolean;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ObservationCell {
  indicator: string;
  region: string;
  year: number;
  sex?: string;
  urbanRural?: string;
  age?: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string | null;
  version?: number;
}

export interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface RegionDetail {
  region: Region;
  path: string[];
  children: Region[];
}

export interface Department {
  name: string;
  aliases: string[];
}

export interface AuditEntry {
  id: string;
  event: string;
  userId: string | null;
  username?: string | null;
  at: string;
  ip: string | null;
  detail?: unknown;
}

export type CellState = 'owed' | 'draft' | 'submitted' | 'returned' | 'approved';

export interface Round {
  id: string;
  planId: string;
  year: number;
  regionCode: string;
  deadline: string;
  status: 'open' | 'closed';
  openedBy: string | null;
  openedAt: string;
}

export interface RoundCell {
  id: string;
  indicatorCode: string;
  indicatorName: string;
  unit: string | null;
  regionCode: string;
  regionName: string;
  sex: Sex;
  urbanRural: '城镇' | '农村' | '合计';
  age: string;
  department: string;
  state: CellState;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  version: number;
  source: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  lastYearValue: number | null;
  target: {
    comparator: string;
    value: number | null;
    unit: string | null;
    year: number;
    text: string;
  } | null;
  returnReason: string | null;
  warnings: { check: string; zh: string; en: string }[];
  submittedValue: number | null;
  changedSinceSubmission: boolean;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
}

export interface CellHistoryEntry {
  action: string;
  oldValue: number | null;
  newValue: number | null;
  oldState: string | null;
  newState: string | null;
  reason: string | null;
  source: string | null;
  userId: string | null;
  userName: string | null;
  at: string;
}

export interface AttainmentRate {
  group: string;
  achieved: number;
  assessable: number;
  notAssessable: number;
  qualitative: number;
  rate: number | null;
}

/** GET /api/plans/:id/evaluation/overview: the server's evaluation of the plan, as the overview shows it. */
export interface EvaluationOverview {
  planId: string;
  year: number;
  counts: { targets: number; assessedTargets: number; regions: number; assessments: number };
  statusDistribution: { plan: Record<ProgressStatus, number>; allRegions: Record<ProgressStatus, number> };
  alerts: { open: number; byLevel: { red: number; yellow: number } };
  attainment: { plan: AttainmentRate; byArea: AttainmentRate[] };
  regionCode: string;
  regionName: string;
  simulated: boolean;
  targets: {
    targetKey: string;
    area: string;
    label: string;
    indicatorCode: string | null;
    indicatorName: string | null;
    indicatorNameEn: string | null;
    status: ProgressStatus;
    previousStatus: ProgressStatus | null;
    explanation: string;
    latestYear: number | null;
  }[];
  completeness: { regionCode: string; regionName: string; reported: number; targets: number }[];
}

/** GET /api/plans/:id/ranking: the plan's sub-regions ranked by the server (the reports' ranking). */
export interface RegionRanking {
  planId: string;
  year: number;
  parentCode: string;
  parentName: string;
  indicators: { code: string; name: string; direction: string; target: number | null }[];
  regions: {
    region: string;
    regionName: string;
    status: string;
    rank: number | null;
    score: number | null;
    indicatorsWithData: number;
    previousRank: number | null;
    rankChange: number | null;
    components: {
      indicator: string;
      raw: number | null;
      used: number | null;
      credibility: number;
      smallPopulation: boolean;
      score: number | null;
      contribution: number | null;
    }[];
  }[];
  rule: string;
}
