import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PLAN_TEXT } from '../support/plan-texts.js';
import { launchBrowser, seriousViolations, signIn } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

/**
 * Plan import through the browser, in a real Chromium against a real server with the demo: the plan owner
 * uploads a document, sees the parse beside its source text, corrects a target, saves, and the plan is in
 * the plan browser.
 */
let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  server = await startWebServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('plan import in the browser', () => {
  it('a plan document imported through the UI appears in the plan browser', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, 'owner', server.password);
    // A county of the owner's city: inside the scope, and no demo plan of its own.
    const county = server.users.find((u) => u.role === 'county_office')!.region;
    const region = await (await page.request.get(`${server.url}/api/regions/${county}`)).json();
    const name = (region as { region: { name: string } }).region.name;
    expect(name).toBeTruthy();
    const text = SMALL_PLAN_TEXT.replace(/测试市/g, name);

    await page.goto(`${server.url}/admin/plans`);
    await page.getByTestId('plan-upload').waitFor();
    // An empty file is refused with the API's message at the upload.
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await expect.poll(() => page.getByTestId('plan-import-error').textContent()).toContain('empty.txt');

    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.getByTestId('import-source').waitFor();
    expect(await page.getByTestId('import-source').textContent()).toContain('孕产妇死亡率');
    // Selecting a target marks its sentence in the source text.
    await page.getByTestId('import-target').first().click();
    await expect
      .poll(() => page.locator('[data-testid=import-source] mark').textContent())
      .toContain('孕产妇死亡率');
    // Correct the first target's value, then save.
    const value = page.getByTestId('import-target').first().getByRole('spinbutton').first();
    await value.fill('10');
    const violations = await seriousViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.getByTestId('plan-save').click();
    await page
      .getByRole('link', { name: new RegExp(`${name}妇女发展规划`) })
      .first()
      .waitFor();

    // The plan browser lists and shows it, with the corrected value.
    await page.goto(`${server.url}/plans`);
    await page
      .getByRole('link', { name: new RegExp(`${name}妇女发展规划`) })
      .first()
      .click();
    await page.getByTestId('plan-title').waitFor();
    expect(await page.getByTestId('plan-title').textContent()).toContain(name);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const plan = (await (
      await page.request.get(`${server.url}/api/plans/${encodeURIComponent(id)}`)
    ).json()) as {
      targets: { value: number | null }[];
    };
    expect(plan.targets[0]!.value).toBe(10);
    await context.close();
  }, 180_000);
});
