// Hosting without headers (RELIABILITY.md 24, 25): GitHub Pages sends no COOP/COEP. With
// service workers blocked the site still works single-threaded and says why; with them
// allowed, coi-serviceworker isolates the page after at most one reload.
import { BASE_PATH_URL, NO_COI_URL, apiRun, expect, liveWorkers, ready, stopARunawayLoop, test } from './fixtures';

test.describe('without service workers', () => {
  test.use({ serviceWorkers: 'block' });

  test('the site works single-threaded without COOP/COEP and says why', async ({ page }) => {
    await page.goto(NO_COI_URL);
    await ready(page);
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
    await expect(page.locator('#notice')).toContainText('threads off: this page is not cross-origin isolated');

    const r = await apiRun(page, { workload: 'fib', params: { n: 18 }, maxSamples: 5, timeBudgetMs: 300 });
    expect(r.verified).toBe(true);
    expect(r.output).toBe('2584');
    expect(r.environment.crossOriginIsolated).toBe(false);
    expect(r.environment.threads).toBe(false);

    const err = await page.evaluate(() =>
      window.twinbench.run({ workload: 'fib-batch', implementations: ['rust-threads'] }).then(
        () => 'resolved',
        (e: Error) => e.message,
      ),
    );
    expect(err).toContain('rust-threads is not available: threads off: this page is not cross-origin isolated');

    // The workload page disables the threaded implementation and says why beside it.
    await page.goto(`${NO_COI_URL}w/fib-batch/`);
    await ready(page);
    const box = page.locator('label:has(input[name="rust-threads"])');
    await expect(box).toHaveAttribute('aria-disabled', 'true');
    await expect(box).toContainText('not cross-origin isolated');
  });
  test('Stop without shared memory terminates Python and replaces it, and the next run works', async ({ page }) => {
    await page.goto(NO_COI_URL);
    await ready(page);
    await apiRun(page, { workload: 'fib', params: { n: 10 }, implementations: ['python'], maxSamples: 3, timeBudgetMs: 50 });
    const stop = await stopARunawayLoop(page, 1000);
    expect(stop.message).toBe('cancelled');
    expect(stop.report).toEqual({ stopped: true, restarted: ['python'] });
    expect(stop.ms).toBeLessThan(2000);
    const next = await apiRun(page, { workload: 'fib', params: { n: 12 }, implementations: ['python'], maxSamples: 3, timeBudgetMs: 50 });
    expect(next.output).toBe('144');
    // The replaced Python worker, and the Rust one that measured the timer tick.
    expect(await liveWorkers(page)).toBe(2);
  });
});

test('coi-serviceworker isolates a header-less host with at most one reload', async ({ page }) => {
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(NO_COI_URL);
  await page.waitForFunction(() => window.crossOriginIsolated === true, undefined, { timeout: 30_000 });
  await ready(page);
  await page.waitForTimeout(1000); // a reload loop would show up here
  expect(loads).toBeLessThanOrEqual(2);
  const r = await apiRun(page, { workload: 'fib', params: { n: 15 }, implementations: ['rust'], maxSamples: 3, timeBudgetMs: 100 });
  expect(r.output).toBe('610');
  expect(r.environment.threads).toBe(true);
});

test('the same build works under a base path, Pyodide and the wasm included', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(BASE_PATH_URL);
  await ready(page);
  const r = await apiRun(page, { workload: 'fib', params: { n: 16 }, maxSamples: 3, timeBudgetMs: 100 });
  expect(r.verified).toBe(true);
  expect(r.output).toBe('987');
  expect(requests.filter((p) => !p.startsWith('/twinbench/'))).toEqual([]);
  expect(requests.some((p) => p.startsWith('/twinbench/pyodide/'))).toBe(true);
});
