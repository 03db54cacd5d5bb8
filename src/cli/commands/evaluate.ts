import { PROGRESS_STATUSES, type ProgressStatus } from '../../domain/evaluation/progress-status.js';
import type { MilestoneTarget } from '../../domain/evaluation/assess-milestone.js';
import { formatNumber, formatQuantity } from '../../domain/evaluation/format-quantity.js';
import { areaName, evaluatePlan } from '../../services/evaluation/index.js';
import type { PlanEvaluation } from '../../services/evaluation/index.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../usage-error.js';

export interface EvaluateOptions {
  plan: string;
  year: string;
  region?: string;
  json?: boolean;
}

const STATUS_ZH: Record<ProgressStatus, string> = {
  achieved: '已实现',
  on_track: '进度正常',
  needs_acceleration: '需加快',
  limited_progress: '进展有限',
  deterioration: '退步',
  insufficient_data: '数据不足',
  not_assessable: '无法评估',
};
const STATUS_EN: Record<ProgressStatus, string> = {
  achieved: 'achieved',
  on_track: 'on track',
  needs_acceleration: 'needs acceleration',
  limited_progress: 'limited progress',
  deterioration: 'deterioration',
  insufficient_data: 'insufficient data',
  not_assessable: 'not assessable',
};

/**
 * `evaluate --plan ID --year YYYY [--region CODE] [--json]`: the live evaluation of a plan — assessments,
 * attainment (达标率) and alerts — as a readable table (Chinese by default) or as JSON.
 */
export async function evaluate(ctx: CliContext, opts: EvaluateOptions): Promise<number> {
  const year = Number(opts.year);
  if (!/^\d{4}$/.test(opts.year)) {
    throw new UsageError(
      `年份无效：${opts.year}（应为四位数字）`,
      `Invalid year: ${opts.year} (four digits expected)`,
    );
  }
  const db = await openDatabase(ctx.config);
  try {
    const result = await evaluatePlan(db, { planId: opts.plan, year, regionCode: opts.region ?? null });
    if (opts.json) {
      ctx.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    ctx.io.stdout.write(`${render(result, ctx.lang)}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

function render(e: PlanEvaluation, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const statusName = (s: ProgressStatus) => (zh ? STATUS_ZH[s] : STATUS_EN[s]);
  const rate = (r: { rate: number | null; achieved: number; assessable: number }) =>
    r.rate === null ? '—' : `${formatNumber(r.rate * 100, 1)}%（${r.achieved}/${r.assessable}）`;
  const out: string[] = [];
  out.push(zh ? `${e.planTitle}（${e.year}年评估）` : `${e.planTitle} (evaluation ${e.year})`);
  out.push(`${zh ? '达标率' : 'Attainment'}: ${rate(e.attainment.plan)}`);
  for (const region of e.regions) {
    out.push('');
    const own = region.ownPlanId
      ? zh
        ? `（另有本级规划：${region.ownPlanId}）`
        : ` (own plan: ${region.ownPlanId})`
      : '';
    const att = region.attainment ? rate(region.attainment.overall) : '—';
    out.push(`${region.regionName} ${region.regionCode}${own} · ${zh ? '达标率' : 'attainment'} ${att}`);
    out.push(
      formatTable(
        [
          { header: zh ? '领域' : 'Area', maxWidth: 12 },
          { header: zh ? '指标' : 'Indicator', maxWidth: 24 },
          { header: zh ? '目标' : 'Target', maxWidth: 22 },
          { header: zh ? '最新值' : 'Latest', align: 'right' },
          { header: zh ? '状态' : 'Status' },
          { header: zh ? '说明' : 'Explanation', maxWidth: zh ? 70 : 0 },
        ].filter((c) => c.maxWidth !== 0) as Parameters<typeof formatTable>[0],
        region.targets.map((t) => {
          const latest = t.assessment?.current?.latest;
          const row = [
            areaName(t.area).replace(/^妇女与?/, ''),
            t.label,
            t.milestones.map((m) => milestoneText(m, zh)).join(' '),
            latest ? `${formatNumber(latest.value)}（${latest.year}）` : '—',
            statusName(t.status),
          ];
          return zh ? [...row, t.explanation] : row;
        }),
      ),
    );
  }
  out.push('');
  const counts = PROGRESS_STATUSES.map((s) => {
    const n = e.regions.flatMap((r) => r.targets).filter((t) => t.status === s).length;
    return `${statusName(s)} ${n}`;
  });
  out.push(`${zh ? '状态分布' : 'Statuses'}: ${counts.join(' · ')}`);
  const open = e.alerts.filter((a) => a.status !== 'resolved' && a.status !== 'closed');
  out.push(
    `${zh ? '预警' : 'Alerts'}: ${open.length}（${zh ? '红色' : 'red'} ${open.filter((a) => a.level === 'red').length}，${zh ? '黄色' : 'yellow'} ${open.filter((a) => a.level === 'yellow').length}）`,
  );
  if (open.length > 0) {
    out.push(
      formatTable(
        [
          { header: zh ? '级别' : 'Level' },
          { header: zh ? '地区' : 'Region' },
          { header: zh ? '原因' : 'Reason', maxWidth: 90 },
          { header: zh ? '责任单位' : 'Departments', maxWidth: 24 },
        ],
        open.map((a) => [
          zh ? (a.level === 'red' ? '红' : '黄') : a.level,
          a.regionCode,
          zh ? a.reason : a.reasonEn,
          a.departments.join('、'),
        ]),
      ),
    );
  }
  if (e.unassessedTargets.length > 0) {
    out.push('');
    out.push(
      zh
        ? `未纳入评估的目标（无对应定量指标）：${e.unassessedTargets.length} 项`
        : `Targets not assessed (no quantitative indicator): ${e.unassessedTargets.length}`,
    );
  }
  return out.join('\n');
}

const COMPARATOR_WORDS: Record<string, [string, string]> = {
  '<=': ['≤', '≤'],
  '>=': ['≥', '≥'],
  '~': ['约', '~'],
  '=': ['=', '='],
  increase: ['逐步提高', 'increase'],
  decrease: ['逐步降低', 'decrease'],
  maintain: ['保持', 'maintain'],
};

function milestoneText(m: MilestoneTarget, zh: boolean): string {
  const word = (COMPARATOR_WORDS[m.comparator] ?? [m.comparator, m.comparator])[zh ? 0 : 1];
  const value = m.value === null ? '' : formatQuantity(m.value, m.unit);
  return `${m.year}${zh ? '年' : ':'}${word}${value}`;
}
