import { launchBrowser } from '../test/e2e/support/browser.js';
import { startWebServer } from '../test/e2e/support/web-server.js';
import type { BenchResult } from './median-ms.js';

/**
 * The overview page on the demo data, measured in Chromium: from navigation (cold cache, fresh browser
 * context, signed in as the 安庆 monitoring lead) until its figures and charts are on screen. Median of
 * HALFSKY_BENCH_WEB_RUNS (default 5) runs after one warm-up. Bar: ≤ 1,500 ms.
 */
async function overviewInteractive(): Promise<BenchResult> {
  const runs = Number(process.env.HALFSKY_BENCH_WEB_RUNS ?? 5);
  const server = await startWebServer();
  const browser = await launchBrowser();
  try {
    let observations = 0;
    const once = async (): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
      const login = await context.request.post(`${server.url}/api/auth/login`, {
        data: { username: 'lead', password: server.password },
      });
      if (!login.ok()) throw new Error(`login: ${login.status()}`);
      const page = await context.newPage();
      page.on('response', (r) => {
        if (r.url().includes('/api/observations?region='))
          void r.json().then((b: { observations: unknown[] }) => (observations = b.observations.length));
      });
      const start = performance.now();
      await page.goto(`${server.url}/`);
      await page.getByTestId('completeness').waitFor();
      await page.locator('canvas').first().waitFor();
      const ms = performance.now() - start;
      await context.close();
      return ms;
    };
    await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    times.sort((a, b) => a - b);
    const ms = Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
    return { name: 'web-overview-interactive', ms, max_ms: Math.round(times.at(-1)!), runs, observations };
  } finally {
    await browser.close();
    await server.close();
  }
}

export const webBenchmarks = [overviewInteractive];
