import { NATIONAL_CODE } from './region.js';

/** The tier a region code's shape says it belongs to. */
export type CodeTier = 'national' | 'province' | 'city' | 'county' | 'township';

/**
 * The canonical code for a code as people write it: 2-digit province and 4-digit city prefixes are padded
 * to six digits ('34' → '340000', '3408' → '340800'); six- and nine-digit codes stay as they are; a 12-digit
 * statistical code (统计用区划代码) is cut to its 9- or 6-digit part when the rest is zeros. Returns null for
 * anything else (letters, other lengths, a 9-digit code whose township part is 000 but padded oddly, …).
 */
export function normaliseRegionCode(input: string): string | null {
  const code = input.trim();
  if (!/^\d+$/.test(code)) return null;
  switch (code.length) {
    case 2:
    case 4:
      return code.padEnd(6, '0');
    case 6:
      return code;
    case 9:
      return code.endsWith('000') ? code.slice(0, 6) : code;
    case 12:
      return code.endsWith('000') ? normaliseRegionCode(code.slice(0, 9)) : null;
    default:
      return null;
  }
}

/** The tier of a canonical code (see {@link normaliseRegionCode}); null when the code is not canonical. */
export function codeTier(code: string): CodeTier | null {
  if (/^\d{9}$/.test(code)) return 'township';
  if (!/^\d{6}$/.test(code)) return null;
  if (code === NATIONAL_CODE) return 'national';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * Codes of the regions that enclose a canonical code by the code's own structure, nearest first, ending
 * with the national root: '340822' → ['340800', '340000', '000000']. The real parent may skip one (counties
 * directly under a province); the tree decides.
 */
export function codePrefixAncestors(code: string): string[] {
  switch (codeTier(code)) {
    case 'township':
      return [code.slice(0, 6), ...codePrefixAncestors(code.slice(0, 6))];
    case 'county':
      return [`${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`, NATIONAL_CODE];
    case 'city':
      return [`${code.slice(0, 2)}0000`, NATIONAL_CODE];
    case 'province':
      return [NATIONAL_CODE];
    default:
      return [];
  }
}
