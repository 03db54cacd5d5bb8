import { HalfskyError } from '../domain/errors.js';
import { indicatorSentence } from '../domain/reports/indicator-sentence.js';
import type { TargetEvaluation } from '../services/evaluation/evaluation-types.js';
import { problems, suggestions } from './evaluation-report.js';
import type { DepartmentTemplate, EvaluationReportData } from './report-data.js';
import type { ReportBlock, ReportDocument } from './report-model.js';
import { alertsTable, statusName, targetFact, targetTable } from './report-parts.js';

const LAGGING = new Set(['deterioration', 'limited_progress', 'needs_acceleration']);
const TO_FILL = '（请填写）';

/** The targets a department answers for: it is a responsible unit, or it supplies the indicator's data. */
export function departmentTargets(data: EvaluationReportData, department: string): TargetEvaluation[] {
  return data.region.targets.filter(
    (t) =>
      t.responsible.includes(department) ||
      (t.indicatorCode !== null && data.indicators.get(t.indicatorCode)?.department === department),
  );
}

/**
 * A department's template, pre-filled with its targets, their data and status, and its open alerts:
 * `implementation` = 实施情况和下一年工作安排, `self-evaluation` = 自评报告. Parts only the department can
 * write (organisation, funding, measures taken) are marked （请填写）. DEPARTMENT_NOT_IN_PLAN when the plan
 * gives the department no target.
 */
export function departmentReportDocument(
  data: EvaluationReportData,
  department: string,
  template: DepartmentTemplate,
): ReportDocument {
  const targets = departmentTargets(data, department);
  if (targets.length === 0)
    throw new HalfskyError('DEPARTMENT_NOT_IN_PLAN', { planId: data.planId, department });
  const { year, region } = data;
  const lagging = targets.filter((t) => LAGGING.has(t.status));
  const scoped = { ...data, region: { ...region, targets } };
  const sentences: ReportBlock[] = targets.map((t) => ({
    kind: 'paragraph',
    text: indicatorSentence(targetFact(t, region.regionCode, data)),
  }));
  const table = targetTable(
    `表1\u3000${department}牵头或报送的监测指标（${region.regionName}，${year}年）`,
    targets,
    data,
  );
  const alerts = alertsTable(scoped, `表2\u3000${department}的未关闭预警`, (d) => d.includes(department));
  const achieved = targets.filter((t) => t.status === 'achieved').length;
  const summary = `${department}承担《${data.planTitle}》监测目标${targets.length}项，${year}年已实现${achieved}项${
    lagging.length > 0
      ? `，进展滞后${lagging.length}项（${lagging.map((t) => `${t.label}${statusName(t.status)}`).join('、')}）`
      : ''
  }。`;
  const blocks: ReportBlock[] = [];
  const mark = data.simulated ? '，含模拟数据' : '';
  if (template === 'implementation') {
    blocks.push({ kind: 'heading', level: 1, text: `一、${year}年实施情况` });
    blocks.push({ kind: 'paragraph', text: summary }, ...sentences, table);
    blocks.push(
      { kind: 'heading', level: 2, text: '（一）主要工作和成效' },
      { kind: 'paragraph', text: TO_FILL },
    );
    blocks.push({ kind: 'heading', level: 1, text: '二、存在的问题' });
    for (const text of problems(scoped, lagging)) blocks.push({ kind: 'paragraph', text });
    if (alerts) blocks.push(alerts);
    blocks.push({ kind: 'heading', level: 1, text: `三、${year + 1}年工作安排` });
    for (const text of suggestions(scoped, lagging)) blocks.push({ kind: 'paragraph', text });
    blocks.push({ kind: 'paragraph', text: `其他工作安排：${TO_FILL}` });
  } else {
    blocks.push({ kind: 'heading', level: 1, text: '一、基本情况' });
    blocks.push({ kind: 'paragraph', text: `组织领导、责任分工、经费保障等情况：${TO_FILL}` });
    blocks.push({ kind: 'heading', level: 1, text: '二、目标任务完成情况' });
    blocks.push({ kind: 'paragraph', text: summary }, ...sentences, table);
    blocks.push({ kind: 'heading', level: 1, text: '三、存在的问题' });
    for (const text of problems(scoped, lagging)) blocks.push({ kind: 'paragraph', text });
    if (alerts) blocks.push(alerts);
    blocks.push({ kind: 'heading', level: 1, text: '四、下一步工作打算' });
    for (const text of suggestions(scoped, lagging)) blocks.push({ kind: 'paragraph', text });
    blocks.push({ kind: 'paragraph', text: `自评结论：${TO_FILL}` });
  }
  return {
    title:
      template === 'implementation'
        ? `${department}${year}年妇女发展规划实施情况\n和${year + 1}年工作安排`
        : `${department}妇女发展规划实施\n自评报告（${year}年）`,
    subtitle: `（${region.regionName}${mark}）`,
    blocks,
    description: `department ${template} ${data.planId} ${department} ${year}`,
  };
}
