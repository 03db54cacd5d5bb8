import { openRound } from '../../services/rounds/open-round.js';
import { openDatabase } from '../../store/open-database.js';
import { listRoundCells } from '../../store/round-cell-repository.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';
import { CLI_OPERATOR } from './round-cli-user.js';

/** `round open --plan ID --year Y --deadline YYYY-MM-DD`: opens a plan's reporting round for a year. */
export async function roundOpen(
  ctx: CliContext,
  options: { plan: string; year: string; deadline: string },
): Promise<number> {
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError(`年份无效：${options.year}`, `invalid year: ${options.year}`);
  const db = await openDatabase(ctx.config);
  try {
    const round = await openRound(
      db,
      CLI_OPERATOR,
      { planId: options.plan, year, deadline: options.deadline },
      new Date(),
    );
    const cells = await listRoundCells(db, round);
    const departments = new Set(cells.map((c) => c.department)).size;
    ctx.io.stdout.write(
      ctx.lang === 'zh'
        ? `已开启填报轮次 ${round.id}：${cells.length} 个应报单元格，${departments} 个部门，截止 ${round.deadline}\n`
        : `opened round ${round.id}: ${cells.length} owed cells, ${departments} departments, deadline ${round.deadline}\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}
