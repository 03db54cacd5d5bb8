import { describe, expect, it } from 'vitest';
import { assessTarget } from './assess-target.js';

const mmr = (comparatorValue: number, year: number) => ({
  indicator: '孕产妇死亡率',
  comparator: '<=' as const,
  value: comparatorValue,
  unit: '1/10万',
  year,
});
const series = (...pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));

describe('assessTarget: two milestones', () => {
  it('no targets → nothing to assess', () => {
    expect(assessTarget(series([2020, 1]), [])).toEqual({ current: null, milestones: [] });
  });

  it('empty series: both milestones insufficient data, current is the first', () => {
    const r = assessTarget([], [mmr(12, 2030), mmr(13, 2025)]);
    expect(r.milestones.map((m) => m.status)).toEqual(['insufficient_data', 'insufficient_data']);
    expect(r.current?.target.year).toBe(2025);
  });

  it('before 2025: assessed against 2025, 2030 recorded too (input order does not matter)', () => {
    const r = assessTarget(series([2020, 15.2], [2024, 11.8]), [mmr(12, 2030), mmr(13, 2025)]);
    expect(r.current?.target.year).toBe(2025);
    expect(r.milestones.map((m) => [m.target.year, m.status])).toEqual([
      [2025, 'achieved'],
      [2030, 'achieved'],
    ]);
    expect(r.current?.explanation).toBe(
      '孕产妇死亡率从2020年的15.2/10万降至2024年的11.8/10万，已实现2025年目标（13/10万以下）。',
    );
  });

  it('2025 milestone past: current is 2030, the 2025 verdict uses data up to 2025 only', () => {
    const r = assessTarget(series([2020, 15.2], [2025, 13.5], [2027, 12.4]), [mmr(13, 2025), mmr(12, 2030)]);
    expect(r.current?.target.year).toBe(2030);
    const [m2025, m2030] = r.milestones;
    expect(m2025).toMatchObject({ final: true, latest: { year: 2025, value: 13.5 } });
    expect(m2025?.status).not.toBe('achieved');
    expect(m2025?.explanation).toContain('未实现2025年目标');
    expect(m2030).toMatchObject({ final: false, latest: { year: 2027, value: 12.4 } });
  });

  it('all milestones passed: current is the last one', () => {
    const r = assessTarget(series([2020, 15.2], [2030, 11.5]), [mmr(13, 2025), mmr(12, 2030)]);
    expect(r.current?.target.year).toBe(2030);
    expect(r.current).toMatchObject({ status: 'achieved', final: true });
  });
});
