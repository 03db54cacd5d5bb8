import { describe, expect, it } from 'vitest';
import { projection } from './projection.js';

describe('projection', () => {
  it.each([
    ['empty series', []],
    ['single point', [{ year: 2022, value: 5 }]],
    [
      'one value among nulls',
      [
        { year: 2021, value: null },
        { year: 2022, value: 5 },
      ],
    ],
  ])('%s → null', (_name, series) => {
    expect(projection(series)).toBeNull();
  });

  it('two points: the line through them, no interval', () => {
    const p = projection([
      { year: 2020, value: 10 },
      { year: 2022, value: 14 },
    ]);
    expect(p?.slope).toBeCloseTo(2, 12);
    expect(p?.values.map((v) => [v.year, v.value, v.low])).toEqual([
      [2025, 20, null],
      [2030, 30, null],
    ]);
  });

  it('worked example: weights 1, 2, 3 on (2020, 1), (2021, 3), (2022, 2)', () => {
    const p = projection(
      [
        { year: 2020, value: 1 },
        { year: 2021, value: 3 },
        { year: 2022, value: 2 },
      ],
      { years: [2025] },
    );
    // x̄ = 2021.333, ȳ = 13/6, Sxx = 10/3, Sxy = 2/3 → slope 0.2; ŷ(2025) = 13/6 + 0.2·11/3 = 2.9
    expect(p?.weights).toEqual([1, 2, 3]);
    expect(p?.slope).toBeCloseTo(0.2, 10);
    const v = p?.values[0];
    expect(v?.value).toBeCloseTo(2.9, 10);
    // s² = (1·0.81 + 2·0.81 + 3·0.09)/1 = 2.7; se² = 2.7·(1/3 + 1/6 + (11/3)²/(10/3)) = 12.24; t(1) = 12.706
    expect(v?.high).toBeCloseTo(2.9 + 12.706 * Math.sqrt(12.24), 6);
    expect(v?.low).toBeCloseTo(2.9 - 12.706 * Math.sqrt(12.24), 6);
  });

  it('later years weigh more: a recent turn pulls the line further than an unweighted fit', () => {
    const p = projection(
      [10, 10, 10, 10, 14].map((value, i) => ({ year: 2020 + i, value })),
      { years: [2030] },
    );
    // unweighted OLS slope is 0.8; weights 1..5: Sxy = 80/3, Sxx = 70/3 → slope 8/7
    expect(p?.slope).toBeCloseTo(8 / 7, 10);
  });

  it("clamps a '%' projection to [0, 100] and says so", () => {
    const p = projection(
      [90, 95, 99].map((value, i) => ({ year: 2020 + i, value })),
      { unit: '%' },
    );
    expect(p?.values[1]).toMatchObject({ year: 2030, value: 100, clamped: true });
    expect(p?.values[1]?.high).toBe(100);
  });

  it('CAGR option: 100 → 121 over 2020–2022 is +10 % a year; 2025 → 161.051', () => {
    const p = projection(
      [
        { year: 2020, value: 100 },
        { year: 2022, value: 121 },
      ],
      { method: 'cagr', years: [2025] },
    );
    expect(p?.method).toBe('cagr');
    expect(p?.growthRate).toBeCloseTo(0.1, 12);
    expect(p?.values[0]?.value).toBeCloseTo(161.051, 6);
    expect(p?.values[0]?.low).toBeNull();
  });

  it('CAGR option falls back to weighted linear when growth is undefined (zero base)', () => {
    const p = projection(
      [
        { year: 2020, value: 0 },
        { year: 2022, value: 4 },
      ],
      { method: 'cagr', years: [2024] },
    );
    expect(p?.method).toBe('weighted_linear');
    expect(p?.values[0]?.value).toBeCloseTo(8, 10);
  });
});
