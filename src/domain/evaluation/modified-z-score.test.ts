import { describe, expect, it } from 'vitest';
import { median } from './median.js';
import { modifiedZScore } from './modified-z-score.js';

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('%j → %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('modifiedZScore', () => {
  it.each([
    ['empty', []],
    ['single value', [4]],
    ['two values', [4, 9]],
    ['three positions, two values', [4, null, 9]],
  ])('%s → no scores, nothing flagged', (_name, values) => {
    const r = modifiedZScore(values);
    expect(r.reason).toBe('fewer_than_three_values');
    expect(r.scores.every((s) => s === null)).toBe(true);
    expect(r.outliers.every((o) => !o)).toBe(true);
    expect(r.scores).toHaveLength(values.length);
  });

  it('MAD = 0: no scores and no flags, as DHIS2', () => {
    const r = modifiedZScore([5, 5, 5, 5, 50]);
    expect(r).toMatchObject({ median: 5, mad: 0, reason: 'mad_zero' });
    expect(r.outliers).toEqual([false, false, false, false, false]);
  });

  it('worked example across counties: 10, 12, 11, 13, 40', () => {
    // median 12; |x − 12| = 2, 0, 1, 1, 28 → MAD 1; z(40) = 0.6745·28 = 18.886, z(10) = 1.349
    const r = modifiedZScore([10, 12, 11, null, 13, 40]);
    expect(r.median).toBe(12);
    expect(r.mad).toBe(1);
    expect(r.scores[0]).toBeCloseTo(1.349, 3);
    expect(r.scores[3]).toBeNull();
    expect(r.scores[5]).toBeCloseTo(18.886, 3);
    expect(r.outliers).toEqual([false, false, false, false, false, true]);
  });

  it('the threshold is inclusive: a score of exactly 3 is flagged', () => {
    // median 0, MAD 1 → x = 3/0.6745 scores exactly 3
    const r = modifiedZScore([-1, 0, 1, 3 / 0.6745, -3 / 0.6745, 0, 0.5, -0.5, 1, -1]);
    expect(r.mad).toBe(1);
    expect(r.scores[3]).toBeCloseTo(3, 12);
    expect(r.outliers[3]).toBe(true);
  });
});
