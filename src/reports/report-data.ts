import type { DataFlags } from '../domain/reports/data-marks.js';
import type {
  PlanEvaluation,
  RegionEvaluation,
  RegionRanking,
} from '../services/evaluation/evaluation-types.js';

/** The kinds of document `bin/halfsky report` and the download route produce. */
export const REPORT_KINDS = ['annual', 'midterm', 'final', 'yearbook', 'department'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The two department templates: 实施情况和下一年工作安排, 自评报告. */
export const DEPARTMENT_TEMPLATES = ['implementation', 'self-evaluation'] as const;
export type DepartmentTemplate = (typeof DEPARTMENT_TEMPLATES)[number];

/** What a catalogue indicator contributes to a report: its unit, 口径 and direction. */
export interface ReportIndicator {
  code: string;
  name: string;
  unit: string | null;
  caliber: string;
  department: string;
  better: 'higher' | 'lower' | 'band';
}

/**
 * Everything the annual, evaluation and department reports say, gathered by the reports service: the
 * evaluation of the plan for the year (every region), the report's region and its sub-regions, their
 * ranking, series by sex, and which values are simulated or provisional.
 */
export interface EvaluationReportData {
  planId: string;
  planTitle: string;
  year: number;
  region: RegionEvaluation;
  /** The report region's sub-regions, evaluated against the plan's targets. */
  subRegions: RegionEvaluation[];
  evaluation: PlanEvaluation;
  ranking: RegionRanking | null;
  indicators: ReadonlyMap<string, ReportIndicator>;
  /** Stored values of the report region by sex: `${indicator}|${sex}` → year → value. */
  seriesBySex: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** Marks of the target's stored value (女 or 合计): `${indicator}|${region}|${year}` → flags; provisional = not yet approved, so not in the evaluation. */
  flags: ReadonlyMap<string, DataFlags>;
  /** Whether any value behind the report is simulated. */
  simulated: boolean;
}

export const flagKey = (indicator: string, region: string, year: number): string =>
  `${indicator}|${region}|${year}`;
