import type { CodeTier } from './region-code.js';
import type { RegionLevel } from './region.js';

/**
 * City-tier rows of GB/T 2260 that are not cities: 市辖区 and 县 group a municipality's districts and
 * counties, 省直辖县级行政区划 those a province governs directly. Their children belong to the province.
 */
const PLACEHOLDER_CITY_NAMES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);

/** Whether a city-tier row is a grouping placeholder rather than a city (see the list above). */
export function isPlaceholderCity(name: string): boolean {
  return PLACEHOLDER_CITY_NAMES.has(name);
}

/**
 * Whether a county-tier code is a functional zone (经济开发区, 高新区, 管理区 …): the statistical division
 * numbers them 71–79 within a city; they are not administrative units of GB/T 2260, so a city's county-level
 * units exclude them (安庆 has 10, not 11 with 安徽安庆经济开发区 340871).
 */
export function isFunctionalZone(code: string): boolean {
  return /^\d{4}7\d$/.test(code);
}

/**
 * The level of a region from its code tier and name: county-tier names ending in 区 (市辖区, 新区, 林区)
 * are districts, every other county-tier unit (县, 自治县, 旗, 县级市 …) is a county; 乡, 镇, 街道 and the
 * other township-level units of the statistical division (苏木, 农场, 开发区 …) are townships.
 */
export function regionLevel(tier: Exclude<CodeTier, 'national'>, name: string): RegionLevel {
  if (tier === 'county') return name.endsWith('区') ? 'district' : 'county';
  return tier;
}
