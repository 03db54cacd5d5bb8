import { HalfskyError } from '../../domain/errors.js';
import { resolveRegion } from '../../domain/regions/resolve-region.js';
import { createUser } from '../../services/users/create-user.js';
import { openDatabase } from '../../store/open-database.js';
import { loadRegionTree } from '../../store/regions/load-region-tree.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';

export interface UserAddOptions {
  role: string;
  region: string;
  department?: string[];
  displayName?: string;
  passwordStdin?: boolean;
}

/**
 * `user add USERNAME --role R --region CODE|NAME [--department D...]`: the password comes from standard
 * input (its first line), never from an argument, and nothing secret is printed.
 */
export async function userAdd(ctx: CliContext, username: string, opts: UserAddOptions): Promise<number> {
  const regions = loadRegionTree();
  const resolved = resolveRegion(regions, opts.region);
  if (resolved.kind !== 'found') throw new HalfskyError('REGION_NOT_FOUND', { code: opts.region });
  if (!ctx.io.readStdin) {
    throw new UsageError('请通过标准输入提供密码。', 'Provide the password on standard input.');
  }
  if (ctx.io.stdinIsTTY) ctx.io.stderr.write('密码 / password (Ctrl-D 结束 / to end): ');
  const password = (await ctx.io.readStdin()).split(/\r?\n/)[0] ?? '';
  const db = await openDatabase(ctx.config);
  try {
    const user = await createUser(db, regions, {
      username,
      displayName: opts.displayName,
      password,
      role: opts.role,
      region: resolved.region.code,
      departments: opts.department,
    });
    const departments = user.departments.length > 0 ? user.departments.join('、') : '—';
    ctx.io.stdout.write(
      ctx.lang === 'zh'
        ? `已创建用户 ${user.username}：角色 ${user.role}，辖区 ${resolved.region.name}（${user.regionCode}），部门 ${departments}\n`
        : `Created user ${user.username}: role ${user.role}, region ${resolved.region.name} (${user.regionCode}), departments ${departments}\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}
