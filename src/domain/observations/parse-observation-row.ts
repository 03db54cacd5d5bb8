import type { Indicator } from '../indicators/indicator.js';
import { resolveRegion } from '../regions/resolve-region.js';
import type { RegionTree } from '../regions/region-tree.js';
import type { ObservationInput, Sex, UrbanRural } from './observation.js';
import type { RawObservationRow } from './observation-columns.js';
import { resolveIndicator } from './resolve-indicator.js';
import type { RowProblem } from './row-problem.js';
import { valueMultiplier } from './value-multiplier.js';
import { isCount, valueBounds } from './value-bounds.js';

/** Cells that mean "no value" in statistical tables. */
const MISSING = new Set(['', '—', '-', '–', '..', '…', 'NA', 'N/A', 'na']);

const SEX_WORDS: Readonly<Record<string, Sex>> = {
  女: '女',
  男: '男',
  合计: '合计',
  总计: '合计',
  全部: '合计',
  female: '女',
  f: '女',
  male: '男',
  m: '男',
  total: '合计',
  all: '合计',
};
const URBAN_RURAL_WORDS: Readonly<Record<string, UrbanRural>> = {
  城镇: '城镇',
  城市: '城镇',
  农村: '农村',
  乡村: '农村',
  合计: '合计',
  总计: '合计',
  urban: '城镇',
  rural: '农村',
  total: '合计',
  all: '合计',
};

/** The `simulated` column: blank means reported (否). */
const SIMULATED_WORDS: Readonly<Record<string, '是' | '否' | '合计'>> = {
  是: '是',
  模拟: '是',
  模拟数据: '是',
  true: '是',
  yes: '是',
  '1': '是',
  否: '否',
  false: '否',
  no: '否',
  '0': '否',
};

/** Text that NFKC leaves as it is (most cells of a large file: codes and numbers), so it is not normalised. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Relative tolerance of value against numerator ÷ denominator × multiplier (rounding of the value). */
const RATIO_TOLERANCE = 0.005;

export interface ParseContext {
  catalog: readonly Indicator[];
  tree: RegionTree;
  /** Memoised lookups, shared across the rows of one file. */
  cache?: Map<string, unknown>;
}

export type ParsedRow =
  { ok: true; observation: ObservationInput; indicator: Indicator } | { ok: false; problems: RowProblem[] };

