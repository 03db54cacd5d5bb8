import { codePrefixAncestors, codeTier, normaliseRegionCode, type CodeTier } from './region-code.js';
import { isFunctionalZone, isPlaceholderCity, regionLevel } from './region-level.js';
import { shortRegionName } from './region-short-name.js';
import { NATIONAL_CODE, NATIONAL_ROOT, type Region } from './region.js';

/**
 * One row of a GB/T 2260 listing as a data source gives it: a code in any accepted shape (2, 4, 6 or 9
 * digits, see normaliseRegionCode) and a name; the parent, when the source names it, else it is read from
 * the code.
 */
export interface DivisionRow {
  readonly code: string;
  readonly name: string;
  readonly parentCode?: string | null;
}

/** Why a row is not in the tree. */
export type SkipReason =
  /** 市辖区, 县, 省直辖县级行政区划 …: its children were attached to the province. */
  | 'placeholder'
  /** A 7x county-tier code (开发区): not an administrative unit; its townships are skipped too. */
  | 'functional-zone'
  | 'bad-code'
  | 'duplicate'
  /** No enclosing region among the rows. */
  | 'orphan';

export interface SkippedRow {
  readonly row: DivisionRow;
  readonly reason: SkipReason;
}

export interface RegionTreeOptions {
  /** Keep functional zones (7x county-tier codes) as county-level units. Default false. */
  readonly functionalZones?: boolean;
}

const TIER_RANK: Record<CodeTier, number> = { national: 0, province: 1, city: 2, county: 3, township: 4 };

const byCodeOrder = (a: Region, b: Region) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The administrative hierarchy under a national root, built from division rows; pure and immutable.
 * Rows may come in any order. Levels follow regionLevel; placeholder cities are dropped and their counties
 * attached to the province; rows that cannot be placed are listed in `skipped`, never silently lost.
 */
export class RegionTree {
  /** Every region by its canonical code, the national root included. */
  readonly byCode: ReadonlyMap<string, Region>;
  /** Rows left out, with the reason. */
  readonly skipped: readonly SkippedRow[];
  readonly #children = new Map<string, Region[]>();
  readonly #byName = new Map<string, Region[]>();
  readonly #byShortName = new Map<string, Region[]>();

