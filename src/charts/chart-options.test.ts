import { describe, expect, it } from 'vitest';
import {
  attainmentOption,
  rankingOption,
  regionComparisonOption,
  seriesOption,
  statusDistributionOption,
} from './index.js';

import { niceAxis } from './series-option.js';
type Any = Record<string, unknown> & { data?: unknown[]; markLine?: { data: unknown[] } };
const seriesOf = (o: unknown) => (o as { series: Any[] }).series;

describe('seriesOption', () => {
  const option = seriesOption({
    title: '孕产妇死亡率',
    unit: '1/10万',
    lines: [
      {
        name: '女',
        points: [
          { year: 2020, value: 15.2 },
          { year: 2022, value: null },
          { year: 2024, value: 11.8 },
        ],
      },
    ],
    targets: [
      { year: 2025, value: 13 },
      { year: 2030, value: 12 },
    ],
    projection: [{ year: 2030, value: 9.1 }],
  });

  it('spans the data years to the target year; missing years are gaps, not zeros', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
      '2027',
      '2028',
      '2029',
      '2030',
    ]);
    expect(seriesOf(option)[0]?.data?.slice(0, 5)).toEqual([15.2, null, null, null, 11.8]);
    expect((option.yAxis as { name: string }).name).toBe('/10万');
  });

  it('draws each target as a line and the projection from the latest point', () => {
    expect(seriesOf(option)[0]?.markLine?.data).toEqual([
      { name: '2025年目标 13', yAxis: 13 },
      { name: '2030年目标 12', yAxis: 12 },
    ]);
    // The value axis reaches the targets even where the data do not (data 11.8–15.2, a target of 20).
    const axis = seriesOption({
      title: 'x',
      unit: '%',
      lines: [
        {
          name: '合计',
          points: [
            { year: 2020, value: 11.8 },
            { year: 2024, value: 15.2 },
          ],
        },
      ],
      targets: [{ year: 2030, value: 20 }],
    }).yAxis as { max: number; min: number; interval: number };
    // Round bounds that hold the data and the target: 10 to 20 by 2, not 11 to 21.
    expect(axis).toMatchObject({ min: 10, max: 20, interval: 2 });
    const projection = seriesOf(option)[1]?.data ?? [];
    expect(projection[4]).toBe(11.8);
    expect(projection[10]).toBe(9.1);
    expect(projection[0]).toBeNull();
  });

  it.each([
    [[17.15, 18.85, 12, 13, 19.08], { min: 12, max: 20, interval: 2 }],
    [[0.2, 0.35], { min: 0.2, max: 0.35, interval: 0.05 }],
    [[0, 0], { min: 0, max: 1, interval: 0.5 }],
    [[97.5, 100], { min: 97.5, max: 100, interval: 0.5 }],
    [[-3, 4], { min: -4, max: 4, interval: 2 }],
    [[1200, 45000], { min: 0, max: 50000, interval: 10000 }],
  ])('niceAxis(%j) is %j', (values, axis) => {
    expect(niceAxis(values)).toMatchObject(axis);
  });

  it('without data: no years, no lines', () => {
    const empty = seriesOption({ title: 't', unit: '%', lines: [] });
    expect((empty.xAxis as { data: string[] }).data).toEqual([]);
    expect(seriesOf(empty)).toEqual([]);
  });
});

describe('attainmentOption', () => {
  it('shows rates in percent and keeps "nothing assessable" apart from 0 %', () => {
    const o = attainmentOption({
      title: '达标率',
      bars: [
        { name: '妇女与健康', achieved: 8, assessable: 10, rate: 0.8 },
        { name: '妇女与教育', achieved: 0, assessable: 0, rate: null },
        { name: '妇女与经济', achieved: 0, assessable: 3, rate: 0 },
      ],
    });
    expect((o.yAxis as { data: string[] }).data).toEqual([
      '妇女与经济',
      '妇女与教育\n（无可评估目标）',
      '妇女与健康',
    ]);
    expect(seriesOf(o)[0]?.data).toEqual([0, null, 80]);
  });
});

describe('statusDistributionOption', () => {
  it('a ring of the statuses that occur, in status order', () => {
    const o = statusDistributionOption({ title: 's', counts: { deterioration: 2, achieved: 5 } });
    expect(seriesOf(o)[0]?.data?.map((d) => (d as { name: string }).name)).toEqual(['已实现', '退步']);
  });
  it('stacked bars per group, every status a series', () => {
    const o = statusDistributionOption({
      title: 's',
      groups: [{ name: '妇女与健康', counts: { achieved: 1 } }],
      lang: 'en',
    });
    expect(seriesOf(o)).toHaveLength(7);
    expect(seriesOf(o)[0]).toMatchObject({ name: 'Achieved', data: [1] });
  });
});

describe('regionComparisonOption and rankingOption', () => {
  it('orders regions best first for a lower-is-better indicator, no-data regions last and labelled', () => {
    const o = regionComparisonOption({
      title: 'c',
      unit: '1/10万',
      better: 'lower',
      regions: [
        { name: '太湖县', value: 14 },
        { name: '宿松县', value: null },
        { name: '怀宁县', value: 10 },
      ],
      target: 12,
    });
    // ECharts draws the first category at the bottom: reversed, the best is on top.
    expect((o.yAxis as { data: string[] }).data).toEqual(['宿松县（无数据）', '太湖县', '怀宁县']);
    expect(seriesOf(o)[0]?.markLine?.data).toHaveLength(1);
  });
  it('ranks by rank, unranked regions last', () => {
    const o = rankingOption({
      title: 'r',
      regions: [
        { name: 'B', rank: 2, score: 0.5 },
        { name: 'C', rank: null, score: null },
        { name: 'A', rank: 1, score: 0.8 },
      ],
    });
    expect((o.yAxis as { data: string[] }).data).toEqual(['C', '2. B', '1. A']);
    expect(seriesOf(o)[0]?.data).toEqual([null, 50, 80]);
  });
});
