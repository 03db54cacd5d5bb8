import { modifiedZScore, MODIFIED_Z_THRESHOLD } from '../evaluation/modified-z-score.js';
import type { Indicator } from '../indicators/indicator.js';
import type { Sex, UrbanRural } from './observation.js';
import { yearOnYearChange } from './change-threshold.js';
import { isCount, numeratorWithinDenominator } from './value-bounds.js';

/** A value of a collection, stored or being written, as the cross-checks see it. */
export interface CheckedValue {
  indicator: Indicator;
  regionCode: string;
  sex: Sex;
  urbanRural: UrbanRural;
  age: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  /** Last year's value of the same key, null when there is none. */
  previous: number | null;
  /** Being written now: only these get problems (the stored ones are context). */
  incoming: boolean;
  /** Regions compared for outliers share a peer group (e.g. the sub-regions of a plan's region). */
  peerGroup?: string;
}

export interface CrossProblem {
  /** Index of the incoming value in the input. */
  index: number;
  severity: 'error' | 'warning';
  check:
    | 'not-integer'
    | 'female-above-total'
    | 'sex-sum'
    | 'numerator-above-denominator'
    | 'year-on-year'
    | 'outlier';
  zh: string;
  en: string;
}

const fmt = (x: number) => String(Number(x.toFixed(4)));

/**
 * The checks that need more than one row (or last year's value): 女 ≤ 合计 for
 * counts and for the numerators and denominators of rates; 女 + 男 = 合计 where all three are present;
 * numerator ≤ denominator for shares; a year-on-year change beyond the indicator's threshold needs a comment
 * (an error without one, a warning for the reviewer with one); and, across the regions of one indicator and
 * breakdown, outliers by modified z-score (≥ 3, DHIS2), warnings for the reviewer. Problems are reported on
 * incoming values only; stored values take part as context. Errors block the write, warnings do not.
 */
export function crossCheck(values: readonly CheckedValue[]): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const add = (index: number, p: Omit<CrossProblem, 'index'>) => problems.push({ index, ...p });
  const groupKey = (v: CheckedValue, sex: Sex) =>
    [v.indicator.code, v.regionCode, sex, v.urbanRural, v.age].join('|');
  const byKey = new Map<string, number>();
  values.forEach((v, i) => byKey.set(groupKey(v, v.sex), i));

  values.forEach((v, i) => {
    if (!v.incoming) return;
    const name = v.indicator.nameZh;
    if (numeratorWithinDenominator(v.indicator) && v.numerator !== null && v.denominator !== null)
      if (v.numerator > v.denominator)
        add(i, {
          severity: 'error',
          check: 'numerator-above-denominator',
          zh: `${name}的分子 ${v.numerator} 大于分母 ${v.denominator}`,
          en: `numerator ${v.numerator} exceeds denominator ${v.denominator}`,
        });
    const change = yearOnYearChange(v.indicator, v.previous, v.value);
    if (change?.exceeds) {
      const size =
        change.kind === 'points'
          ? { zh: `${fmt(change.change)} 个百分点`, en: `${fmt(change.change)} points` }
          : Number.isFinite(change.change)
            ? { zh: `${fmt(change.change * 100)}%`, en: `${fmt(change.change * 100)} %` }
            : { zh: '由 0 变为非 0', en: 'from 0 to non-zero' };
      const limit =
        change.kind === 'points'
          ? { zh: `${change.threshold} 个百分点`, en: `${change.threshold} points` }
          : { zh: `${change.threshold * 100}%`, en: `${change.threshold * 100} %` };
      const explained = (v.comment ?? '').trim() !== '';
      add(i, {
        severity: explained ? 'warning' : 'error',
        check: 'year-on-year',
        zh: explained
          ? `与上年（${v.previous}）相比变化 ${size.zh}，超过阈值 ${limit.zh}；填报说明：${v.comment!.trim()}`
          : `与上年（${v.previous}）相比变化 ${size.zh}，超过阈值 ${limit.zh}，请在备注中说明原因`,
        en: explained
          ? `changed ${size.en} from last year (${v.previous}), beyond ${limit.en}; explained: ${v.comment!.trim()}`
          : `changed ${size.en} from last year (${v.previous}), beyond ${limit.en}: explain it in the comment`,
      });
    }
  });

  // 女 against 合计 (and 男), per indicator × region × urban/rural × age.
  values.forEach((v, i) => {
    if (v.sex !== '合计') return;
    const fi = byKey.get(groupKey(v, '女'));
    const mi = byKey.get(groupKey(v, '男'));
    const female = fi === undefined ? undefined : values[fi]!;
    const male = mi === undefined ? undefined : values[mi]!;
    const counts = isCount(v.indicator) || v.indicator.rollUp.kind === 'sum';
    const parts: ['value' | 'numerator' | 'denominator', string][] = counts
      ? [['value', '数值']]
      : v.indicator.rollUp.kind === 'ratio'
        ? [
            ['numerator', '分子'],
            ['denominator', '分母'],
          ]
        : [];
    for (const [part, partZh] of parts) {
      const total = v[part];
      const f = female?.[part] ?? null;
      const m = male?.[part] ?? null;
      if (total === null) continue;
      const blame = [fi, i, mi].find((x) => x !== undefined && values[x]!.incoming);
      if (blame === undefined) continue;
      if (f !== null && f > total)
        add(fi !== undefined && values[fi]!.incoming ? fi : blame, {
          severity: 'error',
          check: 'female-above-total',
          zh: `${v.indicator.nameZh}女性${partZh} ${f} 大于合计 ${total}`,
          en: `female ${part} ${f} exceeds the total ${total}`,
        });
      else if (f !== null && m !== null && Math.abs(f + m - total) > 1e-6 * Math.max(1, Math.abs(total)))
        add(blame, {
          severity: 'error',
          check: 'sex-sum',
          zh: `${v.indicator.nameZh}女性${partZh} ${f} 与男性 ${m} 之和 ${fmt(f + m)} 不等于合计 ${total}`,
          en: `female ${part} ${f} plus male ${m} is ${fmt(f + m)}, not the total ${total}`,
        });
    }
  });

  // Outliers across regions, per indicator × breakdown.
  const series = new Map<string, number[]>();
  values.forEach((v, i) => {
    const key = [v.peerGroup ?? '', v.indicator.code, v.sex, v.urbanRural, v.age].join('|');
    const list = series.get(key);
    if (list) list.push(i);
    else series.set(key, [i]);
  });
  for (const indexes of series.values()) {
    if (!indexes.some((i) => values[i]!.incoming)) continue;
    const z = modifiedZScore(indexes.map((i) => values[i]!.value));
    indexes.forEach((i, k) => {
      const v = values[i]!;
      if (!v.incoming || !z.outliers[k]) return;
      const score = fmt(z.scores[k]!);
      add(i, {
        severity: 'warning',
        check: 'outlier',
        zh: `${v.indicator.nameZh} ${v.value} 明显偏离各地区中位数 ${fmt(z.median!)}（修正 z 分数 ${score} ≥ ${MODIFIED_Z_THRESHOLD}），请核实`,
        en: `${v.value} is an outlier among regions (median ${fmt(z.median!)}, modified z-score ${score} ≥ ${MODIFIED_Z_THRESHOLD}); please verify`,
      });
    });
  }
  return problems.sort((a, b) => a.index - b.index);
}
