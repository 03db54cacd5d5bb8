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
    // changes +4, −4, +4: MAD 0, floored at 2 % of the level 12, so the −4 is also a swing
    const v = volatility(s(10, 14, 10, 14));
    expect(v.signFlips).toBe(2);
    expect(v).toMatchObject({ volatile: true, reasons: ['outlier_change', 'sign_flips'] });
  });

  it('one jump among steady changes is an outlier change', () => {
    // changes 1, 1.2, 0.8, 1, 9: median 1, MAD 0.2, floored at 2 % of the median level 12.6 = 0.252
    // → z(9) = 0.6745·8/0.252 = 21.41
    const v = volatility(s(10, 11, 12.2, 13, 14, 23));
    expect(v.changes[4]?.z).toBeCloseTo(21.41, 2);
    expect(v.reasons).toEqual(['outlier_change']);
  });

  it('a steady series with one slightly larger step is not volatile (the MAD floor)', () => {
    // changes 0.41, 0.20, 0.26, 0.94: MAD 0.1 would give z(0.94) = 4.4; floored at 2 % of 43.2 = 0.86 → 0.48
    const v = volatility(s(42.61, 43.02, 43.22, 43.49, 44.43));
    expect(v.changes[3]?.z).toBeCloseTo((0.6745 * (0.94 - 0.335)) / (0.02 * 43.22), 2);
    expect(v.volatile).toBe(false);
  });

  it('a smooth decline with uneven steps is not volatile', () => {
    expect(volatility(s(2.2, 2.15, 2.04, 1.99, 1.95)).volatile).toBe(false);
  });

  it('three points cannot swing: z needs three changes', () => {
    const v = volatility(s(10, 10.1, 30));
    expect(v.changes.map((c) => c.z)).toEqual([null, null]);
    expect(v.volatile).toBe(false);
  });

  it('noise within the 5 % dead band is not a swing', () => {
    expect(volatility(s(99.9, 99.8, 99.9, 99.8, 99.9)).signFlips).toBe(0);
    expect(volatility(s(50, 51.5, 49.6, 51.2, 49.8)).volatile).toBe(false);
  });

  it('reversals beyond the dead band, twice, are repeated flips', () => {
    // changes −11, +12, −10, +8: each beyond 5 % of the median level 49 (2.45)
    expect(volatility(s(50, 39, 51, 41, 49))).toMatchObject({ volatile: true, signFlips: 3 });
    // the same reversals within the band (±2 on a level of 49) are not
    expect(volatility(s(50, 48, 50, 48, 50)).signFlips).toBe(0);
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
