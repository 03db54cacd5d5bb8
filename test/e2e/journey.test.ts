import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations, signedInPage, unreachableControls } from './support/browser.js';
import { OUTSIDER, startWebServer, type WebServer } from './support/web-server.js';

/**
 * The journey in a real Chromium against a real server with the demo data: the reporter enters and
 * submits, inline checks catch bad cells, the monitoring lead approves in the review queue, the indicator
 * page and the overview show the new value, a user outside the region cannot see its plan; axe-core on
 * every page of the journey, and every control reachable by keyboard.
 */
const INDICATOR = 'health.maternal_mortality';
const REGION = '340800';
const YEAR = 2025;

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

function as(username: string, password?: string): Promise<{ context: BrowserContext; page: Page }> {
  return signedInPage(browser, server.url, username, password ?? server.password);
}

async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Checked at rest: a modal fading in or a list fading out has its colours half-way (contrast).
  await page.waitForFunction(
    "document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
  );
  const violations = await seriousViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`)).toEqual([]);
}

/** The API as the page's own session sees it (same cookie). */
async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${server.url}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

interface Cell {
  id: string;
  indicatorCode: string;
  indicatorName: string;
  regionCode: string;
  sex: string;
  urbanRural: string;
  age: string;
  state: string;
  value: number | null;
  lastYearValue: number | null;
  returnReason: string | null;
}

describe('web journey', () => {
  let entered = 0;
  let corrected = 0;
  let round = '';

  /** The round's cell of the journey, as the API shows it to this page's user. */
  const journeyCell = async (page: Page): Promise<Cell> => {
    const { cells } = await getJson<{ cells: Cell[] }>(page, `/api/rounds/${round}/cells?region=${REGION}`);
    return cells.find(
      (c) =>
        c.indicatorCode === INDICATOR &&
        c.regionCode === REGION &&
        c.sex === '合计' &&
        c.urbanRural === '合计' &&
        c.age === '',
    )!;
  };

  it('signed out, the overview leads to the sign-in page and back to the overview once signed in', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel(/用户名/).fill('lead');
    await page.getByLabel(/密码/).fill(server.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('completeness').waitFor();
    expect(await page.getByTestId('error').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('a reporter enters a value in the round, sees the inline checks, and submits', async () => {
    const { context, page } = await as('reporter');
    const { rounds } = await getJson<{ rounds: { id: string; planId: string; year: number }[] }>(
      page,
      '/api/rounds',
    );
    round = rounds.find((r) => r.planId === 'anqing' && r.year === YEAR)!.id;
    const cell = await journeyCell(page);
    expect(cell).toMatchObject({ state: 'owed', value: null });
    expect(cell.lastYearValue).not.toBeNull();
    await page.goto(`${server.url}/data-entry?round=${round}&region=${REGION}`);
    const input = page.getByLabel(`${cell.indicatorName} 合计`, { exact: true });
    await input.waitFor();
    await expectAccessible(page);

    await input.fill('abc');
    await expect.poll(() => page.getByTestId('cell-problem').allTextContents()).toContain('请输入数字');
    expect(await page.getByTestId('submit').isDisabled()).toBe(true);
    // A big jump against last year asks for a comment.
    await input.fill(String(Math.round(cell.lastYearValue! * 3 * 100) / 100));
    await expect
      .poll(() => page.getByTestId('cell-problem').allTextContents())
      .toEqual([expect.stringContaining('请填写说明')]);
    entered = Math.round(cell.lastYearValue! * 0.9 * 100) / 100;
    await input.fill(String(entered));
    await expect.poll(() => page.getByTestId('cell-problem').count()).toBe(0);
    // Enter moves to the next cell.
    await input.press('Enter');
    expect(await page.evaluate(`document.activeElement.getAttribute('data-grid-cell')`)).not.toBe(
      `${INDICATOR}|合计`,
    );
    // Leaving with unsaved changes asks first.
    await page.getByRole('menuitem', { name: '总览' }).click();
    await page.getByText('离开此页？').waitFor();
    await page.getByRole('button', { name: '留在此页' }).click();
    await page.getByTestId('save-draft').click();
    await expect.poll(async () => (await journeyCell(page)).state).toBe('draft');
    await page.getByTestId('submit').click();
    await expect.poll(async () => (await journeyCell(page)).state).toBe('submitted');
    expect((await journeyCell(page)).value).toBe(entered);
    await context.close();
  }, 180_000);

  it('the monitoring lead returns it with a reason; the reporter sees the reason, corrects and resubmits', async () => {
    const lead = await as('lead');
    await lead.page.goto(`${server.url}/review`);
    const queue = lead.page.getByTestId('review-queue');
    await queue.waitFor();
    await expectAccessible(lead.page);
    const row = () => queue.locator('tr', { hasText: String(entered) });
    await expect.poll(() => row().count()).toBe(1);
    await row().getByRole('checkbox').check();
    await lead.page.getByTestId('return').click();
    await lead.page.getByLabel('退回原因').fill('与卫健委年报不符，请核实');
    await lead.page.getByRole('button', { name: '退 回' }).click();
    await lead.page.getByText(/已退回 1 个数值/).waitFor();

    const reporter = await as('reporter');
    expect(await journeyCell(reporter.page)).toMatchObject({
      state: 'returned',
      returnReason: '与卫健委年报不符，请核实',
    });
    await reporter.page.goto(`${server.url}/data-entry?round=${round}&region=${REGION}`);
    await reporter.page.getByText('退回原因：与卫健委年报不符，请核实').waitFor();
    const cell = await journeyCell(reporter.page);
    // The row opens to its cells' history (the same block as the review queue's): the return with its reason.
    const input = reporter.page.getByLabel(`${cell.indicatorName} 合计`, { exact: true });
    await reporter.page
      .getByTestId('entry-grid')
      .locator('tr', { has: input })
      .getByRole('button', { name: /展开/ })
      .click();
    await expect
      .poll(() => reporter.page.getByTestId('cell-history').allTextContents())
      .toContainEqual(expect.stringContaining('与卫健委年报不符，请核实'));
    corrected = Math.round(cell.lastYearValue! * 0.95 * 100) / 100;
    await reporter.page.getByLabel(`${cell.indicatorName} 合计`, { exact: true }).fill(String(corrected));
    await reporter.page.getByTestId('submit').click();
    await expect.poll(async () => (await journeyCell(reporter.page)).state).toBe('submitted');
    await reporter.context.close();

    // The lead sees the corrected value in the queue and approves it.
    await lead.page.reload();
    const again = lead.page.getByTestId('review-queue').locator('tr', { hasText: String(corrected) });
    await expect.poll(() => again.count()).toBe(1);
    await again.getByRole('checkbox').check();
    await lead.page.getByTestId('approve').click();
    await lead.page.getByText(/已审核通过 1 个数值/).waitFor();
    expect(await journeyCell(lead.page)).toMatchObject({ state: 'approved', value: corrected });
    await lead.context.close();
  }, 180_000);

  it('the indicator page and the overview show the new value and its status', async () => {
    const { context, page } = await as('viewer');
    await page.goto(`${server.url}/indicators/${INDICATOR}?region=${REGION}`);
    const table = page.getByTestId('indicator-table');
    await table.waitFor();
    const row = table.locator('tr', { hasText: String(YEAR) });
    await expect.poll(() => row.first().textContent()).toContain(String(corrected));
    expect(await row.first().textContent()).toContain('已审核');
    expect(await page.getByTestId('assessment-text').textContent()).toContain(`${YEAR}年`);
    await expectAccessible(page);

    await page.goto(`${server.url}/`);
    await page.getByTestId('completeness').waitFor();
    expect(await page.getByText(`最新数据年份：${YEAR}`).count()).toBe(1);
    expect(await page.getByTestId('simulated').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    expect(await unreachableControls(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('the plan browser shows areas, targets beside their source sentences, filtered by department', async () => {
    const { context, page } = await as('viewer');
    await page.goto(`${server.url}/plans`);
    await page.getByRole('link', { name: /安庆/ }).first().click();
    await page.getByTestId('plan-title').waitFor();
    type PlanItem = { responsibility: { departments: string[] } };
    const plan = await getJson<{
      targets: { text: string; responsible: string[] }[];
      areas: { name: string; goals: PlanItem[]; measures: PlanItem[] }[];
    }>(page, '/api/plans/anqing');
    expect(await page.getByText(plan.targets[0]!.text, { exact: true }).first().isVisible()).toBe(true);
    await expectAccessible(page);
    expect(await unreachableControls(page, 150)).toEqual([]);
    // Filtering by a department leaves only that department's goals and measures in an area that names one.
    const withDepartments = (i: PlanItem) => i.responsibility.departments.length > 0;
    const area = plan.areas.find((a) => [...a.goals, ...a.measures].some(withDepartments))!;
    const department = [...area.goals, ...area.measures].find(withDepartments)!.responsibility
      .departments[0]!;
    await page.getByRole('button', { name: new RegExp(area.name) }).click();
    const items = page.locator('.ant-collapse-item-active', { hasText: area.name }).locator('.ant-list-item');
    const all = area.goals.length + area.measures.length;
    await expect.poll(() => items.count()).toBe(all);
    await page.locator('#department-filter').fill(department);
    await page.keyboard.press('Enter');
    const matching = [...area.goals, ...area.measures].filter((i) =>
      i.responsibility.departments.includes(department),
    ).length;
    await expect.poll(() => items.count()).toBe(matching);
    expect(matching).toBeLessThan(all);
    await context.close();
  }, 120_000);

  it('a user outside the region cannot see its plan or its data', async () => {
    const { context, page } = await as(OUTSIDER.username, OUTSIDER.password);
    await page.goto(`${server.url}/plans`);
    await page.getByRole('heading', { name: '规划' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('安庆市妇女发展纲要').count()).toBe(0);
    await page.goto(`${server.url}/plans/anqing`);
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('plan-title').count()).toBe(0);
    await page.goto(`${server.url}/indicators/${INDICATOR}?region=${REGION}`);
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('indicator-table').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('the monitoring lead acknowledges an alert with an action plan (督办) and sees it in its history', async () => {
    const { context, page } = await as('lead');
    await page.goto(`${server.url}/alerts`);
    const table = page.getByTestId('alerts-table');
    await table.waitFor();
    await expectAccessible(page);
    const first = table.locator('tbody tr', { has: page.getByRole('button', { name: /认领/ }) }).first();
    await first.getByRole('button', { name: /认领/ }).click();
    await page
      .getByRole('textbox', { name: '整改措施', exact: true })
      .fill('卫健局牵头，三季度前完成专项整治');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已认领', { exact: true }).first().waitFor();
    await expect.poll(() => table.getByText('整改措施：卫健局牵头，三季度前完成专项整治').count()).toBe(1);
    await context.close();
  }, 120_000);

  it('downloads the annual report of a year from the reports page', async () => {
    const { context, page } = await as('owner');
    await page.goto(`${server.url}/reports`);
    const link = page.getByRole('link', { name: /下\s*载/ });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/plans\/[^/]+\/reports\/annual\?year=2024$/);
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 2).toString()).toBe('PK'); // a .docx is a zip
    expect((await seriousViolations(page)).map((v) => `${v.id}: ${JSON.stringify(v).slice(0, 400)}`)).toEqual(
      [],
    );
    await context.close();
  }, 120_000);

  it('a year the plan owner publishes appears on the public pages, without signing in', async () => {
    const anonymous = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const visitor = await anonymous.newPage();
    await visitor.goto(`${server.url}/public`);
    await visitor.getByText('尚未公开发布任何年度的结果').waitFor();

    const { context, page } = await as('owner');
    await page.goto(`${server.url}/reports`);
    await page.getByRole('button', { name: '发布2024年结果' }).click();
    await page.getByText('已发布2024年结果').waitFor();
    await context.close();

    await visitor.reload();
    await visitor.getByRole('link', { name: /全部开放数据/ }).waitFor();
    expect(await visitor.getByRole('row').count()).toBeGreaterThan(2);
    // An indicator row opens its chart from the keyboard too (the header is row 0).
    const second = visitor.getByRole('row').nth(2);
    const label = (await second.getByRole('cell').first().innerText()).trim();
    await second.focus();
    await visitor.keyboard.press('Enter');
    await visitor.locator('.ant-card-head-title', { hasText: label }).first().waitFor();
    const csv = await visitor.getByRole('link', { name: 'CSV' }).first().getAttribute('href');
    const response = await visitor.request.get(`${server.url}${csv}`);
    expect(response.status()).toBe(200);
    expect((await response.text()).split('\n')[0]).toContain('Year');
    await expectAccessible(visitor);
    await anonymous.close();
  }, 120_000);

  it('the monitoring lead closes the round after confirming; the reporter can no longer save in it', async () => {
    const lead = await as('lead');
    await lead.page.goto(`${server.url}/review`);
    await lead.page.locator('#round-select').click();
    await lead.page.locator('.ant-select-item-option', { hasText: new RegExp(`安庆.*${YEAR}年`) }).click();
    await lead.page.getByTestId('close-round').click();
    await lead.page.locator('.ant-modal-confirm-title', { hasText: `关闭${YEAR}年的填报轮次？` }).waitFor();
    await expectAccessible(lead.page);
    await lead.page.getByRole('dialog').getByRole('button', { name: '关闭本轮' }).click();
    await lead.page.getByTestId('round-closed').waitFor();
    const { round: closed } = await getJson<{ round: { status: string } }>(lead.page, `/api/rounds/${round}`);
    expect(closed.status).toBe('closed');
    await lead.context.close();

    const reporter = await as('reporter');
    await reporter.page.goto(`${server.url}/data-entry?round=${round}&region=${REGION}`);
    // An owed cell of the reporter's, given last year's value (no inline problem): the save is refused.
    const { cells } = await getJson<{ cells: Cell[] }>(
      reporter.page,
      `/api/rounds/${round}/cells?region=${REGION}`,
    );
    const owed = cells.find(
      (c) =>
        c.state === 'owed' &&
        c.regionCode === REGION &&
        c.urbanRural === '合计' &&
        c.age === '' &&
        c.lastYearValue !== null,
    )!;
    await reporter.page
      .getByLabel(`${owed.indicatorName} ${owed.sex}`, { exact: true })
      .fill(String(owed.lastYearValue));
    await reporter.page.getByTestId('save-draft').click();
    await reporter.page.getByText(/已关闭，不能再保存/).waitFor();
    await reporter.context.close();
  }, 120_000);

  it('navigation shows each role only what it may use', async () => {
    const menu = async (username: string) => {
      const { context, page } = await as(username);
      const items = await page.getByTestId('nav').getByRole('menuitem').allTextContents();
      await context.close();
      return items.map((s) => s.trim());
    };
    const viewer = await menu('viewer');
    expect(viewer).toContain('总览');
    expect(viewer).not.toContain('数据填报');
    expect(viewer).not.toContain('数据审核');
    const reporter = await menu('reporter');
    expect(reporter).toContain('数据填报');
    expect(reporter).not.toContain('数据审核');
    const lead = await menu('lead');
    expect(lead).toContain('数据审核');
    expect(lead.join()).not.toContain('用户与角色');
    const admin = await menu('admin');
    expect(admin.join()).toContain('系统管理');
  }, 120_000);
});
