/**
 * The monitoring indicator (监测指标): what is measured, shared across plans. A plan's target names an
 * indicator in its own words ("女童九年义务教育巩固率"); the catalogue holds one indicator per concept
 * ("九年义务教育巩固率", disaggregated by sex) and lists the other wordings as aliases.
 */
import type { AreaCode } from '../plan.js';

/**
 * Stable indicator code: `<area>.<snake_case_name>`, e.g. `health.maternal_mortality`. The area prefix is
 * the indicator's home area (a plan may quote it elsewhere); the name part is English, lower-case, and
 * never reused or renamed once published, so data files and URLs that carry a code keep working.
 */
export type IndicatorCode = string;

/** Pattern every indicator code matches. */
export const INDICATOR_CODE_PATTERN =
  /^(health|education|economy|decision|social_security|family|environment|law|other)\.[a-z0-9]+(_[a-z0-9]+)*$/;

/** Which way is good: up, down, or staying near a reference value (保持在…左右). */
export type Direction = 'higher' | 'lower' | 'band';

/**
 * `quantitative`: has an accepted statistical measure. `qualitative`: a goal the plans state (意识, 能力,
 * 水平 …) for which no accepted measure exists; it is kept so directional targets link, but it is assessed
 * by narrative evaluation, not by numbers.
 */
export type IndicatorKind = 'quantitative' | 'qualitative';

/** One side of a ratio: the quantity counted and, where different from the indicator's, who supplies it. */
export interface Quantity {
  nameZh: string;
  nameEn: string;
  department?: string;
}

/**
 * How a parent region's value is formed from its children (see ../evaluation/roll-up.ts, whose
 * `RollUpRule` this type satisfies): ratio of summed numerators to summed denominators × multiplier
 * (100 for %, 1000 for ‰, 100 000 for 1/10万); a plain sum of counts; or reported at each level and not
 * aggregable (survey estimates, life tables, medians, shares of a leadership team).
 */
export type IndicatorRollUp =
  | { kind: 'ratio'; numerator: Quantity; denominator: Quantity; multiplier: number }
  | { kind: 'sum' }
  | { kind: 'reported' };

/** A breakdown the indicator is collected by (分性别、分城乡、分年龄统计, or a named category). */
export type DisaggregationDimension = 'sex' | 'urban_rural' | 'age' | 'category';

export interface Disaggregation {
  dimension: DisaggregationDimension;
  /** Values, the total last where there is one: sex ["女", "男", "合计"], urban_rural ["城镇", "农村", "合计"]. */
  values: readonly string[];
}

/**
 * The reference of a `band` indicator: 45 for 就业人员中的女性比例 (保持在45%左右), or null where the
 * reference is another quantity (职工代表中的女性比例 与女职工比例相适应: the source says which).
 */
export interface BandReference {
  value: number | null;
  /** An accepted range, where there is one (孕妇尿碘中位数 150—249 μg/L). */
  range?: readonly [number, number];
  /** Where the reference comes from (the national 纲要, a law, a standard). */
  source: string;
}

/** The range a value must lie in; `max` null for no upper limit. */
export interface ValueBounds {
  min: number;
  max: number | null;
}

export interface Indicator {
  code: IndicatorCode;
  nameZh: string;
  nameEn: string;
  area: AreaCode;
  kind: IndicatorKind;
  /** "%", "1/10万", "‰", "年", "分钟/日", "μg/L", "比值(女:男)", "所", … ; null for qualitative indicators. */
  unit: string | null;
  direction: Direction;
  band?: BandReference;
  /**
   * Accepted range of a value where the unit's default does not fit (see
   * ../observations/value-bounds.ts): a gross enrolment rate (毛入学率) may exceed 100 %.
   */
  bounds?: ValueBounds;
  /**
   * Year-on-year change beyond which a reported value needs a comment: percentage points for a "%" unit,
   * a relative change (0.3 = 30 %) otherwise. Defaults in ../observations/change-threshold.ts.
   */
  changeThreshold?: number;
  /** What the indicator measures and how it is calculated (计算方法). */
  definition: string;
  /** 统计口径: population, period, source, and what is included or excluded. */
  caliber: string;
  disaggregations: readonly Disaggregation[];
  /** Normalised short name of the department that supplies the data (卫健局, 教育局, 统计局 …). */
  department: string;
  /** Other departments that supply part of the data or are co-responsible. */
  supportingDepartments: readonly string[];
  rollUp: IndicatorRollUp;
  /** Other wordings plans use for the same indicator; each alias belongs to one indicator only. */
  aliases: readonly string[];
}

/** Sex breakdown where both sexes are measured; the women's plans target the 女 value. */
export const BY_SEX: Disaggregation = { dimension: 'sex', values: ['女', '男', '合计'] };

/** Urban / rural breakdown (城乡). */
export const BY_URBAN_RURAL: Disaggregation = { dimension: 'urban_rural', values: ['城镇', '农村', '合计'] };

/** True when the indicator is collected separately for women and men (so "妇女…" names its 女 value). */
export function hasSexBreakdown(indicator: Indicator): boolean {
  return indicator.disaggregations.some((d) => d.dimension === 'sex');
}
