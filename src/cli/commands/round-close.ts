import { closeRound, reopenRound } from '../../services/rounds/close-round.js';
import { loadRound } from '../../services/rounds/round-context.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { CLI_OPERATOR } from './round-cli-user.js';

/** `round close ID`: closes a round; its values stay readable, nothing more can be saved or submitted. */
export async function roundClose(ctx: CliContext, id: string): Promise<number> {
  const db = await openDatabase(ctx.config);
  try {
    const round = await closeRound(db, CLI_OPERATOR, await loadRound(db, CLI_OPERATOR, id), new Date());
    ctx.io.stdout.write(
      ctx.lang === 'zh'
        ? `填报轮次 ${round.id} 已关闭：数据仍可查看，不能再保存、报送或上传\n`
        : `round ${round.id} closed: its data stays readable; nothing more can be saved, submitted or uploaded\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

/** `round reopen ID --reason R`: reopens a closed round, with the reason. */
export async function roundReopen(ctx: CliContext, id: string, options: { reason: string }): Promise<number> {
  const db = await openDatabase(ctx.config);
  try {
    const round = await reopenRound(
      db,
      CLI_OPERATOR,
      await loadRound(db, CLI_OPERATOR, id),
      options.reason,
      new Date(),
    );
    ctx.io.stdout.write(
      ctx.lang === 'zh' ? `填报轮次 ${round.id} 已重新开放\n` : `round ${round.id} reopened\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}
