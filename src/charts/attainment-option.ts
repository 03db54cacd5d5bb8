import type { EChartsOption } from 'echarts';
import { CHART_FONT, labelNumber, type ChartLang } from './chart-text.js';

export interface AttainmentBar {
  /** Area (or region) name as shown. */
  name: string;
  achieved: number;
  assessable: number;
  /** achieved / assessable in [0, 1]; null when nothing is assessable (shown as 无可评估目标, not 0 %). */
  rate: number | null;
}

/** Horizontal bars of the attainment rate (达标率) per area, labelled "80%（8/10）". */
export function attainmentOption(input: {
  title: string;
  bars: readonly AttainmentBar[];
  subtitle?: string;
  lang?: ChartLang;
}): EChartsOption {
  const lang = input.lang ?? 'zh';
  const none = lang === 'zh' ? '无可评估目标' : 'none assessable';
  const bars = [...input.bars].reverse(); // ECharts draws the first category at the bottom
  return {
    textStyle: { fontFamily: CHART_FONT },
    title: { text: input.title, subtext: input.subtitle ?? '', left: 'center', textStyle: { fontSize: 15 } },
    grid: { left: 150, right: 110, top: 56, bottom: 32 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: bars.map((b) => (b.rate === null ? `${b.name}\n（${none}）` : b.name)) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: '#00838f' },
        data: bars.map((b) => (b.rate === null ? null : Number((b.rate * 100).toFixed(1)))),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => {
            const b = bars[p.dataIndex];
            if (!b || b.rate === null) return none;
            return `${labelNumber(b.rate * 100)}%（${b.achieved}/${b.assessable}）`;
          },
        },
      },
    ],
  };
}
