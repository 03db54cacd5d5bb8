import { findIndicator, INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import { hasSexBreakdown } from '../../domain/indicators/indicator.js';
import { HalfskyError } from '../../domain/errors.js';
import type { DataFlags } from '../../domain/reports/data-marks.js';
import { flagKey, type EvaluationReportData, type ReportIndicator } from '../../reports/report-data.js';
import type { YearbookData, YearbookIndicator, YearbookValue } from '../../reports/yearbook.js';
import { yearbookKey } from '../../reports/yearbook.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { listObservations } from '../../store/observation-repository.js';
import { getPlan } from '../../store/plan-repository.js';
import { listTargetLinks } from '../../store/target-link-repository.js';
import { evaluatePlan, rankRegions } from '../evaluation/index.js';
import type { PlanEvaluation, RegionEvaluation, RegionRanking } from '../evaluation/evaluation-types.js';
import type { EvaluationContext } from '../evaluation/plan-engine.js';

export interface ReportRequest {
  planId: string;
  year: number;
  /** The report's region: the plan's own (default) or one of its sub-regions. */
  regionCode?: string | null;
}

/** Catalogue facts of an indicator a report needs. */
function reportIndicator(code: string): ReportIndicator | null {
  const i = findIndicator(code, INDICATOR_CATALOG);
  if (!i) return null;
  return {
    code,
    name: i.nameZh,
    unit: i.unit,
    caliber: i.caliber,
    department: i.department,
    better: i.direction,
  };
}

/** The earliest year a report ranks on (the plans' base year). */
const BASE_YEAR = 2020;

const ranks = (ranking: RegionRanking): boolean => ranking.regions.some((r) => r.status === 'ranked');

/**
 * Gathers what an annual, evaluation or department report says: the plan's evaluation for the year (every
 * region, so sub-regions can be compared), the ranking of the report region's sub-regions, the report
 * region's stored values by sex, and which values are simulated or not yet approved. Year outside
 * 2000–2100 or a region outside the plan's tree are coded errors.
 */
export async function loadEvaluationReportData(
  db: HalfskyDatabase,
  request: ReportRequest,
  context: EvaluationContext = {},
): Promise<EvaluationReportData> {
  checkYear(request.year);
  const evaluation = await evaluatePlan(db, { planId: request.planId, year: request.year }, context);
  const region = reportRegion(evaluation, request.regionCode);
  const regionCode = region.regionCode;
  const rankIn = (year: number) =>
    rankRegions(db, { planId: request.planId, year, parentCode: regionCode }, context);
  let ranking = await rankIn(request.year);
  // A year whose data are not in yet (a mid-term report before the round closes) ranks nobody: the report
  // then shows the latest earlier year that does rank, and says so.
  for (
    let year = request.year - 1;
    year >= BASE_YEAR && !ranks(ranking) && ranking.regions.length >= 2;
    year--
  ) {
    const earlier = await rankIn(year);
    if (ranks(earlier)) ranking = earlier;
  }
  const childCodes = new Set(ranking.regions.map((r) => r.region));
  const subRegions = evaluation.regions.filter((r) => childCodes.has(r.regionCode));
  const indicatorCodes = [
    ...new Set(region.targets.flatMap((t) => (t.indicatorCode ? [t.indicatorCode] : []))),
  ];
  const indicators = new Map<string, ReportIndicator>();
  for (const code of indicatorCodes) {
    const i = reportIndicator(code);
    if (i) indicators.set(code, i);
  }
  const observations = await listObservations(db, {
    indicatorCodes,
    regionCodes: [regionCode, ...childCodes],
    yearTo: request.year,
  });
  const flags = new Map<string, DataFlags>();
  const seriesBySex = new Map<string, Map<number, number>>();
  let simulated = false;
  const addToSeries = (o: { indicatorCode: string; sex: string; year: number; value: number }) => {
    const s = `${o.indicatorCode}|${o.sex}`;
    const map = seriesBySex.get(s) ?? new Map<number, number>();
    map.set(o.year, o.value);
    seriesBySex.set(s, map);
  };
  // The sex the targets are on (女 where the indicator is by sex): the value the narrative speaks of.
  const targetSex = new Map(
    indicatorCodes.map((code) => {
      const i = findIndicator(code, INDICATOR_CATALOG);
      return [code, i && hasSexBreakdown(i) ? '女' : '合计'];
    }),
  );
  for (const o of observations) {
    if (o.urbanRural !== '合计' || o.age !== '') continue;
    const key = flagKey(o.indicatorCode, o.regionCode, o.year);
    if (o.sex !== targetSex.get(o.indicatorCode)) {
      if (o.regionCode === regionCode && o.status === 'approved') addToSeries(o);
      simulated ||= o.simulated;
      continue;
    }
    const before = flags.get(key);
    const provisional = o.status !== 'approved';
    flags.set(key, {
      simulated: (before?.simulated ?? false) || o.simulated,
      provisional: (before?.provisional ?? false) || provisional,
    });
    simulated ||= o.simulated;
    if (o.regionCode === regionCode && !provisional) addToSeries(o);
  }
  return {
    planId: evaluation.planId,
    planTitle: evaluation.planTitle,
    year: request.year,
    region,
    subRegions,
    evaluation,
    ranking: ranking.regions.length >= 2 ? ranking : null,
    indicators,
    seriesBySex,
    flags,
    simulated,
  };
}

/** First year of the yearbook: the plan's base year 2020, or five years back for later years. */
const YEARBOOK_SPAN = 5;

/**
 * The statistical yearbook's data: every indicator the plan's targets link to, for the plan's region (or
 * `regionCode`) and its sub-regions, by sex, over the five years up to `year`, every stored value with its
 * status (approved or provisional, simulated or not).
 */
export async function loadYearbookData(
  db: HalfskyDatabase,
  request: ReportRequest,
  context: EvaluationContext = {},
): Promise<YearbookData> {
  checkYear(request.year);
  const plan = await getPlan(db, request.planId);
  if (!plan) throw new HalfskyError('PLAN_NOT_FOUND', { id: request.planId });
  // The ranking of the region's sub-regions names them (and checks the region is in the plan's tree).
  const evaluation = await evaluatePlan(db, { planId: request.planId, year: request.year }, context);
  const region = reportRegion(evaluation, request.regionCode);
  const regionCode = region.regionCode;
  const ranking = await rankRegions(
    db,
    { planId: request.planId, year: request.year, parentCode: regionCode },
    context,
  );
  const children = ranking.regions
    .map((r) => ({ code: r.region, name: r.regionName }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const links = await listTargetLinks(db, request.planId);
  const codes = [...new Set(links.flatMap((l) => (l.indicatorCode ? [l.indicatorCode] : [])))];
  const indicators: YearbookIndicator[] = codes.flatMap((code) => {
    const i = findIndicator(code, INDICATOR_CATALOG);
    if (!i || i.kind !== 'quantitative') return [];
    return [
      {
        code,
        name: i.nameZh,
        area: i.area,
        unit: i.unit,
        definition: i.definition,
        caliber: i.caliber,
        department: i.department,
        sexes: hasSexBreakdown(i) ? ['女', '男', '合计'] : ['合计'],
      },
    ];
  });
  const years = Array.from({ length: YEARBOOK_SPAN }, (_, k) => request.year - YEARBOOK_SPAN + 1 + k);
  const regions = [{ code: regionCode, name: region.regionName }, ...children];
  const observations = await listObservations(db, {
    indicatorCodes: indicators.map((i) => i.code),
    regionCodes: regions.map((r) => r.code),
    yearFrom: years[0] as number,
    yearTo: request.year,
  });
  const values = new Map<string, YearbookValue>();
  for (const o of observations) {
    if (o.urbanRural !== '合计' || o.age !== '') continue;
    values.set(yearbookKey(o.indicatorCode, o.regionCode, o.year, o.sex), {
      value: o.value,
      flags: { simulated: o.simulated, provisional: o.status !== 'approved' },
    });
  }
  // Indicators without a single value in the span are left out (the note says how many).
  const observed = new Set(observations.map((o) => o.indicatorCode));
  const withData = indicators.filter((i) => observed.has(i.code));
  return { planTitle: plan.title, regions, years, indicators: withData, values, year: request.year };
}

/** The report's region, by code or name (怀宁县), among the plan's evaluated regions; default the plan's own. */
function reportRegion(evaluation: PlanEvaluation, wanted: string | null | undefined): RegionEvaluation {
  const region =
    wanted == null
      ? evaluation.regions.find((r) => r.isPlanRegion)
      : (evaluation.regions.find((r) => r.regionCode === wanted) ??
        evaluation.regions.find((r) => r.regionName === wanted));
  if (!region) throw new HalfskyError('REGION_NOT_FOUND', { code: wanted ?? evaluation.planRegionCode });
  return region;
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new HalfskyError('REPORT_REQUEST_INVALID', {
      reasonZh: `年份无效（${year}），应为2000—2100年之间的整数`,
      reasonEn: `invalid year (${year}); expected an integer from 2000 to 2100`,
    });
  }
}
