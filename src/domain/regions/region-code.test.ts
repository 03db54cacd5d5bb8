import { describe, expect, it } from 'vitest';
import { codePrefixAncestors, codeTier, normaliseRegionCode } from './region-code.js';

describe('normaliseRegionCode', () => {
  it.each([
    ['province prefix', '34', '340000'],
    ['city prefix', '3408', '340800'],
    ['six digits', '340822', '340822'],
    ['township', '220113001', '220113001'],
    ['nine digits ending 000 are the county', '350527000', '350527'],
    ['12-digit statistical code of a township', '220113001000', '220113001'],
    ['12-digit statistical code of a city', '340800000000', '340800'],
    ['surrounding spaces', ' 340800 ', '340800'],
    ['odd length', '34080', null],
    ['letters', '34a800', null],
    ['empty', '', null],
  ])('%s: %s → %s', (_name, input, expected) => {
    expect(normaliseRegionCode(input)).toBe(expected);
  });
});

describe('codeTier', () => {
  it.each([
    ['000000', 'national'],
    ['340000', 'province'],
    ['340800', 'city'],
    ['340822', 'county'],
    ['220113001', 'township'],
    ['3408', null],
  ])('%s is %s', (code, tier) => {
    expect(codeTier(code)).toBe(tier);
  });
});

describe('codePrefixAncestors', () => {
  it('walks a township up to the national root', () => {
    expect(codePrefixAncestors('220113001')).toEqual(['220113', '220100', '220000', '000000']);
  });

  it('is empty for the root and for codes that are not canonical', () => {
    expect(codePrefixAncestors('000000')).toEqual([]);
    expect(codePrefixAncestors('22')).toEqual([]);
  });
});
