import type { Comparator } from '../plan.js';
import type { ProgressStatus } from './progress-status.js';

/** Comparators with a number to reach: the only ones that count in the attainment rate. */
export const QUANTITATIVE_COMPARATORS: readonly Comparator[] = ['<=', '>=', '~', '='];

/** One assessed target, with the group(s) it is counted in (area, plan, region…). */
export interface AttainmentItem {
  comparator: Comparator;
  status: ProgressStatus;
  group: string;
}

export interface AttainmentRate {
  group: string;
  achieved: number;
  /** Quantitative targets with a status other than insufficient data / not assessable. */
  assessable: number;
  /** Quantitative targets left out for missing data or no number. */
  notAssessable: number;
  /** Non-quantitative targets (increase / decrease / maintain), never counted. */
  qualitative: number;
  /** achieved / assessable; null when nothing is assessable (not 0 %). */
  rate: number | null;
}

/**
 * Attainment rate (达标率) = achieved / assessable quantitative targets, overall and per group, with the
 * counts behind each rate. Groups appear in first-seen order; empty input → overall rate null, no groups.
 */
export function attainment(items: readonly AttainmentItem[]): {
  overall: AttainmentRate;
  groups: AttainmentRate[];
} {
  const groups = [...new Set(items.map((i) => i.group))].map((g) =>
    count(
      g,
      items.filter((i) => i.group === g),
    ),
  );
  return { overall: count('overall', items), groups };
}

function count(group: string, items: readonly AttainmentItem[]): AttainmentRate {
  const quantitative = items.filter((i) => QUANTITATIVE_COMPARATORS.includes(i.comparator));
  const assessable = quantitative.filter(
    (i) => i.status !== 'insufficient_data' && i.status !== 'not_assessable',
  );
  const achieved = assessable.filter((i) => i.status === 'achieved').length;
  return {
    group,
    achieved,
    assessable: assessable.length,
    notAssessable: quantitative.length - assessable.length,
    qualitative: items.length - quantitative.length,
    rate: assessable.length === 0 ? null : achieved / assessable.length,
  };
}
