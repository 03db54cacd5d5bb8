import { ALERT_RULES, type AlertLevel, type AlertRule } from '../../domain/evaluation/alert-rules.js';
import { OPEN_ALERT_STATUSES } from '../../domain/evaluation/alert-workflow.js';
import { assessTarget } from '../../domain/evaluation/assess-target.js';
import { PROGRESS_STATUSES, type ProgressStatus } from '../../domain/evaluation/progress-status.js';
import { findIndicator } from '../../domain/indicators/catalog.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { approvedDataFacts } from '../../store/approved-data-facts.js';
import { evaluationOf } from './evaluate-plan.js';
import type { EvaluationOverview, OverviewTarget, PlanEvaluation } from './evaluation-types.js';
import { planEngine, type EvaluationContext, type PlanEngine } from './plan-engine.js';

/**
 * What the web overview shows: counts, the status distribution, alerts by level, rule and status, 达标率; and
 * for the plan's own region each target's status beside its status a year earlier, and the reporting
 * completeness of the region and its sub-regions.
 */
export async function evaluationOverview(
  db: HalfskyDatabase,
  input: { planId: string; year: number },
  context: EvaluationContext = {},
): Promise<EvaluationOverview> {
  // One engine for the whole answer (a change between two reads would mix two data versions).
  const built = await planEngine(db, input.planId, input.year, context);
  const evaluation = await evaluationOf(db, built, input);
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
  const { simulated } = await approvedDataFacts(db, {
    regionCodes: evaluation.regions.map((r) => r.regionCode),
    yearTo: input.year,
  });
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
    regionCode: evaluation.planRegionCode,
    regionName: planRegion?.regionName ?? evaluation.planRegionCode,
    simulated,
    targets: overviewTargets(built, planRegion, input.year),
    completeness: completeness(built, evaluation),
  };
}

function overviewTargets(
  built: PlanEngine,
  region: PlanEvaluation['regions'][number] | undefined,
  year: number,
): OverviewTarget[] {
  const better = new Map(built.dataset.indicators.map((i) => [i.code, i.better]));
  return (region?.targets ?? []).map((t) => {
    const indicator = t.indicatorCode ? findIndicator(t.indicatorCode) : undefined;
    const before = assessTarget(t.series, t.milestones, {
      baseYear: built.engine.baseYear,
      asOfYear: year - 1,
      better: (t.indicatorCode ? better.get(t.indicatorCode) : null) ?? null,
    }).current;
    return {
      targetKey: t.targetKey,
      area: t.area,
      label: t.label,
      indicatorCode: t.indicatorCode,
      indicatorName: indicator?.nameZh ?? t.indicatorName,
      indicatorNameEn: indicator?.nameEn ?? null,
      status: t.status,
      previousStatus: before?.status ?? null,
      explanation: t.explanation,
      latestYear: t.series.reduce<number | null>((y, p) => (p.value === null ? y : p.year), null),
    };
  });
}

/** The plan's region and its sub-regions: how many of their targets have a value reported for the year. */
function completeness(built: PlanEngine, evaluation: PlanEvaluation): EvaluationOverview['completeness'] {
  const byCode = new Map(evaluation.regions.map((r) => [r.regionCode, r]));
  return [evaluation.planRegionCode, ...built.engine.childCodes(evaluation.planRegionCode)].flatMap(
    (code) => {
      const region = byCode.get(code);
      if (!region) return [];
      return [
        {
          regionCode: code,
          regionName: region.regionName,
          reported: region.targets.filter((t) => t.value?.reported != null).length,
          targets: region.targets.length,
        },
      ];
    },
  );
}
