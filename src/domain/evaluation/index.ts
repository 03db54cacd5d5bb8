/**
 * The evaluation engine's pure maths (issue 5): progress against targets (Open SDG rule, two milestones,
 * every comparator), projection, outliers and volatility, roll-up, attainment and ranking.
 */
export {
  assessMilestone,
  type Assessment,
  type AssessmentOptions,
  type MilestoneTarget,
} from './assess-milestone.js';
export { assessTarget, type TargetAssessment } from './assess-target.js';
export {
  attainment,
  QUANTITATIVE_COMPARATORS,
  type AttainmentItem,
  type AttainmentRate,
} from './attainment.js';
export { cagr } from './cagr.js';
export { cleanSeries, type Point, type YearValue } from './clean-series.js';
export {
  comparatorRule,
  DEFAULT_TOLERANCES,
  inRange,
  type ComparatorRule,
  type Range,
  type Tolerances,
} from './comparator-rule.js';
export { explainAssessment } from './explain-assessment.js';
export { formatNumber, formatQuantity } from './format-quantity.js';
export { median } from './median.js';
export {
  MODIFIED_Z_SCALE,
  MODIFIED_Z_THRESHOLD,
  modifiedZScore,
  type ModifiedZScores,
} from './modified-z-score.js';
export {
  GROWTH_THRESHOLDS,
  LIMIT_EXPONENT,
  PROGRESS_STATUSES,
  progressStatus,
  RATIO_THRESHOLDS,
  type Direction,
  type ProgressInput,
  type ProgressResult,
  type ProgressStatus,
  type RateMethod,
} from './progress-status.js';
export {
  projection,
  type ProjectedValue,
  type Projection,
  type ProjectionMethod,
  type ProjectionOptions,
} from './projection.js';
export {
  ranking,
  type RankedRegion,
  type RankingComponent,
  type RankingIndicator,
  type RegionValues,
} from './ranking.js';
export { reconcileRollUp, type Reconciled } from './reconcile-roll-up.js';
export { rollUp, type ChildValue, type RollUpResult, type RollUpRule } from './roll-up.js';
export { shrinkSmallPopulation, type Shrunk } from './shrink-small-population.js';
export { volatility, type Volatility, type VolatilityOptions, type YearChange } from './volatility.js';
export {
  ALERT_RULES,
  alertRules,
  RED_Z,
  type AlertCandidate,
  type AlertInput,
  type AlertLevel,
  type AlertRule,
} from './alert-rules.js';
export {
  compareAmbition,
  type AmbitionComparison,
  type AmbitionVerdict,
  type LinkedTarget,
} from './compare-ambition.js';
export type {
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
export { EvaluationEngine } from './evaluation-engine.js';
