import { HalfskyError } from '../../domain/errors.js';
import { annualReportDocument } from '../../reports/annual-report.js';
import { departmentReportDocument } from '../../reports/department-report.js';
import { evaluationReportDocument } from '../../reports/evaluation-report.js';
import { renderDocx } from '../../reports/render-docx.js';
import { renderYearbookXlsx } from '../../reports/render-yearbook-xlsx.js';
import type { DepartmentTemplate, ReportKind } from '../../reports/report-data.js';
import { yearbookDocument } from '../../reports/yearbook.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import type { EvaluationContext } from '../evaluation/plan-engine.js';
import { loadEvaluationReportData, loadYearbookData } from './load-report-data.js';

export type ReportFormat = 'docx' | 'xlsx';

export interface GenerateReportInput {
  kind: ReportKind;
  planId: string;
  year: number;
  regionCode?: string | null;
  /** For `department`: the responsible unit (卫健局). */
  department?: string | null;
  template?: DepartmentTemplate;
  /** `xlsx` only for the yearbook. Default docx. */
  format?: ReportFormat;
}

export interface GeneratedReport {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** Steps of a report, for a progress bar: loading and evaluating the data, then writing the file. */
export type ReportStep = 'data' | 'document';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const KIND_NAMES: Record<ReportKind, string> = {
  annual: '年度统计监测报告',
  midterm: '中期评估报告',
  final: '终期评估报告',
  yearbook: '统计资料',
  department: '部门报告',
};

/**
 * Produces one report as a file: loads and evaluates the data, builds the report model and writes it
 * (.docx, or .xlsx for the yearbook). Bad requests are coded errors (REPORT_REQUEST_INVALID, PLAN_NOT_FOUND,
 * REGION_NOT_FOUND, DEPARTMENT_NOT_IN_PLAN).
 */
export async function generateReport(
  db: HalfskyDatabase,
  input: GenerateReportInput,
  options: { context?: EvaluationContext; onStep?: (step: ReportStep) => void } = {},
): Promise<GeneratedReport> {
  const format = input.format ?? 'docx';
  if (format === 'xlsx' && input.kind !== 'yearbook') {
    throw new HalfskyError('REPORT_REQUEST_INVALID', {
      reasonZh: '只有统计资料（yearbook）可以生成 Excel 格式',
      reasonEn: 'only the yearbook is available as xlsx',
    });
  }
  const request = { planId: input.planId, year: input.year, regionCode: input.regionCode ?? null };
  const context = options.context ?? {};
  options.onStep?.('data');
  const base = `${input.planId}-${input.year}-${KIND_NAMES[input.kind]}`;
  if (input.kind === 'yearbook') {
    const data = await loadYearbookData(db, request, context);
    options.onStep?.('document');
    const bytes =
      format === 'xlsx' ? await renderYearbookXlsx(data) : await renderDocx(yearbookDocument(data));
    return { fileName: `${base}.${format}`, contentType: CONTENT_TYPES[format], bytes };
  }
  if (input.kind === 'department' && !input.department) {
    throw new HalfskyError('REPORT_REQUEST_INVALID', {
      reasonZh: '部门报告需指定责任单位（--department）',
      reasonEn: 'a department report needs the department (--department)',
    });
  }
  const data = await loadEvaluationReportData(db, request, context);
  options.onStep?.('document');
  const document =
    input.kind === 'annual'
      ? annualReportDocument(data)
      : input.kind === 'department'
        ? departmentReportDocument(data, input.department as string, input.template ?? 'implementation')
        : evaluationReportDocument(data, input.kind);
  const name = input.kind === 'department' ? `${base}-${input.department}` : base;
  return { fileName: `${name}.docx`, contentType: CONTENT_TYPES.docx, bytes: await renderDocx(document) };
}
