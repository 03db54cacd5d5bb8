import type { TFunction } from 'i18next';
import { formatQuantity } from '../../../../src/domain/evaluation/format-quantity';
import type { Target } from '../../api/types';

/** A target in words: "≥ 95%", "逐步提高", "2030年 ≤ 12/10万". */
export function targetText(target: Pick<Target, 'comparator' | 'value' | 'unit'>, t: TFunction): string {
  const word = t(`comparator.${target.comparator}`, { defaultValue: target.comparator });
  if (target.value === null) return word;
  return `${word} ${formatQuantity(target.value, target.unit)}`;
}
