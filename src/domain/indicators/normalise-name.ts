/**
 * Normalisation of indicator names before comparison, so that wordings that differ only in width,
 * brackets, quotes, filler words or the way 宫颈癌和乳腺癌 is written compare equal.
 */

/** Leading words that place an indicator (全市…, 各县…) without changing what it measures. */
const LEADING_FILLER = /^(?:全市|全县|全区|全省|全国|我市|我县|我区|各县|各地|各级|市、县|市县)/;

/** Leading words naming the women's value of an indicator collected for both sexes. */
const SEX_PREFIX = /^(?:妇女|女性|女童|女生|女职工)/;

/**
 * Normalises a name: full-width → half-width (NFKC), no whitespace, quotes or bracketed asides
 * ("(市、区)", "(剔除本底影响)"), 三类 → III类, "35岁—45岁" → "35-45岁", 宫颈癌和乳腺癌 → 两癌,
 * the fillers 的 and 人群 dropped, a leading 全市 / 各县 / 各级 … dropped, list commas unified to 、.
 */
export function normaliseName(name: string): string {
  let n = name.normalize('NFKC').replace(/\s+/g, '');
  n = n.replace(/[“”"‘’'「」『』《》〈〉]/g, '');
  for (let prev = ''; prev !== n;) {
    prev = n;
    n = n.replace(/\([^()]*\)/g, '');
  }
  n = n.replace(/(?:三|Ⅲ|3)类/g, 'III类');
  n = n.replace(/(\d+)岁?[—–\-~～至](\d+)岁/g, '$1-$2岁');
  n = n.replace(/(?:宫颈癌[、和与及]乳腺癌|乳腺癌[、和与及]宫颈癌)/g, '两癌');
  n = n.replace(/的|人群/g, '');
  n = n.replace(/[，,]/g, '、').replace(/[、。；;:!?]+$/, '');
  return n.replace(LEADING_FILLER, '');
}

/** The name without a leading 妇女 / 女性 / 女童 / 女生 / 女职工 (for indicators collected by sex). */
export function stripSexPrefix(normalisedName: string): string {
  return normalisedName.replace(SEX_PREFIX, '');
}

/**
 * Removes target values (a number with its unit; ages such as "35—45岁" stay) written inside a phrase ("至少各配备1名女干部" → "至少各配备女干部",
 * "12/10万以下" → "以下") so the words around a number can be matched against the catalogue.
 */
export function stripNumbers(text: string): string {
  return text
    .normalize('NFKC')
    .replace(
      /\d+(?:\.\d+)?(?::\d+(?:\.\d+)?|\/10万(?:活产数?)?|%|‰|名|个|所|家|张|人|平方米|ug\/L|μg\/L)/g,
      '',
    )
    .replace(/一半/g, '');
}
