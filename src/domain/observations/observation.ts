/**
 * An observation (数据值): one value of an indicator for a region, a year and a disaggregation. A rate may
 * carry the numerator and denominator it was computed from, so that parent regions roll up as ratios of sums.
 */
import type { IndicatorCode } from '../indicators/indicator.js';

export const SEXES = ['女', '男', '合计'] as const;
export type Sex = (typeof SEXES)[number];

export const URBAN_RURAL = ['城镇', '农村', '合计'] as const;
export type UrbanRural = (typeof URBAN_RURAL)[number];

/** Review state; the data-collection workflow moves values from draft to approved. */
export type ObservationStatus = 'draft' | 'submitted' | 'approved';

/** How the value arrived: an uploaded file, the API, or the web form. */
export type ObservationSource = 'csv' | 'xlsx' | 'api' | 'form';

/** What identifies an observation: at most one value per key. `age` is '' for all ages. */
export interface ObservationKey {
  indicatorCode: IndicatorCode;
  regionCode: string;
  year: number;
  sex: Sex;
  urbanRural: UrbanRural;
  age: string;
}

export interface ObservationInput extends ObservationKey {
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  /** Simulated (模拟数据) rather than reported: the demo's values; absent means reported. */
  simulated?: boolean;
}

export interface Observation extends ObservationInput {
  simulated: boolean;
  status: ObservationStatus;
  source: ObservationSource;
  /** 1 when first stored, +1 on every update. */
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** The key as one string, for duplicate detection. */
export function observationKey(k: ObservationKey): string {
  return [k.indicatorCode, k.regionCode, k.year, k.sex, k.urbanRural, k.age].join('|');
}
