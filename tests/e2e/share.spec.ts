// Share links (#s=...): they carry code, parameters and a result, and run nothing by
// themselves; what they carry, and any error it raises, is shown as text; a result they carry is shown beside the
// visitor's own after Run; a broken link loads with a notice and never throws.
import LZString from 'lz-string';
import { expect, liveWorkers, pythonCode, ready, recordPyodideRequests, runFromUi, test, workloadUrl } from './fixtures';

const HOSTILE = '<img src=x onerror=window.__xss=1>';
const CODE = `print(${JSON.stringify(HOSTILE)})\nprint("</pre><script>window.__xss=2</script>")\n\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n`;
const link = (state: unknown): string => `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(state))}`;

test('a share link with hostile output shows the code, fetches no Pyodide file before Run, and prints the text literally after', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const pyodide = recordPyodideRequests(page);
  await page.goto(workloadUrl('fib') + link({ v: 1, params: { n: 12 }, code: CODE, impls: ['python', 'rust'] }));
  await ready(page);
  await expect(page.locator('#share-notice')).toContainText('nothing runs until you press Run');
  expect(await pythonCode(page)).toContain(HOSTILE);
  await expect(page.locator('input[name="n"]')).toHaveValue('12');
  // Long enough for an idle prewarm to have started, had the page done one.
  await page.waitForTimeout(4500);
  expect(pyodide).toEqual([]);
  expect(await liveWorkers(page)).toBe(0);
  await expect(page.locator('#run')).toBeEnabled();

  await page.locator('#sampling').selectOption('quick');
  await runFromUi(page);
  expect(pyodide.length).toBeGreaterThan(0);
  // Pyodide was downloaded on Run, with a bar in bytes, then each implementation's samples.
  await expect(page.locator('[data-progress="download"] .value')).toHaveText(/^([\d.]+) MB of \1 MB$/);
  await expect(page.locator('[data-progress="impl:Python"] .value')).toHaveText(/^\d+ samples$/);
  // The page's download is the first phase of Python's cold start.
  await expect(page.locator('#results details.cold dl[data-impl="python"] dt').first()).toHaveAttribute('data-phase', 'pageDownload');
  const stdout = page.locator('#results pre.stdout');
  await expect(stdout).toContainText(HOSTILE);
  await expect(stdout).toContainText('</pre><script>window.__xss=2</script>');
  expect(await page.locator('#results img, #results script').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test('a share link with a result shows it before Run, and both side by side with both environments after', async ({ page, context }) => {
  await page.goto(workloadUrl('fib', 'n=16&sampling=quick'));
  await ready(page);
  await runFromUi(page);
  const href = await page.locator('#result-tools a.share-link').getAttribute('href');
  expect(href).toMatch(/#s=/);

  const other = await context.newPage();
  const pyodide = recordPyodideRequests(other);
  await other.goto(href!);
  await ready(other);
  const shared = other.locator('#compare #shared-result');
  await expect(shared).toContainText('The shared result');
  await expect(shared.locator('.verdict')).toHaveText(/Outputs identical/);
  await expect(shared.locator('tr[data-impl="python"] td.median')).toHaveText(/\d/);
  await expect(shared.locator('[data-env="browser"]')).toContainText('Chromium');
  await expect(other.locator('#compare #your-result')).toHaveCount(0);
  expect(pyodide).toEqual([]);

  await other.locator('#sampling').selectOption('quick');
  await runFromUi(other);
  await expect(other.locator('#compare')).toHaveClass(/both/);
  const mine = other.locator('#compare #your-result');
  await expect(mine.locator('.verdict')).toHaveText(/Outputs identical/);
  await expect(mine.locator('[data-env="cores"]')).toBeVisible();
  await expect(shared.locator('[data-env="cores"]')).toBeVisible();
  await other.close();
});

test('malformed, truncated, oversized and wrongly typed share links load the page with a notice', async ({ page }) => {
  const good = link({ v: 1, params: { n: 14 }, code: 'def fib(n):\n    return n\n' });
  const bad = [
    '#s=%%%',
    good.slice(0, 30),
    link({ v: 1, params: { n: 'ten' } }),
    link({ v: 1, params: { n: 10_000 } }),
    link({ v: 1, code: 42 }),
    link({ v: 1, impls: ['python', '<script>'] }),
    link({ v: 1, result: { workload: 'fib', implementations: 'x' } }),
    `#s=${'A'.repeat(250_000)}`,
  ];
  for (const hash of bad) {
    await page.goto(`${workloadUrl('fib')}${hash}`);
    await ready(page);
    await expect(page.locator('#share-notice')).toContainText('This share link was not loaded, because');
    await expect(page.locator('input[name="n"]')).toHaveValue('27');
    await expect(page.locator('#compare')).toBeHidden();
  }
});

test('error text from the visitor\'s code is shown as text, never as HTML', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const code = `def fib(n):\n    raise ValueError(${JSON.stringify(`${HOSTILE}<b id="bold">bold</b>`)})\n`;
  await page.goto(workloadUrl('fib', 'n=10&sampling=quick&impls=python,rust') + link({ v: 1, code }));
  await ready(page);
  await page.click('#run');
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'error', { timeout: 120_000 });
  await expect(page.locator('#error')).toContainText(`ValueError: ${HOSTILE}<b id="bold">bold</b>`);
  expect(await page.locator('#error-box img, #error-box b, #bold').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
});
