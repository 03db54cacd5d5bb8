import type { EChartsOption } from 'echarts';
import { axisUnit, CHART_FONT, labelNumber, type ChartLang } from './chart-text.js';

/**
 * One indicator's latest value in each sub-region, best first (direction-aware), with the target and the
 * parent region's value as vertical lines. Regions without data are listed with 无数据, not as zero.
 */
export function regionComparisonOption(input: {
  title: string;
  unit: string | null;
  /** 'lower' when a lower value is better (death rates); otherwise higher is better. */
  better: 'higher' | 'lower';
  regions: readonly { name: string; value: number | null }[];
  target?: number | null;
  parent?: { name: string; value: number | null } | null;
  subtitle?: string;
  lang?: ChartLang;
}): EChartsOption {
  const lang = input.lang ?? 'zh';
  const sign = input.better === 'lower' ? 1 : -1;
  const sorted = [...input.regions].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return sign * (a.value - b.value);
  });
  const bars = sorted.reverse(); // best at the top
  const noData = lang === 'zh' ? '（无数据）' : ' (no data)';
  // The target's label above the plot, the parent's along its line, so that close values do not overlap.
  const lines: { name: string; xAxis: number; label: { position: 'end' | 'insideStartTop' } }[] = [];
  if (input.target !== undefined && input.target !== null) {
    const name = `${lang === 'zh' ? '目标' : 'Target'} ${labelNumber(input.target)}`;
    lines.push({ name, xAxis: input.target, label: { position: 'end' } });
  }
  if (input.parent && input.parent.value !== null) {
    const name = `${input.parent.name} ${labelNumber(input.parent.value)}`;
    lines.push({ name, xAxis: input.parent.value, label: { position: 'insideStartTop' } });
  }
  return {
    textStyle: { fontFamily: CHART_FONT },
    title: { text: input.title, subtext: input.subtitle ?? '', left: 'center', textStyle: { fontSize: 15 } },
    grid: { left: 130, right: 64, top: 64, bottom: 48 },
    xAxis: { type: 'value', name: axisUnit(input.unit), scale: false },
    yAxis: { type: 'category', data: bars.map((r) => (r.value === null ? `${r.name}${noData}` : r.name)) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: '#5c6bc0' },
        data: bars.map((r) => r.value),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => labelNumber(Number(p.value)),
        },
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#d32f2f' },
          label: { formatter: (p) => String(p.name) },
          data: lines,
        },
      },
    ],
  };
}

/**
 * The sub-region ranking (排序): composite scores as bars on a 0–100 axis, rank first, best at the top.
 * `score` is the ranking's score from 0 to 1 (as `ranking` and `rankRegions` give it), shown ×100.
 */
export function rankingOption(input: {
  title: string;
  regions: readonly { name: string; rank: number | null; score: number | null }[];
  subtitle?: string;
  lang?: ChartLang;
}): EChartsOption {
  const lang = input.lang ?? 'zh';
  const ranked = [...input.regions].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const bars = ranked.reverse();
  return {
    textStyle: { fontFamily: CHART_FONT },
    title: { text: input.title, subtext: input.subtitle ?? '', left: 'center', textStyle: { fontSize: 15 } },
    grid: { left: 130, right: 80, top: 56, bottom: 32 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: {
      type: 'category',
      data: bars.map((r) => (r.rank === null ? r.name : `${r.rank}. ${r.name}`)),
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: '#00897b' },
        data: bars.map((r) => (r.score === null ? null : Number((r.score * 100).toFixed(1)))),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => {
            const r = bars[p.dataIndex];
            if (!r || r.score === null) return lang === 'zh' ? '未排序（数据不足）' : 'not ranked';
            return labelNumber(r.score * 100);
          },
        },
      },
    ],
  };
}
