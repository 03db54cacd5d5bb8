import type { Assessment } from './assess-milestone.js';
import { formatNumber, formatQuantity } from './format-quantity.js';
import { GROWTH_THRESHOLDS } from './progress-status.js';

type Explainable = Omit<Assessment, 'explanation'>;

const TARGET_WORDS: Record<string, string> = {
  increase: '逐步提高',
  decrease: '逐步降低',
  maintain: '保持稳定',
};

const REASONS: Record<string, string> = {
  no_target_value: '目标缺少数值',
  target_year_not_after_base: '目标年份不晚于基期年份',
  mixed_signs: '基期值与最新值正负号不同，无法计算年均增长率',
};

/**
 * One Chinese sentence stating an assessment, built only from its own numbers, e.g.
 * "孕产妇死亡率从2020年的15.2/10万降至2024年的11.8/10万，已实现2025年目标（13/10万以下）。"
 * It never states more than the status and components support: rates are quoted as computed, a verdict
 * ("未实现") only once the target year's data are in, and no forecast wording.
 */
export function explainAssessment(a: Explainable): string {
  const { indicator, unit } = a.target;
  const q = (v: number | null) => formatQuantity(v, unit);
  const goal = goalText(a);
  if (a.status === 'not_assessable') {
    return `${indicator}的${goal}无法评估：${REASONS[a.reason ?? ''] ?? '目标或数据不符合评估条件'}。`;
  }
  if (a.status === 'insufficient_data' || a.base === null || a.latest === null) {
    if (a.latest === null) return `${indicator}暂无${a.baseYear}年以来的数据，无法评估${goal}的进展。`;
    return `${indicator}${a.baseYear}年以来仅有${a.latest.year}年一个数据（${q(a.latest.value)}），不足以评估${goal}的进展。`;
  }
  const { base, latest } = a;
  const movement =
    latest.value === base.value
      ? `${base.year}年和${latest.year}年均为${q(base.value)}`
      : `从${base.year}年的${q(base.value)}${latest.value < base.value ? '降至' : '升至'}${latest.year}年的${q(latest.value)}`;
  const earlier = a.achievedEarlierYear === null ? '' : `（${a.achievedEarlierYear}年曾达到目标值）`;
  return `${indicator}${movement}${earlier}，${verdict(a, goal)}。`;
}

function verdict(a: Explainable, goal: string): string {
  const c = a.target.comparator;
  if (c === 'maintain') {
    const tol = tolerancePct(a);
    const ref = a.target.value === null ? `${a.baseYear}年水平` : formatQuantity(a.goal, a.target.unit);
    if (a.status !== 'achieved') {
      return `${a.direction === null ? '偏离' : '较'}${ref}${a.direction === null ? '' : '变差'}超过${tol}，不符合${goal}`;
    }
    const kept =
      a.direction === 'up'
        ? `未低于${ref}超过${tol}`
        : a.direction === 'down'
          ? `未高于${ref}超过${tol}`
          : null;
    return `${kept ?? `保持在${ref}±${tol}以内`}，符合${goal}`;
  }
  if (a.status === 'achieved') return `已实现${goal}`;
  if (c === 'increase' || c === 'decrease') return noTargetVerdict(a, goal);
  if (a.final) {
    if (a.ratio === null) return `未实现${goal}`;
    if (a.ratio < 0) return `未实现${goal}，且变化方向与目标相反`;
    return `未实现${goal}，年均变化仅为所需速度的${pct(a.ratio)}`;
  }
  if (a.status === 'deterioration') {
    return a.ratio === null
      ? `此前已达到目标值水平，现已回落，未保持${goal}`
      : `变化方向与${goal}相反，呈退步趋势`;
  }
  const speed = `年均${rateText(a.observedRate, a)}，为实现${goal}所需年均${rateText(a.requiredRate, a)}的${pct(a.ratio)}`;
  const tail = {
    on_track: '进度正常',
    needs_acceleration: '需加快进度',
    limited_progress: '进展有限',
  } as const;
  return `${speed}，${tail[a.status as keyof typeof tail] ?? ''}`;
}

function noTargetVerdict(a: Explainable, goal: string): string {
  const rate = a.observedRate === null ? '' : `年均${rateText(a.observedRate, a)}，`;
  const adjusted = a.limitFactor < 1 ? '（已按接近上限的程度调低判定标准）' : '';
  const high = `${formatNumber(GROWTH_THRESHOLDS.high * 100 * a.limitFactor, 2)}%`;
  switch (a.status) {
    case 'on_track':
      return `${rate}符合${goal}${adjusted}`;
    case 'needs_acceleration':
      return `${rate}有所进展，但年均变化低于${high}，需加快${adjusted}`;
    case 'limited_progress':
      return `${rate}进展有限${adjusted}`;
    default:
      return `${rate}变化方向与${goal}相反，呈退步趋势`;
  }
}

function goalText(a: Explainable): string {
  const { comparator, value, unit, year } = a.target;
  const word = TARGET_WORDS[comparator];
  if (word !== undefined && (comparator !== 'maintain' || value === null)) return `“${word}”的要求`;
  if (value === null) return `${year}年目标`;
  const q = formatQuantity(value, unit);
  const text = {
    '<=': value === 0 ? `降至${q}` : `${q}以下`,
    '>=': `${q}以上`,
    '~': `${q}左右`,
    '=': `达到${q}`,
    maintain: `保持在${q}`,
  };
  return `${year}年目标（${text[comparator as keyof typeof text]}）`;
}

function rateText(rate: number | null, a: Explainable): string {
  if (rate === null) return '变化无法计算';
  if (rate === 0) return '无变化';
  const word = rate < 0 ? '下降' : '上升';
  if (a.rateMethod === 'cagr')
    return `${word}${formatNumber(Math.abs(rate) * 100, smallDigits(rate * 100, 1))}%`;
  const digits = smallDigits(rate, 2);
  const perYear =
    a.target.unit === '%'
      ? `${formatNumber(Math.abs(rate), digits)}个百分点`
      : formatQuantity(Number(Math.abs(rate).toFixed(digits)), a.target.unit);
  return `${word}${perYear}`;
}

/** Decimals that keep a small non-zero change visible (0.04%, not 0%): at least `digits`, two significant, at most 4. */
function smallDigits(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0 || magnitude >= 10 ** -digits) return digits;
  return Math.min(4, Math.max(digits, 1 - Math.floor(Math.log10(magnitude))));
}

function tolerancePct(a: Explainable): string {
  if (a.range === null || a.goal === null || a.goal === 0) return '0%';
  const edge = a.range.low ?? a.range.high ?? a.goal;
  return `${formatNumber((Math.abs(edge - a.goal) / Math.abs(a.goal)) * 100, 1)}%`;
}

function pct(ratio: number | null): string {
  return ratio === null ? '—' : `${formatNumber(ratio * 100, 0)}%`;
}
