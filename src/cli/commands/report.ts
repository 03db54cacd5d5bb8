import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import {
  DEPARTMENT_TEMPLATES,
  REPORT_KINDS,
  type DepartmentTemplate,
  type ReportKind,
} from '../../reports/report-data.js';
import { generateReport, type ReportFormat } from '../../services/reports/generate-report.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { progressBar } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';

export interface ReportOptions {
  plan: string;
  year: string;
  region?: string;
  department?: string;
  template?: string;
  format?: string;
  output: string;
}

/**
 * `report annual|midterm|final|yearbook|department --plan ID --year YYYY [--region CODE] [--department NAME]
 * [--template implementation|self-evaluation] [--format docx|xlsx] -o FILE`: evaluates the plan and writes
 * the document, with a progress bar on a terminal (evaluating, writing).
 */
export async function report(ctx: CliContext, kind: string, options: ReportOptions): Promise<number> {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(
      `未知的报告类型“${kind}”，应为 ${REPORT_KINDS.join('、')}。`,
      `Unknown report "${kind}": use ${REPORT_KINDS.join(', ')}.`,
    );
  }
  const year = Number(options.year);
  if (!/^\d{4}$/.test(options.year)) {
    throw new UsageError(
      `年份应为四位数字：${options.year}`,
      `The year must have four digits: ${options.year}`,
    );
  }
  const template = options.template ?? 'implementation';
  if (!(DEPARTMENT_TEMPLATES as readonly string[]).includes(template)) {
    throw new UsageError(
      `未知的部门模板“${template}”，应为 implementation 或 self-evaluation。`,
      `Unknown template "${template}": use implementation or self-evaluation.`,
    );
  }
  const format = options.format ?? (extname(options.output).toLowerCase() === '.xlsx' ? 'xlsx' : 'docx');
  if (format !== 'docx' && format !== 'xlsx') {
    throw new UsageError(
      `不支持的格式“${format}”，应为 docx 或 xlsx。`,
      `Unsupported format "${format}": use docx or xlsx.`,
    );
  }
  const bar = await progressBar(ctx);
  const labels = ctx.lang === 'zh' ? ['评估数据', '生成文档', '完成'] : ['evaluating', 'writing', 'done'];
  const db = await openDatabase(ctx.config);
  try {
    const out = await generateReport(
      db,
      {
        kind: kind as ReportKind,
        planId: options.plan,
        year,
        regionCode: options.region ?? null,
        department: options.department ?? null,
        template: template as DepartmentTemplate,
        format: format as ReportFormat,
      },
      { onStep: (step) => bar.update(step === 'data' ? 0 : 1, 2, labels[step === 'data' ? 0 : 1]) },
    );
    bar.update(2, 2, labels[2]);
    bar.stop();
    const path = resolve(options.output);
    await writeFile(path, out.bytes);
    ctx.io.stdout.write(
      ctx.lang === 'zh'
        ? `已生成 ${options.output}（${Math.round(out.bytes.length / 1024)} KB）\n`
        : `wrote ${options.output} (${Math.round(out.bytes.length / 1024)} KB)\n`,
    );
    return 0;
  } finally {
    bar.stop();
    await db.destroy();
  }
}
