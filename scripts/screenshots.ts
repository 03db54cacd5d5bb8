/**
 * `npm run screenshots`: a PNG of every page of the web app in docs/screenshots/, taken in Chromium against
 * a temporary server with the demo data (laptop width, and the overview and data entry at tablet width). In
 * that server's own database the reporter submits a few values (the review queue) and the plan owner
 * publishes 安庆's 2024 results (the public section, shown without signing in).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { apiSignIn, launchBrowser, signIn } from '../test/e2e/support/browser.js';
import { SMALL_PLAN_TEXT } from '../test/support/plan-texts.js';
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
  { name: '17-reports', path: '/reports', user: 'owner' },
  { name: '13-admin-users', path: '/admin/users', user: 'admin' },
  { name: '14-admin-departments', path: '/admin/departments', user: 'owner' },
  { name: '15-admin-regions', path: '/admin/regions', user: 'admin' },
  {
    name: '16-admin-plans',
    path: '/admin/plans',
    user: 'owner',
    // A small plan of one of the city's districts uploaded and parsed, its first target selected.
    ready: async (p) => {
      await p.getByTestId('plan-upload').waitFor();
      const text = SMALL_PLAN_TEXT.replace(/测试市/g, '迎江区');
      await p.locator('input[type=file]').setInputFiles({
        name: '迎江区妇女发展规划.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(text),
      });
      await p.getByTestId('import-source').waitFor();
      await p.getByTestId('import-target').first().click();
    },
  },
];

/** A few 2025 values saved and submitted by the reporter, so that the review queue has something in it. */
async function submitSomeValues(url: string, password: string): Promise<void> {
  const context = await browser.newContext();
  const headers = await apiSignIn(context, url, 'reporter', password);
  const { rounds } = (await (await context.request.get(`${url}/api/rounds`)).json()) as {
    rounds: { id: string }[];
  };
  const round = rounds[0]!.id;
  const { cells } = (await (await context.request.get(`${url}/api/rounds/${round}/cells`)).json()) as {
    cells: {
      indicatorCode: string;
      regionCode: string;
      sex: string;
      urbanRural: string;
      age: string;
      lastYearValue: number | null;
      version: number;
    }[];
  };
  const some = cells.filter((c) => c.lastYearValue !== null).slice(0, 6);
  await context.request.put(`${url}/api/rounds/${round}/cells`, {
    headers,
    data: {
      source: 'form',
      cells: some.map((c) => ({
        indicator: c.indicatorCode,
        region: c.regionCode,
        sex: c.sex,
        urbanRural: c.urbanRural,
        age: c.age,
        value: Math.round(c.lastYearValue! * 1.02 * 100) / 100,
        version: c.version,
      })),
    },
  });
  await context.request.post(`${url}/api/rounds/${round}/submit`, {
    headers,
    data: { department: '卫健局' },
  });
  await context.close();
}

/** The plan owner publishes 安庆's 2024 results through the API, so that /public has a year to show. */
async function publishYear(url: string, password: string): Promise<void> {
  const context = await browser.newContext();
  const headers = await apiSignIn(context, url, 'owner', password);
  const published = await context.request.put(`${url}/api/plans/anqing/publications/2024`, {
    headers,
    data: {},
  });
  if (!published.ok()) throw new Error(`publish: ${published.status()} ${await published.text()}`);
  await context.close();
}

const server = await startWebServer();
const browser = await launchBrowser();
try {
  await submitSomeValues(server.url, server.password);
  await publishYear(server.url, server.password);
  const signInPage = await browser.newPage({ viewport: LAPTOP });
  await signInPage.goto(`${server.url}/sign-in`);
  await settled(signInPage);
  await signInPage.screenshot({ path: join(out, '01-sign-in.png') });
  await signInPage.close();
  // The public section, as a visitor who has not signed in sees it.
  const visitor = await browser.newPage({ viewport: LAPTOP });
  await visitor.goto(`${server.url}/public`);
  await visitor.getByRole('link', { name: /全部开放数据/ }).waitFor();
  await visitor.locator('canvas').first().waitFor();
  await settled(visitor);
  await visitor.screenshot({ path: join(out, '18-public.png'), fullPage: true });
  process.stderr.write('18-public.png\n');
  await visitor.close();
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
