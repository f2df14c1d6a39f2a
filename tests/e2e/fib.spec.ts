// The first vertical slice: fib runs in Python (Pyodide, one worker) and in Rust (wasm,
// another worker) on the built site with COOP/COEP, both times are shown, and the outputs match.
import { COI_URL, expect, liveWorkers, ready, test } from './fixtures';

test('fib runs in Python and Rust workers in a cross-origin isolated page, and the outputs match', async ({ page }, testInfo) => {
  await page.goto(COI_URL);
  await ready(page);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(page.locator('#notice')).toBeHidden();

  await page.selectOption('#workload', 'fib');
  await page.fill('input[name="n"]', '20');
  await page.click('#run');
  await expect(page.locator('#results .verdict')).toHaveText(/Outputs identical/, { timeout: 120_000 });

  // Both implementations ran in their own workers and both times are shown, with intervals
  // labelled as what they are.
  const median = (impl: string) => page.locator(`tr[data-impl="${impl}"] td.median`);
  await expect(median('python')).toHaveText(/^\d+(\.\d+)? (ns|ms|µs|s)/);
  await expect(median('rust')).toHaveText(/^\d+(\.\d+)? (ns|ms|µs|s)/);
  await expect(page.locator('#results th').nth(2)).toHaveText('95% CI within this run');
  await expect(page.locator('#results .output')).toHaveText('6765');
  await expect(page.locator('li[data-ratio="python/rust"]')).toContainText('faster than Python');
  await expect(page.locator('li[data-ratio="python/rust"]')).toContainText('95% CI within this run');
  expect(await liveWorkers(page)).toBe(2);
  const workers = page.workers().map((w) => new URL(w.url()).pathname);
  expect(workers.some((p) => p.includes('python.worker'))).toBe(true);
  expect(workers.some((p) => p.includes('rust.worker'))).toBe(true);

  await page.screenshot({ path: testInfo.outputPath('fib.png'), fullPage: true });
});
