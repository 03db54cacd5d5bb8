import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/load-config.js';
import { buildApp } from '../../../src/server/app.js';
import { webRoot } from '../../../src/server/web/web-app.js';
import { DEMO_PASSWORD, seedDemo, type DemoUser } from '../../../src/services/demo/seed-demo.js';
import { loadPlanRegionTree } from '../../../src/services/reference-data/load-plan-region-tree.js';
import { createUser } from '../../../src/services/users/create-user.js';
import { openDatabase } from '../../../src/store/open-database.js';
import { listPlans, getPlan } from '../../../src/store/plan-repository.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const webDir = join(repo, 'web');
const builtIndex = join(repo, 'dist', 'web', 'index.html');

/** Newest modification time under a folder (the web sources and the shared code they import). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app when dist/web is missing or older than web/ (or the charts it imports). The build goes to
 * a scratch folder first; its assets are then added beside the previous ones and index.html replaced last, by a
 * rename, so a server serving dist/web (another test, another engineer's run) never sees a half-written build.
 */
export function ensureWebBuilt(): void {
  const sources = Math.max(newestMtime(webDir), newestMtime(join(repo, 'src', 'charts')));
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sources) return;
  const scratch = join(repo, 'dist', `web-build-${process.pid}`);
  const target = join(repo, 'dist', 'web');
  execFileSync(
    process.execPath,
    [
      join(repo, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(webDir, 'vite.config.ts'),
      '--outDir',
      scratch,
      '--logLevel',
      'warn',
    ],
    // Always the production build: under vitest NODE_ENV is "test", and Vite would then bundle React's and
    // Ant Design's development builds (twice the script, much slower), which the benchmark would measure.
    { cwd: repo, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  mkdirSync(join(target, 'assets'), { recursive: true });
  for (const name of readdirSync(join(scratch, 'assets')))
    copyFileSync(join(scratch, 'assets', name), join(target, 'assets', name));
  copyFileSync(join(scratch, 'index.html'), join(target, `index.html.${process.pid}`));
  renameSync(join(target, `index.html.${process.pid}`), builtIndex);
  rmSync(scratch, { recursive: true, force: true });
}

/** A user scoped to 清远市: outside the demo users' 安庆 scope. */
export const OUTSIDER = { username: 'qingyuan-viewer', password: 'qingyuan-viewer-pw' };

export interface WebServer {
  url: string;
  users: DemoUser[];
  password: string;
  close: () => Promise<void>;
}

/**
 * A real listening server on a temporary SQLite database with the demo (five plans, one user per role,
 * simulated data) and one more user outside 安庆, serving the built web app.
 */
export async function startWebServer(): Promise<WebServer> {
  ensureWebBuilt();
  if (!webRoot()) throw new Error('dist/web was not built');
  const dir = mkdtempSync(join(tmpdir(), 'halfsky-e2e-'));
  const config = loadConfig({ HALFSKY_DATA_DIR: dir }, dir);
  const db = await openDatabase(config);
  const result = await seedDemo(db, {
    plansDir: join(repo, 'data', 'plans'),
    maxBytes: config.maxUploadBytes,
  });
  if (!result.seeded) throw new Error('demo not seeded');
  const plans = await Promise.all((await listPlans(db)).map((p) => getPlan(db, p.id)));
  const regions = loadPlanRegionTree(plans.filter((p) => p !== null));
  await createUser(db, regions, { ...OUTSIDER, role: 'viewer', region: '441800' });
  const { app } = await buildApp(config, { db, regions });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    users: result.users,
    password: DEMO_PASSWORD,
    close: async () => {
      await app.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
