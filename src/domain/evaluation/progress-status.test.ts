import { describe, expect, it } from 'vitest';
import { progressStatus, type ProgressInput } from './progress-status.js';

const p = (year: number, value: number) => ({ year, value });

describe('progressStatus with a numeric target (Open SDG ratio rule)', () => {
  it('worked example: 15.2 → 11.8 per 100 000 (2020 → 2024) against ≤ 12 by 2030 is achieved', () => {
    const r = progressStatus({
      base: p(2020, 15.2),
      latest: p(2024, 11.8),
      direction: 'down',
      target: p(2030, 12),
    });
    // observed (11.8/15.2)^(1/4) − 1 = −0.061337; required (12/15.2)^(1/10) − 1 = −0.023362
    expect(r.status).toBe('achieved');
    expect(r.observedRate).toBeCloseTo(-0.061337, 5);
    expect(r.requiredRate).toBeCloseTo(-0.023362, 5);
    expect(r.ratio).toBeCloseTo(0.061337 / 0.023362, 3); // 2.6255: components kept even when achieved
  });

  it('worked example: the same fall against ≤ 11 by 2030 is on track (p = 1.93)', () => {
    const r = progressStatus({
      base: p(2020, 15.2),
      latest: p(2024, 11.8),
      direction: 'down',
      target: p(2030, 11),
    });
    // required (11/15.2)^(1/10) − 1 = −0.031823; p = 0.061337 / 0.031823 = 1.9274
    expect(r.ratio).toBeCloseTo(1.9274, 3);
    expect(r.status).toBe('on_track');
  });

  it('worked example: 15.2 → 14.5 against ≤ 12 by 2030 is limited progress (p = 0.50)', () => {
    const r = progressStatus({
      base: p(2020, 15.2),
      latest: p(2024, 14.5),
      direction: 'down',
      target: p(2030, 12),
    });
    // observed (14.5/15.2)^(1/4) − 1 = −0.011718; p = 0.011718 / 0.023362 = 0.5016
    expect(r.ratio).toBeCloseTo(0.5016, 3);
    expect(r.status).toBe('limited_progress');
  });

  // Base 100, target 200 in 10 years: required CAGR = 2^(1/10) − 1 = 7.1773 %.
  // latest(2024) = 100·(1 + k·0.071773)^4 gives p ≈ k; the table brackets each threshold.
  const up = (latest: number): ProgressInput => ({
    base: p(2020, 100),
    latest: p(2024, latest),
    direction: 'up',
    target: p(2030, 200),
  });
  it.each([
    ['p = 1 (exactly on the required path)', 100 * Math.pow(2, 0.4), 'on_track'],
    ['p = 0.95', 100 * Math.pow(1 + 0.95 * (Math.pow(2, 0.1) - 1), 4) + 1e-9, 'on_track'],
    ['p just under 0.95', 100 * Math.pow(1 + 0.949 * (Math.pow(2, 0.1) - 1), 4), 'needs_acceleration'],
    ['p = 0.60', 100 * Math.pow(1 + 0.6 * (Math.pow(2, 0.1) - 1), 4) + 1e-9, 'needs_acceleration'],
    ['p just under 0.60', 100 * Math.pow(1 + 0.599 * (Math.pow(2, 0.1) - 1), 4), 'limited_progress'],
    ['p = 0 (no change)', 100, 'limited_progress'],
    ['p < 0 (falling)', 99, 'deterioration'],
    ['already beyond the target', 250, 'achieved'],
  ])('%s → %s', (_name, latest, status) => {
    expect(progressStatus(up(latest)).status).toBe(status);
  });

  it('single year (latest = base) is insufficient data', () => {
    const r = progressStatus({ base: p(2024, 5), latest: p(2024, 5), direction: 'up', target: p(2030, 9) });
    expect(r).toMatchObject({ status: 'insufficient_data', reason: 'fewer_than_two_points', ratio: null });
  });

  it('target year not after the base year is not assessable', () => {
    const r = progressStatus({ base: p(2020, 5), latest: p(2022, 6), direction: 'up', target: p(2020, 9) });
    expect(r.status).toBe('not_assessable');
  });

  it('target of zero uses the declared linear fallback: 3 → 2 cases against 0 by 2030', () => {
    const r = progressStatus({ base: p(2020, 3), latest: p(2024, 2), direction: 'down', target: p(2030, 0) });
    // observed (2 − 3)/4 = −0.25 a year; required (0 − 3)/10 = −0.3 a year; p = 0.25/0.3 = 0.833
    expect(r).toMatchObject({ rateMethod: 'linear', observedRate: -0.25, requiredRate: -0.3 });
    expect(r.ratio).toBeCloseTo(0.8333, 4);
    expect(r.status).toBe('needs_acceleration');
  });

  it('zero base uses the linear fallback too', () => {
    const r = progressStatus({ base: p(2020, 0), latest: p(2024, 4), direction: 'up', target: p(2030, 10) });
    expect(r.rateMethod).toBe('linear');
    expect(r.ratio).toBeCloseTo(1 / 1, 6); // 1 a year observed, 1 a year required
    expect(r.status).toBe('on_track');
  });

  it('base exactly at target, then lost: deterioration with no ratio', () => {
    const r = progressStatus({
      base: p(2020, 12),
      latest: p(2024, 13),
      direction: 'down',
      target: p(2030, 12),
    });
    expect(r).toMatchObject({ status: 'deterioration', ratio: null, reason: 'base_at_target_then_lost' });
  });

  it('base already beyond target, then lost: the observed move is backwards (deterioration)', () => {
    const r = progressStatus({
      base: p(2020, 10),
      latest: p(2024, 13),
      direction: 'down',
      target: p(2030, 12),
    });
    expect(r.status).toBe('deterioration');
    expect(r.ratio).toBeLessThan(0);
  });

  it('all-negative values flip the sign (Open SDG): −10 → −5 upward towards −2', () => {
    const r = progressStatus({
      base: p(2020, -10),
      latest: p(2024, -5),
      direction: 'up',
      target: p(2030, -2),
    });
    expect(r.ratio).toBeGreaterThan(0);
  });
});

