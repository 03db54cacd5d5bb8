/**
 * `npm run screenshots`: a PNG of every page of the web app in docs/screenshots/, taken in Chromium against
 * a temporary server with the demo data (laptop width, and the overview and data entry at tablet width).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, signIn } from '../test/e2e/support/browser.js';
import { startWebServer } from '../test/e2e/support/web-server.js';

const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const LAPTOP = { width: 1366, height: 860 };
const TABLET = { width: 820, height: 1180 };

interface Shot {
  name: string;
  path: string;
  user: string;
  viewport?: { width: number; height: number };
  /** What to wait for before the picture (a test id or a text). */
  ready?: (page: Page) => Promise<unknown>;
}

const settled = (page: Page) => page.waitForLoadState('networkidle').then(() => page.waitForTimeout(600));

const shots: Shot[] = [
  { name: '02-overview', path: '/', user: 'lead', ready: (p) => p.getByTestId('completeness').waitFor() },
  {
    name: '03-overview-tablet',
    path: '/',
    user: 'lead',
    viewport: TABLET,
    ready: (p) => p.getByTestId('completeness').waitFor(),
  },
  { name: '04-plans', path: '/plans', user: 'viewer' },
  {
    name: '05-plan-browser',
    path: '/plans/anqing',
    user: 'viewer',
    ready: (p) => p.getByTestId('plan-title').waitFor(),
  },
  { name: '06-indicators', path: '/indicators', user: 'viewer' },
  {
    name: '07-indicator',
    path: '/indicators/health.maternal_mortality',
    user: 'viewer',
    ready: (p) => p.getByTestId('indicator-table').waitFor(),
  },
  {
    name: '08-data-entry',
    path: '/data-entry',
    user: 'reporter',
    ready: (p) => p.getByTestId('entry-grid').waitFor(),
  },
  {
    name: '09-data-entry-tablet',
    path: '/data-entry',
    user: 'reporter',
    viewport: TABLET,
    ready: (p) => p.getByTestId('entry-grid').waitFor(),
  },
  { name: '10-review', path: '/review', user: 'lead' },
  { name: '11-alerts', path: '/alerts', user: 'lead' },
  { name: '12-ranking', path: '/ranking', user: 'lead' },
  { name: '13-admin-users', path: '/admin/users', user: 'admin' },
  { name: '14-admin-departments', path: '/admin/departments', user: 'owner' },
  { name: '15-admin-regions', path: '/admin/regions', user: 'admin' },
  { name: '16-admin-plans', path: '/admin/plans', user: 'owner' },
];

const server = await startWebServer();
const browser = await launchBrowser();
try {
  const signInPage = await browser.newPage({ viewport: LAPTOP });
  await signInPage.goto(`${server.url}/sign-in`);
  await settled(signInPage);
  await signInPage.screenshot({ path: join(out, '01-sign-in.png') });
  await signInPage.close();
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: shot.viewport ?? LAPTOP });
    const page = await context.newPage();
    await signIn(page, server.url, shot.user, server.password);
    await page.goto(`${server.url}${shot.path}`);
    await shot.ready?.(page);
    await settled(page);
    await page.screenshot({ path: join(out, `${shot.name}.png`), fullPage: true });
    process.stderr.write(`${shot.name}.png\n`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
