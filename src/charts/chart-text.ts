/** Language of a chart's labels. */
export type ChartLang = 'zh' | 'en';

/** The font stack charts use: a CJK font first so that server rendering (resvg) finds Chinese glyphs. */
export const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/** The unit as a chart axis shows it: "1/10万" → "/10万"; null → "". */
export function axisUnit(unit: string | null): string {
  if (unit === null || unit === '') return '';
  return unit.startsWith('1/') ? unit.slice(1) : unit;
}

/** Rounds for a label: at most two decimals, no trailing zeros. */
export function labelNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}
