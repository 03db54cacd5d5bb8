import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadRound } from '../../services/rounds/round-context.js';
import { roundTemplateFile } from '../../services/rounds/round-template-file.js';
import { openDatabase } from '../../store/open-database.js';
import type { CliContext } from '../cli-context.js';
import { CLI_OPERATOR } from './round-cli-user.js';

/** `round template ID --department D [-o FILE]`: writes a department's Excel template of a round. */
export async function roundTemplateCommand(
  ctx: CliContext,
  id: string,
  options: { department: string; output?: string },
): Promise<number> {
  const db = await openDatabase(ctx.config);
  try {
    const round = await loadRound(db, CLI_OPERATOR, id);
    const file = await roundTemplateFile(db, CLI_OPERATOR, round, options.department);
    const path = resolve(options.output ?? file.filename);
    await writeFile(path, file.bytes);
    ctx.io.stdout.write(
      ctx.lang === 'zh'
        ? `已生成填报模板（${file.rows} 行）：${path}\n`
        : `wrote the template (${file.rows} rows): ${path}\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}
