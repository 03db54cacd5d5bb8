import type { Target } from '../plan.js';
import { cagr } from './cagr.js';
import { cleanSeries, type Point, type YearValue } from './clean-series.js';
import {
  comparatorRule,
  DEFAULT_TOLERANCES,
  inRange,
  type Range,
  type Tolerances,
} from './comparator-rule.js';
import { explainAssessment } from './explain-assessment.js';
import { progressStatus, type Direction, type ProgressResult } from './progress-status.js';
import { projection, type ProjectedValue, type ProjectionMethod } from './projection.js';

/** The parts of a plan target an assessment needs. */
export type MilestoneTarget = Pick<Target, 'indicator' | 'comparator' | 'value' | 'unit' | 'year'>;

export interface AssessmentOptions {
  /** Plan base year (规划基期); default 2020. Without data that year, the first later year is used. */
  baseYear?: number;
  /** Ignore data after this year (evaluating "as of" a past year); default: use everything. */
  asOfYear?: number | null;
  tolerances?: Partial<Tolerances>;
  /** Which way is better, for 'maintain' (null = any change beyond tolerance is worse). */
  better?: Direction | null;
  projectionMethod?: ProjectionMethod;
}

/** A target's status in one region, with every number a reader needs to check it. */
export interface Assessment extends Omit<ProgressResult, 'status' | 'reason'> {
  target: MilestoneTarget;
  status: ProgressResult['status'];
  reason: string | null;
  baseYear: number;
  base: Point | null;
  latest: Point | null;
  /** Points from the base year to the latest, the data behind the status and projection. */
  pointsUsed: number;
  direction: Direction | null;
  goal: number | null;
  range: Range | null;
  /** True once the latest data year has reached the target year: the status is the verdict. */
  final: boolean;
  /** Latest earlier year the target was met, when it is not met now ("达标后又回落"). */
  achievedEarlierYear: number | null;
  projection: ProjectedValue | null;
  projectedToMeet: boolean | null;
  explanation: string;
}

/**
 * Assesses one milestone (one target value due one year) against a series, generalising the progress
 * rule to every comparator (see `comparatorRule`): achieved inside the range; otherwise the Open SDG ratio
 * toward the goal ('<=', '>=', '~', '='), the no-target CAGR rule ('increase' / 'decrease', natural limit
 * 100 for '%'), or for 'maintain' achieved / deterioration only. Not assessable when the target lacks its
 * number; insufficient data with fewer than two years from the base year on.
 */
export function assessMilestone(
  series: readonly YearValue[],
  target: MilestoneTarget,
  options: AssessmentOptions = {},
): Assessment {
  const baseYear = options.baseYear ?? 2020;
  const points = cleanSeries(series, options.asOfYear ?? null).filter((p) => p.year >= baseYear);
  const base = points[0] ?? null;
  const latest = points[points.length - 1] ?? null;
  const tolerances = { ...DEFAULT_TOLERANCES, ...options.tolerances };
  const context = {
    base: base?.value ?? null,
    latest: latest?.value ?? null,
    better: options.better ?? null,
  };
  const rule = comparatorRule(target.comparator, target.value, context, tolerances);
  const projected = projection(points, {
    years: [target.year],
    unit: target.unit,
    method: options.projectionMethod,
  });
  const projectionValue = projected?.values[0] ?? null;
  const partial = {
    target,
    baseYear,
    base,
    latest,
    pointsUsed: points.length,
    direction: rule?.direction ?? null,
    goal: rule?.goal ?? null,
    range: rule?.range ?? null,
    final: latest !== null && latest.year >= target.year,
    achievedEarlierYear: null,
    projection: projectionValue,
    projectedToMeet: rule?.range && projectionValue ? inRange(projectionValue.value, rule.range) : null,
  };
  const result = judge(points, target, rule);
  const achievedEarlierYear =
    result.status !== 'achieved' && target.comparator !== 'maintain' && rule?.range
      ? ([...points.slice(0, -1)].reverse().find((p) => inRange(p.value, rule.range as Range))?.year ?? null)
      : null;
  const assessment = { ...partial, ...result, achievedEarlierYear };
  return { ...assessment, explanation: explainAssessment(assessment) };
}

function judge(
  points: readonly Point[],
  target: MilestoneTarget,
  rule: ReturnType<typeof comparatorRule>,
): ProgressResult {
  const none = { observedRate: null, requiredRate: null, ratio: null, rateMethod: null, limitFactor: 1 };
  if (rule === null && target.comparator !== 'maintain') {
    return { ...none, status: 'not_assessable', reason: 'no_target_value' };
  }
  const base = points[0];
  const latest = points[points.length - 1];
  if (base === undefined || latest === undefined || latest.year <= base.year || rule === null) {
    return {
      ...none,
      status: 'insufficient_data',
      reason: points.length === 0 ? 'no_data' : 'fewer_than_two_points',
    };
  }
  if (target.year <= base.year)
    return { ...none, status: 'not_assessable', reason: 'target_year_not_after_base' };
  const observed = cagr(latest.value, base.value, latest.year, base.year);
  const onlyObserved = {
    ...none,
    observedRate: observed,
    rateMethod: observed === null ? null : ('cagr' as const),
  };
  if (rule.range && inRange(latest.value, rule.range)) {
    if (rule.direction === null || target.comparator === 'maintain') {
      return { ...onlyObserved, status: 'achieved', reason: null };
    }
  } else if (target.comparator === 'maintain') {
    return { ...onlyObserved, status: 'deterioration', reason: 'not_maintained' };
  }
  const direction = rule.direction as Direction;
  const naturalLimit = target.unit === '%' ? 100 : target.unit === '‰' ? 1000 : null;
  const goal = rule.goal === null ? null : { year: target.year, value: rule.goal };
  return progressStatus({ base, latest, direction, target: goal, naturalLimit });
}
