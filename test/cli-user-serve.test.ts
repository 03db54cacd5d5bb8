import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config/load-config.js';
import { startServer } from '../src/server/server.js';
import { PACKAGE_ROOT } from './support/run-cli-in-process.js';

let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'halfsky-user-'));
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  env = { HALFSKY_DATA_DIR: join(dir, 'data'), PORT: String(port) };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[], stdin: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env,
    io: {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      readStdin: () => Promise.resolve(stdin),
    },
    packageRoot: PACKAGE_ROOT,
  });
  return { code, stdout, stderr };
}

describe('halfsky user add', () => {
  it('adds a user with the password from stdin and prints nothing secret', async () => {
    const result = await cli(
      [
        'user',
        'add',
        'wei',
        '--role',
        'reporter',
        '--region',
        '安庆市',
        '--department',
        '卫健局',
        '妇联',
        '--password-stdin',
      ],
      's3cret-pass-word\n',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('wei');
    expect(result.stdout).toContain('340800');
    expect(result.stdout).toContain('卫健局、妇联');
    expect(result.stdout + result.stderr).not.toContain('s3cret');
  });

  it('refuses a taken username, an unknown region, a reporter without departments and a short password', async () => {
    const taken = await cli(
      ['user', 'add', 'wei', '--role', 'viewer', '--region', '340800'],
      'another-password\n',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('用户名已存在');
    expect(
      (await cli(['user', 'add', 'a1', '--role', 'viewer', '--region', '火星市'], 'long-password\n')).code,
    ).toBe(1);
    expect(
      (await cli(['user', 'add', 'a2', '--role', 'reporter', '--region', '340800'], 'long-password\n')).code,
    ).toBe(1);
    expect((await cli(['user', 'add', 'a3', '--role', 'viewer', '--region', '340800'], 'short\n')).code).toBe(
      1,
    );
    expect(
      (await cli(['user', 'add', 'a4', '--role', 'emperor', '--region', '340800'], 'long-password\n')).code,
    ).toBe(1);
  });
});

describe('serve', () => {
  it('listens on the configured port; the added user signs in over HTTP', async () => {
    const server = await startServer(loadConfig(env), { host: '127.0.0.1', logger: false });
    try {
      const base = `http://127.0.0.1:${env.PORT}`;
      expect((await fetch(`${base}/api/auth/me`)).status).toBe(401);
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'wei', password: 's3cret-pass-word' }),
      });
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toMatch(/halfsky_session=.*HttpOnly.*SameSite=Strict/i);
      expect((await fetch(`${base}/docs/json`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
