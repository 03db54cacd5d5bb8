import { indicatorSentence } from '../domain/reports/indicator-sentence.js';
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
  targetTable,
} from './report-parts.js';

/** Most series charts an annual report carries (the lagging targets first); each costs ~0.3 s to render. */
const MAX_SERIES_CHARTS = 2;

/**
 * The annual statistical monitoring report (年度统计监测报告) of a plan for a region and year: overview
 * with 达标率 and status distribution, each area's indicators in sentences and a table, the sub-regions'
 * comparison and ranking, and the problems (lagging targets, open alerts). Every sentence comes from the
 * numbers; simulated values are marked.
 */
export function annualReportDocument(data: EvaluationReportData): ReportDocument {
  const { region, year } = data;
  const n = numbering();
  const mark = data.simulated ? '含模拟数据' : '';
  const blocks: ReportBlock[] = [];
  const overall = region.attainment?.overall ?? data.evaluation.attainment.plan;
  const counts = statusCounts(region);
  const assessed = region.targets.length;

  blocks.push({ kind: 'heading', level: 1, text: '一、总体情况' });
  blocks.push({
    kind: 'paragraph',
    text:
      `${year}年，${region.regionName}对《${data.planTitle}》中的${assessed}项量化监测目标开展统计监测。` +
      (overall.rate === null
        ? '目前尚无可评估的量化目标。'
        : `可评估的${overall.assessable}项量化目标中，已实现${overall.achieved}项，达标率为${percent(overall.rate)}。`) +
      `按进展状态分，${statusSummary(counts)}。`,
  });
  if (data.simulated) {
    blocks.push({
      kind: 'note',
      text: '说明：本报告所用数据含模拟数据（演示用），文中以“模拟数据”标注，不得作为统计数据引用。',
    });
  }
  blocks.push(
    attainmentTable(
      `表${n.nextTable()}\u3000${region.regionName}各领域量化目标达标情况（${year}年）`,
      overall,
      region.attainment?.byArea ?? [],
    ),
  );
  blocks.push(...overviewCharts(region, n, mark));

  blocks.push({ kind: 'heading', level: 1, text: '二、分领域监测情况' });
  targetsByArea(region).forEach(([area, targets], i) => {
    blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumber(i + 1)}）${areaName(area)}` });
    for (const t of targets) {
      blocks.push({ kind: 'paragraph', text: indicatorSentence(targetFact(t, region.regionCode, data)) });
    }
    blocks.push(
      targetTable(
        `表${n.nextTable()}\u3000${areaName(area)}领域监测指标（${region.regionName}）`,
        targets,
        data,
      ),
    );
  });

  const lagging = region.targets.filter((t) =>
    ['deterioration', 'limited_progress', 'needs_acceleration'].includes(t.status),
  );
  const charted = [...lagging]
    .sort((a, b) => rankOf(a.status) - rankOf(b.status))
    .slice(0, MAX_SERIES_CHARTS);
  if (data.subRegions.length >= 2) {
    blocks.push({ kind: 'heading', level: 1, text: '三、所辖地区比较' });
    blocks.push({
      kind: 'paragraph',
      text: subRegionSummary(data),
    });
    blocks.push(...rankingBlocks(data, n, mark));
    const compared = charted[0] ?? region.targets[0];
    const chart = compared
      ? comparisonChart(compared, data, `图${n.next()}\u3000所辖地区${compared.label}比较`, mark)
      : null;
    if (chart) blocks.push(chart);
  }

  blocks.push({
    kind: 'heading',
    level: 1,
    text: `${data.subRegions.length >= 2 ? '四' : '三'}、需要关注的问题`,
  });
  if (lagging.length === 0) {
    blocks.push({ kind: 'paragraph', text: '各项可评估目标均已实现或进度正常。' });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `${lagging.length}项目标进展滞后：${lagging.map((t) => `${t.label}（${statusName(t.status)}）`).join('、')}。`,
    });
    for (const t of charted) {
      blocks.push(seriesChart(t, data, `图${n.next()}\u3000${region.regionName}${t.label}变化趋势`, mark));
    }
  }
  const alerts = alertsTable(data, `表${n.nextTable()}\u3000未关闭的预警（${year}年）`);
  if (alerts) blocks.push(alerts);
  blocks.push({
    kind: 'note',
    text: '注：进展状态按Open SDG进展测算方法，比较基期以来的实际年均变化与实现目标所需的年均变化判定；预测值为加权线性趋势外推，仅供参考。',
  });

  return {
    title: `${data.planTitle}\n${year}年统计监测报告`,
    subtitle: `（${region.regionName}${mark ? `，${mark}` : ''}）`,
    blocks,
    description: `annual ${data.planId} ${region.regionCode} ${year}`,
  };
}

const LAG_ORDER = ['deterioration', 'limited_progress', 'needs_acceleration'];
const rankOf = (s: string) => LAG_ORDER.indexOf(s);

/** "已实现5项、进度正常3项、…" with only the statuses that occur. */
export function statusSummary(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${statusName(s as never)}${c}项`);
  return parts.length === 0 ? '暂无评估结果' : parts.join('、');
}

function subRegionSummary(data: EvaluationReportData): string {
  const rated = data.subRegions
    .map((r) => ({ name: r.regionName, rate: r.attainment?.overall.rate ?? null }))
    .filter((r): r is { name: string; rate: number } => r.rate !== null)
    .sort((a, b) => b.rate - a.rate);
  const head = `${data.region.regionName}所辖${data.subRegions.length}个地区按规划目标进行监测。`;
  if (rated.length === 0) return `${head}各地区暂无可评估的目标。`;
  const best = rated[0] as { name: string; rate: number };
  const worst = rated[rated.length - 1] as { name: string; rate: number };
  return rated.length === 1 || best.rate === worst.rate
    ? `${head}各地区达标率均为${percent(best.rate)}。`
    : `${head}达标率最高的是${best.name}（${percent(best.rate)}），最低的是${worst.name}（${percent(worst.rate)}）。`;
}
