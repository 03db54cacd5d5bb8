import type { RegionLevel } from '../domain/plan.js';
import type { RegionTree } from '../domain/regions/region-tree.js';
import { loadRegionTree } from '../store/regions/load-region-tree.js';

/** A province, city or county-level region a plan can belong to, with its parent's name. */
export interface RegionName {
  code: string;
  name: string;
  level: RegionLevel;
  parentName: string | null;
}

let tree: RegionTree | null = null;

/**
 * Regions of plan level (province, city, county, district) with this exact name, from the GB/T 2260
 * tree (several counties share a name: 朝阳区). The tree is loaded once, without townships.
 */
export function findRegionsByName(name: string): RegionName[] {
  tree ??= loadRegionTree();
  const regions = tree;
  return regions
    .withName(name)
    .filter((r) => r.level !== 'township' && r.level !== 'national')
    .map((r) => {
      const parent = r.parentCode ? regions.get(r.parentCode) : undefined;
      return {
        code: r.code,
        name: r.name,
        level: r.level as RegionLevel,
        parentName: parent && parent.level !== 'national' ? parent.name : null,
      };
    });
}