/** Checks one row on its own (types, ranges, references); cross-row checks are in validateObservationRows. */
export function parseObservationRow(row: RawObservationRow, ctx: ParseContext): ParsedRow {
  // Helpers are module functions, not closures made per row: a million-row file calls this a million times.
  const problems: RowProblem[] = [];

  let indicator: Indicator | null = null;
  const indicatorText = cellText(row, 'indicator');
  if (indicatorText === '') problems.push({ kind: 'missing', column: 'indicator' });
  else {
    const r = memoised(ctx, `i:${indicatorText}`, () => resolveIndicator(indicatorText, ctx.catalog));
    if (r.kind === 'found') indicator = r.indicator;
    else
      problems.push({
        kind: 'unknown-indicator',
        input: indicatorText,
        suggestions: r.suggestions.map((i) => `${i.nameZh} (${i.code})`),
      });
  }

  let regionCode: string | null = null;
  const regionText = cellText(row, 'region');
  if (regionText === '') problems.push({ kind: 'missing', column: 'region' });
  else {
    const r = memoised(ctx, `r:${regionText}`, () => resolveRegion(ctx.tree, regionText));
    if (r.kind === 'found') regionCode = r.region.code;
    else if (r.kind === 'ambiguous')
      problems.push({
        kind: 'ambiguous-region',
        input: regionText,
        candidates: r.candidates.map((c) => `${c.code} ${ctx.tree.pathNames(c.code).join('')}`),
      });
    else
      problems.push({
        kind: 'unknown-region',
        input: regionText,
        suggestions: r.kind === 'not-found' ? r.suggestions.map((s) => `${s.name} (${s.code})`) : [],
      });
  }

  const yearText = cellText(row, 'year');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (yearText === '') problems.push({ kind: 'missing', column: 'year' });
  else if (!(year >= 2000 && year <= 2100)) problems.push({ kind: 'bad-year', input: yearText });

  const simulated = choice(problems, 'simulated', cellText(row, 'simulated'), SIMULATED_WORDS);
  const sex = choice(problems, 'sex', cellText(row, 'sex'), SEX_WORDS);
  const urbanRural = choice(problems, 'urban_rural', cellText(row, 'urban_rural'), URBAN_RURAL_WORDS);

  let value = numberIn(problems, row, 'value');
  const numerator = numberIn(problems, row, 'numerator');
  const denominator = numberIn(problems, row, 'denominator');
  if (numerator != null && numerator < 0)
    problems.push({ kind: 'out-of-range', column: 'numerator', value: numerator, min: 0, max: null });
  if (denominator != null && denominator <= 0)
    problems.push({ kind: 'out-of-range', column: 'denominator', value: denominator, min: 0, max: null });

  if (indicator && numerator != null && denominator != null && denominator > 0) {
    const expected = (numerator / denominator) * valueMultiplier(indicator);
    if (value === null) value = round(expected, 6);
    else if (
      value !== undefined &&
      Math.abs(value - expected) > Math.max(RATIO_TOLERANCE * Math.abs(expected), 0.051)
    )
      problems.push({ kind: 'ratio-mismatch', value, expected: round(expected, 2) });
  }
  if (value === null) problems.push({ kind: 'missing', column: 'value' });
  if (indicator && typeof value === 'number') {
    // The indicator's range (a gross enrolment rate may exceed 100 %); counts are whole numbers.
    const bounds = valueBounds(indicator);
    if (bounds && (value < bounds.min || (bounds.max !== null && value > bounds.max)))
      problems.push({ kind: 'out-of-range', column: 'value', value, min: bounds.min, max: bounds.max });
    else if (isCount(indicator) && !Number.isInteger(value))
      problems.push({ kind: 'not-integer', column: 'value', value });
  }

  if (
    problems.length > 0 ||
    !indicator ||
    regionCode === null ||
    sex === null ||
    urbanRural === null ||
    simulated === null
  )
    return { ok: false, problems };
  return {
    ok: true,
    indicator,
    observation: {
      indicatorCode: indicator.code,
      regionCode,
      year,
      sex,
      urbanRural,
      age: cellText(row, 'age'),
      value: value as number,
      numerator: numerator ?? null,
      denominator: denominator ?? null,
      comment: (row.cells.comment ?? '').trim() || null,
      simulated: simulated === '是',
    },
  };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** A cell's text, NFKC-normalised (full-width digits and letters to ASCII) and trimmed. */
function cellText(row: RawObservationRow, column: keyof RawObservationRow['cells']): string {
  const text = row.cells[column] ?? '';
  return (PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKC')).trim();
}

function memoised<T>(ctx: ParseContext, key: string, make: () => T): T {
  const cache = (ctx.cache ??= new Map<string, unknown>());
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** One of the accepted words of a column ('' means 合计), or null with a problem recorded. */
function choice<T extends string>(
  problems: RowProblem[],
  column: string,
  text: string,
  words: Readonly<Record<string, T>>,
): T | null {
  if (text === '') return '合计' as T;
  const v = words[text] ?? words[text.toLowerCase()];
  if (v === undefined)
    problems.push({ kind: 'bad-choice', column, input: text, allowed: [...new Set(Object.values(words))] });
  return v ?? null;
}

/** A number cell: null when blank or a missing-value mark, undefined (with a problem) when not a number. */
function numberIn(
  problems: RowProblem[],
  row: RawObservationRow,
  column: 'value' | 'numerator' | 'denominator',
): number | null | undefined {
  const text = cellText(row, column).replace(/,/g, '').replace(/%$/, '');
  if (MISSING.has(text)) return null;
  const n = Number(text);
  if (!Number.isFinite(n)) {
    problems.push({ kind: 'not-a-number', column, input: cellText(row, column) });
    return undefined;
  }
  return n;
}
