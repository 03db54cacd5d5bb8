/**
 * Pure ECharts option builders shared by the web pages and the reports (`import … from 'src/charts'`);
 * `render-chart.ts` (server only) renders an option to SVG or PNG.
 */
export { attainmentOption, type AttainmentBar } from './attainment-option.js';
export { axisUnit, CHART_FONT, labelNumber, type ChartLang } from './chart-text.js';
export { rankingOption, regionComparisonOption } from './region-comparison-option.js';
export { seriesOption, type SeriesChartInput, type SeriesLine } from './series-option.js';
export { statusDistributionOption } from './status-distribution-option.js';
export { STATUS_COLORS, STATUS_LABELS } from './status-labels.js';
