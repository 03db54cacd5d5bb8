import { normaliseRegionCode } from './region-code.js';
import { shortRegionName } from './region-short-name.js';
import type { RegionTree } from './region-tree.js';
import type { Region } from './region.js';
import { suggestRegionsByCode, suggestRegionsByName } from './suggest-regions.js';

/** How an input found its region. */
export type RegionMatch = 'code' | 'name' | 'short-name' | 'path';

/** The outcome of resolving a region code or name; expected failures are results, not exceptions. */
export type RegionResolution =
  | {
      readonly kind: 'found';
      readonly input: string;
      readonly region: Region;
      readonly matchedBy: RegionMatch;
    }
  /** Several regions answer to the name; `within` would choose. Candidates in code order. */
  | { readonly kind: 'ambiguous'; readonly input: string; readonly candidates: readonly Region[] }
  /** No region answers; up to three near ones, best first (possibly none). */
  | { readonly kind: 'not-found'; readonly input: string; readonly suggestions: readonly Region[] }
  /** The input names regions, but none under `within`: they are listed. */
  | {
      readonly kind: 'outside';
      readonly input: string;
      readonly within: Region;
      readonly regions: readonly Region[];
    }
  /** Empty input, or a `within` code that names no region. */
  | { readonly kind: 'invalid'; readonly input: string; readonly reason: 'empty' | 'unknown-within' };

export interface ResolveRegionOptions {
  /** Code of an enclosing region the answer must lie in (inclusive), e.g. 长春市 '220100' or '2201'. */
  readonly within?: string;
}

/**
 * Finds the region an input means. A code may have 2, 4, 6, 9 or 12 digits ('34', '3408', '340800').
 * A name is matched in turn on full names (安庆市, 朝阳区) and on short names (安庆, 宁夏); a name given with
 * a suffix only matches short names whose full name ends the same way, so 清原市 is not 清原满族自治县. On
 * short names a county or higher wins over a township of the same stem (九台 is 九台区, not 九台街道).
 * Failing those, a path written as one string is followed (安徽省安庆市, 长春市朝阳区). `within` narrows
 * every step. Several answers are `ambiguous`; none gives suggestions.
 */
export function resolveRegion(
  tree: RegionTree,
  input: string,
  options: ResolveRegionOptions = {},
): RegionResolution {
  const text = input.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return { kind: 'invalid', input, reason: 'empty' };
  let within: Region | undefined;
  if (options.within !== undefined) {
    within = tree.get(options.within);
    if (!within) return { kind: 'invalid', input, reason: 'unknown-within' };
  }
  const inScope = (r: Region) => !within || tree.isWithin(r.code, within.code);

  if (/^\d+$/.test(text)) {
    const code = normaliseRegionCode(text);
    const region = code === null ? undefined : tree.get(code);
    if (!region) {
      const suggestions = code === null ? [] : suggestRegionsByCode(tree, code);
      return { kind: 'not-found', input, suggestions };
    }
    if (within && !inScope(region)) return { kind: 'outside', input, within, regions: [region] };
    return { kind: 'found', input, region, matchedBy: 'code' };
  }

  const { matchedBy, candidates, outside } = findByName(tree, text, inScope);
  const region = candidates[0];
  if (region && candidates.length === 1) return { kind: 'found', input, region, matchedBy };
  if (candidates.length > 1) return { kind: 'ambiguous', input, candidates: sortByCode(candidates) };
  if (within && outside.length > 0) return { kind: 'outside', input, within, regions: sortByCode(outside) };
  return {
    kind: 'not-found',
    input,
    suggestions: suggestRegionsByName(tree, text, { within: within?.code }),
  };
}

interface NameSearch {
  readonly matchedBy: RegionMatch;
  /** In scope; several mean ambiguity. */
  readonly candidates: readonly Region[];
  /** Matches that fall outside the scope. */
  readonly outside: readonly Region[];
}

/** Names of at least this many characters on each side of a path split (安庆 | 望江). */
const MIN_PART = 2;

/**
 * The first match tier with a region in scope; failing all, a path of names written together, each part
 * under the one before (安徽省安庆市, 长春朝阳区, 吉林省长春市朝阳区).
 */
function findByName(tree: RegionTree, text: string, inScope: (r: Region) => boolean): NameSearch {
  const outside: Region[] = [];
  for (const [matchedBy, matches] of nameMatches(tree, text)) {
    const candidates = matches.filter(inScope);
    outside.push(...matches.filter((r) => !inScope(r)));
    if (candidates.length > 0) return { matchedBy, candidates, outside };
  }
  const paths = new Map<string, Region>();
  for (let i = MIN_PART; i <= text.length - MIN_PART; i++) {
    for (const head of findByName(tree, text.slice(0, i), () => true).candidates) {
      const under = (r: Region) => r.code !== head.code && tree.isWithin(r.code, head.code);
      for (const r of findByName(tree, text.slice(i), under).candidates) paths.set(r.code, r);
    }
  }
  const found = [...paths.values()];
  outside.push(...found.filter((r) => !inScope(r)));
  return { matchedBy: 'path', candidates: found.filter(inScope), outside };
}

/**
 * Match tiers in order: full names; short names of counties and higher; short names of townships (a
 * township's stem often repeats its county's: 九台街道 in 九台区). Short names must keep the input's suffix.
 */
function nameMatches(tree: RegionTree, text: string): [RegionMatch, readonly Region[]][] {
  const stem = shortRegionName(text);
  const suffix = text.slice(stem.length);
  const short = tree.withShortName(stem).filter((r) => r.name !== text && r.name.endsWith(suffix));
  return [
    ['name', tree.withName(text)],
    ['short-name', short.filter((r) => r.level !== 'township')],
    ['short-name', short.filter((r) => r.level === 'township')],
  ];
}

const sortByCode = (regions: readonly Region[]) =>
  [...regions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