describe('progressStatus without a numeric target (CAGR thresholds 1.5 % / 0.5 % / 0)', () => {
  const noTarget = (base: number, latest: number, direction: 'up' | 'down', limit: number | null = null) =>
    progressStatus({
      base: p(2020, base),
      latest: p(2024, latest),
      direction,
      target: null,
      naturalLimit: limit,
    });
  it.each([
    ['+1.71 %/yr (100 → 107)', 100, 107, 'up', 'on_track'],
    ['+1.09 %/yr (45 → 47)', 45, 47, 'up', 'needs_acceleration'],
    ['+0.25 %/yr (100 → 101)', 100, 101, 'up', 'limited_progress'],
    ['no change', 100, 100, 'up', 'limited_progress'],
    ['−0.25 %/yr going up', 100, 99, 'up', 'deterioration'],
    ['−1.80 %/yr going down (100 → 93)', 100, 93, 'down', 'on_track'],
    ['rising while it should fall', 100, 101, 'down', 'deterioration'],
    ['base 0, latest 0, decrease: held at zero', 0, 0, 'down', 'on_track'],
    ['base 0, latest 0, increase', 0, 0, 'up', 'limited_progress'],
    ['base 0, moved up, increase', 0, 3, 'up', 'on_track'],
    ['base 0, moved up, decrease', 0, 3, 'down', 'deterioration'],
    ['latest 0, decrease: CAGR −100 %', 5, 0, 'down', 'on_track'],
    ['opposite signs', -1, 2, 'up', 'not_assessable'],
  ] as const)('%s → %s', (_name, base, latest, direction, status) => {
    expect(noTarget(base, latest, direction).status).toBe(status);
  });

  it('natural limit 100 % scales thresholds by C = 1 − (y0/100)^4.44', () => {
    // 45 → 47: CAGR 1.093 %; C = 1 − 0.45^4.44 = 0.97114; thresholds 1.457 % / 0.486 %
    const r = noTarget(45, 47, 'up', 100);
    expect(r.limitFactor).toBeCloseTo(0.97114, 4);
    expect(r.status).toBe('needs_acceleration');
    // 99.5 → 99.7: CAGR 0.050 %, C = 0.0220 → thresholds 0.033 % / 0.011 %: on track
    expect(noTarget(99.5, 99.7, 'up', 100).status).toBe('on_track');
  });

  it('at the natural limit (C = 0) holding is on track, falling is deterioration', () => {
    expect(noTarget(100, 100, 'up', 100).status).toBe('on_track');
    expect(noTarget(100, 99, 'up', 100).status).toBe('deterioration');
  });
});
