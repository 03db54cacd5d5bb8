import { describe, expect, it } from 'vitest';
import { volatility } from './volatility.js';

const s = (...values: (number | null)[]) => values.map((value, i) => ({ year: 2020 + i, value }));

describe('volatility', () => {
  it.each([
    ['empty', s()],
    ['single point', s(5)],
    ['two points', s(5, 9)],
    ['nulls leave two points', s(5, null, 9)],
  ])('%s → not volatile, declared reason', (_name, series) => {
    expect(volatility(series)).toMatchObject({ volatile: false, reason: 'fewer_than_three_points' });
  });

  it('steady trend is not volatile', () => {
    expect(volatility(s(10, 11, 12, 13, 14, 15)).volatile).toBe(false);
  });

  it('zig-zag (up, down, up) has two sign flips', () => {
    const v = volatility(s(10, 14, 10, 14)); // changes +4, −4, +4: MAD 0, so only the flips count
    expect(v.signFlips).toBe(2);
    expect(v).toMatchObject({ volatile: true, reasons: ['sign_flips'] });
  });

  it('one jump among steady changes is an outlier change', () => {
    // changes 1, 1.2, 0.8, 1, 9: median 1, MAD 0.2 → z(9) = 0.6745·8/0.2 = 26.98
    const v = volatility(s(10, 11, 12.2, 13, 14, 23));
    expect(v.changes[4]?.z).toBeCloseTo(26.98, 2);
    expect(v.reasons).toEqual(['outlier_change']);
  });

  it('noise within the 1 % dead band is not a swing', () => {
    expect(volatility(s(99.9, 99.8, 99.9, 99.8, 99.9)).signFlips).toBe(0);
  });

  it('gaps are annualised: 10 → 14 over two years is +2 a year', () => {
    const v = volatility([
      { year: 2020, value: 10 },
      { year: 2022, value: 14 },
      { year: 2023, value: 16 },
    ]);
    expect(v.changes.map((c) => c.change)).toEqual([2, 2]);
  });
});
