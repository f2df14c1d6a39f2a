// The page stays responsive during a run: no main-thread task over 50 ms between pressing Run
// and the result being drawn (a PerformanceObserver for long tasks), on a workload page that
// also draws its story chart.
import { expect, ready, runFromUi, test, workloadUrl } from './fixtures';

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
    });
    await runFromUi(page);
    await page.locator('#results .chart[data-drawn="true"]').first().waitFor();
    await page.waitForTimeout(300);
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    expect(long, `long tasks (ms): ${long.join(', ')}`).toEqual([]);
  });
}
