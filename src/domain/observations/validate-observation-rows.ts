import type { Indicator } from '../indicators/indicator.js';
import { observationKey, type ObservationInput } from './observation.js';
import type { RawObservationRow } from './observation-columns.js';
import { parseObservationRow, type ParseContext } from './parse-observation-row.js';
import type { RowError } from './row-problem.js';

export interface ValidatedRow {
  line: number;
  observation: ObservationInput;
}

export interface ObservationValidation {
  /** Every row, when `errors` is empty; the rows that passed, otherwise. */
  rows: ValidatedRow[];
  /** Every problem of every row, in line order. An import applies nothing unless this is empty. */
  errors: RowError[];
}

/**
 * Validates every row of a file: each row on its own (parseObservationRow), then across rows: a key may
 * appear once, and for counts (sum roll-up, and the numerator and denominator of ratios) the 女 value may not
 * exceed the 合计 value of the same key. Rates are not compared: a women's rate may exceed the total's.
 */
export function validateObservationRows(
  rows: Iterable<RawObservationRow>,
  ctx: ParseContext,
): ObservationValidation {
  const valid: (ValidatedRow & { indicator: Indicator })[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, ValidatedRow & { indicator: Indicator }>();
  for (const row of rows) {
    const parsed = parseObservationRow(row, ctx);
    if (!parsed.ok) {
      for (const problem of parsed.problems) errors.push({ line: row.line, problem });
      continue;
    }
    const key = observationKey(parsed.observation);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: row.line, problem: { kind: 'duplicate', firstLine: first.line } });
      continue;
    }
    const entry = { line: row.line, observation: parsed.observation, indicator: parsed.indicator };
    seen.set(key, entry);
    valid.push(entry);
  }

  for (const r of valid) {
    if (r.observation.sex !== '女') continue;
    const total = seen.get(observationKey({ ...r.observation, sex: '合计' }));
    if (!total) continue;
    const checks: ['value' | 'numerator' | 'denominator', number | null, number | null][] = [];
    if (r.indicator.rollUp.kind === 'sum')
      checks.push(['value', r.observation.value, total.observation.value]);
    checks.push(['numerator', r.observation.numerator, total.observation.numerator]);
    checks.push(['denominator', r.observation.denominator, total.observation.denominator]);
    for (const [column, female, all] of checks) {
      if (female !== null && all !== null && female > all)
        errors.push({
          line: r.line,
          problem: { kind: 'female-above-total', column, female, total: all, totalLine: total.line },
        });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows: valid.map(({ line, observation }) => ({ line, observation })), errors };
}
