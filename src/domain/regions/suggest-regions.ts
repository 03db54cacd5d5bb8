import { editDistance } from './edit-distance.js';
import { codePrefixAncestors } from './region-code.js';
import { shortRegionName } from './region-short-name.js';
import type { RegionTree } from './region-tree.js';
import { NATIONAL_CODE, type Region, type RegionLevel } from './region.js';

export interface SuggestOptions {
  /** Prefer regions under this ancestor code (the parent the input was expected under). */
  readonly within?: string;
  /** At most this many suggestions; default 3. */
  readonly limit?: number;
}

/** Below this similarity (0–1) a region is not worth suggesting. */
const MIN_SCORE = 0.4;
/** Bonus for a region under `within`: a near name in the right place beats an equally near one elsewhere. */
const WITHIN_BONUS = 0.15;
/** Penalty for a level the input's suffix rules out (清原市 is not a 镇). */
const LEVEL_PENALTY = 0.15;
/** Bonus per leading character shared (up to two): a mistyped name usually starts right (清原市 → 清远市). */
const PREFIX_BONUS = 0.03;

/** Levels a name's suffix allows; 市 is a municipality, a city or a county-level city. */
const SUFFIX_LEVELS: readonly [RegExp, readonly RegionLevel[]][] = [
  [/(?:省|自治区)$/, ['province']],
  [/(?:市)$/, ['province', 'city', 'county']],
  [/(?:州|盟|地区)$/, ['city']],
  [/(?:区)$/, ['district']],
  [/(?:县|旗)$/, ['county']],
  [/(?:镇|乡|街道|苏木)$/, ['township']],
];

/**
 * Regions whose names are near a name that matched none: scored by edit distance on the full and the
 * short name (安庆巿 → 安庆市, 清原市 → 清远市) and by shared characters, with small bonuses for a shared
 * start and for regions under `within` and a penalty for a level the input's suffix rules out; ties go to the
 * higher level, then the lower code. Empty when nothing is near enough.
 */
export function suggestRegionsByName(
  tree: RegionTree,
  input: string,
  options: SuggestOptions = {},
): Region[] {
  const limit = options.limit ?? 3;
  const short = shortRegionName(input);
  const chars = new Set(input);
  const levels = SUFFIX_LEVELS.find(([suffix]) => suffix.test(input))?.[1];
  const scored: { region: Region; score: number }[] = [];
  for (const region of tree.regions()) {
    if (region.code === NATIONAL_CODE || ![...region.name].some((c) => chars.has(c))) continue;
    const score =
      0.7 * Math.max(similarity(input, region.name), similarity(short, shortRegionName(region.name))) +
      0.3 * dice(chars, new Set(region.name)) +
      PREFIX_BONUS * Math.min(2, commonPrefixLength(input, region.name)) +
      (options.within && tree.isWithin(region.code, options.within) ? WITHIN_BONUS : 0) -
      (levels && !levels.includes(region.level) ? LEVEL_PENALTY : 0);
    if (score >= MIN_SCORE) scored.push({ region, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || depth(a.region) - depth(b.region) || compare(a.region, b.region))
    .slice(0, limit)
    .map((s) => s.region);
}

/**
 * For a well-formed code that names no region: the nearest enclosing region its digits point to
 * ('340899' → 安庆市), or nothing when even the province is unknown.
 */
export function suggestRegionsByCode(tree: RegionTree, code: string): Region[] {
  const near = codePrefixAncestors(code)
    .filter((c) => c !== NATIONAL_CODE)
    .map((c) => tree.get(c))
    .find((r) => r !== undefined);
  return near ? [near] : [];
}

function similarity(a: string, b: string): number {
  const length = Math.max([...a].length, [...b].length);
  return length === 0 ? 0 : 1 - editDistance(a, b) / length;
}

function commonPrefixLength(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let n = 0;
  while (n < s.length && n < t.length && s[n] === t[n]) n++;
  return n;
}

/** Sørensen–Dice coefficient of two character sets. */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const c of a) if (b.has(c)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const LEVEL_RANK: Record<RegionLevel, number> = {
  national: 0,
  province: 1,
  city: 2,
  district: 3,
  county: 3,
  township: 4,
};
const depth = (r: Region) => LEVEL_RANK[r.level];
const compare = (a: Region, b: Region) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
