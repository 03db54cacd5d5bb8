import { AREA_NAMES, type AreaCode } from '../../domain/plan.js';
import { HalfskyError } from '../../domain/errors.js';
import { listAlerts } from '../../store/alert-repository.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import type {
  EvaluatePlanInput,
  PlanEvaluation,
  RegionEvaluation,
  TargetEvaluation,
} from './evaluation-types.js';
import { planEngine, type EvaluationContext, type PlanEngine } from './plan-engine.js';
import { findIndicator } from '../../domain/indicators/catalog.js';

/**
 * Evaluates a plan for a year: every target (2025 and 2030 milestones) in the plan's region and each of its
 * sub-regions (which are assessed against the plan's targets; one with its own stored plan is marked), with
 * components and a Chinese sentence; the year's value as reported and as rolled up from sub-regions; 达标率
 * per area, plan and region with counts; and the plan's alerts, reconciled with the data. Live: a changed
 * approved value shows on the next call. Throws PLAN_NOT_FOUND, or REGION_NOT_FOUND for a region outside
 * the plan's tree.
 */
export async function evaluatePlan(
  db: HalfskyDatabase,
  input: EvaluatePlanInput,
  context: EvaluationContext = {},
): Promise<PlanEvaluation> {
  return evaluationOf(db, await planEngine(db, input.planId, input.year, context), input);
}

/** The evaluation of an engine already built (or caught up) for the input's plan and year. */
export async function evaluationOf(
  db: HalfskyDatabase,
  built: PlanEngine,
  input: EvaluatePlanInput,
): Promise<PlanEvaluation> {
  const { engine, plan } = built;
  const codes = engine.regionCodes();
  if (input.regionCode != null && !codes.includes(input.regionCode))
    throw new HalfskyError('REGION_NOT_FOUND', { code: input.regionCode });
  const shown = input.regionCode != null ? [input.regionCode] : codes;
  const regions = shown.map((code) => regionEvaluation(built, code));
  const planAttainment = engine.attainmentFor(built.regionCode);
  const { alerts } = await listAlerts(db, {
    planId: plan.id,
    year: input.year,
    ...(input.regionCode != null ? { regionCodes: [input.regionCode] } : {}),
  });
  return {
    planId: plan.id,
    planTitle: plan.title,
    year: input.year,
    dataVersion: built.dataVersion,
    planRegionCode: built.regionCode,
    regions,
    attainment: {
      plan: planAttainment?.overall ?? emptyRate('overall'),
      byArea: (planAttainment?.byArea ?? []).map((a) => ({ ...a, group: a.group })),
      byRegion: codes.map((code) => ({
        ...(engine.attainmentFor(code)?.overall ?? emptyRate('overall')),
        group: code,
        regionCode: code,
        regionName: engine.region(code)?.name ?? code,
      })),
    },
    alerts,
    unassessedTargets: built.dataset.unassessed,
  };
}

/** The name of an area code, for tables and sentences. */
export function areaName(code: string): string {
  return AREA_NAMES[code as AreaCode] ?? code;
}

function regionEvaluation(built: PlanEngine, code: string): RegionEvaluation {
  const { engine } = built;
  const region = engine.region(code);
  const targets = engine.targetList();
  const attainment = engine.attainmentFor(code);
  return {
    regionCode: code,
    regionName: region?.name ?? code,
    level: region?.level ?? '',
    isPlanRegion: code === built.regionCode,
    ownPlanId: built.ownPlans.get(code) ?? null,
    attainment: attainment ? { overall: attainment.overall, byArea: attainment.byArea } : null,
    targets: engine.resultsFor(code).map((r, i): TargetEvaluation => {
      const t = targets[i]!;
      const current = r.assessment.current;
      return {
        targetKey: t.key,
        area: t.area as AreaCode,
        label: t.label,
        indicatorCode: t.indicatorCode,
        indicatorName: findIndicator(t.indicatorCode)?.nameZh ?? null,
        milestones: t.milestones,
        responsible: t.responsible,
        status: current?.status ?? 'not_assessable',
        explanation: current?.explanation ?? '',
        assessment: r.assessment,
        value: r.value,
        series: r.series,
        alerts: r.alerts,
      };
    }),
  };
}

function emptyRate(group: string) {
  return { group, achieved: 0, assessable: 0, notAssessable: 0, qualitative: 0, rate: null };
}
