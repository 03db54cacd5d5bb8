/** One annual value of an indicator in one region; `null` means "no data", never zero. */
export interface YearValue {
  year: number;
  value: number | null;
}

/** A year with a usable value: what every formula in this folder works on. */
export interface Point {
  year: number;
  value: number;
}

/**
 * The usable points of a series, oldest first: drops null and non-finite values and points after
 * `asOfYear`; where a year appears twice the later entry wins (a corrected value replaces the first).
 * Empty input gives `[]`.
 */
export function cleanSeries(series: readonly YearValue[], asOfYear: number | null = null): Point[] {
  const byYear = new Map<number, number>();
  for (const { year, value } of series) {
    if (value === null || !Number.isFinite(value) || !Number.isFinite(year)) continue;
    if (asOfYear !== null && year > asOfYear) continue;
    byYear.set(year, value);
  }
  return [...byYear.entries()].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}
