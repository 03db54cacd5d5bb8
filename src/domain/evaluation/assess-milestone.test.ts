import { describe, expect, it } from 'vitest';
import type { Comparator } from '../plan.js';
import { assessMilestone } from './assess-milestone.js';

const target = (comparator: Comparator, value: number | null, year = 2030, unit: string | null = '%') => ({
  indicator: '指标',
  comparator,
  value,
  unit,
  year,
});
const s = (...pairs: [number, number | null][]) => pairs.map(([year, value]) => ({ year, value }));

describe('assessMilestone: missing data', () => {
  it.each([
    ['empty series', s(), 'insufficient_data', 'no_data'],
    ['only nulls', s([2020, null], [2021, null]), 'insufficient_data', 'no_data'],
    ['single point', s([2023, 11]), 'insufficient_data', 'fewer_than_two_points'],
    [
      'one point since the base year',
      s([2018, 20], [2023, 11]),
      'insufficient_data',
      'fewer_than_two_points',
    ],
  ])('%s → %s', (_name, series, status, reason) => {
    const a = assessMilestone(series, target('<=', 12));
    expect(a).toMatchObject({ status, reason, ratio: null });
  });

  it('a numeric comparator without a number is not assessable, whatever the data', () => {
    const a = assessMilestone(s([2020, 1], [2024, 2]), target('>=', null));
    expect(a).toMatchObject({ status: 'not_assessable', reason: 'no_target_value' });
  });

  it('base year without data: the first later year is the base (Open SDG)', () => {
    const a = assessMilestone(s([2019, 9], [2021, 10], [2024, 11]), target('>=', 12));
    expect(a.base).toEqual({ year: 2021, value: 10 });
  });
});

describe("assessMilestone: '~' band (default ±5 % of the target)", () => {
  it.each([
    ['inside the band', 51, 'achieved'],
    ['on the lower edge 47.5', 47.5, 'achieved'],
    ['on the upper edge 52.5', 52.5, 'achieved'],
    ['just below the band, moving up fast', 47.4, 'on_track'],
    ['above the band after starting inside it', 56, 'deterioration'],
  ])('%s (%s) → %s', (_name, latest, status) => {
    const a = assessMilestone(s([2020, 45], [2024, latest]), target('~', 50));
    expect(a.status).toBe(status);
  });

  it('outside the band, progress is judged toward the nearest edge', () => {
    const a = assessMilestone(s([2020, 40], [2024, 44]), target('~', 50));
    expect(a).toMatchObject({ direction: 'up', goal: 47.5, range: { low: 47.5, high: 52.5 } });
  });
});

describe("assessMilestone: '=' (100 %, 全覆盖)", () => {
  it('achieved within 0.1 % of the target; below it, progress toward 99.9 like >=', () => {
    expect(assessMilestone(s([2020, 92], [2024, 99.95]), target('=', 100)).status).toBe('achieved');
    const a = assessMilestone(s([2020, 92], [2024, 96]), target('=', 100));
    expect(a).toMatchObject({ status: 'on_track', direction: 'up', goal: 99.9 });
  });
});

describe("assessMilestone: 'maintain' (default tolerance 5 % of the base value)", () => {
  it.each([
    ['slightly down, better up', 88, 'up', 'achieved'], // 92·0.95 = 87.4
    ['down beyond 5 %, better up', 87, 'up', 'deterioration'],
    ['far up, better up', 99, 'up', 'achieved'],
    ['far up, two-sided', 99, null, 'deterioration'],
    ['far down, better down', 80, 'down', 'achieved'],
  ] as const)('%s → %s', (_name, latest, better, status) => {
    const a = assessMilestone(s([2020, 92], [2024, latest]), target('maintain', null), { better });
    expect(a.status).toBe(status);
  });
});

describe("assessMilestone: 'increase' / 'decrease'", () => {
  it('uses the no-target CAGR rule with the 100 % natural limit for a share', () => {
    const a = assessMilestone(s([2020, 45], [2024, 47]), target('increase', null));
    expect(a).toMatchObject({ status: 'needs_acceleration', ratio: null, requiredRate: null });
    expect(a.limitFactor).toBeLessThan(1);
  });
  it('a count has no natural limit', () => {
    const a = assessMilestone(s([2020, 100], [2024, 93]), target('decrease', null, 2030, '人'));
    expect(a).toMatchObject({ status: 'on_track', limitFactor: 1 });
  });
});

describe('assessMilestone: history and projection', () => {
  it('target passed then lost: status from the latest value, the earlier year recorded', () => {
    const a = assessMilestone(s([2020, 15], [2022, 11], [2024, 13]), target('<=', 12, 2030, '1/10万'));
    expect(a.status).toBe('on_track');
    expect(a.achievedEarlierYear).toBe(2022);
  });

  it('carries the projection to the target year and whether it meets the target', () => {
    const a = assessMilestone(s([2020, 15.2], [2022, 14], [2024, 13.6]), target('<=', 12, 2030, '1/10万'));
    expect(a.projection?.year).toBe(2030);
    expect(a.projectedToMeet).toBe((a.projection?.value ?? Infinity) <= 12);
  });

  it('asOfYear ignores later data', () => {
    const a = assessMilestone(s([2020, 15], [2024, 13], [2026, 11]), target('<=', 12), { asOfYear: 2025 });
    expect(a.latest).toEqual({ year: 2024, value: 13 });
  });
});
