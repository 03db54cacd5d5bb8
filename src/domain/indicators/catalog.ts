/**
 * The canonical indicator catalogue: one indicator per concept however the plans word it, built from
 * the five seed plans' targets and the national 纲要's monitoring indicators. Codes are
 * `<area>.<snake_case_name>` (see ./indicator.ts); the entries live in one file per area.
 */
import { HEALTH_INDICATORS } from './catalog-health.js';
import { EDUCATION_INDICATORS } from './catalog-education.js';
import { ECONOMY_INDICATORS } from './catalog-economy.js';
import { DECISION_INDICATORS } from './catalog-decision.js';
import { FAMILY_INDICATORS, SOCIAL_SECURITY_INDICATORS } from './catalog-social-family.js';
import { ENVIRONMENT_INDICATORS, LAW_INDICATORS, OTHER_INDICATORS } from './catalog-environment-law.js';
import type { Indicator, IndicatorCode } from './indicator.js';

/** Every indicator, in area order. */
export const INDICATOR_CATALOG: readonly Indicator[] = Object.freeze([
  ...HEALTH_INDICATORS,
  ...EDUCATION_INDICATORS,
  ...ECONOMY_INDICATORS,
  ...DECISION_INDICATORS,
  ...SOCIAL_SECURITY_INDICATORS,
  ...FAMILY_INDICATORS,
  ...ENVIRONMENT_INDICATORS,
  ...LAW_INDICATORS,
  ...OTHER_INDICATORS,
]);

/** The indicator with this code, or undefined. */
export function findIndicator(
  code: IndicatorCode,
  catalog: readonly Indicator[] = INDICATOR_CATALOG,
): Indicator | undefined {
  let byCode = INDEXES.get(catalog);
  if (!byCode) {
    byCode = new Map(catalog.map((i) => [i.code, i]));
    INDEXES.set(catalog, byCode);
  }
  return byCode.get(code);
}

/** Each catalogue indexed by code, once (a million-row import looks an indicator up per row). */
const INDEXES = new WeakMap<readonly Indicator[], Map<IndicatorCode, Indicator>>();
