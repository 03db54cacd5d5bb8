import { loadRound } from '../../services/rounds/round-context.js';
import { roundStatus } from '../../services/rounds/round-status.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { formatTable } from '../format-table.js';
import { CLI_OPERATOR } from './round-cli-user.js';

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** `round status ID [--json]`: completeness and timeliness per department and region, and the reminders. */
export async function roundStatusCommand(
  ctx: CliContext,
  id: string,
  options: { json?: boolean },
): Promise<number> {
  const db = await openDatabase(ctx.config);
  try {
    const round = await loadRound(db, CLI_OPERATOR, id);
    const progress = await roundStatus(db, CLI_OPERATOR, round, new Date());
    if (options.json) {
      ctx.io.stdout.write(`${JSON.stringify({ round: round.round, progress }, null, 2)}\n`);
      return 0;
    }
    const zh = ctx.lang === 'zh';
    const closed = round.round.status === 'closed';
    const status = zh ? (closed ? '已关闭' : '填报中') : closed ? 'closed' : 'open';
    const head = zh
      ? ['部门', '应报', '已填', '已报送', '已审核', '退回', '逾期', '完整率', '及时率']
      : ['department', 'owed', 'entered', 'submitted', 'approved', 'returned', 'late', 'complete', 'timely'];
    const rows = [...progress.byDepartment, { department: zh ? '合计' : 'total', ...progress.total }].map(
      (d) => [
        d.department,
        String(d.owed),
        String(d.entered),
        String(d.submitted),
        String(d.approved),
        String(d.returned),
        String(d.late),
        percent(d.completeness),
        percent(d.timeliness),
      ],
    );
    ctx.io.stdout.write(
      `${round.round.id}（${round.round.year}，${zh ? '截止' : 'deadline'} ${round.round.deadline}，${status}）\n${formatTable(
        head.map((header) => ({ header })),
        rows,
      )}\n`,
    );
    for (const r of progress.reminders)
      ctx.io.stdout.write(
        zh
          ? `催报：${r.department} 有 ${r.overdue} 项逾期（${r.regionCodes.map((c) => round.tree.get(c)?.name ?? c).join('、')}）\n`
          : `reminder: ${r.department} has ${r.overdue} overdue cells (${r.regionCodes.join(', ')})\n`,
      );
    return 0;
  } finally {
    await db.destroy();
  }
}
