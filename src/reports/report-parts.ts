import { attainmentOption } from '../charts/attainment-option.js';
import { rankingOption, regionComparisonOption } from '../charts/region-comparison-option.js';
import { seriesOption } from '../charts/series-option.js';
import { statusDistributionOption } from '../charts/status-distribution-option.js';
import { STATUS_LABELS } from '../charts/status-labels.js';
import { OPEN_ALERT_STATUSES } from '../domain/evaluation/alert-workflow.js';
import type { AttainmentRate } from '../domain/evaluation/attainment.js';
import { formatNumber, formatQuantity } from '../domain/evaluation/format-quantity.js';
import { PROGRESS_STATUSES, type ProgressStatus } from '../domain/evaluation/progress-status.js';
import { AREA_NAMES, type AreaCode } from '../domain/plan.js';
import { NO_FLAGS } from '../domain/reports/data-marks.js';
import { goalText, type IndicatorFact } from '../domain/reports/indicator-sentence.js';
import type { RegionEvaluation, TargetEvaluation } from '../services/evaluation/evaluation-types.js';
import { flagKey, type EvaluationReportData } from './report-data.js';
import type { ReportBlock } from './report-model.js';
import { chineseNumber } from './yearbook.js';

/** 80% (rate 0.8), or "—" when nothing is assessable. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${formatNumber(rate * 100, 1)}%`;
}

export const areaName = (code: string): string => AREA_NAMES[code as AreaCode] ?? code;
export const statusName = (s: ProgressStatus): string => STATUS_LABELS[s].zh;

/** Areas in the plan's order, each with its targets (the region's). */
export function targetsByArea(region: RegionEvaluation): [string, TargetEvaluation[]][] {
  const order = Object.keys(AREA_NAMES);
  const groups = new Map<string, TargetEvaluation[]>();
  for (const t of region.targets) groups.set(t.area, [...(groups.get(t.area) ?? []), t]);
  return [...groups].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
}

/** The value a series has in a year (null when missing). */
export function valueIn(
  series: readonly { year: number; value: number | null }[],
  year: number,
): number | null {
  return series.find((p) => p.year === year)?.value ?? null;
}

/** The latest value before a year. */
export function previousPoint(
  series: readonly { year: number; value: number | null }[],
  year: number,
): { year: number; value: number } | null {
  const before = series.filter((p) => p.year < year && p.value !== null);
  const last = before[before.length - 1];
  return last ? { year: last.year, value: last.value as number } : null;
}

/** The unit of a target's indicator (the catalogue's, else the plan's). */
export function unitOf(t: TargetEvaluation, data: EvaluationReportData): string | null {
  return (
    (t.indicatorCode ? data.indicators.get(t.indicatorCode)?.unit : null) ?? t.milestones[0]?.unit ?? null
  );
}

/** What the narrative may say of a target in a region and year. */
export function targetFact(
  t: TargetEvaluation,
  regionCode: string,
  data: EvaluationReportData,
  withBase = false,
): IndicatorFact {
  const year = data.year;
  const series = t.series.filter((p) => p.year <= year);
  const base = t.assessment?.current?.base ?? null;
  return {
    name: t.label,
    unit: unitOf(t, data),
    year,
    value: valueIn(series, year),
    flags: (t.indicatorCode && data.flags.get(flagKey(t.indicatorCode, regionCode, year))) || NO_FLAGS,
    previous: previousPoint(series, year),
    ...(withBase ? { base } : {}),
    milestones: t.assessment?.milestones ?? [],
  };
}

/** "13/10万以下（2025年）；12/10万以下（2030年）". */
export function milestonesText(t: TargetEvaluation): string {
  return t.milestones.map((m) => `${goalText(m).replace(/^（|）$/g, '') || '—'}（${m.year}年）`).join('；');
}

/** Table of 达标率 per area with its counts, and the total. */
export function attainmentTable(
  caption: string,
  overall: AttainmentRate,
  byArea: readonly AttainmentRate[],
): ReportBlock {
  const row = (name: string, r: AttainmentRate) => [
    name,
    String(r.assessable + r.notAssessable + r.qualitative),
    String(r.assessable),
    String(r.achieved),
    percent(r.rate),
  ];
  return {
    kind: 'table',
    caption,
    headers: ['领域', '目标数', '可评估', '已实现', '达标率'],
    rows: [...byArea.map((r) => row(areaName(r.group), r)), row('合计', overall)],
    widths: [3, 1, 1, 1, 1.2],
    note: '注：达标率＝已实现的量化目标数÷可评估的量化目标数；“逐步提高”等无具体数值的目标和数据不足的目标不计入分母。',
  };
}

