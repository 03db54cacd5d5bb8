import { bigramDice } from '../indicators/bigram-dice.js';
import { catalogIndex } from '../indicators/catalog-index.js';
import type { Indicator } from '../indicators/indicator.js';
import { normaliseName } from '../indicators/normalise-name.js';

export type IndicatorResolution =
  { kind: 'found'; indicator: Indicator } | { kind: 'not-found'; input: string; suggestions: Indicator[] };

/** Below this bigram Dice similarity an indicator is not worth suggesting. */
const SUGGEST_MIN = 0.3;

/**
 * The indicator a data file means: by code (health.maternal_mortality), by Chinese name or alias, or by
 * normalised name (full-width, brackets, 的 …); otherwise up to three near names as suggestions.
 */
export function resolveIndicator(input: string, catalog: readonly Indicator[]): IndicatorResolution {
  const text = input.trim();
  const byCode = catalog.find((i) => i.code === text || i.code === text.toLowerCase());
  if (byCode) return { kind: 'found', indicator: byCode };
  const entries = catalogIndex(catalog);
  const exact = entries.find((e) => e.raw === text) ?? entries.find((e) => e.indicator.nameEn === text);
  if (exact) return { kind: 'found', indicator: exact.indicator };
  const norm = normaliseName(text);
  const normalised = entries.find((e) => e.norm === norm);
  if (normalised) return { kind: 'found', indicator: normalised.indicator };
  const best = new Map<Indicator, number>();
  for (const e of entries) {
    const score = bigramDice(norm, e.norm);
    if (score >= SUGGEST_MIN && score > (best.get(e.indicator) ?? 0)) best.set(e.indicator, score);
  }
  const suggestions = [...best.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([indicator]) => indicator);
  return { kind: 'not-found', input: text, suggestions };
}