  constructor(rows: Iterable<DivisionRow>, options: RegionTreeOptions = {}) {
    const skipped: SkippedRow[] = [];
    const accepted = new Map<string, { row: DivisionRow; parentCode: string | null }>();
    const dropped = new Map<string, SkipReason>();
    for (const row of rows) {
      const code = normaliseRegionCode(row.code);
      const tier = code === null ? null : codeTier(code);
      let reason: SkipReason | null = null;
      if (code === null || tier === null || tier === 'national') reason = 'bad-code';
      else if (accepted.has(code) || dropped.has(code)) reason = 'duplicate';
      else if (tier === 'city' && isPlaceholderCity(row.name)) reason = 'placeholder';
      else if (tier === 'county' && isFunctionalZone(code) && !options.functionalZones)
        reason = 'functional-zone';
      if (reason) {
        skipped.push({ row, reason });
        if (code && reason !== 'duplicate' && reason !== 'bad-code') dropped.set(code, reason);
        continue;
      }
      const parentCode = row.parentCode == null ? null : normaliseRegionCode(row.parentCode);
      accepted.set(code as string, { row, parentCode });
    }

    const regions = new Map<string, Region>([[NATIONAL_CODE, NATIONAL_ROOT]]);
    // Parents before children, so that a row under a skipped row is skipped in turn.
    const ordered = [...accepted]
      .map(([code, entry]) => ({ code, tier: codeTier(code) as Exclude<CodeTier, 'national'>, ...entry }))
      .sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier]);
    for (const { code, tier, row, parentCode } of ordered) {
      const placed = placeUnder(code, tier, parentCode, regions, dropped);
      if (typeof placed !== 'string') {
        skipped.push({ row, reason: placed.reason });
        continue;
      }
      const name = row.name.trim();
      regions.set(code, Object.freeze({ code, name, level: regionLevel(tier, name), parentCode: placed }));
    }

    for (const region of regions.values()) {
      if (region.parentCode !== null) push(this.#children, region.parentCode, region);
      push(this.#byName, region.name, region);
      const short = shortRegionName(region.name);
      if (short !== region.name) push(this.#byShortName, short, region);
    }
    for (const list of this.#children.values()) list.sort(byCodeOrder);
    this.byCode = regions;
    this.skipped = skipped;
  }

  /** The national root (全国, '000000'). */
  get root(): Region {
    return NATIONAL_ROOT;
  }

  /** Number of regions, the root included. */
  get size(): number {
    return this.byCode.size;
  }

  /** The region with this code (any accepted shape: '3408' finds 340800); undefined when there is none. */
  get(code: string): Region | undefined {
    const canonical = normaliseRegionCode(code);
    return canonical === null ? undefined : this.byCode.get(canonical);
  }

  /** Direct subordinate units, by code; empty for a leaf or an unknown code. */
  children(code: string): readonly Region[] {
    const region = this.get(code);
    return (region && this.#children.get(region.code)) ?? [];
  }

  /** All descendants, depth first in code order, the region itself excluded; empty for an unknown code. */
  subtree(code: string): Region[] {
    const out: Region[] = [];
    const visit = (c: string) => {
      for (const child of this.#children.get(c) ?? []) {
        out.push(child);
        visit(child.code);
      }
    };
    const region = this.get(code);
    if (region) visit(region.code);
    return out;
  }

  /** Enclosing regions, nearest first, ending with the national root; empty for the root or an unknown code. */
  ancestors(code: string): Region[] {
    const out: Region[] = [];
    let parent = this.get(code)?.parentCode ?? null;
    while (parent !== null) {
      const region = this.byCode.get(parent) as Region;
      out.push(region);
      parent = region.parentCode;
    }
    return out;
  }

  /**
   * Names from the province down to the region itself, without 全国: ['安徽省', '安庆市', '怀宁县'];
   * empty for the root or an unknown code.
   */
  pathNames(code: string): string[] {
    const region = this.get(code);
    if (!region || region.code === NATIONAL_CODE) return [];
    return [
      ...this.ancestors(region.code)
        .filter((r) => r.code !== NATIONAL_CODE)
        .map((r) => r.name)
        .reverse(),
      region.name,
    ];
  }

  /**
   * Whether a region is the ancestor or lies under it, inclusively (a user scoped to 安庆市 sees 安庆市).
   * False when either code is unknown.
   */
  isWithin(code: string, ancestorCode: string): boolean {
    const region = this.get(code);
    const ancestor = this.get(ancestorCode);
    if (!region || !ancestor) return false;
    return region.code === ancestor.code || this.ancestors(region.code).some((r) => r.code === ancestor.code);
  }

  /** Regions whose official name is exactly this (朝阳区 gives two). */
  withName(name: string): readonly Region[] {
    return this.#byName.get(name) ?? [];
  }

  /** Regions whose short name (see shortRegionName) is this: 安庆 gives 安庆市, 吉林 gives 吉林省 and 吉林市. */
  withShortName(short: string): readonly Region[] {
    return this.#byShortName.get(short) ?? [];
  }

  /** Every region, the root first, then in insertion order. */
  regions(): IterableIterator<Region> {
    return this.byCode.values();
  }
}

/**
 * The code of the region a row goes under: the named parent, else the code's own ancestors, nearest first.
 * Placeholders are passed over, so a county under 市辖区 or 省直辖县级行政区划 lands on its province, and a
 * county whose city is missing from the rows on its province; a township needs its own county and only a
 * province goes under the national root.
 */
function placeUnder(
  code: string,
  tier: Exclude<CodeTier, 'national'>,
  parentCode: string | null,
  placed: ReadonlyMap<string, Region>,
  dropped: ReadonlyMap<string, SkipReason>,
): string | { reason: SkipReason } {
  const candidates = [...(parentCode ? [parentCode] : []), ...codePrefixAncestors(code)].filter(
    (c) => c !== NATIONAL_CODE || tier === 'province',
  );
  for (const candidate of candidates) {
    if (placed.has(candidate)) return candidate;
    const reason = dropped.get(candidate);
    if (reason === 'functional-zone') return { reason };
    if (reason !== 'placeholder' && tier === 'township') break;
  }
  return { reason: 'orphan' };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
