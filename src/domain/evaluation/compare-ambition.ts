import type { MilestoneTarget } from './assess-milestone.js';
import { formatQuantity } from './format-quantity.js';

/** A linked target of one plan: its key, indicator code and milestone. */
export interface LinkedTarget {
  key: string;
  indicatorCode: string;
  target: MilestoneTarget;
}

export type AmbitionVerdict = 'less_ambitious' | 'as_ambitious' | 'more_ambitious' | 'not_comparable';

export interface AmbitionComparison {
  key: string;
  indicatorCode: string;
  year: number;
  own: MilestoneTarget;
  /** The higher plan's target on the same indicator and year; null when it has none. */
  reference: MilestoneTarget | null;
  verdict: AmbitionVerdict;
  reason: string;
}

/**
 * Which of a lower plan's targets (a county's) are less ambitious than the higher plan's (its city's):
 * same indicator and due year, same unit. '>=' is less ambitious with a lower number, '<=' with a higher
 * one; '=' / '~' compare the numbers as a '>=' would where the indicator is better up, else as equal or
 * not; a number against "逐步提高" is more ambitious, the reverse less. Targets the higher plan does not
 * set on that indicator and year are `not_comparable`. Input order is kept.
 */
export function compareAmbition(
  own: readonly LinkedTarget[],
  reference: readonly LinkedTarget[],
): AmbitionComparison[] {
  return own.map((o) => {
    const ref =
      reference.find((r) => r.indicatorCode === o.indicatorCode && r.target.year === o.target.year) ?? null;
    const base = { key: o.key, indicatorCode: o.indicatorCode, year: o.target.year, own: o.target };
    if (!ref) {
      return {
        ...base,
        reference: null,
        verdict: 'not_comparable' as const,
        reason: `上级规划未设${o.target.year}年该指标目标`,
      };
    }
    const verdict = judge(o.target, ref.target);
    const words = {
      less_ambitious: '低于',
      as_ambitious: '等同于',
      more_ambitious: '高于',
      not_comparable: '无法比较',
    };
    const text = (t: MilestoneTarget) => `${t.comparator}${formatQuantity(t.value, t.unit)}`;
    return {
      ...base,
      reference: ref.target,
      verdict,
      reason:
        verdict === 'not_comparable'
          ? `本级目标（${text(o.target)}）与上级目标（${text(ref.target)}）口径不同，无法比较`
          : `本级目标（${text(o.target)}）${words[verdict]}上级目标（${text(ref.target)}）的要求`,
    };
  });
}

function direction(t: MilestoneTarget): 1 | -1 | 0 | null {
  if (t.comparator === '>=' || t.comparator === 'increase') return 1;
  if (t.comparator === '<=' || t.comparator === 'decrease') return -1;
  if (t.comparator === '=' || t.comparator === '~' || t.comparator === 'maintain') return 0;
  return null;
}

function judge(own: MilestoneTarget, ref: MilestoneTarget): AmbitionVerdict {
  const d = direction(own);
  const rd = direction(ref);
  if (d === null || rd === null) return 'not_comparable';
  if (own.value === null && ref.value === null) return d === rd ? 'as_ambitious' : 'not_comparable';
  if (own.value === null) return d === rd ? 'less_ambitious' : 'not_comparable';
  if (ref.value === null) return d === rd || rd === 0 ? 'more_ambitious' : 'not_comparable';
  if ((own.unit ?? '') !== (ref.unit ?? '')) return 'not_comparable';
  // '=' 100 % behaves as '>=' 100 %; a band compares its centre with the other number.
  const dir = d !== 0 ? d : rd !== 0 ? rd : 0;
  if (dir === 0) return own.value === ref.value ? 'as_ambitious' : 'not_comparable';
  if ((d !== 0 && rd !== 0 && d !== rd) || own.value === ref.value) {
    return own.value === ref.value && (d === rd || d === 0 || rd === 0) ? 'as_ambitious' : 'not_comparable';
  }
  return dir * (own.value - ref.value) > 0 ? 'more_ambitious' : 'less_ambitious';
}
