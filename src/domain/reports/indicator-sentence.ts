import type { Assessment } from '../evaluation/assess-milestone.js';
import { formatQuantity } from '../evaluation/format-quantity.js';
import type { Point } from '../evaluation/clean-series.js';
import { changeText } from './change-wording.js';
import { dataMark, type DataFlags } from './data-marks.js';

/** The parts of a milestone assessment a sentence may use. */
export type MilestoneFact = Pick<Assessment, 'status' | 'final' | 'latest' | 'target'> & {
  /** The base-year point the pace is measured from. */
  base?: Point | null;
};

/** Everything one indicator sentence is allowed to say, for one region and year. */
export interface IndicatorFact {
  /** The plan's wording of the indicator (孕产妇死亡率). */
  name: string;
  unit: string | null;
  year: number;
  /** The value in `year`; null when there is none. */
  value: number | null;
  flags: DataFlags;
  /** The latest value before `year`, if any. */
  previous: Point | null;
  /** The base-year value (规划基期), for "progress since the base year"; null to leave it out. */
  base?: Point | null;
  /** The target's milestones (2025, 2030), as assessed with data up to `year`. */
  milestones: readonly MilestoneFact[];
}

/**
 * One sentence about an indicator, from its numbers only: "孕产妇死亡率为11.8/10万，比上年下降0.6个10万分点，
 * 已提前实现2030年目标。". Change words follow the unit (百分点, 10万分点, 千分点, counts 增加/减少); a
 * comparison names its year unless it is the year before; simulated and provisional values are marked; a
 * missing value says so, with the latest earlier value and what was assessed on it. A target clause appears
 * only for a milestone assessed on the value quoted (its latest point), so nothing is claimed that the data do
 * not show.
 */
export function indicatorSentence(fact: IndicatorFact): string {
  const { name, unit, year, value } = fact;
  if (value === null) {
    const last = fact.previous
      ? `，最近一次为${fact.previous.year}年的${formatQuantity(fact.previous.value, unit)}`
      : '';
    // A value stored but not yet approved is not evaluated: say it exists, never its number.
    const missing = fact.flags.provisional ? '数据尚未审核，未计入评估' : '无数据';
    const parts = [`${name}${year}年${missing}${last}`];
    // The latest value still tells where the indicator stands (a mid-term report written before the year's
    // data are in): its change since the base year and what the milestones assessed on it say.
    if (fact.previous) {
      const { previous } = fact;
      if (fact.base && fact.base.year < previous.year) {
        const change = changeText(previous.value - fact.base.value, unit);
        parts.push(change === '持平' ? `与${fact.base.year}年持平` : `比${fact.base.year}年${change}`);
      }
      const verdict = targetClause({ year: previous.year, milestones: fact.milestones });
      if (verdict) parts.push(verdict);
    }
    return `${parts.join('，')}。`;
  }
  const parts = [`${name}为${formatQuantity(value, unit)}${dataMark(fact.flags)}`];
  if (fact.previous && fact.previous.year < year) {
    const when = fact.previous.year === year - 1 ? '上年' : `${fact.previous.year}年`;
    const change = changeText(value - fact.previous.value, unit);
    parts.push(change === '持平' ? `与${when}持平` : `比${when}${change}`);
  }
  if (fact.base && fact.base.year < year && fact.base.year !== fact.previous?.year) {
    const change = changeText(value - fact.base.value, unit);
    parts.push(change === '持平' ? `与${fact.base.year}年持平` : `比${fact.base.year}年${change}`);
  }
  const verdict = targetClause(fact);
  if (verdict) parts.push(verdict);
  return `${parts.join('，')}。`;
}

/** What the milestones assessed on this year's value say; null when none was. */
export function targetClause(fact: Pick<IndicatorFact, 'year' | 'milestones'>): string | null {
  const { year } = fact;
  const onThisValue = fact.milestones.filter((m) => m.latest?.year === year);
  if (onThisValue.length === 0) return null;
  const achieved = onThisValue.filter((m) => m.status === 'achieved');
  const last = achieved[achieved.length - 1];
  if (last) {
    return last.target.year > year
      ? `已提前实现${last.target.year}年目标`
      : `已实现${last.target.year}年目标`;
  }
  const current = onThisValue.find((m) => m.target.year >= year) ?? onThisValue[onThisValue.length - 1];
  if (!current) return null;
  const goal = goalText(current.target);
  const y = current.target.year;
  if (current.final) return `未实现${y}年目标${goal}`;
  const c = current.target.comparator;
  if (c === 'increase' || c === 'decrease') {
    // No number to reach: judged on the pace of change alone (Open SDG's no-target rule).
    const word = c === 'increase' ? '提高' : '降低';
    // The pace is measured from the base year, which may differ from the change on the year before.
    const since = current.base ? `${current.base.year}年以来` : '';
    const verdicts: Partial<Record<string, string>> = {
      on_track: `符合${y}年“逐步${word}”的要求`,
      needs_acceleration: `${since}有所${word}，但幅度偏小，需加快进度`,
      limited_progress: `${since}${word}幅度有限`,
      deterioration: `变化方向与“逐步${word}”的要求相反`,
      insufficient_data: '数据年份不足，暂无法评估进展',
    };
    return verdicts[current.status] ?? null;
  }
  switch (current.status) {
    case 'on_track':
      return `进度符合${y}年目标${goal}要求`;
    case 'needs_acceleration':
      return `距${y}年目标${goal}仍有差距，需加快进度`;
    case 'limited_progress':
      return `进展有限，距${y}年目标${goal}仍有较大差距`;
    case 'deterioration':
      return `变化方向与${y}年目标${goal}相反`;
    case 'insufficient_data':
      return '数据年份不足，暂无法评估进展';
    default:
      return null;
  }
}

/** The target in brackets: （13/10万以下）, （逐步提高）; "" for a target without words. */
export function goalText(target: MilestoneFact['target']): string {
  const { comparator, value, unit } = target;
  if (comparator === 'increase') return '（逐步提高）';
  if (comparator === 'decrease') return '（逐步降低）';
  if (value === null) return comparator === 'maintain' ? '（保持稳定）' : '';
  const q = formatQuantity(value, unit);
  const words = {
    '<=': value === 0 ? `降至${q}` : `${q}以下`,
    '>=': `${q}以上`,
    '~': `${q}左右`,
    '=': `达到${q}`,
    maintain: `保持在${q}`,
  } as const;
  return `（${words[comparator]}）`;
}
