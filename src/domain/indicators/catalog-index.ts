/** A lookup structure over a catalogue's names and aliases, built once per catalogue. */
import { hasSexBreakdown, type Indicator } from './indicator.js';
import { normaliseName } from './normalise-name.js';

export interface IndexEntry {
  indicator: Indicator;
  /** The name or alias as written in the catalogue. */
  raw: string;
  /** Its normalised form (see normaliseName). */
  norm: string;
  /** True for the indicator's nameZh, false for an alias. */
  isName: boolean;
  /** The indicator is collected by sex, so a 妇女 / 女性 … prefix may be dropped when matching. */
  bySex: boolean;
}

const cache = new WeakMap<readonly Indicator[], readonly IndexEntry[]>();

/** Every name and alias of the catalogue with its normalised form. */
export function catalogIndex(catalog: readonly Indicator[]): readonly IndexEntry[] {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const entries = catalog.flatMap((indicator) =>
    [indicator.nameZh, ...indicator.aliases].map((raw, i) => ({
      indicator,
      raw,
      norm: normaliseName(raw),
      isName: i === 0,
      bySex: hasSexBreakdown(indicator),
    })),
  );
  cache.set(catalog, entries);
  return entries;
}
