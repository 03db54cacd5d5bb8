import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PLAN_TEXT } from '../support/plan-texts.js';
import { launchBrowser, seriousViolations, signedInPage } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

/**
 * Plan import through the browser, in a real Chromium against a real server with the demo: the plan owner
 * uploads a document, sees the parse beside its source text, corrects a target, adds one under a goal it adds
 * and deletes another (incomplete, they are refused at their fields first), saves, and the plan is in the plan
 * browser.
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
    const { context, page } = await signedInPage(browser, server.url, 'owner', server.password);
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
    // Add a target to the first area (妇女与健康) and delete its 预期寿命 target.
    const rows = page.getByTestId('import-target');
    expect(await rows.count()).toBe(3);
    await page.getByTestId('add-target').first().click();
    await expect.poll(() => rows.count()).toBe(4);
    // And a third goal for it.
    await page.getByTestId('add-goal').first().click();
    const goalText = page.getByRole('textbox', { name: '目标 3的内容' });
    await goalText.waitFor();
    await page.getByRole('button', { name: /删除目标值：.*预期寿命/ }).click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByRole('button', { name: /删除目标值：.*预期寿命/ }).count()).toBe(0);
    // Saved incomplete, the new target is refused at its fields and nothing is sent.
    let posted = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/plans') posted++;
    });
    await page.getByTestId('plan-save').click();
    const added = rows.filter({ has: page.getByPlaceholder('指标名称') });
    await expect.poll(() => added.textContent()).toContain('指标不能为空');
    expect(await added.textContent()).toContain('需要填写数值');
    expect(await page.getByText('内容不能为空').count()).toBe(1);
    expect(await page.getByTestId('plan-import-error').textContent()).toContain('请先更正');
    expect(posted).toBe(0);
    await added.getByPlaceholder('指标名称').fill('宫颈癌筛查率');
    await added.getByRole('spinbutton').first().fill('80');
    await added.getByRole('textbox', { name: '单位' }).fill('%');
    await goalText.fill('宫颈癌筛查率达到80%以上。');
    await added.getByRole('combobox', { name: '所属条目' }).click();
    await page.locator('.ant-select-item-option[title="所属条目：目标 3"]').click();
    // The dropdown closed (axe below checks the page, not the list while it fades out).
    await expect
      .poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count())
      .toBe(0);
    // The problems follow the edits: none left.
    await expect.poll(() => added.textContent()).not.toContain('指标不能为空');
    expect(await page.getByText('内容不能为空').count()).toBe(0);
    expect(await page.getByTestId('plan-import-error').count()).toBe(0);
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
      areas: { code: string; goals: { number: number; text: string }[] }[];
      targets: {
        area: string;
        section: string;
        item: number;
        indicator: string;
        value: number | null;
        unit: string | null;
        year: number;
      }[];
    };
    expect(plan.targets[0]!.value).toBe(10);
    expect(plan.targets.map((t) => t.indicator)).not.toContainEqual(expect.stringContaining('预期寿命'));
    expect(plan.targets).toContainEqual(
      expect.objectContaining({
        area: 'health',
        section: 'goal',
        item: 3,
        indicator: '宫颈癌筛查率',
        value: 80,
        unit: '%',
        year: 2030,
      }),
    );
    expect(plan.targets).toHaveLength(3);
    expect(plan.areas.find((a) => a.code === 'health')!.goals.at(-1)).toMatchObject({
      number: 3,
      text: '宫颈癌筛查率达到80%以上。',
    });
    // The plan browser shows the added target (a sentence saying it was added by hand) and not the deleted one.
    await page.getByRole('button', { name: /妇女与健康/ }).click();
    const targets = page.getByTestId('plan-targets').first().locator('tbody tr.ant-table-row');
    await targets.filter({ hasText: '宫颈癌筛查率' }).waitFor();
    expect(await targets.filter({ hasText: '宫颈癌筛查率' }).textContent()).toContain('导入时手工添加');
    expect(await targets.count()).toBe(2);
    expect(await targets.filter({ hasText: '预期寿命' }).count()).toBe(0);
    expect(await page.getByText('宫颈癌筛查率达到80%以上。').count()).toBeGreaterThan(0);
    await context.close();
  }, 180_000);
});
