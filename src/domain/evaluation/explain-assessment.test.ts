import { describe, expect, it } from 'vitest';
import type { Comparator } from '../plan.js';
import { assessMilestone } from './assess-milestone.js';

const explain = (
  pairs: [number, number][],
  comparator: Comparator,
  value: number | null,
  unit: string | null,
  indicator = '孕产妇死亡率',
) =>
  assessMilestone(
    pairs.map(([year, v]) => ({ year, value: v })),
    { indicator, comparator, value, unit, year: 2030 },
  ).explanation;

describe('explainAssessment: one true sentence per status', () => {
  it.each([
    [
      'achieved',
      [
        [2020, 15.2],
        [2024, 11.8],
      ],
      '<=',
      12,
      '1/10万',
      '孕产妇死亡率',
      '孕产妇死亡率从2020年的15.2/10万降至2024年的11.8/10万，已实现2030年目标（12/10万以下）。',
    ],
    [
      'limited progress quotes both rates and p',
      [
        [2020, 15.2],
        [2024, 14.5],
      ],
      '<=',
      12,
      '1/10万',
      '孕产妇死亡率',
      '孕产妇死亡率从2020年的15.2/10万降至2024年的14.5/10万，年均下降1.2%，为实现2030年目标（12/10万以下）所需年均下降2.3%的50%，进展有限。',
    ],
    [
      'deterioration',
      [
        [2020, 15.2],
        [2024, 16],
      ],
      '<=',
      12,
      '1/10万',
      '孕产妇死亡率',
      '孕产妇死亡率从2020年的15.2/10万升至2024年的16/10万，变化方向与2030年目标（12/10万以下）相反，呈退步趋势。',
    ],
    [
      'linear fallback in 个百分点 for a share',
      [
        [2020, 0],
        [2024, 2],
      ],
      '>=',
      5,
      '%',
      '女性比例',
      '女性比例从2020年的0%升至2024年的2%，年均上升0.5个百分点，为实现2030年目标（5%以上）所需年均上升0.5个百分点的100%，进度正常。',
    ],
    [
      'no-target rule',
      [
        [2020, 100],
        [2024, 107],
      ],
      'increase',
      null,
      '人',
      '女性参保人数',
      '女性参保人数从2020年的100人升至2024年的107人，年均上升1.7%，符合“逐步提高”的要求。',
    ],
    [
      'a small change keeps two significant digits, not 年均下降0%',
      [
        [2020, 80.03],
        [2024, 79.88],
      ],
      'increase',
      null,
      '岁',
      '人均预期寿命',
      '人均预期寿命从2020年的80.03岁降至2024年的79.88岁，年均下降0.047%，变化方向与“逐步提高”的要求相反，呈退步趋势。',
    ],
    [
      'no change at all',
      [
        [2020, 0],
        [2024, 0],
      ],
      'decrease',
      null,
      '1/10万',
      '职业病发病率',
      '职业病发病率2020年和2024年均为0/10万，年均无变化，符合“逐步降低”的要求。',
    ],
    [
      'single point',
      [[2024, 11]],
      '<=',
      12,
      '1/10万',
      '孕产妇死亡率',
      '孕产妇死亡率2020年以来仅有2024年一个数据（11/10万），不足以评估2030年目标（12/10万以下）的进展。',
    ],
    [
      'empty',
      [],
      '<=',
      12,
      '1/10万',
      '孕产妇死亡率',
      '孕产妇死亡率暂无2020年以来的数据，无法评估2030年目标（12/10万以下）的进展。',
    ],
    [
      'not assessable',
      [
        [2020, 1],
        [2024, 2],
      ],
      '>=',
      null,
      '%',
      '女性比例',
      '女性比例的2030年目标无法评估：目标缺少数值。',
    ],
  ] as const)('%s', (_name, pairs, comparator, value, unit, indicator, sentence) => {
    expect(
      explain(
        pairs.map((p) => [...p] as [number, number]),
        comparator,
        value,
        unit,
        indicator,
      ),
    ).toBe(sentence);
  });
});

describe("explainAssessment: 'maintain' states the side that was checked", () => {
  const maintain = (latest: number, better: 'up' | 'down' | null) =>
    assessMilestone(
      [
        { year: 2020, value: 92 },
        { year: 2024, value: latest },
      ],
      { indicator: '产前筛查率', comparator: 'maintain', value: null, unit: '%', year: 2030 },
      { better },
    ).explanation;
  it.each([
    [99, 'up', '产前筛查率从2020年的92%升至2024年的99%，未低于2020年水平超过5%，符合“保持稳定”的要求。'],
    [93, null, '产前筛查率从2020年的92%升至2024年的93%，保持在2020年水平±5%以内，符合“保持稳定”的要求。'],
    [99, null, '产前筛查率从2020年的92%升至2024年的99%，偏离2020年水平超过5%，不符合“保持稳定”的要求。'],
    [87, 'up', '产前筛查率从2020年的92%降至2024年的87%，较2020年水平变差超过5%，不符合“保持稳定”的要求。'],
  ] as const)('%s (better %s)', (latest, better, sentence) => {
    expect(maintain(latest, better)).toBe(sentence);
  });
});
