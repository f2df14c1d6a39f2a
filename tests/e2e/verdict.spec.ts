// What a result may claim (issue 9), on the built site: a single implementation compares
// nothing, few samples give no interval, edited Python is flagged and its reference twin can
// run beside it, a shortcut that skips the work is caught by the scaling check and its ratio
// hidden, a mismatch hides the ratio on the page, and the per-call overhead is shown where it
// is a large part of the time.
import { COI_URL, apiRun, expect, ready, test } from './fixtures';

// fib by iteration: the right answer (and so the right digest: fib's work digest is its
// answer's) in linear time instead of exponential. Only the scaling check can tell.
const ITERATIVE_FIB = 'def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n';

test.beforeEach(async ({ page }) => {
  await page.goto(COI_URL);
  await ready(page);
});

test('one implementation: nothing to compare, no ratio, and not called verified', async ({ page }) => {
  const r = await apiRun(page, { workload: 'fib', params: { n: 15 }, implementations: ['rust'], maxSamples: 7, timeBudgetMs: 200 });
  expect(r.verified).toBe(false);
  expect(r.output).toBe('610');
  expect(r.ratios).toEqual({});
  const codes = r.flags.map((f) => f.code);
  expect(codes).toContain('nothing-to-compare');
  expect(codes).not.toContain('mismatch');

  await page.locator('input[name="python"]').uncheck();
  await page.fill('input[name="n"]', '15');
  await page.click('#run');
  await expect(page.locator('#results .verdict')).toHaveText(/Nothing to compare/, { timeout: 60_000 });
  await expect(page.locator('#results li.ratio')).toHaveCount(0);
});

test('few samples: no interval (not a zero-width one), and a few-samples flag', async ({ page }) => {
  const r = await apiRun(page, { workload: 'fib', params: { n: 24 }, maxSamples: 1, timeBudgetMs: 1 });
  expect(r.verified).toBe(true);
  for (const impl of ['python', 'rust'] as const) expect(r.implementations[impl]!.ci95Ms).toBeNull();
  const ratio = r.ratios['python/rust']!;
  expect(ratio).toMatchObject({ hidden: false, ci95: null });
  expect(ratio.value).toBeGreaterThan(1);
  expect(ratio.flags).toContain('few-samples');
  const few = r.flags.filter((f) => f.code === 'few-samples');
  expect(few.map((f) => f.impl).sort()).toEqual(['python', 'rust']);
  expect(few[0]!.message).toMatch(/has 1 sample: a 95% interval needs 6/);
});

test('edited Python is flagged custom-python, and the reference twin runs beside it unflagged', async ({ page }) => {
  const r = await apiRun(page, {
    workload: 'fib',
    params: { n: 20 },
    implementations: ['python', 'python-reference', 'rust'],
    pythonSource: 'def fib(n):\n    # my version\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n',
    maxSamples: 7,
    timeBudgetMs: 300,
  });
  expect(r.verified).toBe(true);
  const custom = r.flags.filter((f) => f.code === 'custom-python');
  expect(custom).toEqual([expect.objectContaining({ impl: 'python', hidesRatio: false })]);
  expect(r.ratios['python/rust']!.flags).toContain('custom-python');
  expect(r.ratios['python-reference/rust']!.flags).not.toContain('custom-python');
});

test('a shortcut that skips the work (iterative fib as "fib") verifies but its time does not scale: ratio hidden', async ({ page }) => {
  const r = await apiRun(page, {
    workload: 'fib',
    params: { n: 27 },
    implementations: ['python', 'python-reference', 'rust'],
    pythonSource: ITERATIVE_FIB,
    maxSamples: 7,
    timeBudgetMs: 500,
  });
  // The answer and its digest are right...
  expect(r.verified).toBe(true);
  expect(r.output).toBe('196418');
  // ...but n=24 took nearly as long as n=27, where the recursion takes a quarter.
  const python = r.implementations.python!;
  expect(python.scaling!.expected).toBeCloseTo(0.236, 2);
  expect(python.scaling!.measured).toBeGreaterThan(0.6);
  const flag = r.flags.find((f) => f.code === 'work-not-scaling')!;
  expect(flag).toMatchObject({ impl: 'python', hidesRatio: true });
  expect(flag.message).toMatch(/did not grow with the work/);
  expect(r.ratios['python/rust']).toMatchObject({ value: null, hidden: true });
  expect(r.ratios['python/rust']!.flags).toContain('work-not-scaling');
  // The reference twin's ratio is untouched.
  expect(r.ratios['python-reference/rust']!.hidden).toBe(false);
  expect(r.flags.filter((f) => f.code === 'work-not-scaling').map((f) => f.impl)).toEqual(['python']);
});

test('on the page: edited Python greys its ratio, a mismatch replaces the ratio by its reason', async ({ page }) => {
  await page.selectOption('#workload', 'fib');
  await page.fill('input[name="n"]', '18');
  await page.locator('#code-box summary').click();
  const code = page.locator('#code-box textarea');
  await expect(code).toHaveValue(/def fib/);
  await expect(page.locator('label:has(input[name="python-reference"])')).toHaveAttribute('aria-disabled', 'true');
  await code.fill('def fib(n):\n    # edited\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n');
  await expect(page.locator('label:has(input[name="python-reference"])')).toHaveAttribute('aria-disabled', 'false');
  await page.click('#run');
  const ratio = page.locator('li[data-ratio="python/rust"]');
  await expect(ratio).toContainText('faster than Python', { timeout: 60_000 });
  await expect(ratio).toHaveClass(/flagged/);
  await expect(ratio).toContainText('your edited Python');
  await expect(page.locator('#results li[data-flag="custom-python"]')).toContainText('ran your edited code');

  await code.fill('def fib(n):\n    return 7\n');
  await page.click('#run');
  await expect(page.locator('#results .verdict')).toHaveText(/Outputs differ/, { timeout: 60_000 });
  const hidden = page.locator('li[data-ratio="python/rust"]');
  await expect(hidden).toHaveClass(/hidden/);
  await expect(hidden).toContainText('No ratio for Python against Rust');
  await expect(hidden).not.toContainText('faster');

  await page.locator('#code-box button').click();
  await expect(page.locator('label:has(input[name="python-reference"])')).toHaveAttribute('aria-disabled', 'true');
});

test('fib-memo: the per-call overhead of an empty kernel is measured and shown beside the time', async ({ page }) => {
  const r = await apiRun(page, { workload: 'fib-memo', params: { n: 150 }, maxSamples: 7, timeBudgetMs: 300 });
  expect(r.verified).toBe(true);
  const rust = r.implementations.rust!;
  expect(rust.overheadMs).toBeGreaterThan(0);
  expect(r.implementations.python!.overheadMs).toBeGreaterThan(0);

  await page.selectOption('#workload', 'fib-memo');
  await page.click('#run');
  await expect(page.locator('#results .verdict')).toBeVisible({ timeout: 60_000 });
  // The catalog's `differences` text is shown with the result.
  const differences = await page.evaluate(() => window.twinbench.workloads().find((w) => w.id === 'fib-memo')!.differences);
  expect(differences).not.toBe('');
  await expect(page.locator('#results .differences')).toContainText(differences);
  if (rust.overheadMs! >= 0.1 * rust.medianMs) {
    await expect(page.locator('tr[data-impl="rust"] .overhead')).toContainText('per-call overhead');
  }
});
