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
  return catalog.find((i) => i.code === code);
}
