import type { Indicator } from '../api/types';

/** The sex whose series a target is about: 女 when the indicator is broken down by sex, else 合计. */
export const targetSex = (indicator: Indicator) =>
  indicator.disaggregations.some((d) => d.dimension === 'sex') ? '女' : '合计';
