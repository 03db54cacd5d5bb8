import { formatNumber } from '../evaluation/format-quantity.js';

/** Units counted in whole things: a change is 增加 / 减少 so many of them. */
const COUNT_UNITS = new Set([
  '人',
  '万人',
  '人次',
  '个',
  '所',
  '家',
  '名',
  '户',
  '件',
  '次',
  '张',
  '床',
  '起',
  '对',
]);

/**
 * The change between two values as Chinese statistical reports write it, with the unit of a difference:
 * % → 个百分点, ‰ → 个千分点, 1/10万 → 个10万分点 (a difference of rates is not a rate), counts →
 * 增加 / 减少 with the count's unit, other units → 提高 / 下降 with the unit. Zero (at the shown
 * precision) → 持平. `digits` is the precision shown (default 2, trailing zeros dropped).
 */
export function changeText(delta: number, unit: string | null, digits = 2): string {
  const shown = formatNumber(Math.abs(delta), digits);
  if (shown === '0') return '持平';
  const count = unit !== null && COUNT_UNITS.has(unit);
  const verb = delta > 0 ? (count ? '增加' : '提高') : count ? '减少' : '下降';
  return `${verb}${shown}${differenceUnit(unit)}`;
}

/** The unit of a difference of two values in `unit`. */
export function differenceUnit(unit: string | null): string {
  if (unit === null || unit === '') return '';
  if (unit === '%') return '个百分点';
  if (unit === '‰') return '个千分点';
  if (unit.startsWith('1/')) return `个${unit.slice(2)}分点`;
  if (unit.startsWith('比值')) return '';
  return unit;
}