/** Counts of the current statuses of a region's targets. */
export function statusCounts(region: RegionEvaluation): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const t of region.targets) counts[t.status]++;
  return counts;
}

/** The two overview charts: 达标率 by area and the status distribution. */
export function overviewCharts(
  region: RegionEvaluation,
  numbering: { next: () => number },
  subtitle: string,
): ReportBlock[] {
  const byArea = region.attainment?.byArea ?? [];
  const blocks: ReportBlock[] = [];
  if (byArea.length > 0) {
    blocks.push({
      kind: 'chart',
      caption: `图${numbering.next()}\u3000${region.regionName}各领域量化目标达标率`,
      option: attainmentOption({
        title: '各领域量化目标达标率',
        subtitle,
        bars: byArea.map((a) => ({
          name: areaName(a.group),
          achieved: a.achieved,
          assessable: a.assessable,
          rate: a.rate,
        })),
      }),
      size: { width: 680, height: 360 },
    });
  }
  blocks.push({
    kind: 'chart',
    caption: `图${numbering.next()}\u3000${region.regionName}目标进展状态分布`,
    option: statusDistributionOption({ title: '目标进展状态分布', subtitle, counts: statusCounts(region) }),
    size: { width: 680, height: 340 },
  });
  return blocks;
}

/** The series chart of one target: stored values by sex, the targets and the projection. */
export function seriesChart(
  t: TargetEvaluation,
  data: EvaluationReportData,
  caption: string,
  subtitle: string,
): ReportBlock {
  const unit = unitOf(t, data);
  const bySex = ['女', '男', '合计']
    .map((sex) => ({
      sex,
      values: t.indicatorCode ? data.seriesBySex.get(`${t.indicatorCode}|${sex}`) : undefined,
    }))
    .filter(
      (s): s is { sex: string; values: ReadonlyMap<number, number> } =>
        s.values !== undefined && s.values.size > 0,
    );
  const lines =
    bySex.length > 0
      ? bySex.map((s) => ({
          name: s.sex,
          points: [...s.values]
            .filter(([y]) => y <= data.year)
            .map(([year, value]) => ({ year, value }))
            .sort((a, b) => a.year - b.year),
        }))
      : [{ name: t.label, points: t.series.filter((p) => p.year <= data.year) }];
  const projection = t.assessment?.current?.projection;
  return {
    kind: 'chart',
    caption,
    option: seriesOption({
      title: `${t.label}（${unit ?? '—'}）`,
      subtitle,
      unit,
      lines,
      targets: t.milestones
        .filter((m) => m.value !== null)
        .map((m) => ({ year: m.year, value: m.value as number })),
      projection: projection ? [{ year: projection.year, value: projection.value }] : null,
    }),
    size: { width: 680, height: 340 },
  };
}

/** Sub-region ranking: a chart and a table with scores and rank changes; nothing when there is none. */
export function rankingBlocks(
  data: EvaluationReportData,
  numbering: { next: () => number; nextTable: () => number },
  subtitle: string,
): ReportBlock[] {
  const ranking = data.ranking;
  if (!ranking || ranking.regions.length < 2) return [];
  const earlier =
    ranking.year < data.year
      ? `${data.year}年数据尚不足以排序，本表为有排序的最近年份${ranking.year}年的结果。`
      : '';
  const rows = [...ranking.regions]
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
    .map((r) => [
      r.rank === null ? '—' : String(r.rank),
      r.regionName,
      r.score === null ? '—' : formatNumber(r.score * 100, 1),
      String(r.indicatorsWithData),
      r.rankChange === null
        ? '—'
        : r.rankChange > 0
          ? `上升${r.rankChange}位`
          : r.rankChange < 0
            ? `下降${-r.rankChange}位`
            : '持平',
      r.status === 'ranked' ? '' : '数据不足，未排序',
    ]);
  return [
    {
      kind: 'chart',
      caption: `图${numbering.next()}\u3000${ranking.parentName}所辖地区综合得分排序（${ranking.year}年）`,
      option: rankingOption({
        title: '所辖地区综合得分',
        subtitle,
        regions: ranking.regions.map((r) => ({ name: r.regionName, rank: r.rank, score: r.score })),
      }),
      size: { width: 680, height: Math.max(260, 60 + 28 * ranking.regions.length) },
    },
    {
      kind: 'table',
      caption: `表${numbering.nextTable()}\u3000${ranking.parentName}所辖地区综合得分排序（${ranking.year}年）`,
      headers: ['名次', '地区', '综合得分', '有数据指标数', '名次变化', '备注'],
      rows,
      widths: [0.8, 2, 1.2, 1.4, 1.2, 2],
      note: `注：${earlier}参与排序的指标${ranking.indicators.length}项。${ranking.rule}`,
    },
  ];
}

