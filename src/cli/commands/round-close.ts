import type { Round } from '../../domain/rounds/round.js';
import { closeRound, reopenRound } from '../../services/rounds/close-round.js';
import { loadRound, type RoundContext } from '../../services/rounds/round-context.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { CLI_OPERATOR } from './round-cli-user.js';

/** Opens the database, loads round `id`, changes it and prints what happened (Chinese or English). */
async function changeRound(
  ctx: CliContext,
  id: string,
  change: (db: HalfskyDatabase, round: RoundContext) => Promise<Round>,
  message: (round: Round) => { zh: string; en: string },
): Promise<number> {
  const db = await openDatabase(ctx.config);
  try {
    const round = await change(db, await loadRound(db, CLI_OPERATOR, id));
    ctx.io.stdout.write(`${message(round)[ctx.lang]}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

/** `round close ID`: closes a round; its values stay readable, nothing more can be saved or submitted. */
export function roundClose(ctx: CliContext, id: string): Promise<number> {
  return changeRound(
    ctx,
    id,
    (db, round) => closeRound(db, CLI_OPERATOR, round, new Date()),
    (round) => ({
      zh: `填报轮次 ${round.id} 已关闭：数据仍可查看，不能再保存、报送或上传`,
      en: `round ${round.id} closed: its data stays readable; nothing more can be saved, submitted or uploaded`,
    }),
  );
}

/** `round reopen ID --reason R`: reopens a closed round, with the reason. */
export function roundReopen(ctx: CliContext, id: string, options: { reason: string }): Promise<number> {
  return changeRound(
    ctx,
    id,
    (db, round) => reopenRound(db, CLI_OPERATOR, round, options.reason, new Date()),
    (round) => ({ zh: `填报轮次 ${round.id} 已重新开放`, en: `round ${round.id} reopened` }),
  );
}
