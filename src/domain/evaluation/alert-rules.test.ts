import { describe, expect, it } from 'vitest';
import { alertRules, type AlertInput } from './alert-rules.js';
import { assessTarget } from './assess-target.js';
import { volatility } from './volatility.js';

const target = { indicator: '住院分娩率', comparator: '>=' as const, value: 98, unit: '%', year: 2030 };
function input(values: (number | null)[], overrides: Partial<AlertInput> = {}): AlertInput {
  const series = values.map((value, i) => ({ year: 2020 + i, value }));
  const latest = [...series].reverse().find((p) => p.value !== null);
  return {
    targetKey: 'k',
    indicator: '住院分娩率',
    regionCode: '340822',
    regionName: '怀宁县',
    year: 2024,
    unit: '%',
    assessment: assessTarget(series, [target], { asOfYear: 2024 }),
    volatility: volatility(series),
    crossRegion: null,
    latestDataYear: latest?.year ?? null,
    departments: ['卫健局'],
    ...overrides,
  };
}
const rules = (i: AlertInput) => alertRules(i).map((a) => `${a.rule}:${a.level}`);

describe('alert rules (预警)', () => {
  it('raises nothing for a series on its way', () => {
    expect(rules(input([90, 91.5, 93, 94.5, 96]))).toEqual([]);
  });
  it('wrong direction is red, and its reason says so in Chinese', () => {
    const alerts = alertRules(input([95, 94, 93, 92, 91]));
    expect(alerts.map((a) => a.rule)).toContain('wrong_direction');
    const wrong = alerts.find((a) => a.rule === 'wrong_direction')!;
    expect(wrong.level).toBe('red');
    expect(wrong.reason).toMatch(/怀宁县.*相反/);
    expect(wrong.departments).toEqual(['卫健局']);
  });
  it('projected to miss: yellow with time left, red within two years of the milestone', () => {
    expect(rules(input([90, 90.3, 90.5, 90.8, 91]))).toContain('projected_miss:red'); // limited progress
    expect(rules(input([80, 82, 84, 85.5, 87]))).toContain('projected_miss:yellow');
    expect(rules(input([80, 82, 84, 85.5, 87], { year: 2028 }))).toContain('projected_miss:red');
  });
  it('data missing: yellow when one year late, red when older or none', () => {
    expect(rules(input([90, 91, 92, 93, null]))).toContain('data_missing:yellow');
    expect(rules(input([90, 91, 92, null, null]))).toContain('data_missing:red');
    expect(alertRules(input([]))[0]).toMatchObject({ rule: 'data_missing', level: 'red' });
    // Before the year's round closes nothing is late yet.
    expect(rules(input([90, 91, 92, 93, null], { dataDue: false }))).not.toContain('data_missing:yellow');
  });
  it('volatile series and cross-region outliers (modified z ≥ 3 yellow, ≥ 6 red)', () => {
    expect(rules(input([90, 96, 89, 97, 90]))).toContain('volatile:yellow');
    const z = (value: number) => ({ crossRegion: { z: value, median: 90, value: 60 } });
    expect(rules(input([90, 91.5, 93, 94.5, 96], z(2.9)))).toEqual([]);
    expect(rules(input([90, 91.5, 93, 94.5, 96], z(3)))).toEqual(['outlier:yellow']);
    expect(rules(input([90, 91.5, 93, 94.5, 96], z(6)))).toEqual(['outlier:red']);
  });
});
