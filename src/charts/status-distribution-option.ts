import type { EChartsOption } from 'echarts';
import { PROGRESS_STATUSES, type ProgressStatus } from '../domain/evaluation/progress-status.js';
import { CHART_FONT, type ChartLang } from './chart-text.js';
import { STATUS_COLORS, STATUS_LABELS } from './status-labels.js';

/**
 * How many targets are in each progress status: a ring when `groups` is omitted, else bars stacked by
 * status, one bar per group (area or region). Statuses with no target are left out of the ring.
 */
export function statusDistributionOption(input: {
  title: string;
  counts?: Partial<Record<ProgressStatus, number>>;
  groups?: readonly { name: string; counts: Partial<Record<ProgressStatus, number>> }[];
  subtitle?: string;
  lang?: ChartLang;
}): EChartsOption {
  const lang = input.lang ?? 'zh';
  const title = {
    text: input.title,
    subtext: input.subtitle ?? '',
    left: 'center',
    textStyle: { fontSize: 15 },
  };
  if (input.groups) {
    const groups = [...input.groups].reverse();
    return {
      textStyle: { fontFamily: CHART_FONT },
      title,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 150, right: 24, top: 56, bottom: 56 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: groups.map((g) => g.name) },
      series: PROGRESS_STATUSES.map((status) => ({
        type: 'bar' as const,
        stack: 'status',
        name: STATUS_LABELS[status][lang],
        itemStyle: { color: STATUS_COLORS[status] },
        data: groups.map((g) => g.counts[status] ?? 0),
      })),
    };
  }
  const counts = input.counts ?? {};
  return {
    textStyle: { fontFamily: CHART_FONT },
    title,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '62%'],
        center: ['50%', '52%'],
        label: { formatter: '{b} {c}' },
        data: PROGRESS_STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) => ({
          name: STATUS_LABELS[s][lang],
          value: counts[s] ?? 0,
          itemStyle: { color: STATUS_COLORS[s] },
        })),
      },
    ],
  };
}
