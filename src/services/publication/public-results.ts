import { STATUS_LABELS } from '../../charts/status-labels.js';
import type { SeriesChartInput } from '../../charts/series-option.js';
import { findIndicator, INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import { HalfskyError } from '../../domain/errors.js';
import type { Observation } from '../../domain/observations/observation.js';
import type { ProgressStatus } from '../../domain/evaluation/progress-status.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { listObservations } from '../../store/observation-repository.js';
import { getPlan, listPlans } from '../../store/plan-repository.js';
import {
  listPublications,
  publishYear,
  withdrawYear,
  type Publication,
} from '../../store/publication-repository.js';
import { evaluatePlan } from '../evaluation/index.js';
import type { EvaluationContext } from '../evaluation/plan-engine.js';
import { checkYear } from '../reports/load-report-data.js';

/** A published indicator of a plan's region: its values up to the published year and its status. */
export interface PublicIndicator {
  targetKey: string;
  label: string;
  indicatorCode: string;
  indicatorName: string;
  unit: string | null;
  area: string;
  status: ProgressStatus;
  statusName: string;
  explanation: string;
  milestones: { year: number; comparator: string; value: number | null }[];
  series: { year: number; value: number | null }[];
  /** Whether any value behind it is simulated (模拟数据). */
  simulated: boolean;
}

export interface PublicPlanYear {
  planId: string;
  planTitle: string;
  year: number;
  publishedAt: string;
  regionCode: string;
  attainment: { achieved: number; assessable: number; rate: number | null };
  indicators: PublicIndicator[];
}

/** Publishes a plan's results of a year (the plan owner's explicit act). PLAN_NOT_FOUND for an unknown plan. */
export async function publishResults(
  db: HalfskyDatabase,
  input: { planId: string; year: number; publishedBy: string | null; note?: string | null; now?: Date },
): Promise<Publication> {
  checkYear(input.year);
  if (!(await getPlan(db, input.planId))) throw new HalfskyError('PLAN_NOT_FOUND', { id: input.planId });
  return publishYear(db, input);
}

/** Withdraws a published year; NOT_PUBLISHED when it was not published. */
export async function withdrawResults(db: HalfskyDatabase, planId: string, year: number): Promise<void> {
  if (!(await withdrawYear(db, planId, year))) throw new HalfskyError('NOT_PUBLISHED', { planId, year });
}

/** Every published plan year, with the plan's title and region (the public index). */
export async function listPublished(
  db: HalfskyDatabase,
): Promise<(Publication & { planTitle: string; region: string })[]> {
  const plans = new Map((await listPlans(db)).map((p) => [p.id, p]));
  return (await listPublications(db)).flatMap((p) => {
    const plan = plans.get(p.planId);
    return plan ? [{ ...p, planTitle: plan.title, region: plan.region }] : [];
  });
}

/** Throws NOT_PUBLISHED (404) unless the plan's year is published: the gate of every public route. */
export async function requirePublished(
  db: HalfskyDatabase,
  planId: string,
  year: number,
): Promise<Publication> {
  const found = (await listPublications(db, planId)).find((p) => p.year === year);
  if (!found) throw new HalfskyError('NOT_PUBLISHED', { planId, year });
  return found;
}

/**
 * The published results of a plan's region for a year: each linked target's status and its series up to
 * that year only (later years, even when stored, are not shown), from approved values only.
 */
export async function publicPlanYear(
  db: HalfskyDatabase,
  planId: string,
  year: number,
  context: EvaluationContext = {},
): Promise<PublicPlanYear> {
  const publication = await requirePublished(db, planId, year);
  const evaluation = await evaluatePlan(db, { planId, year }, context);
  const region = evaluation.regions.find((r) => r.isPlanRegion);
  const flags = await simulatedKeys(db, evaluation.planRegionCode, year);
  const indicators = (region?.targets ?? []).flatMap((t): PublicIndicator[] => {
    if (!t.indicatorCode) return [];
    const indicator = findIndicator(t.indicatorCode, INDICATOR_CATALOG);
    return [
      {
        targetKey: t.targetKey,
        label: t.label,
        indicatorCode: t.indicatorCode,
        indicatorName: indicator?.nameZh ?? t.label,
        unit: indicator?.unit ?? t.milestones[0]?.unit ?? null,
        area: t.area,
        status: t.status,
        statusName: STATUS_LABELS[t.status].zh,
        explanation: t.explanation,
        milestones: t.milestones.map((m) => ({ year: m.year, comparator: m.comparator, value: m.value })),
        series: t.series.filter((p) => p.year <= year),
        simulated: flags.has(t.indicatorCode),
      },
    ];
  });
  const plan = evaluation.attainment.plan;
  return {
    planId,
    planTitle: evaluation.planTitle,
    year,
    publishedAt: publication.publishedAt,
    regionCode: evaluation.planRegionCode,
    attainment: { achieved: plan.achieved, assessable: plan.assessable, rate: plan.rate },
    indicators,
  };
}

async function simulatedKeys(db: HalfskyDatabase, regionCode: string, year: number): Promise<Set<string>> {
  const rows = await listObservations(db, { regionCodes: [regionCode], yearTo: year });
  return new Set(rows.filter((o) => o.simulated).map((o) => o.indicatorCode));
}

/** The data of a published chart: the series builder's input, so the page draws it with `seriesOption`. */
export function publicChart(indicator: PublicIndicator): SeriesChartInput {
  return {
    title: `${indicator.label}（${indicator.unit ?? '—'}）`,
    unit: indicator.unit,
    lines: [{ name: indicator.label, points: indicator.series }],
    targets: indicator.milestones.flatMap((m) =>
      m.value === null ? [] : [{ year: m.year, value: m.value }],
    ),
    ...(indicator.simulated ? { subtitle: '模拟数据' } : {}),
  };
}

/**
 * The open data of a published indicator: its approved observations in the plan's region and sub-regions,
 * every year up to the published one, every sex. Later years, drafts and other regions never appear.
 */
export async function publicObservations(
  db: HalfskyDatabase,
  planId: string,
  year: number,
  indicatorCode: string,
  context: EvaluationContext = {},
): Promise<{
  year: PublicPlanYear;
  indicator: PublicIndicator;
  observations: Observation[];
  regionNames: Map<string, string>;
}> {
  const published = await publicPlanYear(db, planId, year, context);
  const indicator = published.indicators.find((i) => i.indicatorCode === indicatorCode);
  if (!indicator) throw new HalfskyError('INDICATOR_NOT_FOUND', { code: indicatorCode });
  const evaluation = await evaluatePlan(db, { planId, year }, context);
  const regionNames = new Map(evaluation.regions.map((r) => [r.regionCode, r.regionName]));
  const observations = (
    await listObservations(db, {
      indicatorCodes: [indicatorCode],
      regionCodes: [...regionNames.keys()],
      yearTo: year,
    })
  ).filter((o) => o.status === 'approved');
  return { year: published, indicator, observations, regionNames };
}
