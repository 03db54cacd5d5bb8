/**
 * Small constructors that keep the catalogue readable: the defaults they fill in are the same for every
 * indicator of their kind, so each catalogue entry states only what is particular to it.
 */
import type { AreaCode } from '../plan.js';
import type { Direction, Indicator, IndicatorRollUp, Quantity } from './indicator.js';

/** Multipliers of the usual rate units. */
export const PERCENT = 100;
export const PER_MILLE = 1000;
export const PER_100K = 100_000;

/** A ratio-of-sums roll-up: Σ numerator / Σ denominator × multiplier. */
export function ratioOf(
  numerator: [nameZh: string, nameEn: string, department?: string],
  denominator: [nameZh: string, nameEn: string, department?: string],
  multiplier: number = PERCENT,
): IndicatorRollUp {
  const q = ([nameZh, nameEn, department]: [string, string, string?]): Quantity =>
    department === undefined ? { nameZh, nameEn } : { nameZh, nameEn, department };
  return { kind: 'ratio', numerator: q(numerator), denominator: q(denominator), multiplier };
}

export const SUM: IndicatorRollUp = { kind: 'sum' };
export const REPORTED: IndicatorRollUp = { kind: 'reported' };

/** A quantitative indicator; `supportingDepartments` and `aliases` default to none. */
export function quantitative(
  spec: Omit<Indicator, 'kind' | 'supportingDepartments' | 'aliases'> &
    Partial<Pick<Indicator, 'supportingDepartments' | 'aliases'>>,
): Indicator {
  return { kind: 'quantitative', supportingDepartments: [], aliases: [], ...spec };
}

/**
 * A qualitative indicator (意识, 能力, 水平 … with no accepted measure): no unit, no breakdown, reported
 * at each level, assessed by narrative evaluation.
 */
export function qualitative(spec: {
  code: string;
  nameZh: string;
  nameEn: string;
  area: AreaCode;
  direction?: Direction;
  definition: string;
  department: string;
  supportingDepartments?: readonly string[];
  aliases?: readonly string[];
}): Indicator {
  return {
    kind: 'qualitative',
    unit: null,
    direction: 'higher',
    caliber: '无公认统计口径；以部门自评、专项调查或第三方评估作定性判断，不计入达标率。',
    disaggregations: [],
    supportingDepartments: [],
    rollUp: REPORTED,
    aliases: [],
    ...spec,
  };
}
