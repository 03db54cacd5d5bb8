import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/mulberry32.js';
import type { Comparator } from '../plan.js';
import { assessTarget } from './assess-target.js';
import type { MilestoneTarget } from './assess-milestone.js';
import { fastStatus, type FastStatus } from './fast-status.js';
import { PROGRESS_STATUSES, type Direction, type ProgressStatus } from './progress-status.js';
import { volatility } from './volatility.js';

const Y0 = 2020;
const out = (): FastStatus => ({
  status: 0,
  milestone: 0,
  latestYear: NaN,
  final: false,
  hasProjection: false,
  projectedToMeet: -1,
  volatile: false,
});

/** Both implementations on one series (values from 2020; null = no data), as of `year`. */
function both(
  values: readonly (number | null)[],
  milestones: MilestoneTarget[],
  year = Y0 + values.length - 1,
  better: Direction | null = null,
) {
  const series = values.map((value, i) => ({ year: Y0 + i, value }));
  const slow = assessTarget(series, milestones, { asOfYear: year, better });
  const arr = Float64Array.from(values.map((v) => (v === null ? NaN : v)));
  const fast = fastStatus(
    arr,
    0,
    Y0,
    Math.min(year - Y0, values.length - 1),
    2020,
    milestones,
    better,
    out(),
  );
  return { slow, fast, fastStatus: PROGRESS_STATUSES[fast.status] as ProgressStatus };
}

const m = (comparator: Comparator, value: number | null, year: number, unit: string | null = '%') => ({
  indicator: 'x',
  comparator,
  value,
  unit,
  year,
});

/** The test table: each case's expected status, for assessTarget and its fast twin alike. */
const CASES: [string, (number | null)[], MilestoneTarget[], ProgressStatus, number?][] = [
  ['empty series', [], [m('>=', 90, 2025), m('>=', 95, 2030)], 'insufficient_data'],
  ['one point', [80], [m('>=', 90, 2025)], 'insufficient_data'],
  ['nulls are no data, not zero', [80, null, null], [m('>=', 90, 2025)], 'insufficient_data'],
  ['zero base, rising toward a target: linear rates', [0, 2, 4], [m('>=', 10, 2025)], 'on_track'],
  ['negative base moving up toward 0', [-10, -8, -6], [m('>=', 0, 2025, null)], 'on_track'],
  ['lower is better, falling fast enough', [20, 17, 15], [m('<=', 12, 2025, '1/10万')], 'on_track'],
  ['lower is better, rising', [15, 16, 17], [m('<=', 12, 2025, '1/10万')], 'deterioration'],
  ['already achieved', [96, 97], [m('>=', 95, 2030)], 'achieved'],
  ['target passed then lost (base at target)', [95, 94], [m('>=', 95, 2030)], 'deterioration'],
  [
    '2025 milestone past: judged against 2030',
    [80, 82, 84, 86, 88, 90, 91],
    [m('>=', 90, 2025), m('>=', 99, 2030)],
    'on_track',
  ],
  ['~ band: lower edge counts as achieved', [40, 47.5], [m('~', 50, 2030)], 'achieved'],
  ['~ band: just below the edge moves up toward it', [40, 47.4], [m('~', 50, 2030)], 'on_track'],
  ['~ band: above the upper edge, barely moving down', [60, 59.9], [m('~', 50, 2030)], 'limited_progress'],
  ['= 100 %: 99.9 counts', [95, 99.9], [m('=', 100, 2030)], 'achieved'],
  ['= 100 %: 99 is not yet', [95, 99], [m('=', 100, 2030)], 'on_track'],
  [
    'increase without a number: slow growth',
    [50, 50.2, 50.4],
    [m('increase', null, 2030)],
    'limited_progress',
  ],
  ['a numeric comparator without its number', [50, 52], [m('>=', null, 2030)], 'not_assessable'],
];

describe('fastStatus agrees with assessTarget on the issue table', () => {
  for (const [name, values, milestones, expected] of CASES) {
    it(name, () => {
      const { slow, fastStatus: fast } = both(values, milestones);
      expect(slow.current?.status).toBe(expected);
      expect(fast).toBe(expected);
    });
  }
});

describe('fastStatus agrees with assessTarget and volatility on generated series', () => {
  it('status, milestone, final, projection and volatility for 4,000 random cases', () => {
    const random = mulberry32(7);
    const comparators: Comparator[] = ['<=', '>=', '~', '=', 'increase', 'decrease', 'maintain'];
    const units = ['%', '1/10万', '‰', null];
    let disagreements = 0;
    for (let k = 0; k < 4000; k++) {
      const n = 1 + Math.floor(random() * 11);
      const start = random() < 0.1 ? 0 : random() < 0.05 ? -20 : 5 + random() * 90;
      const trend = (random() - 0.5) * 6;
      const values = Array.from({ length: n }, (_, i) =>
        random() < 0.15 ? null : Math.round((start + trend * i + (random() - 0.5) * 4) * 100) / 100,
      );
      const comparator = comparators[Math.floor(random() * comparators.length)] as Comparator;
      const unit = units[Math.floor(random() * units.length)] as string | null;
      const value =
        comparator === 'increase' ||
        comparator === 'decrease' ||
        (comparator === 'maintain' && random() < 0.5)
          ? null
          : comparator === '='
            ? 100
            : Math.round(start + (random() - 0.3) * 40);
      const milestones = [
        m(comparator, value, 2025, unit),
        m(comparator, value === null ? null : value * 1.05, 2030, unit),
      ];
      const year = Y0 + Math.floor(random() * 11);
      const better = random() < 0.3 ? null : random() < 0.5 ? 'up' : 'down';
      const { slow, fast, fastStatus: status } = both(values, milestones, year, better);
      const current = slow.current!;
      const seriesUpTo = values.slice(0, year - Y0 + 1).map((v, i) => ({ year: Y0 + i, value: v }));
      const expected = {
        status: current.status,
        milestone: slow.milestones.indexOf(current),
        final: current.final,
        projection: current.projection !== null,
        meets: current.projectedToMeet === null ? -1 : current.projectedToMeet ? 1 : 0,
        volatile: volatility(seriesUpTo).volatile,
      };
      const actual = {
        status,
        milestone: fast.milestone,
        final: fast.final,
        projection: fast.hasProjection,
        meets: fast.projectedToMeet,
        volatile: fast.volatile,
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) disagreements++;
      expect(actual, JSON.stringify({ values, milestones, year, better })).toEqual(expected);
    }
    expect(disagreements).toBe(0);
  });
});
