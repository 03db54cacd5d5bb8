import type { CliContext } from '../cli-context.js';

/**
 * `serve`: opens and migrates the database, starts the HTTP server on the configured port and runs until
 * SIGINT or SIGTERM. Fastify is imported here, when the command runs, so the CLI starts fast.
 */
export async function serve(ctx: CliContext, opts: { host: string }): Promise<number> {
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
