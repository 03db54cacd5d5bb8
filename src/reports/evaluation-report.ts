import { formatQuantity } from '../domain/evaluation/format-quantity.js';
import { goalText, indicatorSentence } from '../domain/reports/indicator-sentence.js';
import type { RegionEvaluation, TargetEvaluation } from '../services/evaluation/evaluation-types.js';
import { statusSummary } from './annual-report.js';
import type { EvaluationReportData } from './report-data.js';
import type { ReportBlock, ReportDocument } from './report-model.js';
import {
  alertsTable,
  areaName,
  attainmentTable,
  chineseNumber,
  comparisonChart,
  numbering,
  overviewCharts,
  percent,
  rankingBlocks,
  seriesChart,
  statusCounts,
  statusName,
  targetFact,
  targetsByArea,
  unitOf,
} from './report-parts.js';

const LAGGING = new Set(['deterioration', 'limited_progress', 'needs_acceleration']);

/**
 * The mid-term (2025) or final (2030) evaluation report (中期 / 终期评估报告): overall 达标率; per area the
 * attainment, each target's status, trend, projection and progress since the base year; lagging targets
 * and open alerts; the sub-regions' comparison and ranking; problems found and suggested actions, each
 * drawn from the numbers (lagging targets by responsible unit, data gaps, the weakest sub-regions).
 */
