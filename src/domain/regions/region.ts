import type { RegionLevel as PlanRegionLevel } from '../plan.js';

/**
 * A level of the administrative hierarchy: a plan's region level plus `township` (乡镇 / 街道), the level
 * below counties where 九台 and 镇原 report. `district` is a county-level 区, `county` a 县 / 旗 / 县级市.
 */
export type RegionLevel = PlanRegionLevel | 'township';

/** A node of the GB/T 2260 administrative hierarchy (行政区划). */
export interface Region {
  /**
   * GB/T 2260 code: six digits for province, city and county (安徽省 '340000', 安庆市 '340800',
   * 怀宁县 '340822'); townships keep their nine-digit statistical code (九台街道 '220113001').
   */
  readonly code: string;
  /** Official full name, e.g. '安庆市', '连南瑶族自治县'. */
  readonly name: string;
  readonly level: RegionLevel;
  /** The enclosing region's code; null only for the national root. */
  readonly parentCode: string | null;
}

/** Code of the national root. */
export const NATIONAL_CODE = '000000';

/** The national root (全国): the parent of every province. */
export const NATIONAL_ROOT: Region = Object.freeze({
  code: NATIONAL_CODE,
  name: '全国',
  level: 'national',
  parentCode: null,
});
