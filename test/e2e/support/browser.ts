import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, without background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.HALFSKY_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Signs in through the form and waits for the signed-in layout. */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.getByTestId('current-user').waitFor();
}

/** A fresh laptop-sized browser context signed in through the form; the page's errors go to the log. */
export async function signedInPage(
  browser: Browser,
  url: string,
  username: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error (${username}):`, error.message));
  await signIn(page, url, username, password);
  return { context, page };
}

/**
 * Signs a browser context in through the API (no page needed) and answers the header that carries the CSRF
 * token its writes need.
 */
export async function apiSignIn(
  context: BrowserContext,
  url: string,
  username: string,
  password: string,
): Promise<{ 'x-csrf-token': string }> {
  const login = await context.request.post(`${url}/api/auth/login`, { data: { username, password } });
  if (!login.ok()) throw new Error(`login: ${login.status()}`);
  return { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core run in the page: the serious and critical violations (WCAG 2 A/AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  // In-page code as text: this project's TypeScript has no DOM library.
  const violations = await page.evaluate<AxeViolation[]>(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Tabs through the page from the top and returns the interactive controls (buttons, links, inputs)
 * that were never focused: each must be reachable by keyboard.
 */
export async function unreachableControls(page: Page, maxTabs = 300): Promise<string[]> {
  await page.evaluate(`
    window.__focused = new Set();
    document.addEventListener('focusin', (e) => window.__focused.add(e.target));
    document.activeElement && document.activeElement.blur && document.activeElement.blur();`);
  for (let i = 0; i < maxTabs; i++) await page.keyboard.press('Tab');
  return page.evaluate<string[]>(`(() => {
    const focused = [...window.__focused];
    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, [role="button"], [role="combobox"]')]
      .filter((el) => {
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        const disabled = el.disabled || el.getAttribute('aria-disabled') === 'true';
        const hidden = el.closest('[aria-hidden="true"], [hidden]') !== null || style.visibility === 'hidden' || rect.width === 0;
        return !disabled && !hidden && el.tabIndex >= 0;
      });
    const reached = (el) => focused.some((f) => f === el || el.contains(f) || f.contains(el));
    return controls.filter((el) => !reached(el))
      .map((el) => el.tagName.toLowerCase() + ' ' + (el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 30)));
  })()`);
}
