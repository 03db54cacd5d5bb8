import { describe, expect, it } from 'vitest';
import { cagr } from './cagr.js';

describe('cagr', () => {
  it.each([
    ['null latest value', null, 10, 2024, 2020, null],
    ['null base value', 10, null, 2024, 2020, null],
    ['null year', 10, 10, null, 2020, null],
    ['NaN value', Number.NaN, 10, 2024, 2020, null],
    ['same year', 12, 10, 2020, 2020, null],
    ['zero base', 5, 0, 2024, 2020, null],
    ['opposite signs', -5, 10, 2024, 2020, null],
    ['latest zero', 0, 10, 2024, 2020, -1],
    ['no change', 10, 10, 2024, 2020, 0],
  ])('%s', (_name, v1, v0, t1, t0, expected) => {
    expect(cagr(v1, v0, t1, t0)).toBe(expected);
  });

  it('doubles in one year: +100 %', () => {
    expect(cagr(20, 10, 2021, 2020)).toBeCloseTo(1, 12);
  });

  it('worked example: maternal mortality 15.2 → 11.8 per 100 000, 2020 → 2024', () => {
    // 11.8/15.2 = 0.776316; √0.776316 = 0.881088; √0.881088 = 0.938663; 0.938663 − 1 = −0.061337
    expect(cagr(11.8, 15.2, 2024, 2020)).toBeCloseTo(-0.061337, 6);
  });

  it('both negative: computed on the positive ratio', () => {
    expect(cagr(-5, -10, 2021, 2020)).toBeCloseTo(-0.5, 12);
  });
});
