import { ALERT_RULES, type AlertLevel, type AlertRule } from '../../domain/evaluation/alert-rules.js';
import { OPEN_ALERT_STATUSES } from '../../domain/evaluation/alert-workflow.js';
import { PROGRESS_STATUSES, type ProgressStatus } from '../../domain/evaluation/progress-status.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { evaluatePlan } from './evaluate-plan.js';
import type { EvaluationOverview } from './evaluation-types.js';
import type { EvaluationContext } from './plan-engine.js';

/** What the web overview shows: counts, the status distribution, alerts by level, rule and status, 达标率. */
export async function evaluationOverview(
  db: HalfskyDatabase,
  input: { planId: string; year: number },
  context: EvaluationContext = {},
): Promise<EvaluationOverview> {
  const evaluation = await evaluatePlan(db, input, context);
  const zero = () =>
    Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  const plan = zero();
  const allRegions = zero();
  let assessments = 0;
  for (const region of evaluation.regions) {
    for (const t of region.targets) {
      assessments++;
      allRegions[t.status]++;
      if (region.isPlanRegion) plan[t.status]++;
    }
  }
  const byLevel: Record<AlertLevel, number> = { red: 0, yellow: 0 };
  const byRule = Object.fromEntries(ALERT_RULES.map((r) => [r, 0])) as Record<AlertRule, number>;
  const byStatus: Record<string, number> = {};
  let open = 0;
  for (const a of evaluation.alerts) {
    byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    if (!OPEN_ALERT_STATUSES.includes(a.status)) continue;
    open++;
    byLevel[a.level]++;
    byRule[a.rule]++;
  }
  const planRegion = evaluation.regions.find((r) => r.isPlanRegion);
  return {
    planId: evaluation.planId,
    year: evaluation.year,
    dataVersion: evaluation.dataVersion,
    counts: {
      targets: (planRegion?.targets.length ?? 0) + evaluation.unassessedTargets.length,
      assessedTargets: planRegion?.targets.length ?? 0,
      regions: evaluation.regions.length,
      assessments,
    },
    statusDistribution: { plan, allRegions },
    alerts: { open, byLevel, byRule, byStatus },
    attainment: evaluation.attainment,
  };
}
