import type { CliContext } from '../cli-context.js';

/**
 * `serve [--demo]`: opens and migrates the database, starts the HTTP server on the configured port and runs
 * until SIGINT or SIGTERM. With --demo, an empty database is first filled with the demo (seed plans, regions,
 * one user per role, simulated data) and the demo users are printed. Fastify is imported here, when the
 * command runs, so the CLI starts fast.
 */
export async function serve(ctx: CliContext, opts: { host: string; demo?: boolean }): Promise<number> {
  if (opts.demo) await seedDemoOnce(ctx);
  const { startServer } = await import('../../server/server.js');
  const server = await startServer(ctx.config, { host: opts.host });
  const message =
    ctx.lang === 'zh'
      ? `半边天服务已启动：${server.address}（接口文档：${server.address}/docs）`
      : `Halfsky is listening on ${server.address} (API docs: ${server.address}/docs)`;
  ctx.io.stderr.write(`${message}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

const STEP_LABELS = {
  plans: { zh: '导入规划', en: 'plans' },
  regions: { zh: '行政区划', en: 'regions' },
  users: { zh: '演示用户', en: 'demo users' },
  observations: { zh: '模拟数据', en: 'simulated data' },
  rounds: { zh: '填报轮次', en: 'reporting rounds' },
} as const;

/** Seeds the demo into an empty database (a no-op otherwise) with a progress bar, and prints the users. */
async function seedDemoOnce(ctx: CliContext): Promise<void> {
  const { join } = await import('node:path');
  const { seedDemo, DEMO_PASSWORD, DEMO_ROUND } = await import('../../services/demo/seed-demo.js');
  const { openDatabase } = await import('../../store/open-database.js');
  const { progressBar } = await import('../progress-bar.js');
  const { formatTable } = await import('../format-table.js');
  const zh = ctx.lang === 'zh';
  const db = await openDatabase(ctx.config);
  const bar = await progressBar(ctx);
  try {
    const result = await seedDemo(db, {
      plansDir: join(ctx.packageRoot, 'data', 'plans'),
      maxBytes: ctx.config.maxUploadBytes,
      onProgress: (step, done, total) => bar.update(done, total, STEP_LABELS[step][ctx.lang]),
    });
    bar.stop();
    if (!result.seeded) {
      ctx.io.stderr.write(
        zh
          ? '数据库已有数据，未重新载入演示数据。\n'
          : 'The database has data; the demo was not seeded again.\n',
      );
      return;
    }
    ctx.io.stderr.write(
      zh
        ? `已载入演示数据：规划 ${result.plans.length} 个，地区 ${result.regions} 个，模拟数据 ${result.observations} 条（标注为“模拟数据”），${DEMO_ROUND.year} 年度填报轮次 ${result.rounds.length} 个（截止 ${DEMO_ROUND.deadline}）。\n演示用户（密码均为 ${DEMO_PASSWORD}）：\n`
        : `Demo seeded: ${result.plans.length} plans, ${result.regions} regions, ${result.observations} simulated observations (marked 模拟数据), ${result.rounds.length} reporting rounds for ${DEMO_ROUND.year} (due ${DEMO_ROUND.deadline}).\nDemo users (password ${DEMO_PASSWORD} for all):\n`,
    );
    ctx.io.stderr.write(
      `${formatTable(
        (zh ? ['用户名', '角色', '辖区', '名称'] : ['username', 'role', 'region', 'name']).map((header) => ({
          header,
        })),
        result.users.map((u) => [u.username, u.role, u.region, u.displayName]),
      )}\n`,
    );
  } finally {
    bar.stop();
    await db.destroy();
  }
}