export function evaluationReportDocument(
  data: EvaluationReportData,
  kind: 'midterm' | 'final',
): ReportDocument {
  const { region, year } = data;
  const n = numbering();
  const mark = data.simulated ? '含模拟数据' : '';
  const overall = region.attainment?.overall ?? data.evaluation.attainment.plan;
  const blocks: ReportBlock[] = [];
  let section = 0;
  const h1 = (text: string) =>
    blocks.push({ kind: 'heading', level: 1, text: `${chineseNumber(++section)}、${text}` });

  h1('总体进展');
  blocks.push({
    kind: 'paragraph',
    text:
      `${kind === 'midterm' ? '中期评估' : '终期评估'}以${year}年及以前的数据为依据，对${region.regionName}落实《${data.planTitle}》的${region.targets.length}项量化目标逐项评估。` +
      (overall.rate === null
        ? '目前尚无可评估的量化目标。'
        : `可评估的${overall.assessable}项目标中已实现${overall.achieved}项，达标率为${percent(overall.rate)}。`) +
      `按进展状态分，${statusSummary(statusCounts(region))}。`,
  });
  if (data.simulated)
    blocks.push({ kind: 'note', text: '说明：本报告所用数据含模拟数据（演示用），不得作为评估结论引用。' });
  blocks.push(
    attainmentTable(
      `表${n.nextTable()}\u3000各领域量化目标达标情况`,
      overall,
      region.attainment?.byArea ?? [],
    ),
  );
  blocks.push(...overviewCharts(region, n, mark));

  h1('各领域目标实现情况');
  targetsByArea(region).forEach(([area, targets], i) => {
    blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumber(i + 1)}）${areaName(area)}` });
    const rate = region.attainment?.byArea.find((a) => a.group === area);
    if (rate) {
      blocks.push({
        kind: 'paragraph',
        text: `本领域${targets.length}项量化目标中，可评估${rate.assessable}项，已实现${rate.achieved}项，达标率${percent(rate.rate)}。`,
      });
    }
    for (const t of targets) {
      blocks.push({
        kind: 'paragraph',
        text: `${indicatorSentence(targetFact(t, region.regionCode, data, true))}${trendSentence(t, data)}`,
      });
    }
    blocks.push(progressTable(`表${n.nextTable()}\u3000${areaName(area)}领域目标进展`, targets, data));
  });

  const lagging = region.targets.filter((t) => LAGGING.has(t.status));
  h1('滞后指标和预警');
  blocks.push({
    kind: 'paragraph',
    text:
      lagging.length === 0
        ? '各项可评估目标均已实现或进度正常。'
        : `进展滞后的目标${lagging.length}项：${lagging.map((t) => `${t.label}（${statusName(t.status)}）`).join('、')}。`,
  });
  for (const t of lagging.filter((x) => x.status === 'deterioration').slice(0, 4)) {
    blocks.push(seriesChart(t, data, `图${n.next()}\u3000${t.label}变化趋势`, mark));
  }
  const alerts = alertsTable(data, `表${n.nextTable()}\u3000未关闭的预警`);
  if (alerts) blocks.push(alerts);

  if (data.subRegions.length >= 2) {
    h1('所辖地区比较和排序');
    blocks.push({
      kind: 'table',
      caption: `表${n.nextTable()}\u3000所辖地区量化目标达标率`,
      headers: [
        '地区',
        '可评估',
        '已实现',
        '达标率',
        ...['deterioration', 'insufficient_data'].map((s) => statusName(s as never)),
      ],
      rows: data.subRegions.map((r) => {
        const counts = statusCounts(r);
        const a = r.attainment?.overall;
        return [
          r.regionName,
          String(a?.assessable ?? 0),
          String(a?.achieved ?? 0),
          percent(a?.rate ?? null),
          String(counts.deterioration),
          String(counts.insufficient_data),
        ];
      }),
      widths: [2, 1, 1, 1.2, 1, 1.2],
    });
    blocks.push(...rankingBlocks(data, n, mark));
    for (const t of lagging.slice(0, 2)) {
      const chart = comparisonChart(t, data, `图${n.next()}\u3000所辖地区${t.label}比较`, mark);
      if (chart) blocks.push(chart);
    }
  }

  h1('存在的问题');
  for (const text of problems(data, lagging)) blocks.push({ kind: 'paragraph', text });
  h1('下一步工作建议');
  for (const text of suggestions(data, lagging)) blocks.push({ kind: 'paragraph', text });
  blocks.push({
    kind: 'note',
    text: '注：进展状态按Open SDG进展测算方法判定；预测值为加权线性趋势外推，仅供参考。问题和建议由系统依据监测数据生成，供评估组修改完善。',
  });

  return {
    title: `${data.planTitle}\n${kind === 'midterm' ? '中期评估报告' : '终期评估报告'}`,
    subtitle: `（${region.regionName}，数据截至${year}年${mark ? `，${mark}` : ''}）`,
    blocks,
    description: `${kind} ${data.planId} ${region.regionCode} ${year}`,
  };
}

/** Trend and projection in words, from the current milestone's assessment. */
function trendSentence(t: TargetEvaluation, data: EvaluationReportData): string {
  const a = t.assessment?.current;
  if (!a || a.latest === null || a.latest.year !== data.year || a.projection === null || a.final) return '';
  const unit = unitOf(t, data);
  // A straight line can cross zero; a rate or count below zero is no forecast worth printing.
  if (a.projection.value < 0) return '';
  const verdict =
    a.projectedToMeet === null ? '' : a.projectedToMeet ? '，可望实现目标' : '，按此趋势难以实现目标';
  return `按基期以来的趋势推算，${a.projection.year}年将为${formatQuantity(a.projection.value, unit)}${verdict}。`;
}

function progressTable(
  caption: string,
  targets: readonly TargetEvaluation[],
  data: EvaluationReportData,
): ReportBlock {
  return {
    kind: 'table',
    caption,
    headers: ['指标', '基期值', '最新值', '目标值', '进展状态', '趋势预测'],
    rows: targets.map((t) => {
      const unit = unitOf(t, data);
      const a = t.assessment?.current;
      const point = (p: { year: number; value: number } | null | undefined) =>
        p ? `${formatQuantity(p.value, unit)}（${p.year}）` : '—';
      return [
        t.label,
        point(a?.base),
        point(a?.latest),
        t.milestones.map((m) => `${goalText(m).replace(/^（|）$/g, '') || '—'}（${m.year}）`).join('；'),
        statusName(t.status),
        a?.projection ? `${formatQuantity(a.projection.value, unit)}（${a.projection.year}）` : '—',
      ];
    }),
    widths: [2.6, 1.5, 1.5, 2.2, 1.2, 1.5],
    compact: true,
    note: '注：括号内为年份；“—”表示无数据或数据不足以推算。',
  };
}

const leadOf = (t: TargetEvaluation, data: EvaluationReportData) =>
  t.responsible[0] ??
  (t.indicatorCode ? data.indicators.get(t.indicatorCode)?.department : undefined) ??
  '有关单位';

/** Sub-regions where the same target is worse than on track (deterioration or limited progress). */
function weakRegions(t: TargetEvaluation, data: EvaluationReportData): RegionEvaluation[] {
  return data.subRegions.filter((r) => {
    const same = r.targets.find((x) => x.targetKey === t.targetKey);
    return same && (same.status === 'deterioration' || same.status === 'limited_progress');
  });
}

/** Problems the data show, one paragraph each; numbered （一）（二）…. */
export function problems(data: EvaluationReportData, lagging: readonly TargetEvaluation[]): string[] {
  const out: string[] = [];
  const worse = lagging.filter((t) => t.status === 'deterioration');
  if (worse.length > 0) {
    out.push(
      `部分指标出现退步。${unique(worse.map((t) => `${t.label}${describeChange(t, data)}`)).join('；')}。`,
    );
  }
  const slow = lagging.filter((t) => t.status !== 'deterioration');
  if (slow.length > 0) {
    out.push(
      `部分目标进度偏慢：${unique(slow.map((t) => `${t.label}（${statusName(t.status)}）`)).join('、')}，按现有速度到期难以实现。`,
    );
  }
  const missing = data.region.targets.filter((t) => t.status === 'insufficient_data');
  if (missing.length > 0) {
    out.push(
      `数据支撑不足：${missing.length}项目标因数据年份不足无法评估（${missing.map((t) => t.label).join('、')}）。`,
    );
  }
  const rated = data.subRegions
    .map((r) => ({ name: r.regionName, rate: r.attainment?.overall.rate ?? null }))
    .filter((r): r is { name: string; rate: number } => r.rate !== null)
    .sort((a, b) => a.rate - b.rate);
  if (rated.length >= 2) {
    const low = rated[0] as { name: string; rate: number };
    const high = rated[rated.length - 1] as { name: string; rate: number };
    if (high.rate - low.rate >= 0.2) {
      out.push(
        `地区间发展不平衡：达标率最高的${high.name}为${percent(high.rate)}，最低的${low.name}为${percent(low.rate)}，相差${Math.round((high.rate - low.rate) * 100)}个百分点。`,
      );
    }
  }
  if (out.length === 0) out.push('监测数据未显示明显问题。');
  return out.map((text, i) => `（${chineseNumber(i + 1)}）${text}`);
}

function describeChange(t: TargetEvaluation, data: EvaluationReportData): string {
  const a = t.assessment?.current;
  if (!a?.base || !a.latest) return '';
  const unit = unitOf(t, data);
  return `由${a.base.year}年的${formatQuantity(a.base.value, unit)}变为${a.latest.year}年的${formatQuantity(a.latest.value, unit)}`;
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

/** Suggested actions, one per lagging target (by its lead unit, naming the weakest sub-regions) and data gap. */
export function suggestions(data: EvaluationReportData, lagging: readonly TargetEvaluation[]): string[] {
  const actions = lagging.map((t) => {
    const weak = weakRegions(t, data).map((r) => r.regionName);
    const where =
      weak.length > 0 ? `，重点推动${weak.slice(0, 3).join('、')}${weak.length > 3 ? '等地' : ''}` : '';
    const target = t.assessment?.current?.target;
    const goal = !target
      ? '加快推进'
      : target.comparator === 'increase' || target.comparator === 'decrease'
        ? `确保到${target.year}年持续${target.comparator === 'increase' ? '提高' : '降低'}`
        : `确保实现${target.year}年目标${goalText(target)}`;
    return `${leadOf(t, data)}牵头，针对${t.label}${statusName(t.status)}的情况，分析原因、加大工作力度${where}，${goal}。`;
  });
  const out = unique(actions);
  const missing = data.region.targets.filter((t) => t.status === 'insufficient_data');
  const byDept = new Map<string, string[]>();
  for (const t of missing) byDept.set(leadOf(t, data), [...(byDept.get(leadOf(t, data)) ?? []), t.label]);
  for (const [dept, labels] of byDept)
    out.push(`${dept}完善${labels.join('、')}的统计监测和按年报送，补齐评估所需数据。`);
  if (out.length === 0) out.push('巩固已有成果，保持各项指标稳定向好。');
  return out.map((text, i) => `${i + 1}.${text}`);
}
