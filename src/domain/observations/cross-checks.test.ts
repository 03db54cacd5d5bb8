import { describe, expect, it } from 'vitest';
import { findIndicator } from '../indicators/catalog.js';
import { crossCheck, type CheckedValue } from './cross-checks.js';
import type { Sex } from './observation.js';

const shelters = findIndicator('health.standard_mch_institutions')!; // a count (所)
const retention = findIndicator('education.compulsory_retention')!; // a share with numerator/denominator

const v = (over: Partial<CheckedValue> & { sex?: Sex }): CheckedValue => ({
  indicator: shelters,
  regionCode: '340822',
  sex: '合计',
  urbanRural: '合计',
  age: '',
  value: 10,
  numerator: null,
  denominator: null,
  comment: null,
  previous: null,
  incoming: true,
  ...over,
});

describe('crossCheck', () => {
  it('refuses a female count above the total, and 女 + 男 ≠ 合计', () => {
    expect(crossCheck([v({ sex: '女', value: 12 }), v({ value: 10 })])).toMatchObject([
      { index: 0, severity: 'error', check: 'female-above-total' },
    ]);
    const sum = crossCheck([v({ sex: '女', value: 4 }), v({ sex: '男', value: 5 }), v({ value: 10 })]);
    expect(sum).toMatchObject([{ severity: 'error', check: 'sex-sum' }]);
    expect(sum[0]!.zh).toContain('不等于合计 10');
    expect(crossCheck([v({ sex: '女', value: 4 }), v({ sex: '男', value: 6 }), v({ value: 10 })])).toEqual(
      [],
    );
  });
  it('checks against stored values but blames only the incoming one', () => {
    const problems = crossCheck([v({ sex: '女', value: 12, incoming: false }), v({ value: 10 })]);
    expect(problems).toMatchObject([{ index: 1, check: 'female-above-total' }]);
    expect(
      crossCheck([v({ sex: '女', value: 12, incoming: false }), v({ value: 10, incoming: false })]),
    ).toEqual([]);
  });
  it('compares numerators and denominators of rates, not the rates, and numerator ≤ denominator', () => {
    const rate = (sex: Sex, numerator: number, denominator: number) =>
      v({ indicator: retention, sex, value: (numerator / denominator) * 100, numerator, denominator });
    expect(crossCheck([rate('女', 90, 100), rate('合计', 180, 200)])).toEqual([]);
    expect(crossCheck([rate('女', 90, 300), rate('合计', 180, 200)])).toMatchObject([
      { check: 'female-above-total' },
    ]);
    expect(
      crossCheck([v({ indicator: retention, value: 100, numerator: 120, denominator: 100 })]),
    ).toMatchObject([{ check: 'numerator-above-denominator' }]);
  });
  it('needs a comment for a change beyond the threshold: an error without, a warning with one', () => {
    expect(crossCheck([v({ value: 20, previous: 10 })])).toMatchObject([
      { severity: 'error', check: 'year-on-year' },
    ]);
    const explained = crossCheck([v({ value: 20, previous: 10, comment: '新建 10 所' })]);
    expect(explained).toMatchObject([{ severity: 'warning', check: 'year-on-year' }]);
    expect(explained[0]!.zh).toContain('新建 10 所');
    expect(crossCheck([v({ value: 11, previous: 10 })])).toEqual([]);
  });
  it('flags a cross-region outlier by modified z-score as a warning', () => {
    const regions = ['340822', '340825', '340826', '340827', '340828', '340881'];
    const values = regions.map((regionCode, i) => v({ regionCode, value: [10, 11, 9, 10, 12, 60][i]! }));
    expect(crossCheck(values)).toMatchObject([{ index: 5, severity: 'warning', check: 'outlier' }]);
    expect(crossCheck(values.slice(0, 5))).toEqual([]);
  });
});
