import type { EChartsOption, LineSeriesOption } from 'echarts';
import { axisUnit, CHART_FONT, labelNumber, type ChartLang } from './chart-text.js';

/** One line of the series chart: a sex (女 / 男 / 合计) or any other breakdown. */
export interface SeriesLine {
  name: string;
  points: readonly { year: number; value: number | null }[];
}

export interface SeriesChartInput {
  title: string;
  unit: string | null;
  lines: readonly SeriesLine[];
  /** Target values to draw as horizontal lines (the 2025 and 2030 milestones). */
  targets?: readonly { year: number; value: number }[];
  /** Projected values of the targeted line, drawn dashed from its latest point. */
  projection?: readonly { year: number; value: number }[] | null;
  /** A note under the title, e.g. 模拟数据 / 含初步数据. */
  subtitle?: string;
  lang?: ChartLang;
}

const LINE_COLORS: Record<string, string> = { 女: '#c2185b', 男: '#1565c0', 合计: '#455a64' };

/**
 * A line chart of an indicator over the years, one line per sex, with the plan's target values as
 * horizontal lines and the projection dashed to the target year. Missing years are gaps, never zeros.
 */
export function seriesOption(input: SeriesChartInput): EChartsOption {
  const lang = input.lang ?? 'zh';
  const targets = input.targets ?? [];
  const projection = input.projection ?? [];
  const dataYears = input.lines.flatMap((l) => l.points.map((p) => p.year));
  const allYears = [...dataYears, ...targets.map((t) => t.year), ...projection.map((p) => p.year)];
  const years =
    allYears.length === 0 ? [] : range(Math.min(...allYears), Math.max(...allYears)).map((y) => String(y));
  const valueAt = (line: SeriesLine, year: string) =>
    line.points.find((p) => String(p.year) === year)?.value ?? null;
  const series: LineSeriesOption[] = input.lines.map((line) => ({
    type: 'line',
    name: line.name,
    data: years.map((y) => valueAt(line, y)),
    connectNulls: false,
    symbolSize: 6,
    itemStyle: { color: LINE_COLORS[line.name] },
    label: { show: true, fontSize: 10, formatter: (p) => labelNumber(Number(p.value)) },
  }));
  const targeted = input.lines[0];
  if (projection.length > 0 && targeted) {
    const last = [...targeted.points].reverse().find((p) => p.value !== null);
    const projected = new Map(projection.map((p) => [String(p.year), p.value]));
    if (last) projected.set(String(last.year), last.value as number);
    series.push({
      type: 'line',
      name: lang === 'zh' ? '预测' : 'Projection',
      data: years.map((y) => projected.get(y) ?? null),
      connectNulls: true,
      lineStyle: { type: 'dashed' },
      symbol: 'emptyCircle',
      itemStyle: { color: '#8e24aa' },
    });
  }
  if (targets.length > 0) {
    const first = series[0];
    if (first) {
      first.markLine = {
        symbol: 'none',
        lineStyle: { type: 'dotted', color: '#d32f2f' },
        label: { formatter: (p) => String(p.name), position: 'insideEndTop' },
        data: targets.map((t) => ({
          name:
            lang === 'zh'
              ? `${t.year}年目标 ${labelNumber(t.value)}`
              : `${t.year} target ${labelNumber(t.value)}`,
          yAxis: t.value,
        })),
      };
    }
  }
  return {
    textStyle: { fontFamily: CHART_FONT },
    title: { text: input.title, subtext: input.subtitle ?? '', left: 'center', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 32, top: 64, bottom: 48 },
    // Points in the middle of their year's band, so the first value's label stays clear of the y axis.
    xAxis: { type: 'category', data: years, boundaryGap: true },
    yAxis: {
      type: 'value',
      name: axisUnit(input.unit),
      // Bounds on round numbers that hold the data, the projection and every target line.
      ...niceAxis([
        ...input.lines.flatMap((l) => l.points.map((p) => p.value)),
        ...projection.map((p) => p.value),
        ...targets.map((t) => t.value),
      ]),
    },
    series,
  };
}

/**
 * A value axis on round numbers (min, max and a 1/2/5 × 10ⁿ step, about five intervals) around the values;
 * never below zero when no value is. Empty: ECharts' own scale.
 */
export function niceAxis(values: readonly (number | null)[]): {
  min?: number;
  max?: number;
  interval?: number;
  scale: boolean;
} {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { scale: true };
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  let min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  if (min < 0 && Math.min(...xs) >= 0) min = 0;
  // Decimal steps (0.2, 0.05) leave float noise in the bounds: keep the step's own precision.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const round = (v: number) => Number(v.toFixed(digits));
  return { min: round(min), max: round(max), interval: round(step), scale: true };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
