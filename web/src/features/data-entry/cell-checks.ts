import type { Indicator } from '../../api/types';

/** Year-on-year change needing a comment: 10 percentage points for shares, 30 % otherwise (as the server's rule). */
export const POINTS_THRESHOLD = 10;
export const RELATIVE_THRESHOLD = 0.3;

export type CellProblem =
  | { kind: 'not_number' }
  | { kind: 'negative' }
  | { kind: 'over_100' }
  | { kind: 'female_above_total' }
  | { kind: 'comment_required'; change: string };

/** Parses what was typed: '' is no value, anything else must be a finite number. */
export function parseCell(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : 'invalid';
}

/** The problems of one typed value, checked as the server will (so the reporter sees them before sending). */
export function checkCell(input: {
  indicator: Pick<Indicator, 'unit'> & { rollUp?: { kind: string } };
  text: string;
  total?: string;
  isFemale: boolean;
  previous: number | null;
  comment: string;
}): CellProblem[] {
  const value = parseCell(input.text);
  if (value === 'invalid') return [{ kind: 'not_number' }];
  if (value === null) return [];
  const problems: CellProblem[] = [];
  if (value < 0) problems.push({ kind: 'negative' });
  if (input.indicator.unit === '%' && value > 100) problems.push({ kind: 'over_100' });
  const total = input.total === undefined ? null : parseCell(input.total);
  if (input.isFemale && input.indicator.rollUp?.kind === 'sum' && typeof total === 'number' && value > total)
    problems.push({ kind: 'female_above_total' });
  if (input.previous !== null && input.comment.trim() === '') {
    const points = input.indicator.unit === '%' || input.indicator.unit === '百分点';
    if (points && Math.abs(value - input.previous) > POINTS_THRESHOLD)
      problems.push({ kind: 'comment_required', change: `${(value - input.previous).toFixed(1)}` });
    if (!points && input.previous !== 0 && Math.abs(value / input.previous - 1) > RELATIVE_THRESHOLD)
      problems.push({
        kind: 'comment_required',
        change: `${((value / input.previous - 1) * 100).toFixed(0)}%`,
      });
  }
  return problems;
}
