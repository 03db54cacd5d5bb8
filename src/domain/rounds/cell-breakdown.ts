import type { Indicator } from '../indicators/indicator.js';
import type { Sex, UrbanRural } from '../observations/observation.js';

/** One disaggregation of a cell: sex, urban/rural and age group (or category, kept in the age column). */
export interface Breakdown {
  sex: Sex;
  urbanRural: UrbanRural;
  age: string;
}

const TOTAL: Breakdown = { sex: '合计', urbanRural: '合计', age: '' };

/**
 * The breakdowns an indicator is collected by, each dimension on its own beside the total (the plans ask
 * for 分性别 and 分城乡 figures, not their cross product): the total, then 女 and 男, 城镇 and 农村, each
 * age group. A `category` dimension (破案率 / 结案率, 董事会 / 监事会) names separate quantities with no
 * total: one cell per category, in the age column, and no total cell.
 */
export function cellBreakdowns(indicator: Indicator): Breakdown[] {
  const categories = indicator.disaggregations.filter((d) => d.dimension === 'category');
  const out: Breakdown[] = [];
  if (categories.length === 0) out.push(TOTAL);
  for (const d of indicator.disaggregations) {
    for (const value of d.values) {
      if (value === '合计') continue;
      if (d.dimension === 'sex') out.push({ ...TOTAL, sex: value as Sex });
      else if (d.dimension === 'urban_rural') out.push({ ...TOTAL, urbanRural: value as UrbanRural });
      // NFKC, as every parsed row is: 乡镇（街道） is stored as 乡镇(街道), so uploads match it.
      else out.push({ ...TOTAL, age: value.normalize('NFKC') });
    }
  }
  return out;
}
