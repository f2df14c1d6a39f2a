// Bad input is refused before anything runs, naming the parameter and what is allowed
// (RELIABILITY.md 8): through the page API, the workload page's controls, and parameters that
// are fine alone but not together (the catalog's cost model: issue 13).
import { COI_URL, apiRunError, expect, liveWorkers, ready, runFromUi, test, workloadUrl } from './fixtures';

test('the page API refuses bad requests with the parameter and its allowed range, and starts no worker', async ({ page }) => {
  await page.goto(COI_URL);
  await ready(page);
  const cases: [unknown, RegExp][] = [
    [{ workload: 'nope' }, /^unknown workload 'nope'; known: fib, /],
    [{ workload: 'x'.repeat(1_000_000) }, /^unknown workload 'x{60}… \(1000000 characters\)'; known: fib, /],
    [{ workload: 42 }, /^unknown workload '42'; known: /],
    [{ workload: 'fib', params: { m: 3 } }, /^unknown parameter 'm' for fib; allowed: n$/],
    [{ workload: 'fib', params: { ['y'.repeat(5000)]: 3 } }, /^unknown parameter 'y{60}… \(5000 characters\)' for fib; allowed: n$/],
    [{ workload: 'fib', params: { n: 'ten' } }, /^parameter n of fib must be an integer, got "ten"; allowed: 0 to 50 \(Python in the page: up to \d+\)$/],
    [{ workload: 'fib', params: { n: 'z'.repeat(100_000) } }, /^parameter n of fib must be an integer, got "z{59}… \(100002 characters\); allowed: 0 to 50/],
    [{ workload: 'fib', params: { n: Number.NaN } }, /^parameter n of fib must be an integer, got NaN; allowed: 0 to 50/],
    [{ workload: 'fib', params: { n: 2.5 } }, /^parameter n of fib must be an integer, got 2.5; allowed: 0 to 50/],
    [{ workload: 'fib', params: { n: -1 } }, /^parameter n of fib must be between 0 and 50, got -1$/],
    [{ workload: 'fib', params: { n: 51 } }, /^parameter n of fib must be between 0 and 50, got 51$/],
    [{ workload: 'fib', params: { n: 1e300 } }, /^parameter n of fib must be an integer, got 1e\+300; allowed: 0 to 50/],
    [{ workload: 'fib', params: { n: 40 } }, /^parameter n of fib is at most \d+ for Python in the page, got 40$/],
    [{ workload: 'fib', params: [] }, /^parameters of fib must be an object$/],
    [{ workload: 'shared-counter', params: { strategy: 'spinlock' } }, /^parameter strategy of shared-counter must be one of /],
    [{ workload: 'fib', implementations: [] }, /^implementations must be a non-empty array$/],
    [{ workload: 'fib', implementations: ['<img src=x>'] }, /^unknown implementation '<img src=x>'; known: python, /],
    [{ workload: 'fib', threads: 0 }, /^threads must be an integer between 1 and \d+, got 0$/],
    [{ workload: 'fib', maxSamples: Number.POSITIVE_INFINITY }, /^maxSamples must be a number between 1 and 500, got Infinity$/],
    [{ workload: 'fib', pythonSource: 5 }, /^pythonSource must be a string$/],
    [{ workload: 'fib-batch', params: { count: 256, n: 29 } }, /^fib-batch with count=256 and n=29 would take about \d+ s per Python call in the page \(limit 4\.0 s\); allowed with the others unchanged: count <= \d+, or n <= \d+$/],
  ];
  for (const [req, want] of cases) {
    expect(await apiRunError(page, req as never)).toMatch(want);
  }
  // Nothing above reached a worker: every request was refused before anything started. (The
  // home page itself may start the Rust worker to show the timer tick: no Python, no run.)
  expect(await liveWorkers(page)).toBeLessThanOrEqual(1);
  expect(await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('twinbench:first-result')).length)).toBe(0);
});

test('the workload page refuses values out of range, and text, beside the form; nothing runs', async ({ page }) => {
  await page.goto(workloadUrl('fib', 'impls=python,rust&sampling=quick'));
  await ready(page);
  const error = page.locator('#params .param-error');
  for (const [value, want] of [
    ['-1', /^parameter n of fib must be between 0 and 50, got -1$/],
    ['51', /^parameter n of fib must be between 0 and 50, got 51$/],
    ['45', /^parameter n of fib is at most \d+ for Python in the page, got 45$/],
    ['', /^parameter n of fib must be an integer, got NaN; allowed: 0 to 50/],
    ['1e999', /^parameter n of fib must be an integer, got NaN; allowed: 0 to 50/],
  ] as const) {
    await page.locator('input[name="n"]').fill(value);
    await page.click('#run');
    await expect(error).toHaveText(want);
    await expect(page.locator('#status')).toHaveText('not run');
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'error');
  }
  await page.locator('input[name="n"]').fill('15');
  await runFromUi(page);
  await expect(error).toBeHidden();
});

test('fib-batch at both Python caps at once: the page refuses with the predicted time and the nearest allowed values, which run', async ({ page }) => {
  await page.goto(workloadUrl('fib-batch', 'count=256&n=29&impls=python,rust&sampling=quick'));
  await ready(page);
  await expect(page.locator('input[name="count"]')).toHaveValue('256');
  await expect(page.locator('input[name="n"]')).toHaveValue('29');
  await page.click('#run');
  const error = page.locator('#params .param-error');
  await expect(error).toHaveText(/^fib-batch with count=256 and n=29 would take about \d+ s per Python call in the page \(limit 4\.0 s\); allowed with the others unchanged: count <= \d+, or n <= \d+$/);
  await expect(page.locator('#status')).toHaveText('not run');
  const text = (await error.textContent())!;
  const n = Number(/n <= (\d+)/.exec(text)![1]);
  // The nearest allowed n: it runs (Rust alone too: its own budget is far away).
  await page.locator('input[name="n"]').fill(String(n));
  await page.locator('input[name="python"]').uncheck();
  await runFromUi(page);
  await expect(error).toBeHidden();
});
