import { INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import type { Indicator } from '../../domain/indicators/indicator.js';

/** The catalogue by code: a round touches it once per cell, 100,000 times in a large upload. */
export const INDICATOR_BY_CODE: ReadonlyMap<string, Indicator> = new Map(
  INDICATOR_CATALOG.map((i) => [i.code, i]),
);
