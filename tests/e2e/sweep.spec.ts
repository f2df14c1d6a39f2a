// The stories that take more than one run: the thread sweep (each count in a fresh worker,
// the reported count the requested one, Amdahl fitted and drawn) and fib-batch's crossover.
import { expect, ready, test, workloadUrl } from './fixtures';

test('the thread sweep runs each count in a fresh worker and draws the speedup with a fitted Amdahl curve', async ({ page }) => {
  await page.goto(workloadUrl('amdahl', 'work=50000&threads=2'));
  await ready(page);
  // Through the page API: counts 1 and 2, each reported as asked, each a fresh worker.
  let spawned = 0;
  page.on('worker', (w) => {
    if (new URL(w.url()).pathname.includes('rust-threads.worker')) spawned++;
  });
  const sweep = await page.evaluate(async () => {
    const s = await window.twinbench.sweep(
      { workload: 'amdahl', params: { work: 50000 }, implementations: ['rust-threads'], maxSamples: 7, timeBudgetMs: 200, minWarmupMs: 100 },
      [{ threads: 1 }, { threads: 2 }],
    );
    return s.points.map((p) => ({ threads: p.result.implementations['rust-threads']?.threads, verified: p.result.verified, ratio: p.result.ratios['rust-threads-1/rust-threads']?.value }));
  });
  expect(sweep.map((p) => p.threads)).toEqual([1, 2]);
  expect(sweep.every((p) => p.verified && typeof p.ratio === 'number')).toBe(true);
  // One worker per count for rust-threads, and one for its one-thread baseline.
  expect(spawned).toBe(3);

  // From the page: the panel's button, its state, the chart and the fitted parallel fraction.
  const panel = page.locator('#thread-sweep');
  await expect(panel).toHaveAttribute('data-state', 'idle');
  await page.click('#thread-sweep-run');
  await expect(page.locator('#stop')).toBeEnabled();
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  const chart = panel.locator('.chart[data-chart="speedup"]');
  await expect(chart).toHaveAttribute('data-drawn', 'true');
  await expect(chart.locator('canvas')).toHaveCount(1);
  const p = Number(await chart.getAttribute('data-fitted-p'));
  expect(p).toBeGreaterThanOrEqual(0);
  expect(p).toBeLessThanOrEqual(1);
  await expect(chart.locator('figcaption')).toContainText("Amdahl's law fits a parallel fraction");
});

test("fib-batch's crossover sweep draws where the pool and rayon start to pay", async ({ page }) => {
  await page.goto(workloadUrl('fib-batch', 'count=4&n=12&threads=2'));
  await ready(page);
  await page.click('#crossover-run');
  const panel = page.locator('#crossover');
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  await expect(panel.locator('.chart[data-chart="crossover"] canvas')).toHaveCount(1);
  await expect(panel.locator('figcaption')).toContainText('Rust worker pool');
});
