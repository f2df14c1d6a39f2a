// The page stays responsive during a run: no main-thread task over 50 ms between pressing Run
// and the result being drawn (a PerformanceObserver for long tasks), on a workload page that
// also draws its story chart.
import { expect, ready, runFromUi, test, workloadUrl } from './fixtures';

// Playwright's trace snapshots the page's DOM on the test's own actions, in the page's main
// thread: tasks of the test tool, not of the app (60-120 ms each on a results page under load).
test.use({ trace: 'off' });

for (const [id, query] of [
  ['fib', 'n=20&sampling=quick'],
  ['mandelbrot', 'n=120&sampling=quick'],
] as const) {
  test(`${id}: no long task on the main thread during a run from the UI`, async ({ page }) => {
    await page.goto(workloadUrl(id, query));
    await ready(page);
    // Let the page settle (the editor, the idle prewarm) before watching.
    await page.locator('#python-panel .code-frame[data-ready="true"]').waitFor();
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
      // Which scripts a long frame ran, for the failure message (long-animation-frame, Chromium).
      const v = window as unknown as { __scripts: string[] };
      v.__scripts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as Array<{ duration: number; scripts: Array<{ duration: number; invoker: string; sourceURL: string }> }>) {
          if (e.duration > 50) v.__scripts.push(...e.scripts.map((x) => `${Math.round(x.duration)} ms ${x.invoker} ${x.sourceURL.split('/').pop()}`));
        }
      }).observe({ type: 'long-animation-frame' });
    });
    await runFromUi(page);
    await page.locator('#results .chart[data-drawn="true"]').first().waitFor();
    await page.waitForTimeout(300);
    const { long, scripts } = await page.evaluate(() => ({ long: (window as unknown as { __long: number[] }).__long, scripts: (window as unknown as { __scripts: string[] }).__scripts }));
    expect(long, `long tasks (ms): ${long.join(', ')}; scripts in long frames: ${scripts.join('; ') || 'none'}`).toEqual([]);
  });
}