/** One indicator across the sub-regions, best first, with the target and the report region's value. */
export function comparisonChart(
  t: TargetEvaluation,
  data: EvaluationReportData,
  caption: string,
  subtitle: string,
): ReportBlock | null {
  if (data.subRegions.length < 2 || !t.indicatorCode) return null;
  const indicator = data.indicators.get(t.indicatorCode);
  const current = t.assessment?.current;
  return {
    kind: 'chart',
    caption,
    option: regionComparisonOption({
      title: `${t.label}（${data.year}年）`,
      subtitle,
      unit: unitOf(t, data),
      better: indicator?.better === 'lower' ? 'lower' : 'higher',
      regions: data.subRegions.map((r) => {
        const same = r.targets.find((x) => x.targetKey === t.targetKey);
        return { name: r.regionName, value: same ? valueIn(same.series, data.year) : null };
      }),
      target: current?.target.value ?? null,
      parent: { name: data.region.regionName, value: valueIn(t.series, data.year) },
    }),
    size: { width: 680, height: Math.max(260, 70 + 26 * data.subRegions.length) },
  };
}

/**
 * Open alerts: the report region's own as a table (red first), then the sub-regions' as counts per region
 * (red, yellow) — listing every sub-region's alert would run to dozens of pages. Nothing when there is none.
 */
export function alertsTable(
  data: EvaluationReportData,
  caption: string,
  filter: (departments: readonly string[]) => boolean = () => true,
): ReportBlock | null {
  const labels = new Map(data.region.targets.map((t) => [t.targetKey, t.label]));
  const open = data.evaluation.alerts.filter(
    (a) => OPEN_ALERT_STATUSES.includes(a.status) && filter(a.departments),
  );
  const own = open
    .filter((a) => a.regionCode === data.region.regionCode)
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1));
  const rows = own.map((a) => [
    a.level === 'red' ? '红色' : '黄色',
    labels.get(a.targetKey) ?? a.targetKey,
    a.reason,
    a.departments.join('、') || '—',
  ]);
  for (const r of data.subRegions) {
    const theirs = open.filter((a) => a.regionCode === r.regionCode);
    if (theirs.length === 0) continue;
    const red = theirs.filter((a) => a.level === 'red').length;
    rows.push(['', `（${r.regionName}）`, `红色预警${red}项、黄色预警${theirs.length - red}项`, '']);
  }
  if (rows.length === 0) return null;
  return {
    kind: 'table',
    caption,
    headers: ['等级', '指标', '原因', '责任单位'],
    rows,
    widths: [0.8, 2.2, 5.6, 1.6],
    compact: true,
    note: `注：${data.region.regionName}本级的未关闭预警逐项列出，所辖地区只列预警数。`,
  };
}

/** Table of a set of targets: value last year and this year, targets, status. */
export function targetTable(
  caption: string,
  targets: readonly TargetEvaluation[],
  data: EvaluationReportData,
): ReportBlock {
  const y = data.year;
  return {
    kind: 'table',
    caption,
    headers: ['指标', `${y - 1}年`, `${y}年`, '目标值', '进展状态'],
    rows: targets.map((t) => {
      const unit = unitOf(t, data);
      const fmt = (v: number | null) => (v === null ? '—' : formatQuantity(v, unit));
      const flags = t.indicatorCode
        ? data.flags.get(flagKey(t.indicatorCode, data.region.regionCode, y))
        : undefined;
      return [
        t.label,
        fmt(valueIn(t.series, y - 1)),
        `${fmt(valueIn(t.series, y))}${flags?.simulated ? '*' : ''}`,
        milestonesText(t),
        statusName(t.status),
      ];
    }),
    widths: [3, 1.3, 1.3, 2.6, 1.3],
    compact: true,
    ...(targets.some(
      (t) =>
        t.indicatorCode && data.flags.get(flagKey(t.indicatorCode, data.region.regionCode, y))?.simulated,
    )
      ? { note: '注：标“*”的数值为模拟数据。“—”表示无数据。' }
      : { note: '注：“—”表示无数据。' }),
  };
}

/** Counter for figure and table numbers. */
export function numbering(): { next: () => number; nextTable: () => number } {
  let figure = 0;
  let table = 0;
  return { next: () => ++figure, nextTable: () => ++table };
}

export { chineseNumber };
