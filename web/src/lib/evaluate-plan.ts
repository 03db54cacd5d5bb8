import { assessTarget } from '../../../src/domain/evaluation/assess-target';
import type { ProgressStatus } from '../../../src/domain/evaluation/progress-status';
import type { Indicator, Observation, Target } from '../api/types';
import { isHeadline, targetsOf } from './scope-data';

export interface AssessedIndicator {
  indicator: Indicator;
  targets: Target[];
  area: string;
  status: ProgressStatus;
  /** The status a year earlier (data up to the year before the latest), for "what changed". */
  previousStatus: ProgressStatus | null;
  explanation: string;
  latestYear: number | null;
}

/** The sex whose series a target is about: 女 when the indicator is broken down by sex, else 合计. */
export const targetSex = (indicator: Indicator) =>
  indicator.disaggregations.some((d) => d.dimension === 'sex') ? '女' : '合计';

/**
 * Assesses every indicator a plan targets in one region with the evaluation engine's own pure functions
 * (src/domain/evaluation), on the observations the user may read.
 */
export function evaluatePlan(
  targets: Target[],
  catalog: Indicator[],
  observations: Observation[],
  regionCode: string,
): AssessedIndicator[] {
  const out: AssessedIndicator[] = [];
  const headline = new Map<string, { year: number; value: number }[]>();
  for (const o of observations) {
    if (o.regionCode !== regionCode || !isHeadline(o)) continue;
    const key = `${o.indicatorCode}|${o.sex}`;
    headline.set(key, [...(headline.get(key) ?? []), { year: o.year, value: o.value }]);
  }
  for (const indicator of catalog) {
    const own = targetsOf(targets, indicator, catalog);
    if (own.length === 0) continue;
    const sex = targetSex(indicator);
    const series = headline.get(`${indicator.code}|${sex}`) ?? [];
    const assessment = assessTarget(series, own);
    const current = assessment.current;
    if (!current) continue;
    const latestYear = current.latest?.year ?? null;
    const before =
      latestYear !== null ? assessTarget(series, own, { asOfYear: latestYear - 1 }).current : null;
    out.push({
      indicator,
      targets: own,
      area: own[0]!.area,
      status: current.status,
      previousStatus: before?.status ?? null,
      explanation: current.explanation,
      latestYear,
    });
  }
  return out;
}
