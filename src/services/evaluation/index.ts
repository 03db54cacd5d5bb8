/** The evaluation service (issue 5): what the web, the reports and the CLI call. */
export { comparePlanWithParent } from './compare-plans.js';
export { areaName, evaluatePlan } from './evaluate-plan.js';
export { evaluationOverview } from './evaluation-overview.js';
export { startEvaluationListener } from './evaluation-listener.js';
export type * from './evaluation-types.js';
export {
  cachedEvaluations,
  evaluationCacheStats,
  invalidateEvaluations,
  type EvaluationContext,
} from './plan-engine.js';
export { rankRegions, RANKING_RULE } from './rank-regions.js';
export { alertAction, getAlertWithHistory, listPlanAlerts } from './alerts.js';
