import type { RoundCell, Sex } from '../../api/types';

export const SEXES: Sex[] = ['女', '男', '合计'];

/** One line of the grid: an indicator (and its urban/rural or age breakdown) in a region, a cell per sex. */
export interface EntryRow {
  key: string;
  indicatorCode: string;
  indicatorName: string;
  unit: string | null;
  regionName: string;
  urbanRural: string;
  age: string;
  cells: Partial<Record<Sex, RoundCell>>;
}

/** The row's name as read aloud: the indicator, and its urban/rural or age breakdown when not the total. */
export const rowName = (r: Pick<EntryRow, 'indicatorName' | 'urbanRural' | 'age'>) =>
  [r.indicatorName, r.urbanRural !== '合计' ? r.urbanRural : '', r.age].filter(Boolean).join(' ');

/** The regions of a round's cells, by code: [code, name]. */
export function entryRegions(cells: RoundCell[]): [string, string][] {
  return [...new Map(cells.map((c) => [c.regionCode, c.regionName])).entries()].sort((a, b) =>
    a[0].localeCompare(b[0]),
  );
}

/** The grid's rows of one region: its cells grouped by indicator, urban/rural and age. */
export function entryRows(cells: RoundCell[], regionCode: string | undefined): EntryRow[] {
  const byKey = new Map<string, EntryRow>();
  for (const c of cells) {
    if (c.regionCode !== regionCode) continue;
    const key = `${c.indicatorCode}|${c.urbanRural}|${c.age}`;
    const row = byKey.get(key) ?? {
      key,
      indicatorCode: c.indicatorCode,
      indicatorName: c.indicatorName,
      unit: c.unit,
      regionName: c.regionName,
      urbanRural: c.urbanRural,
      age: c.age,
      cells: {},
    };
    row.cells[c.sex] = c;
    byKey.set(key, row);
  }
  return [...byKey.values()];
}
