import { describe, expect, it } from 'vitest';
import type { ProgressStatus } from '../evaluation/progress-status.js';
import type { Comparator } from '../plan.js';
import { changeText } from './change-wording.js';
import { dataMark } from './data-marks.js';
import { indicatorSentence, type IndicatorFact, type MilestoneFact } from './indicator-sentence.js';

const milestone = (
  year: number,
  status: ProgressStatus,
  latestYear: number,
  value: number | null = 12,
  comparator: Comparator = '<=',
  unit = '1/10万',
): MilestoneFact => ({
  status,
  final: latestYear >= year,
  latest: { year: latestYear, value: 11.8 },
  target: { indicator: '孕产妇死亡率', comparator, value, unit, year },
});

const mmr = (over: Partial<IndicatorFact> = {}): IndicatorFact => ({
  name: '孕产妇死亡率',
  unit: '1/10万',
  year: 2024,
  value: 11.8,
  flags: { simulated: false, provisional: false },
  previous: { year: 2023, value: 12.4 },
  milestones: [milestone(2025, 'achieved', 2024, 13), milestone(2030, 'achieved', 2024)],
  ...over,
});

describe('changeText: the unit of a difference', () => {
  it.each([
    [-0.6, '1/10万', '下降0.6个10万分点'],
    [1.25, '%', '提高1.25个百分点'],
    [-0.3, '‰', '下降0.3个千分点'],
    [12, '人', '增加12人'],
    [-3, '所', '减少3所'],
    [0.4, '岁', '提高0.4岁'],
    [0.001, '%', '持平'],
    [0.02, '比值(女:男)', '提高0.02'],
    [-2, null, '下降2'],
  ])('%s %s → %s', (delta, unit, text) => {
    expect(changeText(delta, unit)).toBe(text);
  });
});

describe('indicatorSentence', () => {
  it('the brief’s example: value, change on the year before, 2030 target met early', () => {
    expect(indicatorSentence(mmr())).toBe(
      '孕产妇死亡率为11.8/10万，比上年下降0.6个10万分点，已提前实现2030年目标。',
    );
  });

  it('names the year compared with when it is not the year before, and the base year', () => {
    const s = indicatorSentence(
      mmr({ previous: { year: 2022, value: 11.8 }, base: { year: 2020, value: 15.2 }, milestones: [] }),
    );
    expect(s).toBe('孕产妇死亡率为11.8/10万，与2022年持平，比2020年下降3.4个10万分点。');
  });

  it('percentages change in 百分点; a lagging target says so with the target', () => {
    const s = indicatorSentence({
      name: '宫颈癌筛查率',
      unit: '%',
      year: 2024,
      value: 62.5,
      flags: { simulated: true, provisional: false },
      previous: { year: 2023, value: 60 },
      milestones: [milestone(2030, 'needs_acceleration', 2024, 80, '>=', '%')],
    });
    expect(s).toBe(
      '宫颈癌筛查率为62.5%（模拟数据），比上年提高2.5个百分点，距2030年目标（80%以上）仍有差距，需加快进度。',
    );
  });

  it('a missing value is said to be missing, with the latest earlier one; no target claim', () => {
    expect(indicatorSentence(mmr({ value: null }))).toBe(
      '孕产妇死亡率2024年无数据，最近一次为2023年的12.4/10万。',
    );
    expect(indicatorSentence(mmr({ value: null, previous: null }))).toBe('孕产妇死亡率2024年无数据。');
    expect(indicatorSentence(mmr({ value: null, flags: { simulated: false, provisional: true } }))).toBe(
      '孕产妇死亡率2024年数据尚未审核，未计入评估，最近一次为2023年的12.4/10万。',
    );
  });

  it('a year without data yet (a mid-term report before the round closes) says where the latest value stands', () => {
    const s = indicatorSentence(
      mmr({
        year: 2025,
        value: null,
        previous: { year: 2024, value: 11.8 },
        base: { year: 2020, value: 15.2 },
        milestones: [milestone(2025, 'needs_acceleration', 2024, 10), milestone(2030, 'on_track', 2024, 9)],
      }),
    );
    expect(s).toBe(
      '孕产妇死亡率2025年无数据，最近一次为2024年的11.8/10万，比2020年下降3.4个10万分点，距2025年目标（10/10万以下）仍有差距，需加快进度。',
    );
  });

  it('claims nothing about targets assessed on another year’s value', () => {
    const s = indicatorSentence(mmr({ milestones: [milestone(2030, 'achieved', 2023)] }));
    expect(s).toBe('孕产妇死亡率为11.8/10万，比上年下降0.6个10万分点。');
  });

  it('a passed milestone not met is 未实现; deterioration and too little data are said plainly', () => {
    expect(
      indicatorSentence(
        mmr({ year: 2025, previous: null, milestones: [milestone(2025, 'limited_progress', 2025, 10)] }),
      ),
    ).toBe('孕产妇死亡率为11.8/10万，未实现2025年目标（10/10万以下）。');
    expect(
      indicatorSentence(mmr({ previous: null, milestones: [milestone(2030, 'deterioration', 2024)] })),
    ).toBe('孕产妇死亡率为11.8/10万，变化方向与2030年目标（12/10万以下）相反。');
    expect(
      indicatorSentence(mmr({ previous: null, milestones: [milestone(2030, 'insufficient_data', 2024)] })),
    ).toBe('孕产妇死亡率为11.8/10万，数据年份不足，暂无法评估进展。');
  });

  it('a target without a number ("逐步提高") is judged on its pace, never as a gap to a value', () => {
    const s = indicatorSentence(
      mmr({
        name: '乳腺癌筛查率',
        unit: '%',
        value: 60.5,
        previous: { year: 2023, value: 61 },
        milestones: [
          {
            ...milestone(2030, 'needs_acceleration', 2024, null, 'increase', '%'),
            base: { year: 2020, value: 58 },
          },
        ],
      }),
    );
    // Down on the year before, up since the base year: the verdict names the period it speaks of.
    expect(s).toBe(
      '乳腺癌筛查率为60.5%，比上年下降0.5个百分点，2020年以来有所提高，但幅度偏小，需加快进度。',
    );
  });

  it('marks provisional and simulated values together', () => {
    expect(dataMark({ simulated: true, provisional: true })).toBe('（模拟数据，初步数据）');
    expect(dataMark({ simulated: false, provisional: true }, 'en')).toBe(' (provisional)');
  });
});
