import { apiSignIn, launchBrowser } from '../test/e2e/support/browser.js';
import { startWebServer } from '../test/e2e/support/web-server.js';
import type { BenchResult } from './median-ms.js';

/**
 * The overview page on the demo data, measured in Chromium: from navigation (cold cache, fresh browser
 * context, signed in as the 安庆 monitoring lead) until its figures and charts are on screen (the server's
 * evaluation of the plan is cached after the warm-up, as it is for every visitor after the first). Median of
 * HALFSKY_BENCH_WEB_RUNS (default 5) runs after one warm-up. Bar: ≤ 1,500 ms. HALFSKY_BENCH_WEB_LOG=1 prints, per
 * run, when each request and script finished and the page's own performance marks (where the time goes).
 */
async function overviewInteractive(): Promise<BenchResult> {
  const runs = Number(process.env.HALFSKY_BENCH_WEB_RUNS ?? 5);
  const server = await startWebServer();
  const browser = await launchBrowser();
  try {
    let targets = 0;
    const once = async (): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
      await apiSignIn(context, server.url, 'lead', server.password);
      const page = await context.newPage();
      const log: string[] = [];
      let start = 0;
      if (process.env.HALFSKY_BENCH_WEB_LOG) {
        page.on('requestfinished', (r) => {
          const at = Math.round(performance.now() - start);
          const timing = r.timing();
          const path = r.url().replace(server.url, '').slice(0, 70);
          log.push(
            `${String(at).padStart(5)} ms  done ${path} (server ${Math.round(timing.responseStart - timing.requestStart)} ms)`,
          );
        });
      }
      page.on('response', (r) => {
        if (r.url().includes('/evaluation/overview'))
          void r.json().then((b: { targets: unknown[] }) => (targets = b.targets.length));
      });
      start = performance.now();
      await page.goto(`${server.url}/`);
      await page.getByTestId('completeness').waitFor();
      await page.locator('canvas').first().waitFor();
      const ms = performance.now() - start;
      if (process.env.HALFSKY_BENCH_WEB_LOG) {
        // In-page code as text: this project's TypeScript has no DOM library.
        const marks = await page.evaluate<{ name: string; startTime: number; duration: number }[]>(
          `performance.getEntries().filter((e) => e.entryType === 'mark' || e.entryType === 'measure' ||
             e.entryType === 'paint' || e.entryType === 'longtask').map((e) =>
             ({ name: e.entryType + ' ' + e.name, startTime: e.startTime, duration: e.duration }))`,
        );
        for (const m of marks)
          log.push(
            `${String(Math.round(m.startTime)).padStart(5)} ms  ${m.name} (${Math.round(m.duration)} ms) [page clock]`,
          );
        console.log(`run ${Math.round(ms)} ms\n  ${log.join('\n  ')}`);
      }
      await context.close();
      return ms;
    };
    await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    times.sort((a, b) => a - b);
    const ms = Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
    return { name: 'web-overview-interactive', ms, max_ms: Math.round(times.at(-1)!), runs, targets };
  } finally {
    await browser.close();
    await server.close();
  }
}

export const webBenchmarks = [overviewInteractive];
