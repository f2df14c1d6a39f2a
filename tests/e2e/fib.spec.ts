// The first vertical slice, from the workload page: fib runs in Python (Pyodide, one worker)
// and in Rust (wasm, another worker) on the built site with COOP/COEP, both times are shown,
// and the outputs match.
import { expect, liveWorkers, ready, runFromUi, test, workloadUrl } from './fixtures';

test('fib runs in Python and Rust workers in a cross-origin isolated page, and the outputs match', async ({ page }, testInfo) => {
  await page.goto(workloadUrl('fib', 'n=20&sampling=quick'));
  await ready(page);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(page.locator('#notice')).toBeHidden();
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'idle');

  await runFromUi(page);
  await expect(page.locator('#results .verdict')).toHaveText(/Outputs identical/);
  // Both implementations ran in their own workers and both times are shown, with intervals
  // labelled as what they are.
  const median = (impl: string) => page.locator(`tr[data-impl="${impl}"] td.median`);
  await expect(median('python')).toHaveText(/^\d+(\.\d+)? (ns|ms|µs|s)/);
  await expect(median('rust')).toHaveText(/^\d+(\.\d+)? (ns|ms|µs|s)/);
  await expect(page.locator('#results th').nth(2)).toHaveText('95% CI within this run');
  await expect(page.locator('#results pre.output')).toHaveText('6765');
  const headline = page.locator('#results .headline[data-ratio="python/rust"]');
  await expect(headline).toContainText(/Rust is [\d.]+× faster/);
  await expect(headline).toContainText('95% interval within this run');
  await expect(page.locator('#status')).toHaveText('done');
  expect(await liveWorkers(page)).toBe(2);
  const workers = page.workers().map((w) => new URL(w.url()).pathname);
  expect(workers.some((p) => p.includes('python.worker'))).toBe(true);
  expect(workers.some((p) => p.includes('rust.worker'))).toBe(true);

  await page.screenshot({ path: testInfo.outputPath('fib.png'), fullPage: true });
});
